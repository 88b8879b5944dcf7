import type { Corpus } from '../corpus/index.js';
import type { Citation } from './response.js';

/** The public citation of a clause: document, 文号, label as printed and the verbatim text; null for an unknown id. */
export function citeClause(corpus: Corpus, clauseId: string): Citation | null {
  const clause = corpus.clauseById.get(clauseId);
  const doc = clause ? corpus.documentById.get(clause.docId) : undefined;
  if (!clause || !doc) return null;
  return { docId: doc.id, docTitle: doc.title, docNumber: doc.docNumber, clauseId: clause.id, label: clause.label, text: clause.text };
}

/** Citations of several clauses, each once, unknown ids dropped. */
export function citeClauses(corpus: Corpus, clauseIds: string[]): Citation[] {
  return [...new Set(clauseIds)].map((id) => citeClause(corpus, id)).filter((c): c is Citation => c !== null);
}
