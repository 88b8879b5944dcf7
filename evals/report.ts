import { describeVerdict, formatMargin, formatValue, verdictFlag, type Verdict } from './gate.js';
import type { CategoryRow, Share } from './scoring.js';
import type { StabilitySummary } from './metamorphic/invariance.js';

const pct = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);
const pctOf = (s: Share | null) => pct(s?.value);
const num = (v: number | null | undefined) => (v === null || v === undefined ? '–' : v.toFixed(3));

/** The per-category columns, shared by the console and the markdown report. */
export function categoryColumns(r: CategoryRow): Record<string, string | number> {
  return {
    cases: r.cases, passed: r.passed, 'pass rate': pctOf(r.passRate), numeric: pctOf(r.numericExact), citation: pctOf(r.citationAccuracy),
    'R@1': pct(r.retrieval?.recallAt1), 'R@3': pct(r.retrieval?.recallAt3), MRR: num(r.retrieval?.mrr),
    'base R@3': pct(r.baselineRetrieval?.recallAt3), 'base MRR': num(r.baselineRetrieval?.mrr),
    refusal: pctOf(r.refusalCorrect), phrases: pct(r.phraseRate), 'p50 ms': r.p50ms.toFixed(1), 'p95 ms': r.p95ms.toFixed(1),
  };
}

function markdownTable(rows: Record<string, string | number>[], first: string, firstValues: string[]): string[] {
  const columns = Object.keys(rows[0] ?? {});
  return [
    `| ${[first, ...columns].join(' | ')} |`,
    `|${'---|'.repeat(columns.length + 1)}`,
    ...rows.map((row, i) => `| ${[firstValues[i] ?? '', ...columns.map((c) => String(row[c] ?? ''))].join(' | ')} |`),
  ];
}

export function categoryTable(rows: readonly CategoryRow[]): string[] {
  return markdownTable(rows.map(categoryColumns), 'category', rows.map((r) => r.category));
}

/** The columns of the targets table: value, threshold, margin and the flag, one row per verdict. */
export function verdictColumns(v: Verdict): Record<string, string> {
  return {
    value: formatValue(v.unit, v.value),
    threshold: `${v.direction === 'atLeast' ? '≥' : '≤'} ${formatValue(v.unit, v.threshold)}`,
    margin: formatMargin(v),
    status: v.status,
    gating: v.gating ? 'gating' : 'reported',
    flag: verdictFlag(v),
  };
}

export function targetsTable(verdicts: readonly Verdict[]): string[] {
  return markdownTable(verdicts.map(verdictColumns), 'target', verdicts.map((v) => v.label));
}

export interface GoldenReport {
  meta: Record<string, string>;
  dev: CategoryRow[] | null;
  holdout: CategoryRow[] | null;
  metamorphic: StabilitySummary | null;
  verdicts: Verdict[];
}

/** evals/report.md: both case sets per category, the metamorphic summary, and every target with its margin. */
export function renderMarkdown(report: GoldenReport): string {
  const m = report.metamorphic;
  const failing = report.verdicts.filter((v) => v.status === 'NOT MET');
  return [
    '# Golden-set evaluation', '',
    ...Object.entries(report.meta).map(([k, v]) => `- ${k}: ${v}`), '',
    '## Dev (tuned on)', '',
    ...(report.dev ? categoryTable(report.dev) : ['not run']), '',
    '## Holdout (written from the documents alone; aggregate only, never tuned on)', '',
    ...(report.holdout ? categoryTable(report.holdout) : ['not run']), '',
    '## Metamorphic', '',
    ...(m
      ? [`${m.variants} variants of the dev questions, ${m.stable} stable (${pct(m.variants ? m.stable / m.variants : null)}); per operator and the first unstable variants in report-metamorphic.md.`, '',
        '| operator | variants | stable | stability |', '|---|---|---|---|',
        ...m.byOperator.map((o) => `| ${o.operator} | ${o.variants} | ${o.stable} | ${pct(o.variants ? o.stable / o.variants : null)} |`)]
      : ['not run']), '',
    '## Targets', '',
    'Thresholds live in evals/thresholds.ts. A margin is flagged when it is inside the noise: under one point, or under one case of the set it is measured on (for latencies, under a quarter of the threshold).', '',
    ...targetsTable(report.verdicts), '',
    ...(failing.length ? ['Not met:', '', ...failing.map((v) => `- ${describeVerdict(v)}${v.gating ? ' (gating)' : ' (reported, not yet gating)'}`), ''] : []),
    'Retrieval columns: single-turn cases with a gold clause; ours = clause-aware hybrid (BM25 + bge-small-zh, RRF) through the search API path; baseline = fixed 500-character chunks with 50 overlap, dense-only over the same model (a chunk counts as a hit when it overlaps a gold clause).',
    '',
  ].join('\n');
}
