import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import hnswlib from 'hnswlib-node';
import { z } from 'zod';
import type { Clause } from '../corpus/index.js';
import { EMBEDDING_DIMENSIONS, type Embedder } from './embedder.js';
import { clausePassages, type Passage } from './passages.js';
import { resolveSearchOptions, type Retriever, type SearchHit, type SearchOptions } from './retriever.js';

const { HierarchicalNSW } = hnswlib;
type HnswIndex = InstanceType<typeof HierarchicalNSW>;

const PassageListSchema = z.array(z.object({ clauseId: z.string(), docId: z.string(), text: z.string() }));
const INDEX_FORMAT = 'hnsw-v1';
/** ef=200: recall ≈ 1 on this corpus size at a fraction of a millisecond (see ../shared/NOTES.md). */
const SEARCH_EF = 200;

/** Content hash of what the index is built from: the clauses' passages and the embedder's fingerprint. */
export function vectorIndexHash(passages: readonly Passage[], embedder: Embedder): string {
  const hash = createHash('sha256').update(INDEX_FORMAT).update(embedder.fingerprint);
  for (const p of passages) hash.update('\0').update(p.clauseId).update('\0').update(p.text);
  return hash.digest('hex').slice(0, 24);
}

export interface VectorIndexBuild {
  /** True when the index was read from disk rather than embedded anew. */
  reused: boolean;
  folder: string;
  milliseconds: number;
}

/** Dense retrieval: hnswlib over passage vectors, persisted under `<indexDir>/<hash>/`, best passage per clause. */
export class DenseRetriever implements Retriever {
  readonly mode = 'dense' as const;

  private constructor(
    private readonly index: HnswIndex,
    private readonly passages: Passage[],
    private readonly clauseById: ReadonlyMap<string, Clause>,
    private readonly embedder: Embedder,
    readonly build: VectorIndexBuild,
  ) {}

  /** Loads the persisted index for this corpus and model, or embeds the passages and writes it. */
  static async open(clauses: readonly Clause[], embedder: Embedder, indexDir: string): Promise<DenseRetriever> {
    const started = performance.now();
    const passages = clauses.flatMap(clausePassages);
    const folder = join(indexDir, vectorIndexHash(passages, embedder));
    const indexFile = join(folder, 'vectors.hnsw');
    const passagesFile = join(folder, 'passages.json');
    const index = new HierarchicalNSW('cosine', EMBEDDING_DIMENSIONS);
    const clauseById = new Map(clauses.map((c) => [c.id, c]));
    if (existsSync(indexFile) && existsSync(passagesFile)) {
      const stored = PassageListSchema.parse(JSON.parse(readFileSync(passagesFile, 'utf8')));
      index.readIndexSync(indexFile);
      index.setEf(SEARCH_EF);
      const build = { reused: true, folder, milliseconds: performance.now() - started };
      return new DenseRetriever(index, stored, clauseById, embedder, build);
    }
    const vectors = await embedder.embedPassages(passages.map((p) => p.text));
    index.initIndex(passages.length, 16, 200, 42);
    vectors.forEach((vector, label) => index.addPoint(Array.from(vector), label));
    index.setEf(SEARCH_EF);
    mkdirSync(folder, { recursive: true });
    // Write to temporary names and rename, so a crash never leaves a half-written index that looks complete.
    index.writeIndexSync(`${indexFile}.tmp`);
    writeFileSync(`${passagesFile}.tmp`, JSON.stringify(passages));
    renameSync(`${indexFile}.tmp`, indexFile);
    renameSync(`${passagesFile}.tmp`, passagesFile);
    const build = { reused: false, folder, milliseconds: performance.now() - started };
    return new DenseRetriever(index, passages, clauseById, embedder, build);
  }

  async search(query: string, options?: SearchOptions): Promise<SearchHit[]> {
    const { k, docIds } = resolveSearchOptions(options);
    const vector = await this.embedder.embedQuery(query);
    const allowed = docIds ? new Set(docIds) : null;
    const eligible = allowed
      ? this.passages.filter((p) => allowed.has(p.docId)).length
      : this.passages.length;
    if (eligible === 0) return [];
    const filter = allowed ? (label: number) => allowed.has(this.passages[label]?.docId ?? '') : undefined;
    const { neighbors, distances } = this.index.searchKnn(Array.from(vector), eligible, filter);
    const best = new Map<string, number>();
    neighbors.forEach((label, i) => {
      const passage = this.passages[label];
      const similarity = 1 - (distances[i] ?? 1);
      if (passage && !best.has(passage.clauseId)) best.set(passage.clauseId, similarity);
    });
    const hits: SearchHit[] = [];
    for (const [clauseId, similarity] of best) {
      const clause = this.clauseById.get(clauseId);
      if (!clause) continue;
      hits.push({ clause, score: similarity, matchedTerms: [], ranks: { dense: hits.length + 1 } });
      if (hits.length >= k) break;
    }
    return hits;
  }
}
