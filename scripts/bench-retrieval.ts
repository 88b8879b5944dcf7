// npm run bench:retrieval: index build time and query latency over evals/retrieval.jsonl (figures, not a test).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { searchPolicy } from '../src/assistant/policy-search.js';
import { readConfig } from '../src/config.js';
import { loadCorpus } from '../src/corpus/index.js';
import { openPolicyRetrieval, type Retriever } from '../src/retrieval/index.js';
import { readRetrievalCases } from '../evals/retrieval-cases.js';
import { percentile } from './percentiles.js';

const config = readConfig(process.env);
const corpus = loadCorpus(config.corpusDir);
const coldDir = mkdtempSync(join(tmpdir(), 'bench-index-'));
const built = await openPolicyRetrieval(corpus, { ...config, indexDir: coldDir });
const loaded = await openPolicyRetrieval(corpus, { ...config, indexDir: coldDir });
console.log(built.status);
console.log(loaded.status);
const cases = readRetrievalCases();

async function timed(retriever: Retriever, query: string): Promise<number> {
  const started = performance.now();
  await searchPolicy(corpus, retriever, { query });
  return performance.now() - started;
}

/** First pass: each question seen for the first time (query embedding computed); then three cached passes. */
async function latencies(retriever: Retriever): Promise<{ first: number[]; repeat: number[] }> {
  const first: number[] = [];
  for (const c of cases) first.push(await timed(retriever, c.question));
  const samples: number[] = [];
  for (let round = 0; round < 3; round += 1) {
    for (const c of cases) samples.push(await timed(retriever, c.question));
  }
  return { first, repeat: samples };
}

const row = (samples: number[]) => ({ queries: String(samples.length), 'p50 ms': percentile(samples, 50).toFixed(2),
  'p95 ms': percentile(samples, 95).toFixed(2), 'p99 ms': percentile(samples, 99).toFixed(2) });

const rows: Record<string, Record<string, string>> = {};
const modes: [string, Retriever | null][] = [['lexical', loaded.lexical], ['dense', loaded.dense],
  ['hybrid', loaded.dense ? loaded.retriever : null]];
for (const [mode, retriever] of modes) {
  if (!retriever) continue;
  const { first, repeat } = await latencies(retriever);
  if (mode !== 'lexical') rows[`${mode} (new question)`] = row(first);
  rows[`${mode} (repeated question)`] = row(repeat);
}
console.log(`corpus: ${corpus.clauses.length} clauses; vector index build ${built.dense ? Math.round(built.dense.build.milliseconds) : '-'} ms, load ${loaded.dense ? loaded.dense.build.milliseconds.toFixed(1) : '-'} ms`);
console.log('query latency (a repeated question reuses its cached query embedding):');
console.table(rows);
