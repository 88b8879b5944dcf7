import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

/** An IP address, or a CIDR such as 10.0.0.0/8. */
const AddressOrCidrSchema = z.string().refine((value) => {
  const [address = '', bits, ...rest] = value.split('/');
  const family = isIP(address);
  const maxBits = family === 6 ? 128 : 32;
  return family !== 0 && rest.length === 0 && (bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits));
}, 'expected an IP address or a CIDR (10.0.0.0/8)');

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
  /** Open WebSockets per client IP; more are refused with 429. 0: no cap (benchmarks). */
  wsConnectionsPerIp: z.coerce.number().int().min(0),
  /** Seconds a client has to send a whole request (headers and body); slower ones get 408. */
  requestTimeoutSeconds: z.coerce.number().int().min(1),
  /** Open TCP connections per client address, and in total; beyond them a new connection is closed at once. 0: no cap. */
  connectionsPerIp: z.coerce.number().int().min(0),
  maxConnections: z.coerce.number().int().min(0),
  /**
   * Reverse proxies whose X-Forwarded-For is believed (addresses, CIDRs, or `loopback`); false: none.
   * The per-IP budget and the /metrics allow-list read the client address through it.
   */
  trustProxy: z.union([z.literal(false), z.array(z.union([z.enum(['loopback', 'linklocal', 'uniquelocal']), AddressOrCidrSchema]))]),
  /** Client addresses (IPs or CIDRs) that may read /metrics. */
  metricsAllow: z.array(AddressOrCidrSchema),
  /** Embedding requests waiting for the model at most; beyond, searches are shed with 503. */
  embeddingQueueSize: z.coerce.number().int().min(1),
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

const list = (value: string | undefined) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean);

/** TRUST_PROXY: unset or `false` trusts no proxy; otherwise a list of addresses, CIDRs or `loopback`. */
function readTrustProxy(value: string | null): false | string[] {
  return value === null || value === 'false' ? false : list(value);
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
    corsOrigins: list(env.CORS_ORIGINS),
    wsConnectionsPerIp: env.WS_CONNECTIONS_PER_IP ?? 20,
    requestTimeoutSeconds: env.REQUEST_TIMEOUT_SECONDS ?? 30,
    connectionsPerIp: env.CONNECTIONS_PER_IP ?? 100,
    maxConnections: env.MAX_CONNECTIONS ?? 2000,
    trustProxy: readTrustProxy(blankToNull(env.TRUST_PROXY)),
    metricsAllow: list(env.METRICS_ALLOW ?? '127.0.0.1,::1'),
    embeddingQueueSize: env.EMBEDDING_QUEUE_SIZE ?? 32,
    port: env.PORT ?? 3000,
    host: env.HOST ?? '127.0.0.1',
    today: blankToNull(env.POLICY_TODAY) ?? localDate(new Date()),
    llm: llmBase
      ? { baseUrl: llmBase, model: env.LLM_MODEL ?? '', apiKey: env.LLM_API_KEY ?? 'none', timeoutMs: env.LLM_TIMEOUT_MS ?? 20_000 }
      : null,
  });
}
