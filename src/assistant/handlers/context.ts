import type { Corpus, PolicyDocument } from '../../corpus/index.js';
import type { Lexicon } from '../../lexicon/index.js';
import type { PolicyRules } from '../../policy/index.js';
import type { Retriever } from '../../retrieval/index.js';
import type { Citation } from '../response.js';

/** What every handler reads: the corpus, the rules data, the lexicon and a few shared phrasings. */
export interface HandlerContext {
  corpus: Corpus;
  rules: PolicyRules;
  lexicon: Lexicon;
  retriever: Retriever;
  today: string;
  /** 《document title》label */
  clauseRef(clauseId: string): string;
  citations(clauseIds: string[]): Citation[];
  /** The document's status sentence (in force / expired / draft) as of today. */
  validityLine(docId: string): string;
  /** Documents in scope: those of the regions named, or all. */
  documentsFor(regions: readonly string[]): PolicyDocument[];
}
