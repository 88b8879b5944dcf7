import { readConfig, type AppConfig } from '../src/config.js';
import { openPolicyCore, type PolicyCore } from '../src/app.js';

/**
 * Tests run with the embedding model (EMBEDDING_MODEL_DIR, as .ci/run sets it) and fail when it cannot load;
 * REQUIRE_EMBEDDING_MODEL is forced on so a missing model is an error, not a silent lexical fallback.
 */
export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  const config = readConfig({ ...process.env, REQUIRE_EMBEDDING_MODEL: '1', POLICY_TODAY: '2026-11-22' });
  if (!config.modelDir) throw new Error('tests need EMBEDDING_MODEL_DIR (e.g. ../shared/models or ./models)');
  return { ...config, ...overrides };
}

let shared: Promise<PolicyCore> | null = null;
/** One corpus + hybrid retrieval per test worker. */
export function sharedCore(): Promise<PolicyCore> {
  shared ??= openPolicyCore(testConfig(), () => {});
  return shared;
}
