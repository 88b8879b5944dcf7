import websocket from '@fastify/websocket';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ConversationNotFoundError, type ChatService } from '../assistant/chat-service.js';
import { ChatRequestSchema } from '../assistant/response.js';

const ClientMessageSchema = z.object({ type: z.literal('message') }).and(ChatRequestSchema);
const MAX_PAYLOAD_BYTES = 16 * 1024;
const DELTA_CHARS = 24;

/** Splits an answer into delta pieces at line or sentence ends where possible. */
export function answerDeltas(answer: string): string[] {
  return answer.match(new RegExp(`[\\s\\S]{1,${DELTA_CHARS}}(?:[。；\\n]|$)|[\\s\\S]{1,${DELTA_CHARS}}`, 'g')) ?? [answer];
}

/** WebSocket at /ws: `message` in; `delta` pieces then `final` (the /api/chat payload) out; `error` on failure. */
export async function websocketRoutes(app: FastifyInstance, deps: { chat: ChatService }): Promise<void> {
  await app.register(websocket, { options: { maxPayload: MAX_PAYLOAD_BYTES } });
  app.get('/ws', { websocket: true }, (socket) => {
    const send = (payload: unknown) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
    };
    // Messages on one socket are answered in order.
    let queue: Promise<void> = Promise.resolve();
    socket.on('message', (raw: Buffer) => {
      queue = queue.then(async () => {
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          send({ type: 'error', code: 'malformed_json', message: 'message is not valid JSON' });
          return;
        }
        const parsed = ClientMessageSchema.safeParse(body);
        if (!parsed.success) {
          send({ type: 'error', code: 'validation_error', message: parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; ') });
          return;
        }
        try {
          const { type: _type, ...request } = parsed.data;
          const response = await deps.chat.chat(request);
          for (const text of answerDeltas(response.answer)) send({ type: 'delta', text });
          send({ type: 'final', ...response });
        } catch (error) {
          if (error instanceof ConversationNotFoundError) send({ type: 'error', code: error.code, message: error.message });
          else {
            app.log.error({ err: error }, 'websocket turn failed');
            send({ type: 'error', code: 'internal_error', message: 'internal error' });
          }
        }
      });
    });
  });
}
