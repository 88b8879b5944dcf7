// npm run eval [-- --url http://host:port] [--cases evals/cases/dev.jsonl] [--holdout evals/cases/holdout.jsonl|none]
//              [--metamorphic on|off] [--out evals] [--quiet] [--gate-all]
// Runs the dev and holdout cases through the API path (in-process fastify by default, or a live server with --url),
// scores them, measures our retrieval and the fixed-chunk baseline, replays every metamorphic variant of the dev
// questions, checks every target of evals/thresholds.ts, writes report.json, report.md and report-metamorphic.md,
// and exits 1 when a gating target is not met (--gate-all: when any target is not met).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openPolicyCore } from '../src/app.js';
import { ChatResponseSchema, type ChatResponse } from '../src/assistant/response.js';
import { readConfig } from '../src/config.js';
import { buildServer } from '../src/server/server.js';
import { FixedChunkBaseline } from '../evals/baseline.js';
import { describeVerdict, evaluateTargets, gateFailures, verdictFlag } from '../evals/gate.js';
import { GOLDEN_CATEGORIES, duplicateIds, readGoldenCases, type GoldenCase } from '../evals/golden.js';
import { generateVariants } from '../evals/metamorphic/generate.js';
import { figuresOf, renderMetamorphicMarkdown, sameFigures, summarizeStability, unstableInTurn, type Figures, type VariantOutcome } from '../evals/metamorphic/invariance.js';
import { categoryColumns, renderMarkdown, verdictColumns } from '../evals/report.js';
import { scoreAnswer, summarizeByCategory, type CaseResult, type CategoryRow } from '../evals/scoring.js';

const DEFAULT_HOLDOUT = 'evals/cases/holdout.jsonl';
const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    cases: { type: 'string', default: 'evals/cases/dev.jsonl' },
    holdout: { type: 'string', default: DEFAULT_HOLDOUT },
    metamorphic: { type: 'string', default: 'on' },
    out: { type: 'string', default: 'evals' },
    quiet: { type: 'boolean', default: false },
    'gate-all': { type: 'boolean', default: false },
  },
});
if (args.metamorphic !== 'on' && args.metamorphic !== 'off') throw new Error('--metamorphic must be on or off');
const url = args.url?.replace(/\/$/, '');
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const progress = (line: string) => { if (!args.quiet) console.error(`[eval ${elapsed()}] ${line}`); };

const config = readConfig({ ...process.env, STORE: 'memory', RATE_LIMIT_PER_MINUTE: '0' });
const core = await openPolicyCore(config, args.quiet ? () => {} : console.error);
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

/** One conversation, a fresh one each time; the milliseconds of every answer. */
async function converse(turns: readonly string[]): Promise<{ reply: ChatResponse; turnMs: number[] }> {
  let conversationId: string | undefined;
  let last: ChatResponse | null = null;
  const turnMs: number[] = [];
  for (const message of turns) {
    const t0 = performance.now();
    const res = await call('POST', '/api/chat', { message, conversationId });
    turnMs.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`POST /api/chat ${res.status} for “${message}”: ${JSON.stringify(res.json)}`);
    last = ChatResponseSchema.parse(res.json);
    conversationId = last.conversationId;
  }
  if (!last) throw new Error('a case with no turns');
  return { reply: last, turnMs };
}

const dev = readGoldenCases(args.cases);
const holdoutPath = args.holdout === 'none' ? null : args.holdout;
if (holdoutPath && !existsSync(holdoutPath) && holdoutPath !== DEFAULT_HOLDOUT) throw new Error(`${holdoutPath}: no such file`);
const holdout = holdoutPath && existsSync(holdoutPath) ? readGoldenCases(holdoutPath) : null;
const duplicates = duplicateIds([...dev, ...(holdout ?? [])]);
if (duplicates.length) throw new Error(`case ids used twice: ${duplicates.join(', ')}`);

const baseline = core.retrieval.embedder ? await FixedChunkBaseline.build(core.corpus, core.retrieval.embedder) : null;

// First answers pay for JIT and lazy loading; the latency target is about the steady state.
for (const c of dev.slice(0, 5)) await converse(c.turns);

interface SetRun {
  results: CaseResult[];
  rows: CategoryRow[];
  /** The last answer's figures, per case id (the metamorphic originals). */
  figures: Map<string, Figures>;
}

async function runSet(cases: readonly GoldenCase[]): Promise<SetRun> {
  const results: CaseResult[] = [];
  const golds = new Map<string, string[]>();
  const figures = new Map<string, Figures>();
  for (const c of cases) {
    const { reply, turnMs } = await converse(c.turns);
    figures.set(c.id, figuresOf(reply));
    const result = scoreAnswer(c, reply, turnMs.at(-1) ?? 0, turnMs);
    // Retrieval is measured on single-turn questions with a gold clause (a follow-up's words alone name no clause).
    const gold = c.expect.clauses;
    const question = c.turns[0] ?? '';
    if (gold?.length && c.turns.length === 1 && !c.expect.refusal) {
      golds.set(c.id, gold);
      const search = await call('GET', `/api/search?q=${encodeURIComponent(question)}&k=10`);
      result.ranked = (search.json as { results: { clauseId: string }[] }).results.map((h) => h.clauseId);
      if (baseline) result.baselineRanked = (await baseline.rank(question)).map((ids, i) => ids.find((id) => gold.includes(id)) ?? `chunk#${i}`);
    }
    results.push(result);
  }
  return { results, rows: summarizeByCategory(GOLDEN_CATEGORIES, results, golds), figures };
}

