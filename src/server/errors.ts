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
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | Error, request, reply) => {
    if (error instanceof ApiError) return reply.status(error.statusCode).send({ error: { code: error.code, message: error.message } });
    if (error instanceof ZodError) return reply.status(400).send({ error: { code: 'validation_error', message: zodMessage(error) } });
    if (error instanceof ConversationNotFoundError) return reply.status(404).send({ error: { code: error.code, message: error.message } });
    const fastifyError = error as FastifyError;
    if (fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send({ error: { code: 'payload_too_large', message: 'request body is too large' } });
    }
    if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
      const code = fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/i.test(fastifyError.message) ? 'malformed_json' : 'bad_request';
      return reply.status(fastifyError.statusCode).send({ error: { code, message: fastifyError.message } });
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send({ error: { code: 'internal_error', message: 'internal error' } });
  });
  app.setNotFoundHandler((request, reply) =>
    reply.status(404).send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url}` } }));
}
