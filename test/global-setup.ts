import { openPolicyCore } from '../src/app.js';
import { testConfig } from './helpers.js';

/**
 * Builds (or confirms) the persisted vector index once, before any test file runs: on a fresh checkout every worker
 * would otherwise embed the whole corpus in its first test, and under two busy workers that outlasts a test timeout.
 */
export default async function buildIndexOnce(): Promise<void> {
  await openPolicyCore(testConfig(), () => {});
}
