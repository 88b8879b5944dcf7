import type { Corpus } from '../src/corpus/index.js';
import type { Embedder } from '../src/retrieval/index.js';

/** A fixed-size chunk of a document's text, with the character range it covers. */
interface Chunk {
  docId: string;
  start: number;
  end: number;
  text: string;
}

export const BASELINE_CHUNK_CHARS = 500;
export const BASELINE_OVERLAP_CHARS = 50;

/** The usual RAG recipe: ~500-character windows with 50 overlap, cut blind to the clause structure. */
export function fixedSizeChunks(corpus: Corpus, size = BASELINE_CHUNK_CHARS, overlap = BASELINE_OVERLAP_CHARS): Chunk[] {
  const chunks: Chunk[] = [];
  for (const doc of corpus.documents) {
    for (let start = 0; start < doc.text.length; start += size - overlap) {
      const end = Math.min(doc.text.length, start + size);
      chunks.push({ docId: doc.id, start, end, text: doc.text.slice(start, end) });
      if (end === doc.text.length) break;
    }
  }
  return chunks;
}

const dot = (a: Float32Array, b: Float32Array) => a.reduce((sum, x, i) => sum + x * (b[i] ?? 0), 0);

/**
 * Dense-only retrieval over fixed chunks with the same embedding model (exact cosine: the chunk count is small).
 * A ranked chunk is reported as the clauses it overlaps, so recall is comparable with clause retrieval: a chunk
 * is a hit when it overlaps a gold clause.
 */
export class FixedChunkBaseline {
  private constructor(private readonly corpus: Corpus, private readonly embedder: Embedder,
    private readonly chunks: Chunk[], private readonly vectors: Float32Array[]) {}

  static async build(corpus: Corpus, embedder: Embedder): Promise<FixedChunkBaseline> {
    const chunks = fixedSizeChunks(corpus);
    return new FixedChunkBaseline(corpus, embedder, chunks, await embedder.embedPassages(chunks.map((c) => c.text)));
  }

  get chunkCount(): number {
    return this.chunks.length;
  }

  /** The top chunks for a question, each as the clause ids it overlaps joined with "|" (one rank per chunk). */
  async rank(question: string, k = 10): Promise<string[][]> {
    const q = await this.embedder.embedQuery(question);
    return this.chunks
      .map((chunk, i) => ({ chunk, score: dot(q, this.vectors[i] ?? new Float32Array()) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, k)
      .map(({ chunk }) => this.corpus.clauses
        .filter((c) => c.docId === chunk.docId && c.start < chunk.end && c.end > chunk.start)
        .map((c) => c.id));
  }
}
