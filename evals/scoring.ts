import type { ChatResponse } from '../src/assistant/response.js';
import { rankMetrics, type RankedCase, type RankMetrics } from '../src/retrieval/metrics.js';
import { percentile } from '../scripts/percentiles.js';
import type { GoldenCase, GoldenCategory } from './golden.js';

// How an answer says the documents do not cover something.
const NOT_COVERED = /没有|无法|不在|未收录|未规定|不能提供/;

/**
 * A not-covered answer: no calculation, and the assistant's own opening words (not a quoted clause) say so. Only the
 * opening line counts: an overview that lists measures and notes that one document gives no rates is an answer.
 */
export function isRefusal(reply: ChatResponse): boolean {
  const opening = reply.answer.replace(/“[^”]*”/g, '').split('\n').find((line) => line.trim()) ?? '';
  return reply.calculation === null && (reply.intent === 'out_of_scope' || NOT_COVERED.test(opening));
}

/** The amounts (元) of an answer's calculation(s), sorted so that order never matters. */
export function amountsOf(reply: ChatResponse): string[] {
  if (reply.calculation === null) return [];
  return (Array.isArray(reply.calculation) ? reply.calculation : [reply.calculation]).map((c) => c.amount).sort();
}

export interface CaseResult {
  id: string;
  category: GoldenCategory;
  question: string;
  /** Milliseconds of the last answer, and of every answer of the conversation (the latency target counts all). */
  ms: number;
  turnMs: number[];
  /** null where the case does not check this. Numeric covers both the amounts and the total. */
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

// A figure is the same written 8000元 or 8,000元: phrases (and forbidden ones) are matched with digit grouping removed.
const ungrouped = (text: string) => text.replace(/(?<=\d),(?=\d{3})/g, '');

/** Whether the answer says the phrase, a figure whole: 2万元 is not said by 3.2万元 or 12万元, nor 10 by 100. */
function says(answer: string, phrase: string): boolean {
  const wanted = ungrouped(phrase);
  const escaped = wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const before = /^\d/.test(wanted) ? '(?<![\\d.])' : '';
  const after = /\d$/.test(wanted) ? '(?![\\d.]\\d|\\d)' : '';
  return new RegExp(`${before}${escaped}${after}`).test(answer);
}

/** Checks one final answer against its case. Pure. */
export function scoreAnswer(c: GoldenCase, reply: ChatResponse, ms: number, turnMs: number[] = [ms]): CaseResult {
  const e = c.expect;
  const failures: string[] = [];
  let numeric: boolean | null = null;
  if (e.amounts) {
    const got = amountsOf(reply);
    numeric = JSON.stringify(got) === JSON.stringify([...e.amounts].sort());
    if (!numeric) failures.push(`amounts ${JSON.stringify(got)} ≠ ${JSON.stringify(e.amounts)}`);
  }
  if (e.total !== undefined) {
    const totalRight = reply.total === e.total;
    numeric = (numeric ?? true) && totalRight;
    if (!totalRight) failures.push(`total ${reply.total ?? 'null'} ≠ ${e.total}`);
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
  const answer = ungrouped(reply.answer);
  const foundPhrases = required.filter((p) => says(answer, p));
  if (foundPhrases.length < required.length) failures.push(`missing phrases: ${required.filter((p) => !foundPhrases.includes(p)).join(', ')}`);
  const forbiddenFound = (e.forbidden ?? []).filter((p) => says(answer, p));
  if (forbiddenFound.length) failures.push(`forbidden phrases present: ${forbiddenFound.join(', ')}`);
  let calculationRule: boolean | null = null;
  if (e.calculation || e.refusal) {
    const absent = e.calculation === 'absent' || e.refusal === true;
    calculationRule = absent ? reply.calculation === null : reply.calculation !== null;
    if (!calculationRule) failures.push(absent ? 'a calculation was given' : 'no calculation');
  }
  return {
    id: c.id, category: c.category, question: c.turns.at(-1) ?? '', ms, turnMs, numeric, citation, refusal,
    // Phrase rate counts required phrases found and forbidden phrases kept out.
    phrases: { required: required.length + (e.forbidden?.length ?? 0), found: foundPhrases.length + (e.forbidden?.length ?? 0) - forbiddenFound.length },
    calculationRule, failures,
  };
}

/** A share and how many cases it was measured over (the gate needs the count to tell a margin from noise). */
export interface Share {
  value: number;
  of: number;
}

export interface CategoryRow {
  category: string;
  cases: number;
  passed: number;
  passRate: Share;
  numericExact: Share | null;
  citationAccuracy: Share | null;
  retrieval: RankMetrics | null;
  baselineRetrieval: RankMetrics | null;
  refusalCorrect: Share;
  phraseRate: number | null;
  p50ms: number;
  p95ms: number;
}

const share = (values: readonly (boolean | null)[]): Share | null => {
  const checked = values.filter((v): v is boolean => v !== null);
  return checked.length ? { value: checked.filter(Boolean).length / checked.length, of: checked.length } : null;
};

/** Metrics of a set of results (one category, or all). Pure. */
export function summarize(category: string, results: readonly CaseResult[], golds: ReadonlyMap<string, string[]>): CategoryRow {
  const ranked = (pick: (r: CaseResult) => string[] | undefined): RankedCase[] =>
    results.flatMap((r) => {
      const list = pick(r);
      const gold = golds.get(r.id);
      return list && gold ? [{ gold, ranked: list }] : [];
    });
  const ours = ranked((r) => r.ranked);
  const base = ranked((r) => r.baselineRanked);
  const required = results.reduce((s, r) => s + r.phrases.required, 0);
  const passed = results.filter((r) => r.failures.length === 0).length;
  return {
    category, cases: results.length, passed,
    passRate: { value: results.length ? passed / results.length : 0, of: results.length },
    numericExact: share(results.map((r) => r.numeric)),
    citationAccuracy: share(results.map((r) => r.citation)),
    retrieval: ours.length ? rankMetrics(ours) : null,
    baselineRetrieval: base.length ? rankMetrics(base) : null,
    refusalCorrect: { value: results.filter((r) => r.refusal).length / Math.max(1, results.length), of: results.length },
    phraseRate: required ? results.reduce((s, r) => s + r.phrases.found, 0) / required : null,
    p50ms: percentile(results.map((r) => r.ms), 50), p95ms: percentile(results.map((r) => r.ms), 95),
  };
}

/** One row per category present (in the categories' order), then "all". */
export function summarizeByCategory(categories: readonly string[], results: readonly CaseResult[], golds: ReadonlyMap<string, string[]>): CategoryRow[] {
  return [
    ...categories.map((category) => summarize(category, results.filter((r) => r.category === category), golds)).filter((r) => r.cases > 0),
    summarize('all', results, golds),
  ];
}
