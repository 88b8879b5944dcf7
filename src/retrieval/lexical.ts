import MiniSearch from 'minisearch';
import type { Clause } from '../corpus/index.js';
import { resolveSearchOptions, type Retriever, type SearchHit, type SearchOptions } from './retriever.js';
import { synonymsOf } from './synonyms.js';
import { jiebaTokenizer, type Tokenizer } from './tokenize.js';

const SYNONYM_WEIGHT = 0.4;

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

/** Searches remembered, the oldest forgotten first. */
const RECENT_SEARCHES = 64;

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

  /** The query's own tokens, then synonyms not already among them. */
  queryTerms(query: string): { tokens: string[]; synonyms: string[] } {
    const tokens = [...new Set(this.tokenizer(query))];
    if (!this.synonyms) return { tokens, synonyms: [] };
    const own = new Set(tokens);
    const synonyms = [...new Set(tokens.flatMap((t) => synonymsOf(t)))].filter((t) => !own.has(t));
    return { tokens, synonyms };
  }

  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    return this.searchSync(query, options);
  }

  // The same search recurs within one answer (a region's hybrid ranking, then its words-only one): kept for a while.
  private readonly recent = new Map<string, SearchHit[]>();

  searchSync(query: string, options?: SearchOptions): SearchHit[] {
    const { k, docIds } = resolveSearchOptions(options);
    const key = `${k}|${docIds?.join(',') ?? '*'}|${query}`;
    const cached = this.recent.get(key);
    if (cached) return [...cached];
    const hits = this.rank(query, k, docIds);
    if (this.recent.size >= RECENT_SEARCHES) this.recent.delete(this.recent.keys().next().value ?? '');
    this.recent.set(key, hits);
    return [...hits];
  }

  private rank(query: string, k: number, docIds: readonly string[] | undefined): SearchHit[] {
    const { tokens, synonyms } = this.queryTerms(query);
    const terms = [...tokens, ...synonyms];
    if (terms.length === 0) return [];
    const allowed = docIds ? new Set(docIds) : null;
    const results = this.index.search(terms.join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: { heading: 2 },
      // A synonym is weaker evidence than the caller's own word.
      boostTerm: (_term, i) => (i < tokens.length ? 1 : SYNONYM_WEIGHT),
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
