import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { ConversationNotFoundError } from '../assistant/chat-service.js';
import { ConversationFullError, StorageUnavailableError, TurnConflictError } from '../assistant/conversation.js';
import { EmbeddingQueueFullError } from '../retrieval/index.js';

/**
 * The one catalogue of errors a client can see, the framework's own included: each code with its status and the
 * message it carries when the raiser has nothing more specific to say. Bodies are `{ error: { code, message } }`.
 */
export const ERROR_CATALOGUE = {
  bad_request: { status: 400, message: 'malformed request' },
  malformed_json: { status: 400, message: 'body is not valid JSON' },
  validation_error: { status: 400, message: 'invalid request' },
  invalid_input: { status: 400, message: 'invalid calculator input' },
  forbidden: { status: 403, message: 'not available from this address' },
  origin_not_allowed: { status: 403, message: 'this origin may not open a WebSocket here; see CORS_ORIGINS' },
  not_found: { status: 404, message: 'not found' },
  conversation_not_found: { status: 404, message: 'conversation does not exist' },
  unknown_rule: { status: 404, message: 'no such subsidy rule; see GET /api/rules' },
  method_not_allowed: { status: 405, message: 'method not allowed' },
  request_timeout: { status: 408, message: 'the request did not arrive in time' },
  conversation_full: { status: 409, message: 'this conversation holds its maximum of turns; start a new conversation' },
  turn_conflict: { status: 409, message: 'the conversation changed while this turn was answered; send the message again' },
  payload_too_large: { status: 413, message: 'request body is too large' },
  uri_too_long: { status: 414, message: 'a path segment is too long' },
  unsupported_media_type: { status: 415, message: 'send JSON with content-type: application/json' },
  rate_limited: { status: 429, message: 'too many requests' },
  too_many_connections: { status: 429, message: 'too many open connections from this address' },
  header_too_large: { status: 431, message: 'request headers are too large' },
  internal_error: { status: 500, message: 'internal error' },
  overloaded: { status: 503, message: 'the server is busy; retry shortly' },
  shutting_down: { status: 503, message: 'the server is restarting; retry shortly' },
  storage_unavailable: { status: 503, message: 'the conversation store is unavailable' },
} as const satisfies Record<string, { status: number; message: string }>;
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** Seconds a client is asked to wait after a 503 (load shed, restart). */
export const RETRY_AFTER_SECONDS = 1;

/** An error a route raises on purpose: it becomes `{ error: { code, message } }` with its status. */
export class ApiError extends Error {
  constructor(readonly statusCode: number, readonly code: ErrorCode, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

/** An ApiError whose status comes from the catalogue. */
export function apiError(code: ErrorCode, message: string = ERROR_CATALOGUE[code].message, headers: Record<string, string> = {}): ApiError {
  return new ApiError(ERROR_CATALOGUE[code].status, code, message, headers);
}

export function errorBody(code: string, message: string): { error: { code: string; message: string } } {
  return { error: { code, message } };
}

/** A whole HTTP response in the error shape, for the places that write to a socket before fastify has a reply. */
export function rawErrorResponse(code: ErrorCode, message: string = ERROR_CATALOGUE[code].message): string {
  const { status } = ERROR_CATALOGUE[code];
  const body = JSON.stringify(errorBody(code, message));
  return `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

function zodMessage(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/** The catalogue entry for an error fastify or its plugins raised. */
function frameworkError(error: FastifyError): ApiError {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return apiError('payload_too_large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return apiError('unsupported_media_type');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY': return apiError('malformed_json', error.message);
    case 'FST_ERR_BAD_URL': return apiError('bad_request', 'the path is not valid percent-encoded UTF-8');
    case 'FST_ERR_MAX_PARAM_LENGTH': return apiError('uri_too_long');
    default:
      if (error instanceof SyntaxError || /JSON/i.test(error.message)) return apiError('malformed_json', error.message);
      return apiError('bad_request', error.message);
  }
}

/**
 * The catalogue entry for an error the core or the store raised on purpose, or null for anything else; HTTP and
 * WebSocket answers both read it, so a full conversation or an unavailable store says so on either door.
 */
export function coreError(error: unknown): ApiError | null {
  if (error instanceof ConversationNotFoundError) return apiError('conversation_not_found', error.message);
  if (error instanceof ConversationFullError) return apiError('conversation_full', error.message);
  if (error instanceof TurnConflictError) return apiError('turn_conflict', error.message);
  if (error instanceof StorageUnavailableError) return apiError('storage_unavailable', error.message);
  if (error instanceof EmbeddingQueueFullError) return apiError('overloaded', undefined, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  return null;
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One error shape for every route and for the framework's own refusals; never a stack trace. */
export function registerErrorHandling(app: FastifyInstance, countError: (code: string) => void = () => {}): void {
  const send = (reply: FastifyReply, error: ApiError) => {
    countError(error.code);
    return reply.status(error.statusCode).headers(error.headers).send(errorBody(error.code, error.message));
  };
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ApiError) return send(reply, error);
    if (error instanceof ZodError) return send(reply, apiError('validation_error', zodMessage(error)));
    if (error instanceof StorageUnavailableError) request.log.error({ err: error }, 'conversation store unavailable');
    const known = coreError(error);
    if (known) return send(reply, known);
    const status = (error as FastifyError).statusCode;
    if (status !== undefined && status >= 400 && status < 500) return send(reply, frameworkError(error as FastifyError));
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, apiError('internal_error'));
  });
  // A path that exists under another method is a 405 that names the methods it takes.
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const allowed = METHODS.filter((method) => method !== request.method && app.findRoute({ method, url: path }) !== null);
    if (allowed.length) {
      return send(reply, apiError('method_not_allowed', `${request.method} is not allowed on ${path}; use ${allowed.join(', ')}`,
        { allow: allowed.join(', ') }));
    }
    return send(reply, apiError('not_found', `no route ${request.method} ${path}`));
  });
}

/** fastify's `frameworkErrors`: a path it cannot decode or route, in our shape. */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const apiErr = frameworkError(error);
  void reply.status(apiErr.statusCode).header('x-request-id', request.id).send(errorBody(apiErr.code, apiErr.message));
}

/** fastify's `clientErrorHandler`: request lines and headers Node could not parse, or that came too slowly. */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const code: ErrorCode = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout'
    : error.code === 'HPE_HEADER_OVERFLOW' ? 'header_too_large' : 'bad_request';
  if (socket.writable) socket.end(rawErrorResponse(code));
  socket.destroySoon();
}
