import type { Corpus } from '../corpus/index.js';
import { findRegions } from '../nlu/regions.js';
import { toSimplified } from '../nlu/script.js';
import { toPolicyVocabulary, type Retriever, type SearchHit } from '../retrieval/index.js';

export interface PolicySearchRequest {
  query: string;
  k?: number;
  /** Restrict to one document; otherwise the regions the question names restrict the search. */
  docId?: string;
  /** Restrict to these documents (a document the question names by year). */
  docIds?: string[];
}

/** The documents of the regions a question names; undefined where it names none (search everything). */
export function docIdsForQuestion(corpus: Corpus, query: string): string[] | undefined {
  const { covered } = findRegions(query, corpus.gazetteer);
  if (covered.length === 0) return undefined;
  return corpus.documents.filter((d) => covered.includes(d.region)).map((d) => d.id);
}

/** Clause search as hotline agents and the assistant use it: region words in the question narrow the documents. */
export async function searchPolicy(
  corpus: Corpus,
  retriever: Retriever,
  request: PolicySearchRequest,
): Promise<SearchHit[]> {
  const query = toSimplified(request.query);
  const docIds = request.docId ? [request.docId] : request.docIds ?? docIdsForQuestion(corpus, query);
  return retriever.search(toPolicyVocabulary(query), { k: request.k ?? 5, docIds });
}
