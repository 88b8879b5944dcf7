import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EMBEDDING_MODEL_ID = 'BAAI/bge-small-zh-v1.5';
export const EMBEDDING_DIMENSIONS = 512;
/** bge's retrieval instruction for short queries (never for passages). */
export const BGE_QUERY_PREFIX = '为这个句子生成表示以用于检索相关文章：';
const MODEL_FILE = 'onnx/model_quantized.onnx';
/**
 * Characters of a query the model reads. Callers' questions are far shorter (the longest eval question has 70), and
 * the model's cost grows with length: a 500-character query cost 0.2–0.5 s of CPU. The lexical retriever still reads all.
 */
export const DENSE_QUERY_MAX_CHARS = 128;
/** Queries waiting for the model at most, unless configured. */
export const DEFAULT_EMBEDDING_QUEUE_SIZE = 32;
export const MODEL_SHA256 = '15b717c382bcb518ba457b93ea6850ede7f4f1cd8937454aa06972366cd19bcc';

/** Turns texts into unit-length vectors (cosine similarity = dot product). */
export interface Embedder {
  /** Identifies the model and settings: part of the vector index's content hash. */
  readonly fingerprint: string;
  embedPassages(texts: readonly string[]): Promise<Float32Array[]>;
  embedQuery(text: string): Promise<Float32Array>;
}

export interface TransformersEmbedderOptions {
  /** Prefix queries with bge's retrieval instruction. */
  queryPrefix: boolean;
  queryCacheSize?: number;
  /** Queries waiting for the model at most; one more is refused with EmbeddingQueueFullError. */
  queueSize?: number;
}

/** A query was refused because the model already has a full queue: the caller should shed load (503), not wait. */
export class EmbeddingQueueFullError extends Error {
  constructor(readonly capacity: number) {
    super(`the embedding model has ${capacity} queries waiting; try again shortly`);
  }
}

/**
 * Runs model calls one at a time with at most `capacity` waiting. onnxruntime holds the event loop while it runs, so
 * each call starts on a fresh turn of the loop (setImmediate): requests that arrived meanwhile, probes included, are
 * read and answered between two calls instead of after the whole backlog.
 */
export class EmbeddingQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(readonly capacity: number) {}

  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.waiting >= this.capacity) return Promise.reject(new EmbeddingQueueFullError(this.capacity));
    this.waiting += 1;
    const result = this.tail
      .then(() => new Promise<void>((resolve) => setImmediate(resolve)))
      .then(() => {
        this.waiting -= 1;
        return job();
      });
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** The first DENSE_QUERY_MAX_CHARS characters, never splitting a surrogate pair. */
export function boundQuery(text: string): string {
  if (text.length <= DENSE_QUERY_MAX_CHARS) return text;
  return Array.from(text).slice(0, DENSE_QUERY_MAX_CHARS).join('');
}

type FeatureExtractor = (
  texts: string | string[],
  options: { pooling: 'cls'; normalize: boolean },
) => Promise<{ data: Float32Array; dims: number[] }>;

/** Checks the model folder and returns the model file's sha256; throws a clear error naming what is wrong. */
export function verifyModelFolder(modelDir: string): string {
  const folder = join(modelDir, EMBEDDING_MODEL_ID);
  const file = join(folder, MODEL_FILE);
  for (const required of [file, join(folder, 'tokenizer.json'), join(folder, 'config.json')]) {
    if (!existsSync(required)) throw new Error(`embedding model file missing: ${required}`);
  }
  const sha = createHash('sha256').update(readFileSync(file)).digest('hex');
  if (sha !== MODEL_SHA256) throw new Error(`embedding model ${file} has sha256 ${sha}, expected ${MODEL_SHA256}`);
  return sha;
}

/** bge-small-zh through transformers.js, loaded offline from a local folder; query vectors are cached. */
export class TransformersEmbedder implements Embedder {
  readonly fingerprint: string;
  private readonly cache = new Map<string, Float32Array>();
  private readonly inFlight = new Map<string, Promise<Float32Array>>();
  private readonly cacheSize: number;
  private readonly queue: EmbeddingQueue;

  private constructor(
    private readonly extract: FeatureExtractor,
    private readonly options: TransformersEmbedderOptions,
    modelSha: string,
  ) {
    this.fingerprint = `${EMBEDDING_MODEL_ID}@${modelSha.slice(0, 16)}:cls:norm`;
    this.cacheSize = options.queryCacheSize ?? 1000;
    this.queue = new EmbeddingQueue(options.queueSize ?? DEFAULT_EMBEDDING_QUEUE_SIZE);
  }

  static async load(modelDir: string, options: TransformersEmbedderOptions): Promise<TransformersEmbedder> {
    const sha = verifyModelFolder(modelDir);
    const transformers = await import('@xenova/transformers');
    transformers.env.localModelPath = modelDir;
    transformers.env.allowRemoteModels = false;
    transformers.env.allowLocalModels = true;
    const pipe = await transformers.pipeline('feature-extraction', EMBEDDING_MODEL_ID, { quantized: true });
    const extract: FeatureExtractor = async (texts, opts) => {
      const output = await pipe(texts, opts);
      return { data: output.data as Float32Array, dims: output.dims as number[] };
    };
    return new TransformersEmbedder(extract, options, sha);
  }

  /** Passages are embedded when the index is built, before the server serves, so they bypass the query queue. */
  async embedPassages(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    const batch = 16;
    for (let i = 0; i < texts.length; i += batch) {
      const slice = texts.slice(i, i + batch);
      const output = await this.extract([...slice], { pooling: 'cls', normalize: true });
      for (let j = 0; j < slice.length; j += 1) {
        vectors.push(output.data.slice(j * EMBEDDING_DIMENSIONS, (j + 1) * EMBEDDING_DIMENSIONS));
      }
    }
    return vectors;
  }

  /** Embeds the query's first DENSE_QUERY_MAX_CHARS characters; throws EmbeddingQueueFullError when the queue is full. */
  async embedQuery(text: string): Promise<Float32Array> {
    const bounded = boundQuery(text);
    const input = this.options.queryPrefix ? BGE_QUERY_PREFIX + bounded : bounded;
    const cached = this.cache.get(input);
    if (cached) return cached;
    // One answer searches the same words under several document filters at once: they share one model call.
    const pending = this.inFlight.get(input);
    if (pending) return pending;
    const vector = this.queue
      .run(() => this.extract(input, { pooling: 'cls', normalize: true }))
      .then((output) => {
        const embedded = output.data.slice(0, EMBEDDING_DIMENSIONS);
        this.remember(input, embedded);
        return embedded;
      })
      .finally(() => this.inFlight.delete(input));
    this.inFlight.set(input, vector);
    return vector;
  }

  private remember(input: string, vector: Float32Array): void {
    if (this.cache.size >= this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(input, vector);
  }
}
