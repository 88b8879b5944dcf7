import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EMBEDDING_MODEL_ID = 'BAAI/bge-small-zh-v1.5';
export const EMBEDDING_DIMENSIONS = 512;
/** bge's retrieval instruction for short queries (never for passages). */
export const BGE_QUERY_PREFIX = '为这个句子生成表示以用于检索相关文章：';
const MODEL_FILE = 'onnx/model_quantized.onnx';
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
  private readonly cacheSize: number;

  private constructor(
    private readonly extract: FeatureExtractor,
    private readonly options: TransformersEmbedderOptions,
    modelSha: string,
  ) {
    this.fingerprint = `${EMBEDDING_MODEL_ID}@${modelSha.slice(0, 16)}:cls:norm`;
    this.cacheSize = options.queryCacheSize ?? 1000;
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

  async embedQuery(text: string): Promise<Float32Array> {
    const input = this.options.queryPrefix ? BGE_QUERY_PREFIX + text : text;
    const cached = this.cache.get(input);
    if (cached) return cached;
    const output = await this.extract(input, { pooling: 'cls', normalize: true });
    const vector = output.data.slice(0, EMBEDDING_DIMENSIONS);
    if (this.cache.size >= this.cacheSize) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
    this.cache.set(input, vector);
    return vector;
  }
}
