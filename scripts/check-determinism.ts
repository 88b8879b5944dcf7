// npm run check:determinism [-- --write]
// int8 ONNX kernels give slightly different embeddings on different CPUs (AVX-512 VNNI vs AVX2), so a near-tie in
// retrieval can flip between machines. This prints how far this machine's embeddings are from the reference vectors
// stored in evals/reference/embeddings.json, whether the retrieval set ranks as it did there, and how stable the
// rankings stay when query vectors are perturbed by ten times the observed difference. `--write` renews the reference.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { searchPolicy } from '../src/assistant/policy-search.js';
import { readConfig } from '../src/config.js';
import { loadCorpus } from '../src/corpus/index.js';
import {
  DenseRetriever, HybridRetriever, LexicalRetriever, TransformersEmbedder, clausePassages, type Embedder,
} from '../src/retrieval/index.js';
import { readRetrievalCases } from '../evals/retrieval-cases.js';
import { writeBenchSection } from './bench-report.js';

const REFERENCE_FILE = 'evals/reference/embeddings.json';
/** One adjacent-rank swap near the head of one list moves a fused RRF score by about this much. */
const ONE_SWAP = 1 / 61 - 1 / 62;

const ReferenceSchema = z.object({
  cpu: z.string(),
  fingerprint: z.string(),
  texts: z.array(z.string()),
  /** base64 of little-endian float32, one per text. */
  vectors: z.array(z.string()),
  rankings: z.record(z.string(), z.object({ top: z.array(z.string()), margin: z.number() })),
});
type Reference = z.infer<typeof ReferenceSchema>;

const { values: args } = parseArgs({ options: { write: { type: 'boolean', default: false } } });
const config = readConfig(process.env);
if (!config.modelDir) throw new Error('set EMBEDDING_MODEL_DIR (e.g. ../shared/models)');
const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
const corpus = loadCorpus(config.corpusDir);
const embedder = await TransformersEmbedder.load(config.modelDir, { queryPrefix: false });
const cases = readRetrievalCases();

// A fixed sample: the first window of every clause (the passages the index holds) and every retrieval question.
const passageTexts = corpus.clauses.map((c) => clausePassages(c)[0]?.text ?? c.text);
const texts = [...passageTexts, ...cases.map((c) => c.question)];
// Queries one at a time: the embedder's query queue (32 waiting) refuses a burst of 100, as the server must.
const queryVectors: Float32Array[] = [];
for (const c of cases) queryVectors.push(await embedder.embedQuery(c.question));
const fresh = [...(await embedder.embedPassages(passageTexts)), ...queryVectors];

const toBase64 = (v: Float32Array) => Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64');
const fromBase64 = (s: string) => { const b = Buffer.from(s, 'base64'); return new Float32Array(b.buffer, b.byteOffset, b.byteLength / 4); };
const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0, na = 0, nb = 0;
  for (let i = 0; i < a.length; i += 1) { const x = a[i] ?? 0, y = b[i] ?? 0; dot += x * y; na += x * x; nb += y * y; }
  return dot / Math.sqrt(na * nb);
};

/** Adds seeded noise of a given relative size to each query vector, then renormalizes: a stand-in for another CPU. */
class PerturbedEmbedder implements Embedder {
  readonly fingerprint: string;
  private seed = 12345;
  constructor(private readonly inner: Embedder, private readonly size: number) { this.fingerprint = inner.fingerprint; }
  embedPassages(texts: readonly string[]) { return this.inner.embedPassages(texts); }
  private random() { this.seed = (this.seed * 1103515245 + 12345) % 2147483648; return this.seed / 2147483648 - 0.5; }
  async embedQuery(text: string) {
    const v = Float32Array.from(await this.inner.embedQuery(text));
    let norm = 0;
    for (let i = 0; i < v.length; i += 1) { v[i] = (v[i] ?? 0) + this.random() * this.size * 2 / Math.sqrt(v.length) * Math.sqrt(3); norm += (v[i] ?? 0) ** 2; }
    return v.map((x) => x / Math.sqrt(norm));
  }
}

