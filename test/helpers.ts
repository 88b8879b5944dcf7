import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

/**
 * A copy of corpus/ with the Foshan fixture document added: its text, its manifest entry and its region's aliases (佛山,
 * 顺德 …), and, with `rules`, its rules file. Adding a document must need nothing more.
 */
export function corpusWithFixtureDocument(options: { rules: boolean }): string {
  const corpusDir = mkdtempSync(join(tmpdir(), 'corpus-'));
  cpSync('corpus', corpusDir, { recursive: true });
  cpSync('test/fixtures/foshan-fixture.txt', join(corpusDir, 'foshan-fixture.txt'));
  if (options.rules) cpSync('test/fixtures/foshan-fixture.rules.yaml', join(corpusDir, 'rules/foshan-fixture.yaml'));
  const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as { documents: unknown[]; regions: unknown[] };
  manifest.documents.push({
    id: 'foshan-fixture', file: 'foshan-fixture.txt', title: '佛山市测试区技术改造扶持办法（测试夹具）',
    shortTitle: '佛山测试夹具', docNumber: null, issuer: '测试', region: '佛山市', province: '广东省', level: '市',
    issueDate: '2026-01-01', period: { from: '2026-01-01', to: '2028-12-31' }, periodBasis: '测试夹具',
    draft: false, sourceUrl: null, hasQuantitativeSubsidies: options.rules,
  });
  manifest.regions.push({ region: '佛山市', aliases: ['佛山', '禅城', '南海区', '顺德', 'foshan'] });
  writeFileSync(join(corpusDir, 'manifest.json'), JSON.stringify(manifest));
  return corpusDir;
}
