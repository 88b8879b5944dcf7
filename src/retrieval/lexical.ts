import MiniSearch from 'minisearch';
import type { Clause } from '../corpus/index.js';
import { resolveSearchOptions, type Retriever, type SearchHit, type SearchOptions } from './retriever.js';
import { synonymsOf } from './synonyms.js';
import { jiebaTokenizer, type Tokenizer } from './tokenize.js';

interface IndexedClause {
  id: string;
  docId: string;
  heading: string;
  text: string;
}

export interface LexicalRetrieverOptions {
  tokenizer?: Tokenizer;
  /** Expand query terms with the policy synonym table (on by default). */
  synonyms?: boolean;
}

/** BM25 over whole clauses (minisearch), headings boosted, query expanded with policy synonyms. */
export class LexicalRetriever implements Retriever {
  readonly mode = 'lexical' as const;
  private readonly index: MiniSearch<IndexedClause>;
  private readonly clauseById: Map<string, Clause>;
  private readonly tokenizer: Tokenizer;
  private readonly synonyms: boolean;

  constructor(clauses: readonly Clause[], options: LexicalRetrieverOptions = {}) {
    this.tokenizer = options.tokenizer ?? jiebaTokenizer;
    this.synonyms = options.synonyms ?? true;
    this.clauseById = new Map(clauses.map((c) => [c.id, c]));
    this.index = new MiniSearch<IndexedClause>({
      fields: ['heading', 'text'],
      storeFields: ['docId'],
      tokenize: (text) => this.tokenizer(text),
      processTerm: (term) => term,
    });
    this.index.addAll(
      clauses.map((c) => ({ id: c.id, docId: c.docId, heading: c.path.join(' '), text: c.text })),
    );
  }

  /** The query's terms as searched: tokens plus their synonyms. */
  queryTerms(query: string): string[] {
    const tokens = this.tokenizer(query);
    const expanded = this.synonyms ? tokens.flatMap((t) => synonymsOf(t)) : tokens;
    return [...new Set(expanded)];
  }

  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    return this.searchSync(query, options);
  }

  searchSync(query: string, options?: SearchOptions): SearchHit[] {
    const { k, docIds } = resolveSearchOptions(options);
    const terms = this.queryTerms(query);
    if (terms.length === 0) return [];
    const allowed = docIds ? new Set(docIds) : null;
    const results = this.index.search(terms.join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: { heading: 2 },
      combineWith: 'OR',
      filter: allowed ? (result) => allowed.has(String(result.docId)) : undefined,
    });
    const hits: SearchHit[] = [];
    for (const result of results.slice(0, k)) {
      const clause = this.clauseById.get(String(result.id));
      if (!clause) continue;
      hits.push({ clause, score: result.score, matchedTerms: result.terms, ranks: { lexical: hits.length + 1 } });
    }
    return hits;
  }
}