async function rankings(queryEmbedder: Embedder): Promise<Reference['rankings']> {
  const indexDir = mkdtempSync(join(tmpdir(), 'determinism-'));
  const dense = await DenseRetriever.open(corpus.clauses, queryEmbedder, indexDir);
  const hybrid = new HybridRetriever(new LexicalRetriever(corpus.clauses), dense);
  const out: Reference['rankings'] = {};
  for (const c of cases) {
    const hits = await searchPolicy(corpus, hybrid, { query: c.question, k: 3 });
    out[c.id] = { top: hits.map((h) => h.clause.id), margin: (hits[0]?.score ?? 0) - (hits[1]?.score ?? 0) };
  }
  return out;
}

const current = await rankings(embedder);
if (args.write) {
  const reference: Reference = { cpu, fingerprint: embedder.fingerprint, texts, vectors: fresh.map(toBase64), rankings: current };
  mkdirSync('evals/reference', { recursive: true });
  writeFileSync(REFERENCE_FILE, `${JSON.stringify(reference)}\n`);
  console.log(`wrote ${REFERENCE_FILE}: ${texts.length} vectors and ${cases.length} rankings on ${cpu}`);
  process.exit(0);
}

const reference = ReferenceSchema.parse(JSON.parse(readFileSync(REFERENCE_FILE, 'utf8')));
if (reference.fingerprint !== embedder.fingerprint) throw new Error(`reference made with ${reference.fingerprint}, model is ${embedder.fingerprint}`);
if (JSON.stringify(reference.texts) !== JSON.stringify(texts)) throw new Error('the corpus or retrieval set changed: run with --write');
const cosines = fresh.map((v, i) => cosine(v, fromBase64(reference.vectors[i] ?? '')));
const minCos = Math.min(...cosines);
const meanCos = cosines.reduce((a, b) => a + b, 0) / cosines.length;
const identical = cosines.filter((c) => c >= 0.9999999).length;

function stability(against: Reference['rankings']) {
  const ids = Object.keys(against);
  const top1 = ids.filter((id) => current[id]?.top[0] === against[id]?.top[0]).length;
  const top3 = ids.filter((id) => JSON.stringify([...(current[id]?.top ?? [])].sort()) === JSON.stringify([...(against[id]?.top ?? [])].sort())).length;
  return { ids, top1, top3 };
}
const vsReference = stability(reference.rankings);
const nearTies = Object.entries(current).filter(([, r]) => r.margin < 2 * ONE_SWAP).map(([id]) => id);

const report = [
  `Latest \`npm run check:determinism\` on ${new Date().toISOString().slice(0, 10)}.`, '',
  '| measure | result |', '|---|---|',
  `| CPU here / reference CPU | ${cpu} / ${reference.cpu} |`,
  `| embedding cosine to reference (${cosines.length} texts) | min ${minCos.toFixed(7)} · mean ${meanCos.toFixed(7)} · bit-identical ${identical} |`,
  `| retrieval set vs reference | top-1 same ${vsReference.top1}/${vsReference.ids.length} · top-3 set same ${vsReference.top3}/${vsReference.ids.length} |`,
  `| near ties (first-place margin < two adjacent dense-rank swaps) | ${nearTies.length}${nearTies.length ? ` (${nearTies.join(', ')})` : ''} |`,
];
for (const size of [Math.max(1 - minCos, 1e-4) * 10, 0.02, 0.05]) {
  const perturbed = await rankings(new PerturbedEmbedder(embedder, Math.sqrt(2 * size)));
  const ids = Object.keys(current);
  const top1 = ids.filter((id) => perturbed[id]?.top[0] === current[id]?.top[0]).length;
  report.push(`| query vectors perturbed to cosine ≈ ${(1 - size).toFixed(5)} | top-1 unchanged ${top1}/${ids.length} |`);
}
report.push('', 'Tests pin a first place only with a margin wider than one dense-rank swap; near ties are asserted as top-k membership.');
console.log(report.join('\n'));
writeBenchSection('determinism', report);
