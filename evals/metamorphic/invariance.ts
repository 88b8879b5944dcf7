import type { ChatResponse } from '../../src/assistant/response.js';
import { percentile } from '../../scripts/percentiles.js';
import { amountsOf } from '../scoring.js';
import type { Variant } from './generate.js';
import { OPERATORS } from './operators.js';

/** What must not change under a paraphrase: the figures (sorted) and the set of cited clauses. */
export interface Figures {
  amounts: string[];
  total: string | null;
  clauses: string[];
}

export function figuresOf(reply: ChatResponse): Figures {
  return { amounts: amountsOf(reply), total: reply.total, clauses: [...new Set(reply.citations.map((c) => c.clauseId))].sort() };
}

export function sameFigures(a: Figures, b: Figures): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export interface VariantOutcome {
  variant: Variant;
  /** The original question's actual answer (not its expectation), and the variant's. */
  original: Figures;
  got: Figures;
  stable: boolean;
  /** Milliseconds of the variant's last answer. */
  ms: number;
}

export interface OperatorStability {
  operator: string;
  variants: number;
  stable: number;
  /** Median milliseconds of the variants' last answers. */
  p50ms: number;
}

export interface StabilitySummary {
  variants: number;
  stable: number;
  byOperator: OperatorStability[];
}

/** Counts, overall and per operator (in the operators' order). Pure. */
export function summarizeStability(outcomes: readonly VariantOutcome[]): StabilitySummary {
  const names = [...OPERATORS.map((o) => o.name), ...outcomes.map((o) => o.variant.operator)];
  const byOperator = [...new Set(names)].map((operator) => {
    const mine = outcomes.filter((o) => o.variant.operator === operator);
    return { operator, variants: mine.length, stable: mine.filter((o) => o.stable).length, p50ms: percentile(mine.map((o) => o.ms), 50) };
  }).filter((o) => o.variants > 0);
  return { variants: outcomes.length, stable: outcomes.filter((o) => o.stable).length, byOperator };
}

const rate = (stable: number, of: number) => (of ? `${((stable / of) * 100).toFixed(1)}%` : '–');
const showFigures = (f: Figures) =>
  `amounts [${f.amounts.join(', ')}]${f.total === null ? '' : ` total ${f.total}`}; clauses ${f.clauses.join(', ') || '—'}`;
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/**
 * The unstable variants in report order: each operator's first, then each one's second, … so that the first 50
 * show every operator's failures rather than one operator's many (in case order within an operator).
 */
export function unstableInTurn(outcomes: readonly VariantOutcome[]): VariantOutcome[] {
  const byOperator = new Map<string, VariantOutcome[]>();
  for (const o of outcomes) if (!o.stable) byOperator.set(o.variant.operator, [...(byOperator.get(o.variant.operator) ?? []), o]);
  const queues = [...byOperator.values()];
  const longest = Math.max(0, ...queues.map((q) => q.length));
  return Array.from({ length: longest }, (_, i) => queues.flatMap((q) => (q[i] ? [q[i]] : []))).flat();
}

/** evals/report-metamorphic.md: the stability table and the first `limit` unstable variants, operators in turn. */
export function renderMetamorphicMarkdown(summary: StabilitySummary, outcomes: readonly VariantOutcome[], meta: Record<string, string>, limit = 50): string {
  const descriptions = new Map(OPERATORS.map((o) => [o.name, o.description]));
  const unstable = unstableInTurn(outcomes);
  return [
    '# Metamorphic evaluation', '',
    'Every dev question rewritten by meaning-preserving operators; a variant is stable when its answer has the same',
    'calculation amounts (sorted), total and cited clause ids as the original question\'s actual answer.', '',
    ...Object.entries(meta).map(([k, v]) => `- ${k}: ${v}`),
    `- variants: ${summary.variants}, stable: ${summary.stable} (${rate(summary.stable, summary.variants)})`, '',
    '| operator | variants | stable | stability | p50 ms | what it does |', '|---|---|---|---|---|---|',
    ...summary.byOperator.map((o) => `| ${o.operator} | ${o.variants} | ${o.stable} | ${rate(o.stable, o.variants)} | ${o.p50ms.toFixed(1)} | ${cell(descriptions.get(o.operator) ?? '')} |`),
    '', `## First ${Math.min(limit, unstable.length)} of ${unstable.length} unstable variants (each operator's first, then each one's second, …)`, '',
    ...unstable.slice(0, limit).flatMap((o) => [
      `### ${o.variant.id} [${o.variant.category}] ${o.variant.operator}: ${o.variant.detail}`,
      ...(o.variant.turns.length > 1 ? [`- earlier turns: ${o.variant.turns.slice(0, -1).map((t) => `“${t}”`).join(' → ')}`] : []),
      `- original: “${o.variant.original}” → ${showFigures(o.original)}`,
      `- variant: “${o.variant.turns.at(-1) ?? ''}” → ${showFigures(o.got)}`, '',
    ]),
  ].join('\n');
}
