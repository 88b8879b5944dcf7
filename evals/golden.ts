import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ChatResponse } from '../src/assistant/response.js';
import { rankMetrics, type RankedCase, type RankMetrics } from '../src/retrieval/metrics.js';
import { percentile } from '../scripts/percentiles.js';

export const GOLDEN_CATEGORIES = ['calculation', 'number_format', 'comparison', 'follow_up', 'clarification', 'lookup',
  'validity', 'not_covered', 'out_of_scope', 'injection'] as const;

/** One golden case: a conversation and what its last answer must (and must not) contain. */
export const GoldenCaseSchema = z.object({
  id: z.string(),
  category: z.enum(GOLDEN_CATEGORIES),
  turns: z.array(z.string().min(1)).min(1),
  expect: z.object({
    /** Exact amounts in 元 of the last answer's calculation(s), in any order. */
    amounts: z.array(z.string().regex(/^\d+(\.\d+)?$/)).optional(),
    /** Clause ids the answer must cite (all of them); the first is also the retrieval gold. */
    clauses: z.array(z.string()).optional(),
    phrases: z.array(z.string()).optional(),
    forbidden: z.array(z.string()).optional(),
    calculation: z.enum(['absent', 'present']).optional(),
    /** The answer must say the corpus does not cover this (and give no figure). */
    refusal: z.boolean().optional(),
  }),
});
export type GoldenCase = z.infer<typeof GoldenCaseSchema>;

export function readGoldenCases(path: string): GoldenCase[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    const parsed = GoldenCaseSchema.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
    return parsed.data;
  });
}

// How an answer says the documents do not cover something.
const NOT_COVERED = /没有|无法|不在|未收录|未规定|不能提供/;

/** A not-covered answer: no calculation, and the assistant's own words (not a quoted clause) say so. */
export function isRefusal(reply: ChatResponse): boolean {
  const ownWords = reply.answer.replace(/“[^”]*”/g, '');
  return reply.calculation === null && (reply.intent === 'out_of_scope' || NOT_COVERED.test(ownWords));
}

export interface CaseResult {
  id: string;
  category: GoldenCase['category'];
  question: string;
  ms: number;
  /** null where the case does not check this. */
  numeric: boolean | null;
  citation: boolean | null;
  refusal: boolean;
  phrases: { required: number; found: number };
  calculationRule: boolean | null;
  failures: string[];
  /** Clause ids ranked by our retrieval and by the baseline (single-turn cases with gold clauses). */
  ranked?: string[];
  baselineRanked?: string[];
}

const amountsOf = (reply: ChatResponse): string[] =>
  reply.calculation === null ? [] : (Array.isArray(reply.calculation) ? reply.calculation : [reply.calculation]).map((c) => c.amount);

/** Checks one final answer against its case. Pure. */
export function scoreAnswer(c: GoldenCase, reply: ChatResponse, ms: number): CaseResult {
  const e = c.expect;
  const failures: string[] = [];
  const got = amountsOf(reply).sort();
  let numeric: boolean | null = null;
  if (e.amounts) {
    numeric = JSON.stringify(got) === JSON.stringify([...e.amounts].sort());
    if (!numeric) failures.push(`amounts ${JSON.stringify(got)} ≠ ${JSON.stringify(e.amounts)}`);
  }
  let citation: boolean | null = null;
  if (e.clauses) {
    const cited = reply.citations.map((x) => x.clauseId);
    const missing = e.clauses.filter((id) => !cited.includes(id));
    citation = missing.length === 0;
    if (!citation) failures.push(`not cited: ${missing.join(', ')} (cited ${cited.join(', ') || 'nothing'})`);
  }
  const refused = isRefusal(reply);
  const refusal = refused === (e.refusal ?? false);
  if (!refusal) failures.push(e.refusal ? 'expected a not-covered answer' : `refused (intent ${reply.intent})`);
  const required = e.phrases ?? [];
  const foundPhrases = required.filter((p) => reply.answer.includes(p));
  if (foundPhrases.length < required.length) failures.push(`missing phrases: ${required.filter((p) => !foundPhrases.includes(p)).join(', ')}`);
  const forbiddenFound = (e.forbidden ?? []).filter((p) => reply.answer.includes(p));
  if (forbiddenFound.length) failures.push(`forbidden phrases present: ${forbiddenFound.join(', ')}`);
  let calculationRule: boolean | null = null;
  if (e.calculation || e.refusal) {
    const absent = e.calculation === 'absent' || e.refusal === true;
    calculationRule = absent ? reply.calculation === null : reply.calculation !== null;
    if (!calculationRule) failures.push(absent ? 'a calculation was given' : 'no calculation');
  }
  return {
    id: c.id, category: c.category, question: c.turns.at(-1) ?? '', ms, numeric, citation, refusal,
    // Phrase rate counts required phrases found and forbidden phrases kept out.
    phrases: { required: required.length + (e.forbidden?.length ?? 0), found: foundPhrases.length + (e.forbidden?.length ?? 0) - forbiddenFound.length },
    calculationRule, failures,
  };
}

