import { randomUUID } from 'node:crypto';
import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance, type FastifyRequest, type FastifyServerOptions } from 'fastify';
import { createChatService, type PolicyCore } from '../app.js';
import { InMemoryConversationStore, type ConversationStore } from '../assistant/conversation.js';
import type { AppConfig } from '../config.js';
import { hasLoneSurrogate, LONE_SURROGATE_MESSAGE } from './chat-request.js';
import { apiError, clientErrorHandler, frameworkErrorHandler, registerErrorHandling, RETRY_AFTER_SECONDS } from './errors.js';
import { addressAllowList, capConnections, isBudgetedRoute } from './limits.js';
import { createMetrics } from './metrics.js';
import { apiRoutes } from './routes.js';
import { webRoutes } from './web.js';
import { websocketRoutes } from './websocket.js';

export type ServerLimits = Pick<AppConfig, 'rateLimitPerMinute' | 'wsMessagesPerMinute' | 'wsIdleSeconds' | 'corsOrigins' |
  'wsConnectionsPerIp' | 'requestTimeoutSeconds' | 'connectionsPerIp' | 'maxConnections' | 'trustProxy' | 'metricsAllow'>;

export interface ServerOptions {
  store?: ConversationStore;
  logger?: FastifyServerOptions['logger'];
  /** Overrides of the configured limits (tests use small ones). */
  limits?: Partial<ServerLimits>;
}

export const BODY_LIMIT_BYTES = 64 * 1024;

/** A proxy's request id is kept only when it is short and UUID-like; anything else could forge or flood the logs. */
const REQUEST_ID = /^[0-9a-f-]{8,36}$/i;
export function acceptedRequestId(header: string | string[] | undefined): string | null {
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : null;
}

/** The HTTP + WebSocket server over an opened core; no I/O beyond what its routes and its store do. */
export async function buildServer(core: PolicyCore, options: ServerOptions = {}): Promise<FastifyInstance> {
  const limits: ServerLimits = { ...core.config, ...options.limits };
  const requestTimeoutMs = limits.requestTimeoutSeconds * 1000;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Request ids: a proxy's x-request-id when it is UUID-like, else generated; logged and echoed back.
    requestIdHeader: false,
    genReqId: (raw) => acceptedRequestId(raw.headers['x-request-id']) ?? randomUUID(),
    // Requests that arrive while closing are refused in our error shape (hook below), not fastify's.
    return503OnClosing: false,
    // One access-log line per request (below) instead of fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    connectionTimeout: 30_000,
    keepAliveTimeout: 10_000,
    // The whole request (headers and body) must arrive in time: a body sent a byte at a time no longer holds a socket.
    requestTimeout: requestTimeoutMs,
    http: { headersTimeout: Math.min(requestTimeoutMs, 60_000), connectionsCheckingInterval: Math.min(Math.max(requestTimeoutMs / 4, 250), 5_000) },
    trustProxy: limits.trustProxy,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
  });
  const metrics = createMetrics();
  capConnections(app.server, { perIp: limits.connectionsPerIp, total: limits.maxConnections }, (cap) => metrics.connectionsRefused.inc({ cap }));
  const store = options.store ?? new InMemoryConversationStore();
  registerErrorHandling(app, (code) => metrics.errors.inc({ code }));

  // Once shutdown starts, answers still in flight close their connection, so a keep-alive socket does not hold
  // the process open until its idle timeout; new requests are told to retry.
  let closing = false;
  app.addHook('preClose', async () => { closing = true; });
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (closing) throw apiError('shutting_down', undefined, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  });
  // JSON can carry a lone surrogate, which no store keeps as it was acknowledged: refuse it at the door.
  app.addHook('preValidation', async (request) => {
    if (hasLoneSurrogate(request.body) || hasLoneSurrogate(request.query)) throw apiError('validation_error', LONE_SURROGATE_MESSAGE);
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.requests.inc({ method: request.method, route, status: reply.statusCode });
    metrics.latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 }, 'request');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        // 'self' covers ws:/wss: to this page's own host (CSP 3); no other host.
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        // The embed snippet frames the widget on the sites of the CORS allow-list, and nowhere else.
        frameAncestors: ["'self'", ...limits.corsOrigins],
        // Served over plain http on loopback and intranets too: do not force https for subresources.
        upgradeInsecureRequests: null,
      },
    },
    frameguard: false,
    // embed.js is loaded by <script> from other sites.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
  });
  await app.register(cors, { origin: limits.corsOrigins.length ? limits.corsOrigins : false, methods: ['GET', 'POST'] });
  if (limits.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: limits.rateLimitPerMinute,
      timeWindow: '1 minute',
      // Pages, scripts and probes are not rate-limited; the API and WebSocket upgrades are. Decided on the route
      // that matched, so /%61pi/chat or an absolute-form target is counted like /api/chat.
      allowList: (request) => !isBudgetedRoute(request.routeOptions.url),
      errorResponseBuilder: (_request, context) =>
        apiError('rate_limited', `too many requests: at most ${context.max} per minute; retry in ${context.after}`),
    });
  }
  const limiter = limits.rateLimitPerMinute > 0 ? app.createRateLimit() : null;
  const spendBudget = limiter && (async (request: FastifyRequest) => {
    const outcome = await limiter(request);
    return outcome.isAllowed || !outcome.isExceeded;
  });

  const chat = createChatService(core, store, (verdict) => {
    metrics.llmVerdicts.inc({ outcome: verdict.used ? 'used' : verdict.reason });
    if (verdict.used) app.log.info({ llm: 'used' }, 'LLM answer accepted');
    else if (verdict.reason !== 'skipped') app.log.warn({ llm: verdict.reason, detail: verdict.detail }, 'LLM answer rejected; grounded answer sent');
  });
  const deps = { corpus: core.corpus, retriever: core.retrieval.retriever, chat, store, today: core.config.today, metrics, rules: core.rules };
  app.get('/healthz', async () => ({ status: 'ok' }));
  // Not ready when the store cannot keep turns (file removed, disk full): a balancer sends users elsewhere.
  app.get('/readyz', async (_request, reply) => {
    const storage = await store.health();
    if (!storage.ok) reply.status(503);
    return {
      status: storage.ok ? 'ready' : 'unavailable', storage: storage.ok ? 'ok' : 'unavailable', ...(storage.ok ? {} : { reason: storage.reason }),
      retrieval: core.retrieval.retriever.mode, documents: core.corpus.documents.length,
      clauses: core.corpus.clauses.length, rules: core.rules.rules.length, llm: core.llm ? 'on' : 'off',
    };
  });
  const mayReadMetrics = addressAllowList(limits.metricsAllow);
  app.get('/metrics', async (request, reply) => {
    if (!mayReadMetrics(request.ip)) throw apiError('forbidden', '/metrics is served only to the addresses in METRICS_ALLOW');
    reply.type(metrics.registry.contentType);
    return metrics.registry.metrics();
  });
  await app.register(websocketRoutes, { chat, metrics, limits, spendBudget });
  await app.register(apiRoutes, deps);
  await app.register(webRoutes, { webDir: core.config.webDir });
  // Graceful close: answers already being written finish and are stored before the store closes.
  app.addHook('onClose', async () => {
    await chat.drain();
    await store.close();
  });
  return app;
}
