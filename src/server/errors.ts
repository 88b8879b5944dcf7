import type { FastifyError, FastifyInstance } from 'fastify';
import { ZodError } from 'zod';
import { ConversationNotFoundError } from '../assistant/chat-service.js';

/** An error a route raises on purpose: it becomes `{ error: { code, message } }` with its status. */
export class ApiError extends Error {
  constructor(readonly statusCode: number, readonly code: string, message: string) {
    super(message);
  }
}

function zodMessage(error: ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}

/** One error shape for every route; never a stack trace. */
export function registerErrorHandling(app: FastifyInstance, countError: (code: string) => void = () => {}): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    const send = (status: number, code: string, message: string) => {
      countError(code);
      return reply.status(status).send({ error: { code, message } });
    };
    if (error instanceof ApiError) return send(error.statusCode, error.code, error.message);
    if (error instanceof ZodError) return send(400, 'validation_error', zodMessage(error));
    if (error instanceof ConversationNotFoundError) return send(404, error.code, error.message);
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return send(413, 'payload_too_large', 'request body is too large');
    if (fastifyError.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return send(415, 'unsupported_media_type', 'send JSON with content-type: application/json');
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const code = fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/i.test(fastifyError.message) ? 'malformed_json' : 'bad_request';
      return send(fastifyError.statusCode, code, fastifyError.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(500, 'internal_error', 'internal error');
  });
  app.setNotFoundHandler((request, reply) => {
    countError('not_found');
    return reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}` } });
  });
}