export interface CategoryRow {
  category: string;
  cases: number;
  passed: number;
  numericExact: number | null;
  citationAccuracy: number | null;
  retrieval: RankMetrics | null;
  baselineRetrieval: RankMetrics | null;
  refusalCorrect: number;
  phraseRate: number | null;
  p50ms: number;
  p95ms: number;
}

const share = (values: (boolean | null)[]): number | null => {
  const checked = values.filter((v): v is boolean => v !== null);
  return checked.length ? checked.filter(Boolean).length / checked.length : null;
};

/** Metrics of a set of results (one category, or all). Pure. */
export function summarize(category: string, results: CaseResult[], golds: Map<string, string[]>): CategoryRow {
  const ranked = (pick: (r: CaseResult) => string[] | undefined): RankedCase[] =>
    results.flatMap((r) => {
      const list = pick(r);
      const gold = golds.get(r.id);
      return list && gold ? [{ gold, ranked: list }] : [];
    });
  const ours = ranked((r) => r.ranked);
  const base = ranked((r) => r.baselineRanked);
  const required = results.reduce((s, r) => s + r.phrases.required, 0);
  return {
    category, cases: results.length, passed: results.filter((r) => r.failures.length === 0).length,
    numericExact: share(results.map((r) => r.numeric)),
    citationAccuracy: share(results.map((r) => r.citation)),
    retrieval: ours.length ? rankMetrics(ours) : null,
    baselineRetrieval: base.length ? rankMetrics(base) : null,
    refusalCorrect: results.filter((r) => r.refusal).length / Math.max(1, results.length),
    phraseRate: required ? results.reduce((s, r) => s + r.phrases.found, 0) / required : null,
    p50ms: percentile(results.map((r) => r.ms), 50), p95ms: percentile(results.map((r) => r.ms), 95),
  };
}

export const THRESHOLDS = { numericExact: 1, citationAccuracy: 0.98, recallAt3: 0.97, refusalCorrect: 0.95 } as const;

/** The gate: which thresholds the overall row misses (empty: pass). */
export function gateFailures(overall: CategoryRow): string[] {
  const misses: string[] = [];
  const below = (name: string, value: number | null | undefined, min: number) => {
    if (value !== null && value !== undefined && value < min) misses.push(`${name} ${(value * 100).toFixed(1)}% < ${(min * 100).toFixed(0)}%`);
  };
  below('numeric exact-match', overall.numericExact, THRESHOLDS.numericExact);
  below('citation accuracy', overall.citationAccuracy, THRESHOLDS.citationAccuracy);
  below('retrieval recall@3', overall.retrieval?.recallAt3, THRESHOLDS.recallAt3);
  below('refusal correctness', overall.refusalCorrect, THRESHOLDS.refusalCorrect);
  return misses;
}

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));

/** The report as a markdown table (per category, then all), with the baseline's retrieval beside ours. */
export function renderMarkdown(rows: CategoryRow[], meta: Record<string, string>): string {
  const header = '| category | cases | passed | numeric exact | citation | R@1 | R@3 | MRR | baseline R@1 | baseline R@3 | baseline MRR | refusal | phrases | p50 ms | p95 ms |';
  const lines = rows.map((r) => `| ${r.category} | ${r.cases} | ${r.passed} | ${pct(r.numericExact)} | ${pct(r.citationAccuracy)} | ${pct(r.retrieval?.recallAt1)} | ${pct(r.retrieval?.recallAt3)} | ${num(r.retrieval?.mrr)} | ${pct(r.baselineRetrieval?.recallAt1)} | ${pct(r.baselineRetrieval?.recallAt3)} | ${num(r.baselineRetrieval?.mrr)} | ${pct(r.refusalCorrect)} | ${pct(r.phraseRate)} | ${r.p50ms.toFixed(1)} | ${r.p95ms.toFixed(1)} |`);
  return [
    '# Golden-set evaluation', '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`), '',
    header, `|${'---|'.repeat(15)}`, ...lines, '',
    `Thresholds: numeric exact ${pct(THRESHOLDS.numericExact)}, citation ≥ ${pct(THRESHOLDS.citationAccuracy)}, recall@3 ≥ ${pct(THRESHOLDS.recallAt3)}, refusal ≥ ${pct(THRESHOLDS.refusalCorrect)}.`,
    'Retrieval columns: single-turn cases with a gold clause; ours = clause-aware hybrid (BM25 + bge-small-zh, RRF) through the search API path; baseline = fixed 500-character chunks with 50 overlap, dense-only over the same model (a chunk counts as a hit when it overlaps a gold clause).',
    '',
  ].join('\n');
}
