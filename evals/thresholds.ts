/**
 * Every eval target, in one place. `gating: true` means `npm run eval` (and so CI) fails below it; `gating: false`
 * means "reported, not yet gating": the report prints its value, threshold and margin, and NOT MET when below, but
 * the exit status ignores it. Which targets gate is the team lead's call; change it here and nowhere else. The
 * issue-12 targets are reported until met; ratchets at the levels reached gate so that they are not lost.
 */

export type TargetMeasure =
  /** A share over one case set, for the whole set or for every category in it. */
  | { of: 'dev' | 'holdout'; metric: 'numericExact' | 'citationAccuracy' | 'refusalCorrect' | 'passRate' | 'recallAt3'; scope: 'all' | 'each-category' }
  /** Our recall@3 minus the fixed-chunk dense baseline's, per category (in points of a share). */
  | { of: 'dev' | 'holdout'; metric: 'recallAt3OverBaseline'; scope: 'each-category' }
  /** Share of metamorphic variants whose figures and cited clauses equal the original question's. */
  | { of: 'metamorphic'; metric: 'stability' }
  /** In-process milliseconds per answer over every answer of dev and holdout. */
  | { of: 'latency'; metric: 'p50' | 'p99' };

export interface Target {
  id: string;
  label: string;
  measure: TargetMeasure;
  /** Shares are fractions (0.97), latencies milliseconds. */
  bound: { atLeast: number } | { atMost: number };
  gating: boolean;
}

export const TARGETS: readonly Target[] = [
  // Issue 12: every figure the dev set expects, exactly (amounts and totals). A 100% target has no room by design.
  { id: 'dev-numeric', label: 'dev numeric exact-match', measure: { of: 'dev', metric: 'numericExact', scope: 'all' }, bound: { atLeast: 1 }, gating: false },
  // The first release's gate: answers cite the clauses the case names.
  { id: 'dev-citation', label: 'dev citation accuracy', measure: { of: 'dev', metric: 'citationAccuracy', scope: 'all' }, bound: { atLeast: 0.98 }, gating: false },
  // The first release's gate; issue 11 notes it sat 0.4 points above its threshold (one near-tie from red).
  { id: 'dev-recall', label: 'dev retrieval recall@3', measure: { of: 'dev', metric: 'recallAt3', scope: 'all' }, bound: { atLeast: 0.97 }, gating: true },
  // The first release's gate: not-covered answers where (and only where) the corpus is silent.
  { id: 'dev-refusal', label: 'dev refusal correctness', measure: { of: 'dev', metric: 'refusalCorrect', scope: 'all' }, bound: { atLeast: 0.95 }, gating: true },
  // Issue 12: cases written from the documents alone, never tuned on.
  { id: 'holdout-pass', label: 'holdout pass rate', measure: { of: 'holdout', metric: 'passRate', scope: 'all' }, bound: { atLeast: 0.97 }, gating: false },
  { id: 'holdout-category-pass', label: 'holdout pass rate', measure: { of: 'holdout', metric: 'passRate', scope: 'each-category' }, bound: { atLeast: 0.9 }, gating: false },
  // Issue 12: rewording a question the user's way must not change its figure or its clause.
  // Met (99.4% of 8,715 variants at 2026-11-23), so it gates now.
  { id: 'metamorphic-stability', label: 'metamorphic stability', measure: { of: 'metamorphic', metric: 'stability' }, bound: { atLeast: 0.99 }, gating: true },
  // Issue 12: clause-aware retrieval must beat the usual chunk-and-embed recipe in every category.
  { id: 'dev-recall-vs-baseline', label: 'dev R@3 minus baseline R@3', measure: { of: 'dev', metric: 'recallAt3OverBaseline', scope: 'each-category' }, bound: { atLeast: 0 }, gating: false },
  { id: 'holdout-recall-vs-baseline', label: 'holdout R@3 minus baseline R@3', measure: { of: 'holdout', metric: 'recallAt3OverBaseline', scope: 'each-category' }, bound: { atLeast: 0 }, gating: false },
  // Ratchets: the levels reached (702 dev cases: pass 98.0%, numeric 99.7%; holdout 91.3%; 2026-11-23, third session),
  // less a few cases of margin, so a change cannot quietly undo them; the margin on dev pass leaves room for the next
  // batch of harder cases written from the documents alone. The issue's own targets above stay reported until met.
  { id: 'dev-pass-floor', label: 'dev pass rate (ratchet)', measure: { of: 'dev', metric: 'passRate', scope: 'all' }, bound: { atLeast: 0.95 }, gating: true },
  { id: 'dev-numeric-floor', label: 'dev numeric exact-match (ratchet)', measure: { of: 'dev', metric: 'numericExact', scope: 'all' }, bound: { atLeast: 0.99 }, gating: true },
  { id: 'holdout-pass-floor', label: 'holdout pass rate (ratchet)', measure: { of: 'holdout', metric: 'passRate', scope: 'all' }, bound: { atLeast: 0.9 }, gating: true },
  // Issue 12: fast enough for a phone call, in-process (fastify inject), every answer of dev and holdout.
  { id: 'latency-p50', label: 'in-process latency p50', measure: { of: 'latency', metric: 'p50' }, bound: { atMost: 2 }, gating: false },
  { id: 'latency-p99', label: 'in-process latency p99', measure: { of: 'latency', metric: 'p99' }, bound: { atMost: 20 }, gating: false },
];

/**
 * A margin smaller than this is "in the noise": one case (or one point, whichever is larger) for shares; for
 * latencies, a quarter of the threshold, the run-to-run spread of timings on a shared 2-core machine.
 */
export const NOISE = { minimumShare: 0.01, latencyFraction: 0.25 } as const;
