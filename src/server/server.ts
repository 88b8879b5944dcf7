import Fastify, { type FastifyInstance } from 'fastify';
import { createChatService, type PolicyCore } from '../app.js';
import { InMemoryConversationStore, type ConversationStore } from '../assistant/conversation.js';
import { SUBSIDY_RULES } from '../policy/index.js';
import { registerErrorHandling } from './errors.js';
import { apiRoutes } from './routes.js';
import { websocketRoutes } from './websocket.js';

export interface ServerOptions {
  store?: ConversationStore;
  logger?: boolean;
}

/** The HTTP + WebSocket server over an opened core; no I/O beyond what its routes do. */
export async function buildServer(core: PolicyCore, options: ServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 64 * 1024 });
  registerErrorHandling(app);
  const chat = createChatService(core, options.store ?? new InMemoryConversationStore(), (verdict) => {
    if (verdict.used) app.log.info({ llm: 'used' }, 'LLM answer accepted');
    else if (verdict.reason !== 'skipped') app.log.warn({ llm: verdict.reason, detail: verdict.detail }, 'LLM answer rejected; grounded answer sent');
  });
  const deps = { corpus: core.corpus, retriever: core.retrieval.retriever, chat, today: core.config.today };
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => ({
    status: 'ready', retrieval: core.retrieval.retriever.mode, documents: core.corpus.documents.length,
    clauses: core.corpus.clauses.length, rules: SUBSIDY_RULES.length,
  }));
  await app.register(websocketRoutes, { chat });
  await app.register(apiRoutes, deps);
  return app;
}
