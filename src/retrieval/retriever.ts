import { z } from 'zod';
import type { Clause } from '../corpus/index.js';

export const SearchOptionsSchema = z.object({
  k: z.number().int().min(1).max(50).default(5),
  /** Restrict to these documents (e.g. the documents of the regions a question names). */
  docIds: z.array(z.string()).optional(),
  /**
   * Words only: a hybrid retriever skips the embedding model. For short topic words searched inside a question already
   * embedded whole (金融, 用地保障), where BM25 is exact and an embedding would cost the answer ~10 ms each.
   */
  wordsOnly: z.boolean().default(false),
});
export type SearchOptions = z.input<typeof SearchOptionsSchema>;

/** One ranked clause with the evidence for its rank. */
export interface SearchHit {
  clause: Clause;
  /** Higher is better; comparable only within one result list. */
  score: number;
  /** Query terms found in the clause (for highlighting); empty for dense-only hits. */
  matchedTerms: string[];
  /** 1-based ranks in the lists that were fused; absent where the clause was not in that list. */
  ranks: { lexical?: number; dense?: number };
}

export type RetrievalMode = 'lexical' | 'dense' | 'hybrid';

/** Finds the clauses that answer a question. Implementations: lexical (BM25), dense (vectors), hybrid (fusion). */
export interface Retriever {
  readonly mode: RetrievalMode;
  search(query: string, options?: SearchOptions): Promise<SearchHit[]>;
}

export function resolveSearchOptions(options: SearchOptions | undefined): z.output<typeof SearchOptionsSchema> {
  return SearchOptionsSchema.parse(options ?? {});
}
