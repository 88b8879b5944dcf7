import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import type { ChatService } from '../assistant/chat-service.js';
import { ChatBodySchema } from './chat-request.js';
import { apiError, coreError, ERROR_CATALOGUE, type ErrorCode } from './errors.js';
import { PerAddressCount } from './limits.js';
import type { ServerMetrics } from './metrics.js';
import type { ServerLimits } from './server.js';

const ClientMessageSchema = z.object({ type: z.literal('message') }).and(ChatBodySchema);
export const WS_MAX_PAYLOAD_BYTES = 16 * 1024;
const DELTA_CHARS = 40;
const HEARTBEAT_MS = 30_000;

/** Splits an answer into delta pieces at line or sentence ends where possible. */
export function answerDeltas(answer: string): string[] {
  return answer.match(new RegExp(`[\\s\\S]{1,${DELTA_CHARS}}(?:[。；\\n]|$)|[\\s\\S]{1,${DELTA_CHARS}}`, 'g')) ?? [answer];
}

/** A sliding one-minute window of message times: true while the connection is under its limit. */
function messageBudget(perMinute: number) {
  const times: number[] = [];
  return (now: number) => {
    while (times.length && (times[0] ?? 0) <= now - 60_000) times.shift();
    if (times.length >= perMinute) return false;
    times.push(now);
    return true;
  };
}

interface WebSocketDeps {
  chat: ChatService;
  metrics: ServerMetrics;
  limits: Pick<ServerLimits, 'wsMessagesPerMinute' | 'wsIdleSeconds' | 'wsConnectionsPerIp' | 'corsOrigins'>;
  /** Spends one unit of the client IP's request budget (the one HTTP uses); false: the budget is spent. Null: no budget. */
  spendBudget: ((request: FastifyRequest) => Promise<boolean>) | null;
}

/**
 * Browsers always send Origin on a WebSocket upgrade, and CORS does not apply to WebSockets: a page on this server's
 * own host or on an allow-listed site may connect. Clients that send no Origin are not browsers and are let in.
 */
function originAllowed(request: FastifyRequest, corsOrigins: readonly string[]): boolean {
  const { origin } = request.headers;
  if (origin === undefined) return true;
  if (corsOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.host;
  } catch {
    return false;
  }
}

/** WebSocket at /ws: `message` in; `delta` pieces then `final` (the /api/chat payload) out; `error` on failure. */
export async function websocketRoutes(app: FastifyInstance, deps: WebSocketDeps): Promise<void> {
  const sockets = new Set<WebSocket>();
  await app.register(websocket, {
    options: { maxPayload: WS_MAX_PAYLOAD_BYTES },
    // Shutdown: answers in progress are sent first, then every socket is told the server is going away (1001).
    preClose: async function closeSockets() {
      await deps.chat.drain();
      for (const socket of sockets) socket.close(1001, 'server shutting down');
      await new Promise<void>((done) => app.websocketServer.close(() => done()));
    },
  });

  const openPerIp = new PerAddressCount();
  const admit = async (request: FastifyRequest) => {
    if (!originAllowed(request, deps.limits.corsOrigins)) {
      throw apiError('origin_not_allowed', `origin ${request.headers.origin ?? ''} may not open a WebSocket here; see CORS_ORIGINS`);
    }
    const cap = deps.limits.wsConnectionsPerIp || Number.POSITIVE_INFINITY;
    if (!openPerIp.take(request.ip, cap)) {
      throw apiError('too_many_connections', `at most ${deps.limits.wsConnectionsPerIp} open WebSockets from one address`);
    }
    // Released when the TCP connection closes, whether or not the upgrade went through.
    request.raw.socket.once('close', () => openPerIp.release(request.ip));
  };

  app.get('/ws', { websocket: true, preValidation: admit }, (socket, request) => {
    sockets.add(socket);
    deps.metrics.wsConnections.inc();
    const send = (payload: unknown) => {
      if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
    };
    // Error events carry the catalogue's codes, as HTTP errors do.
    const fail = (code: ErrorCode, message: string = ERROR_CATALOGUE[code].message) => send({ type: 'error', code, message });
    const withinBudget = messageBudget(deps.limits.wsMessagesPerMinute);
    let idle: NodeJS.Timeout;
    const resetIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(() => socket.close(1000, 'idle timeout'), deps.limits.wsIdleSeconds * 1000);
    };
    resetIdle();
    // Dead peers (a phone that lost signal) are found by ping/pong and dropped.
    let alive = true;
    socket.on('pong', () => { alive = true; });
    const heartbeat = setInterval(() => {
      if (!alive) { socket.terminate(); return; }
      alive = false;
      socket.ping();
    }, HEARTBEAT_MS);
    socket.on('close', () => {
      sockets.delete(socket);
      clearTimeout(idle);
      clearInterval(heartbeat);
      deps.metrics.wsConnections.dec();
    });
    socket.on('error', (error) => app.log.warn({ err: error }, 'websocket error'));

    // Messages on one socket are answered in order.
    let queue: Promise<void> = Promise.resolve();
    socket.on('message', (raw: Buffer) => {
      resetIdle();
      if (!withinBudget(Date.now())) {
        fail('rate_limited', `too many messages: at most ${deps.limits.wsMessagesPerMinute} per minute on one connection`);
        return;
      }
      queue = queue.then(async () => {
        if (deps.spendBudget && !(await deps.spendBudget(request))) {
          fail('rate_limited', 'too many requests from this address (HTTP and WebSocket messages together); retry in a minute');
          return;
        }
        let body: unknown;
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          fail('malformed_json', 'message is not valid JSON');
          return;
        }
        const parsed = ClientMessageSchema.safeParse(body);
        if (!parsed.success) {
          fail('validation_error', parsed.error.issues.map((i) => `${i.path.join('.') || 'message'}: ${i.message}`).join('; '));
          return;
        }
        try {
          const { type: _type, ...chatRequest } = parsed.data;
          const response = await deps.chat.chat(chatRequest);
          deps.metrics.intents.inc({ intent: response.intent, channel: 'ws' });
          for (const text of answerDeltas(response.answer)) send({ type: 'delta', text });
          send({ type: 'final', ...response });
        } catch (error) {
          // The same codes as over HTTP (conversation_full, storage_unavailable, overloaded …), never a bare internal_error.
          const known = coreError(error);
          if (known) fail(known.code, known.message);
          else {
            app.log.error({ err: error }, 'websocket turn failed');
            fail('internal_error');
          }
        }
      });
    });
  });
}
