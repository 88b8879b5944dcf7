import type { Corpus } from '../corpus/index.js';
import { TransformersEmbedder, type Embedder } from './embedder.js';
import { HybridRetriever } from './hybrid.js';
import { LexicalRetriever } from './lexical.js';
import type { Retriever } from './retriever.js';
import { DenseRetriever } from './vector-index.js';

export { SearchOptionsSchema, type Retriever, type RetrievalMode, type SearchHit, type SearchOptions } from './retriever.js';
export { LexicalRetriever } from './lexical.js';
export { DenseRetriever, vectorIndexHash } from './vector-index.js';
export { HybridRetriever, fuseRankings, RRF_K } from './hybrid.js';
export { TransformersEmbedder, verifyModelFolder, BGE_QUERY_PREFIX, MODEL_SHA256, EmbeddingQueueFullError, type Embedder } from './embedder.js';
export { jiebaTokenizer, bigramTokenizer, addPolicyWords, trimLeadingFunctionWords, type Tokenizer } from './tokenize.js';
export { SYNONYM_GROUPS, synonymsOf, toPolicyVocabulary, addEnglishTerms, englishAsPolicyWords } from './synonyms.js';
export { clausePassages, type Passage } from './passages.js';

export interface RetrievalSettings {
  /** Folder holding BAAI/bge-small-zh-v1.5; null: lexical retrieval only. */
  modelDir: string | null;
  /** Throw instead of falling back when the model cannot load. */
  requireModel: boolean;
  indexDir: string;
  /** bge's query instruction; off by default because it scored lower on evals/retrieval.jsonl. */
  queryPrefix?: boolean;
  /** Queries waiting for the embedding model at most (see EmbeddingQueue). */
  embeddingQueueSize?: number;
}

export interface PolicyRetrieval {
  /** The retriever answers use: hybrid when the model loaded, otherwise lexical. */
  retriever: Retriever;
  lexical: LexicalRetriever;
  dense: DenseRetriever | null;
  /** The loaded embedding model (evals embed their baseline chunks with it); null when lexical only. */
  embedder: Embedder | null;
  /** One line saying how retrieval runs, for the start-up log. */
  status: string;
}

/** Builds the lexical index and, when a model is configured and loads, the dense index and the hybrid. */
export async function openPolicyRetrieval(corpus: Corpus, settings: RetrievalSettings): Promise<PolicyRetrieval> {
  const lexical = new LexicalRetriever(corpus.clauses);
  if (!settings.modelDir) {
    if (settings.requireModel) throw new Error('EMBEDDING_MODEL_DIR is not set but the embedding model is required');
    return { retriever: lexical, lexical, dense: null, embedder: null,
      status: 'retrieval: lexical only (EMBEDDING_MODEL_DIR not set; run `npm run model:fetch` for hybrid retrieval)' };
  }
  let embedder: Embedder;
  try {
    embedder = await TransformersEmbedder.load(settings.modelDir, { queryPrefix: settings.queryPrefix ?? false, queueSize: settings.embeddingQueueSize });
  } catch (error) {
    if (settings.requireModel) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    return { retriever: lexical, lexical, dense: null, embedder: null,
      status: `retrieval: lexical only (embedding model could not load: ${reason})` };
  }
  const dense = await DenseRetriever.open(corpus.clauses, embedder, settings.indexDir);
  const how = dense.build.reused ? 'loaded' : 'built';
  return {
    retriever: new HybridRetriever(lexical, dense),
    lexical,
    dense,
    embedder,
    status: `retrieval: hybrid (BM25 + ${embedder.fingerprint}; vector index ${how} in ${Math.round(dense.build.milliseconds)} ms)`,
  };
}
