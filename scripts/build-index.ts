// npm run index: parses the corpus and builds (or confirms) the persisted vector index.
import { openPolicyCore } from '../src/app.js';
import { readConfig } from '../src/config.js';

const config = readConfig(process.env);
const core = await openPolicyCore({ ...config, requireModel: config.modelDir !== null });
const counts = core.corpus.documents.map((d) => `${d.id} ${core.corpus.clauses.filter((c) => c.docId === d.id).length}`);
console.log(`corpus ${core.corpus.contentHash.slice(0, 12)}: ${core.corpus.clauses.length} clauses (${counts.join(', ')})`);
if (core.retrieval.dense) console.log(`vector index: ${core.retrieval.dense.build.folder}`);
