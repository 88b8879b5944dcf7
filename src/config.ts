import { resolve } from 'node:path';
import { z } from 'zod';

/** Everything the process reads from its environment, validated once at the edge and passed inward. */
export const AppConfigSchema = z.object({
  corpusDir: z.string().min(1),
  /** Folder holding `BAAI/bge-small-zh-v1.5/` (transformers.js layout); null: lexical retrieval only. */
  modelDir: z.string().min(1).nullable(),
  /** Fail instead of falling back to lexical-only when the model cannot load (tests and CI). */
  requireModel: z.boolean(),
  indexDir: z.string().min(1),
  dataDir: z.string().min(1),
  promptsDir: z.string().min(1),
  /** The web pages and their TypeScript, bundled at start. */
  webDir: z.string().min(1),
  /** sqlite (default, durable, under dataDir) or memory (tests, throwaway runs). */
  store: z.enum(['sqlite', 'memory']),
  /** Requests per minute per client IP on /api and /ws; 0 turns the limit off (benchmarks). */
  rateLimitPerMinute: z.coerce.number().int().min(0),
  /** Messages per minute on one WebSocket connection. */
  wsMessagesPerMinute: z.coerce.number().int().min(1),
  /** A WebSocket with no message for this long is closed. */
  wsIdleSeconds: z.coerce.number().int().min(5),
  /** Origins allowed to call the API from a browser (sites that embed the widget); empty: same origin only. */
  corsOrigins: z.array(z.string().url()),
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
  /** The date statuses are judged against (YYYY-MM-DD); defaults to the real date. */
  today: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  llm: z
    .object({ baseUrl: z.string().url(), model: z.string().min(1), apiKey: z.string().min(1), timeoutMs: z.coerce.number().int().min(1000).max(120_000) })
    .nullable(),
});
export type AppConfig = z.infer<typeof AppConfigSchema>;

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Reads the configuration from an environment (process.env at the edge; a plain object in tests). */
export function readConfig(env: Record<string, string | undefined>, cwd = process.cwd()): AppConfig {
  const blankToNull = (value: string | undefined) => (value && value.trim() ? value.trim() : null);
  const llmBase = blankToNull(env.LLM_BASE_URL);
  return AppConfigSchema.parse({
    corpusDir: resolve(cwd, env.CORPUS_DIR ?? 'corpus'),
    modelDir: blankToNull(env.EMBEDDING_MODEL_DIR) === null ? null : resolve(cwd, env.EMBEDDING_MODEL_DIR ?? ''),
    requireModel: env.REQUIRE_EMBEDDING_MODEL === '1' || env.REQUIRE_EMBEDDING_MODEL === 'true',
    indexDir: resolve(cwd, env.INDEX_DIR ?? '.index'),
    dataDir: resolve(cwd, env.DATA_DIR ?? '.data'),
    promptsDir: resolve(cwd, env.PROMPTS_DIR ?? 'prompts'),
    webDir: resolve(cwd, env.WEB_DIR ?? 'web'),
    store: env.STORE ?? 'sqlite',
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE ?? 1200,
    wsMessagesPerMinute: env.WS_MESSAGES_PER_MINUTE ?? 60,
    wsIdleSeconds: env.WS_IDLE_SECONDS ?? 600,
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    port: env.PORT ?? 3000,
    host: env.HOST ?? '127.0.0.1',
    today: blankToNull(env.POLICY_TODAY) ?? localDate(new Date()),
    llm: llmBase
      ? { baseUrl: llmBase, model: env.LLM_MODEL ?? '', apiKey: env.LLM_API_KEY ?? 'none', timeoutMs: env.LLM_TIMEOUT_MS ?? 20_000 }
      : null,
  });
}
