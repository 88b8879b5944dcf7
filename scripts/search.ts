// npm run search -- "买工作母机有什么补贴" [--doc zhongshan-2018] [--k 5] [--json]
import { openPolicyCore } from '../src/app.js';
import { searchPolicy } from '../src/assistant/policy-search.js';
import { readConfig } from '../src/config.js';
import { describeValidity } from '../src/corpus/index.js';
import { parseQuestionArgs } from './cli-args.js';

const args = parseQuestionArgs(process.argv.slice(2));
if (!args.question) {
  console.error('usage: npm run search -- "<question>" [--doc id] [--k n] [--json]');
  process.exit(2);
}
const core = await openPolicyCore(readConfig(process.env));
if (args.docId && !core.corpus.documentById.has(args.docId)) {
  console.error(`unknown document "${args.docId}"; known: ${core.corpus.documents.map((d) => d.id).join(', ')}`);
  process.exit(2);
}
const started = performance.now();
const hits = await searchPolicy(core.corpus, core.retrieval.retriever, { query: args.question, k: args.k, docId: args.docId });
const elapsed = performance.now() - started;
if (args.json) {
  console.log(JSON.stringify(hits.map((h) => ({ clauseId: h.clause.id, label: h.clause.label, score: h.score,
    matchedTerms: h.matchedTerms, text: h.clause.text })), null, 2));
} else {
  hits.forEach((hit, i) => {
    const doc = core.corpus.documentById.get(hit.clause.docId);
    const meta = doc ? [doc.title, doc.docNumber ?? '无文号', doc.issuer, doc.issueDate ?? '日期未载明'].join(' · ') : '';
    console.log(`\n${i + 1}. ${hit.clause.label}  [${hit.clause.id}]  score ${hit.score.toFixed(4)}`);
    console.log(`   ${meta}`);
    if (doc) console.log(`   ${describeValidity(doc, core.config.today)}`);
    if (hit.matchedTerms.length) console.log(`   matched: ${hit.matchedTerms.join(' ')}`);
    console.log(`   ${hit.clause.text.replace(/\n+/g, ' ')}`);
  });
  console.log(`\n${hits.length} clauses in ${elapsed.toFixed(1)} ms (${core.retrieval.retriever.mode})`);
}
