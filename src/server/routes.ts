import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ChatService } from '../assistant/chat-service.js';
import { searchPolicy } from '../assistant/policy-search.js';
import { FeedbackRequestSchema, type ConversationStore } from '../assistant/conversation.js';
import { documentStatus, type Corpus } from '../corpus/index.js';
import { findNumberProblems, findQuantities, parseAmount, parseRent } from '../nlu/quantities.js';
import { computeSubsidy, yuanString, type PolicyRules, type SubsidyRule } from '../policy/index.js';
import type { Retriever } from '../retrieval/index.js';
import { ChatBodySchema } from './chat-request.js';
import { apiError } from './errors.js';
import type { ServerMetrics } from './metrics.js';

export interface RouteDeps {
  corpus: Corpus;
  retriever: Retriever;
  chat: ChatService;
  store: ConversationStore;
  metrics: ServerMetrics;
  today: string;
  rules: PolicyRules;
}

const SearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'q must not be empty').max(500),
  k: z.coerce.number().int().min(1).max(50).default(5),
  docId: z.string().optional(),
});

const ConversationPageQuerySchema = z.object({
  from: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const CalculateBodySchema = z.object({
  ruleId: z.string().min(1),
  inputs: z.record(z.string(), z.union([z.string().max(100), z.number(), z.boolean()])).default({}),
});

/**
 * Reads "200万" / "¥2,000,000" into 元 for the rule's money inputs and "40元/平方米/月" for its rent inputs (the
 * dimensions from its row); errors name the field.
 */
function normalizeMoneyInputs(rule: SubsidyRule, inputs: Record<string, string | number | boolean>): Record<string, unknown> {
  const moneyFields = new Set([...rule.inputs.filter((i) => i.dimension === 'money').map((i) => i.key),
    ...rule.thresholds.filter((t) => t.dimension === 'money').map((t) => t.input)]);
  const rentFields = new Set(rule.inputs.filter((i) => i.dimension === 'rent').map((i) => i.key));
  const areaFields = new Set([...rule.inputs.filter((i) => i.dimension === 'area').map((i) => i.key),
    ...rule.thresholds.filter((t) => t.dimension === 'area').map((t) => t.input)]);
  const out: Record<string, unknown> = { ...inputs };
  for (const [field, value] of Object.entries(inputs)) {
    if (typeof value !== 'string' || /^-?\d+(\.\d+)?$/.test(value.trim())) continue;
    if (moneyFields.has(field)) {
      const reading = parseAmount(value);
      if (!reading.ok) throw apiError('invalid_input', `${field}: ${reading.message}`);
      out[field] = yuanString(reading.yuan);
    } else if (rentFields.has(field)) {
      const reading = parseRent(value);
      if (!reading.ok) throw apiError('invalid_input', `${field}: ${reading.message}`);
      out[field] = yuanString(reading.yuanPerSquareMetreMonth);
    } else if (areaFields.has(field)) {
      // "1000平方米", "8000平": exactly one area, as the form's placeholder shows it.
      const areas = findQuantities(value).filter((q) => q.kind === 'area');
      const [area] = areas;
      if (areas.length !== 1 || !area || findNumberProblems(value).length) throw apiError('invalid_input', `${field}: “${value}”不是一个面积（例如 1000平方米）`);
      out[field] = area.value.toFixed();
    }
  }
  return out;
}

/** The JSON API: chat, search, calculate, rules, documents, clauses. Handlers parse, call the core, serialize. */
export async function apiRoutes(app: FastifyInstance, deps: RouteDeps): Promise<void> {
  const { corpus } = deps;
  const documentSummary = (id: string) => {
    const d = corpus.documentById.get(id);
    if (!d) throw apiError('not_found', `no document "${id}"`);
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
    if (!stored) throw apiError('not_found', `conversation "${feedback.conversationId}" has no turn ${feedback.turnIndex}`);
    return reply.status(201).send({ ok: true });
  });

  // One page of turns: `from` (a turn number) and `limit`; without `from`, the latest page, which a widget restores.
  app.get('/api/conversations/:id', async (request) => {
    const { id } = z.object({ id: z.string().min(1).max(100) }).parse(request.params);
    const query = ConversationPageQuerySchema.parse(request.query);
    const notFound = () => apiError('conversation_not_found', `conversation "${id}" does not exist`);
    const from = query.from ?? Math.max(0, ((await deps.store.turnPage(id, 0, 0)) ?? { turnCount: 0 }).turnCount - query.limit);
    const page = await deps.store.turnPage(id, from, query.limit);
    if (!page) throw notFound();
    const feedback = await deps.store.feedbackFor(id);
    return {
      conversationId: page.conversationId, createdAt: page.createdAt, turnCount: page.turnCount, from, limit: query.limit,
      previous: from > 0 ? Math.max(0, from - query.limit) : null,
      next: from + query.limit < page.turnCount ? from + query.limit : null,
      turns: page.turns.map((t) => {
        const rated = feedback.find((f) => f.turnIndex === t.turnIndex);
        return { ...t, feedback: rated ? { rating: rated.rating, comment: rated.comment ?? null, at: rated.at } : null };
      }),
    };
  });

  app.get('/api/search', async (request) => {
    const query = SearchQuerySchema.parse(request.query);
    if (query.docId && !corpus.documentById.has(query.docId)) throw apiError('not_found', `no document "${query.docId}"`);
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
    const rule = deps.rules.find(body.ruleId);
    if (!rule) throw apiError('unknown_rule', `no subsidy rule "${body.ruleId}"; see GET /api/rules`);
    const outcome = computeSubsidy(rule, normalizeMoneyInputs(rule, body.inputs), { today: deps.today, documents: corpus.documentById });
    if (!outcome.ok) throw apiError(outcome.error.code, outcome.error.message);
    return outcome.calculation;
  });

  app.get('/api/rules', async () => ({ rules: deps.rules.rules, documentsWithoutRates: deps.rules.nonQuantitative }));
  app.get('/api/documents', async () => ({ documents: corpus.documents.map((d) => documentSummary(d.id)) }));
  app.get('/api/documents/:id', async (request) => {
    const { id } = z.object({ id: z.string() }).parse(request.params);
    return { ...documentSummary(id), text: corpus.documentById.get(id)?.text ?? '',
      clauses: corpus.clauses.filter((c) => c.docId === id) };
  });
  app.get('/api/clauses/:id', async (request) => {
    const { id } = z.object({ id: z.string() }).parse(request.params);
    const clause = corpus.clauseById.get(id);
    if (!clause) throw apiError('not_found', `no clause "${id}"`);
    return { ...clause, document: documentSummary(clause.docId) };
  });
}
