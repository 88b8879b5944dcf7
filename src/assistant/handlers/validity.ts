import { describeValidity, documentStatus } from '../../corpus/index.js';
import type { Understanding } from '../../nlu/understand.js';
import { chooseRules } from '../../policy/index.js';
import { plainReply } from '../compose.js';
import type { AssistantReply } from '../response.js';
import { namedDocuments, type HandlerContext } from './context.js';

/** Whether the documents asked about are in force, expired or drafts, as of today; by 文号, provision, year or region. */
export function validity(u: Understanding, regions: readonly string[], ctx: HandlerContext): AssistantReply {
  // A question about one provision ("工作母机补贴还能申请吗") speaks of its document and cites its clause.
  const asked = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions }).rules;
  const named = namedDocuments(u.text, regions, ctx);
  const byNumber = ctx.corpus.documents.filter((d) => d.docNumber && u.text.includes(d.docNumber));
  const scoped = byNumber.length ? byNumber.map((d) => d.id) : asked.length ? asked.map((r) => r.docId) : named;
  const docs = ctx.corpus.documents.filter((d) => (scoped.length ? scoped.includes(d.id) : regions.length ? regions.includes(d.region) : true));
  const lines = docs.map((d) => `· ${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}：${describeValidity(d, ctx.today)}`);
  const expired = docs.filter((d) => documentStatus(d, ctx.today) === 'expired').length;
  const head = expired === docs.length ? '所问文件的执行期均已届满。' : '各文件的状态如下。';
  const cited = asked.length ? asked.map((r) => r.clauseId) : docs.flatMap((d) => ctx.rules.rules.filter((r) => r.docId === d.id).slice(0, 1).map((r) => r.clauseId));
  return plainReply('validity', `${head}\n${lines.join('\n')}\n（判断日期：${ctx.today}）`, ctx.citations(cited), ['买200万的工作母机能补多少']);
}
