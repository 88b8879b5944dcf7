/** Rank metrics over a set of questions with gold clause ids. Pure. */
export interface RankedCase {
  gold: readonly string[];
  /** Clause ids as ranked by a retriever, best first. */
  ranked: readonly string[];
}

export interface RankMetrics {
  cases: number;
  recallAt1: number;
  recallAt3: number;
  recallAt5: number;
  mrr: number;
}

/** 1-based rank of the first gold clause, or null when none was returned. */
export function firstGoldRank(c: RankedCase): number | null {
  const index = c.ranked.findIndex((id) => c.gold.includes(id));
  return index < 0 ? null : index + 1;
}

export function rankMetrics(cases: readonly RankedCase[]): RankMetrics {
  const ranks = cases.map(firstGoldRank);
  const share = (predicate: (rank: number | null) => boolean) =>
    cases.length === 0 ? 0 : ranks.filter(predicate).length / cases.length;
  return {
    cases: cases.length,
    recallAt1: share((r) => r !== null && r <= 1),
    recallAt3: share((r) => r !== null && r <= 3),
    recallAt5: share((r) => r !== null && r <= 5),
    mrr: cases.length === 0 ? 0 : ranks.reduce<number>((sum, r) => sum + (r ? 1 / r : 0), 0) / cases.length,
  };
}
