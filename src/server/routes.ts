import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ChatService } from '../assistant/chat-service.js';
import { searchPolicy } from '../assistant/policy-search.js';
import { FeedbackRequestSchema, type ConversationStore } from '../assistant/conversation.js';
import { documentStatus, type Corpus } from '../corpus/index.js';
import { parseAmount } from '../nlu/quantities.js';
import { BasisFieldSchema, NON_QUANTITATIVE_DOCUMENTS, SUBSIDY_RULES, computeSubsidy, findRule, yuanString } from '../policy/index.js';
import type { Retriever } from '../retrieval/index.js';
import { ChatBodySchema } from './chat-request.js';
import { ApiError } from './errors.js';
import type { ServerMetrics } from './metrics.js';

export interface RouteDeps {
  corpus: Corpus;
  retriever: Retriever;
  chat: ChatService;
  store: ConversationStore;
  metrics: ServerMetrics;
  today: string;
}

const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(500),
  k: z.coerce.number().int().min(1).max(50).default(5),
  docId: z.string().optional(),
});

const CalculateBodySchema = z.object({
  ruleId: z.string().min(1),
  inputs: z.record(z.string(), z.union([z.string().max(100), z.number(), z.boolean()])).default({}),
});

// Fields that take an amount of money; a string such as "200万" is read by the quantity parser first.
const MONEY_FIELDS = new Set<string>([...BasisFieldSchema.options, 'alreadyReceivedThisYear', 'provincialShareIncrement',
  'cityShareIncrement', 'countyShareIncrement', 'fixedAssetInvestment', 'monthlyRentPerSquareMetre']);

/** Reads "200万" / "¥2,000,000" into 元 for money fields; errors name the field. */
function normalizeMoneyInputs(inputs: Record<string, string | number | boolean>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...inputs };
  for (const [field, value] of Object.entries(inputs)) {
    if (!MONEY_FIELDS.has(field) || typeof value !== 'string' || /^-?\d+(\.\d+)?$/.test(value.trim())) continue;
    const reading = parseAmount(value);
    if (!reading.ok) throw new ApiError(400, 'invalid_input', `${field}: ${reading.message}`);
    out[field] = yuanString(reading.yuan);
  }
  return out;
}

/** The JSON API: chat, search, calculate, rules, documents, clauses. Handlers parse, call the core, serialize. */
export async function apiRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { corpus } = deps;
  const documentSummary = (id: string) => {
    const d = corpus.documentById.get(id);
    if (!d) throw new ApiError(404, 'not_found', `no document "${id}"`);
    const { text: _text, ...manifest } = d;
    return { ...manifest, status: documentStatus(d, deps.today), clauseCount: corpus.clauses.filter((c) => c.docId === id).length };
  };

  app.post('/api/chat', async (request) => {
    const response = await deps.chat.chat(ChatBodySchema.parse(request.body));
    deps.metrics.intents.inc({ intent: response.intent, channel: 'http' });
    return response;
  });

  app.post('/api/feedback', async (request, reply) => {
    const feedback = FeedbackRequestSchema.parse(request.body);
    const stored = await deps.store.saveFeedback({ ...feedback, at: new Date().toISOString() });
    if (!stored) throw new ApiError(404, 'not_found', `conversation "${feedback.conversationId}" has no turn ${feedback.turnIndex}`);
    return reply.status(201).send({ ok: true });
  });

  app.get('/api/conversations/:id', async (request) => {
    const { id } = z.object({ id: z.string().min(1).max(100) }).parse(request.params);
    const conversation = await deps.store.get(id);
    if (!conversation) throw new ApiError(404, 'conversation_not_found', `conversation "${id}" does not exist`);
    const feedback = await deps.store.feedbackFor(id);
    return {
      conversationId: conversation.id, createdAt: conversation.createdAt,
      turns: conversation.turns.map((t, turnIndex) => {
        const rated = feedback.find((f) => f.turnIndex === turnIndex);
        return { turnIndex, ...t, feedback: rated ? { rating: rated.rating, comment: rated.comment ?? null, at: rated.at } : null };
      }),
    };
  });

  app.get('/api/search', async (request) => {
    const query = SearchQuerySchema.parse(request.query);
    if (query.docId && !corpus.documentById.has(query.docId)) throw new ApiError(404, 'not_found', `no document "${query.docId}"`);
    const hits = await searchPolicy(corpus, deps.retriever, { query: query.q, k: query.k, docId: query.docId });
    return {
      query: query.q, mode: deps.retriever.mode,
      results: hits.map((h) => {
        const doc = corpus.documentById.get(h.clause.docId);
        return { clauseId: h.clause.id, docId: h.clause.docId, docTitle: doc?.title ?? '', docNumber: doc?.docNumber ?? null,
          label: h.clause.label, title: h.clause.title, text: h.clause.text, score: h.score, matchedTerms: h.matchedTerms, ranks: h.ranks };
      }),
    };
  });

  app.post('/api/calculate', async (request) => {
    const body = CalculateBodySchema.parse(request.body);
    if (!findRule(body.ruleId)) throw new ApiError(404, 'unknown_rule', `no subsidy rule "${body.ruleId}"; see GET /api/rules`);
    const outcome = computeSubsidy(body.ruleId, normalizeMoneyInputs(body.inputs), { today: deps.today, documents: corpus.documentById });
    if (!outcome.ok) throw new ApiError(400, outcome.error.code, outcome.error.message);
    return outcome.calculation;
  });

  app.get('/api/rules', async () => ({ rules: SUBSIDY_RULES, documentsWithoutRates: NON_QUANTITATIVE_DOCUMENTS }));
  app.get('/api/documents', async () => ({ documents: corpus.documents.map((d) => documentSummary(d.id)) }));
  app.get('/api/documents/:id', async (request) => {
    const { id } = z.object({ id: z.string() }).parse(request.params);
    return { ...documentSummary(id), text: corpus.documentById.get(id)?.text ?? '',
      clauses: corpus.clauses.filter((c) => c.docId === id) };
  });
  app.get('/api/clauses/:id', async (request) => {
    const { id } = z.object({ id: z.string() }).parse(request.params);
    const clause = corpus.clauseById.get(id);
    if (!clause) throw new ApiError(404, 'not_found', `no clause "${id}"`);
    return { ...clause, document: documentSummary(clause.docId) };
  });
}
