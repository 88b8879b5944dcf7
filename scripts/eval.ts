// npm run eval [-- --url http://host:port] [--cases evals/cases/dev.jsonl] [--out evals] [--quiet]
// Runs every golden case through the API path (in-process fastify by default, or a live server with --url), scores
// it, measures our retrieval and the fixed-chunk baseline, writes report.json and report.md, and exits 1 below the
// thresholds.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPolicyCore } from '../src/app.js';
import { ChatResponseSchema, type ChatResponse } from '../src/assistant/response.js';
import { readConfig } from '../src/config.js';
import { buildServer } from '../src/server/server.js';
import { FixedChunkBaseline } from '../evals/baseline.js';
import { GOLDEN_CATEGORIES, gateFailures, readGoldenCases, renderMarkdown, scoreAnswer, summarize, type CaseResult } from '../evals/golden.js';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: { url: { type: 'string' }, cases: { type: 'string', default: 'evals/cases/dev.jsonl' }, out: { type: 'string', default: 'evals' }, quiet: { type: 'boolean', default: false } },
});
const url = args.url?.replace(/\/$/, '');
const casesPath = args.cases;
const outDir = args.out;
const quiet = args.quiet;

const config = readConfig({ ...process.env, STORE: 'memory', RATE_LIMIT_PER_MINUTE: '0' });
const core = await openPolicyCore(config, quiet ? () => {} : console.error);
const app = url ? null : await buildServer(core);

/** POST /api/chat (and GET /api/search) through fastify's inject or over HTTP: the same routes either way. */
async function call(method: 'GET' | 'POST', path: string, body?: object): Promise<{ status: number; json: unknown }> {
  if (app) {
    const res = await app.inject({ method, url: path, payload: body });
    return { status: res.statusCode, json: res.json() };
  }
  const res = await fetch(`${url}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: await res.json() };
}

async function converse(turns: string[]): Promise<{ reply: ChatResponse; ms: number }> {
  let conversationId: string | undefined;
  let last: ChatResponse | null = null;
  let ms = 0;
  for (const message of turns) {
    const started = performance.now();
    const res = await call('POST', '/api/chat', { message, conversationId });
    ms = performance.now() - started;
    if (res.status !== 200) throw new Error(`POST /api/chat ${res.status}: ${JSON.stringify(res.json)}`);
    last = ChatResponseSchema.parse(res.json);
    conversationId = last.conversationId;
  }
  if (!last) throw new Error('a case with no turns');
  return { reply: last, ms };
}

const cases = readGoldenCases(casesPath);
const baseline = core.retrieval.embedder ? await FixedChunkBaseline.build(core.corpus, core.retrieval.embedder) : null;
const results: CaseResult[] = [];
const golds = new Map<string, string[]>();
for (const c of cases) {
  const { reply, ms } = await converse(c.turns);
  const result = scoreAnswer(c, reply, ms);
  // Retrieval is measured on single-turn questions with a gold clause (a follow-up's words alone name no clause).
  const gold = c.expect.clauses;
  if (gold && c.turns.length === 1 && !c.expect.refusal) {
    golds.set(c.id, gold);
    const search = await call('GET', `/api/search?q=${encodeURIComponent(c.turns[0] ?? '')}&k=10`);
    const hits = (search.json as { results: { clauseId: string }[] }).results;
    result.ranked = hits.map((h) => h.clauseId);
    if (baseline) {
      result.baselineRanked = (await baseline.rank(c.turns[0] ?? '')).map((ids, i) => ids.find((id) => gold.includes(id)) ?? `chunk#${i}`);
    }
  }
  results.push(result);
}
if (app) await app.close();

const rows = [
  ...GOLDEN_CATEGORIES.map((category) => summarize(category, results.filter((r) => r.category === category), golds)).filter((r) => r.cases > 0),
  summarize('all', results, golds),
];
const overall = rows.at(-1);
const failures = overall ? gateFailures(overall) : ['no cases'];
const meta = {
  cases: `${cases.length} (${casesPath})`,
  target: url ?? 'in-process (fastify inject, same routes as the API)',
  retrieval: url ? `server reports ${((await call('GET', '/readyz')).json as { retrieval: string }).retrieval}` : core.retrieval.status.replace(/^retrieval: /, ''),
  baseline: baseline ? `${baseline.chunkCount} fixed chunks, dense-only` : 'not run (no embedding model)',
  'policy date': config.today,
  gate: failures.length ? `FAIL: ${failures.join('; ')}` : 'pass',
};
mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify({ meta, rows, results }, null, 2)}\n`);
writeFileSync(join(outDir, 'report.md'), renderMarkdown(rows, meta));

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
console.table(Object.fromEntries(rows.map((r) => [r.category, {
  cases: r.cases, passed: r.passed, numeric: pct(r.numericExact), citation: pct(r.citationAccuracy),
  'R@1': pct(r.retrieval?.recallAt1), 'R@3': pct(r.retrieval?.recallAt3), MRR: r.retrieval?.mrr.toFixed(3) ?? '–',
  'base R@3': pct(r.baselineRetrieval?.recallAt3), 'base MRR': r.baselineRetrieval?.mrr.toFixed(3) ?? '–',
  refusal: pct(r.refusalCorrect), phrases: pct(r.phraseRate), 'p50 ms': r.p50ms.toFixed(1), 'p95 ms': r.p95ms.toFixed(1),
}])));
for (const r of results.filter((x) => x.failures.length)) console.log(`✗ ${r.id} [${r.category}] ${r.question}\n    ${r.failures.join('\n    ')}`);
console.log(`eval gate: ${meta.gate} — report in ${join(outDir, 'report.md')}`);
process.exit(failures.length ? 1 : 0);