const devRun = await runSet(dev);
progress(`dev: ${dev.length} cases`);
const holdoutRun = holdout ? await runSet(holdout) : null;
progress(holdout ? `holdout: ${holdout.length} cases` : 'holdout: not run');

const outcomes: VariantOutcome[] = [];
if (args.metamorphic === 'on') {
  const variants = generateVariants(dev);
  for (const variant of variants) {
    const original = devRun.figures.get(variant.caseId);
    if (!original) throw new Error(`no original answer for ${variant.caseId}`);
    const { reply, turnMs } = await converse(variant.turns);
    const got = figuresOf(reply);
    outcomes.push({ variant, original, got, stable: sameFigures(original, got), ms: turnMs.at(-1) ?? 0 });
  }
  progress(`metamorphic: ${variants.length} variants`);
}
if (app) await app.close();
const metamorphic = args.metamorphic === 'on' ? summarizeStability(outcomes) : null;

const latencyMs = url ? null : [...devRun.results, ...(holdoutRun?.results ?? [])].flatMap((r) => r.turnMs);
const verdicts = evaluateTargets({
  dev: devRun.rows, holdout: holdoutRun?.rows ?? null,
  metamorphic: metamorphic && { variants: metamorphic.variants, stable: metamorphic.stable }, latencyMs,
}, { gateAll: args['gate-all'] });
const failures = gateFailures(verdicts);
const meta = {
  dev: `${dev.length} cases (${args.cases})`,
  holdout: holdout ? `${holdout.length} cases (${holdoutPath})` : holdoutPath ? `not run: ${holdoutPath} is missing` : 'not run (--holdout none)',
  metamorphic: metamorphic ? `${metamorphic.variants} variants of the dev questions` : 'not run (--metamorphic off)',
  target: url ?? 'in-process (fastify inject, same routes as the API)',
  retrieval: url ? `server reports ${((await call('GET', '/readyz')).json as { retrieval: string }).retrieval}` : core.retrieval.status.replace(/^retrieval: /, ''),
  baseline: baseline ? `${baseline.chunkCount} fixed chunks, dense-only` : 'not run (no embedding model)',
  latency: latencyMs ? `every answer of dev and holdout (${latencyMs.length}), after 5 warm-up conversations` : 'not measured over HTTP',
  'policy date': config.today,
  'run time': elapsed(),
  gate: failures.length ? `FAIL: ${failures.map(describeVerdict).join('; ')}` : `pass${args['gate-all'] ? ' (every target gating)' : ''}`,
};

mkdirSync(args.out, { recursive: true });
// Holdout results stay aggregate: case-level outcomes are not written anywhere, so nobody tunes on them.
writeFileSync(join(args.out, 'report.json'), `${JSON.stringify({ meta, dev: { rows: devRun.rows, results: devRun.results }, holdout: holdoutRun && { rows: holdoutRun.rows }, metamorphic: metamorphic && { ...metamorphic, unstable: unstableInTurn(outcomes) }, verdicts }, null, 2)}\n`);
writeFileSync(join(args.out, 'report.md'), renderMarkdown({ meta, dev: devRun.rows, holdout: holdoutRun?.rows ?? null, metamorphic, verdicts }));
if (metamorphic) writeFileSync(join(args.out, 'report-metamorphic.md'), `${renderMetamorphicMarkdown(metamorphic, outcomes, { dev: meta.dev, 'policy date': config.today })}\n`);

const table = (rows: readonly CategoryRow[]) => console.table(Object.fromEntries(rows.map((r) => [r.category, categoryColumns(r)])));
console.log(`dev — ${meta.dev}`);
table(devRun.rows);
console.log(`holdout — ${meta.holdout}`);
if (holdoutRun) table(holdoutRun.rows);
if (metamorphic) {
  const rate = (stable: number, of: number) => (of ? `${((stable / of) * 100).toFixed(1)}%` : '–');
  console.log(`metamorphic — ${metamorphic.variants} variants, stability ${rate(metamorphic.stable, metamorphic.variants)} (${metamorphic.variants - metamorphic.stable} unstable; first 50 in ${join(args.out, 'report-metamorphic.md')})`);
  console.table(Object.fromEntries(metamorphic.byOperator.map((o) => [o.operator, { variants: o.variants, stable: o.stable, stability: rate(o.stable, o.variants), 'p50 ms': o.p50ms.toFixed(1) }])));
}
console.log('targets (evals/thresholds.ts)');
console.table(Object.fromEntries(verdicts.map((v) => [v.label, verdictColumns(v)])));
for (const r of devRun.results.filter((x) => x.failures.length)) console.log(`✗ ${r.id} [${r.category}] ${r.question}\n    ${r.failures.join('\n    ')}`);
for (const v of verdicts.filter((x) => x.status === 'NOT MET')) console.log(`${v.gating ? '✗' : '·'} ${describeVerdict(v)} — ${verdictFlag(v)}`);
console.log(`eval gate: ${meta.gate} — report in ${join(args.out, 'report.md')} (${elapsed()})`);
process.exit(failures.length ? 1 : 0);
