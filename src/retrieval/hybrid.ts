import type { Clause } from '../corpus/index.js';
import { resolveSearchOptions, type Retriever, type SearchHit, type SearchOptions } from './retriever.js';

/** Reciprocal rank fusion constant: 60 is the usual choice; it damps the head of each list. */
export const RRF_K = 60;
/**
 * Prior by clause kind: a preamble or cover notice restates the document's title, so it matches every question
 * that names the plan, yet it rarely holds the answer.
 */
const KIND_PRIOR: Record<Clause['kind'], number> = { preamble: 0.8, section: 1, item: 1, bullet: 1 };
/** How deep each list is read before fusion. */
const CANDIDATES = 30;

/** Fuses lexical and dense rankings with reciprocal rank fusion: score = Σ prior × weight / (RRF_K + rank). */
export class HybridRetriever implements Retriever {
  readonly mode = 'hybrid' as const;

  constructor(
    private readonly lexical: Retriever,
    private readonly dense: Retriever,
    private readonly weights = { lexical: 1, dense: 1 },
  ) {}

  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    const { k, docIds, wordsOnly } = resolveSearchOptions(options);
    const inner = { k: CANDIDATES, docIds };
    if (wordsOnly) return fuseRankings(await this.lexical.search(query, inner), [], this.weights).slice(0, k);
    const [lexicalHits, denseHits] = await Promise.all([
      this.lexical.search(query, inner),
      this.dense.search(query, inner),
    ]);
    return fuseRankings(lexicalHits, denseHits, this.weights).slice(0, k);
  }
}

/** Pure fusion of two ranked lists; ties broken by clause id so the order is reproducible. */
export function fuseRankings(
  lexicalHits: readonly SearchHit[],
  denseHits: readonly SearchHit[],
  weights: { lexical: number; dense: number },
): SearchHit[] {
  const fused = new Map<string, { clause: Clause; score: number; matchedTerms: string[]; ranks: SearchHit['ranks'] }>();
  const add = (hits: readonly SearchHit[], list: 'lexical' | 'dense') => {
    hits.forEach((hit, i) => {
      const rank = i + 1;
      const entry = fused.get(hit.clause.id) ?? { clause: hit.clause, score: 0, matchedTerms: [], ranks: {} };
      entry.score += (KIND_PRIOR[hit.clause.kind] * weights[list]) / (RRF_K + rank);
      entry.ranks[list] = rank;
      if (hit.matchedTerms.length) entry.matchedTerms = hit.matchedTerms;
      fused.set(hit.clause.id, entry);
    });
  };
  add(lexicalHits, 'lexical');
  add(denseHits, 'dense');
  return [...fused.values()].sort((a, b) => b.score - a.score || a.clause.id.localeCompare(b.clause.id));
}
