import type { PolicyDocument } from '../../corpus/index.js';
import { searchPolicy } from '../policy-search.js';
import type { AssistantReply } from '../response.js';
import type { HandlerContext } from './context.js';

/** What a document-facts question asks, by its words. */
const ASKS = {
  number: /(文号|发文字号|几号文|哪个文件号)/,
  issuer: /(谁发|哪个单位发|哪个部门发|发文(单位|机关|部门)|印发单位|哪里发的|发布单位|制定单位)/,
  date: /(什么时候(发|出|印|公布|颁布)|哪天(发|出|印)|发文日期|成文日期|印发日期|发布日期|哪一年(发|出))/,
  period: /(有效期|执行期|期限|实施期|到什么时候|截止|哪年到哪年|几年)/,
  contact: /(联系|电话|咨询|热线|邮箱|地址|找谁|窗口)/,
  responsible: /(哪个部门负责|谁负责|由谁|牵头|负责部门|责任单位|归口)/,
};
export const DOCUMENT_FACT_CUE = new RegExp(Object.values(ASKS).map((r) => r.source).join('|'));

const dateText = (iso: string | null | undefined) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

function facts(doc: PolicyDocument, text: string, ctx: HandlerContext): string[] {
  const lines: string[] = [];
  const any = Object.values(ASKS).some((r) => r.test(text));
  if (ASKS.number.test(text) || !any) lines.push(doc.docNumber ? `文号：${doc.docNumber}` : '文号：文件未载明文号');
  if (ASKS.issuer.test(text) || !any) lines.push(`发文单位：${doc.issuer}`);
  if (ASKS.date.test(text) || !any) lines.push(doc.issueDate ? `成文日期：${dateText(doc.issueDate)}` : '成文日期：文件未载明');
  if (ASKS.period.test(text) || !any) {
    lines.push(doc.period ? `执行期：${dateText(doc.period.from)}至${dateText(doc.period.to)}（${doc.periodBasis}）` : `执行期：${doc.draft ? '征求意见稿，尚未正式印发，' : ''}文件未载明`);
  }
  if (ASKS.contact.test(text)) lines.push('联系方式：文件没有给出联系电话、邮箱或地址，请向发文单位或当地工业和信息化主管部门咨询。');
  lines.push(ctx.validityLine(doc.id));
  return lines;
}

/** 文号、发文单位、日期、执行期、负责部门、联系方式: from the manifest, and the clause that assigns a department. */
export async function answerDocumentFacts(text: string, regions: readonly string[], ctx: HandlerContext): Promise<AssistantReply> {
  const docs = ctx.documentsFor(regions);
  const years = text.match(/(?:19|20)\d\d/g) ?? [];
  const named = years.length ? docs.filter((d) => years.some((y) => d.issueDate?.startsWith(y) || d.period?.from.startsWith(y))) : docs;
  const chosen = named.length ? named : docs;
  const blocks = chosen.map((d) => `《${d.title}》\n${facts(d, text, ctx).map((l) => `· ${l}`).join('\n')}`);
  const citations: string[] = [];
  if (ASKS.responsible.test(text)) {
    const hits = await searchPolicy(ctx.corpus, ctx.retriever, { query: text, k: 2, docIds: chosen.map((d) => d.id) });
    const hit = hits.find((h) => /(负责|牵头|局|委|办)/.test(h.clause.text));
    if (hit) {
      const sentence = hit.clause.text.split(/(?<=[。；])/).find((s) => /(负责|牵头)/.test(s)) ?? hit.clause.text;
      blocks.unshift(`负责部门：${ctx.clauseRef(hit.clause.id)}：“${sentence.replace(/[。；]$/, '')}”`);
      citations.push(hit.clause.id);
    } else {
      blocks.unshift('文件没有写明负责该事项的部门。');
    }
  }
  const preambles = chosen.map((d) => ctx.corpus.clauses.find((c) => c.docId === d.id)?.id).filter((id): id is string => Boolean(id));
  return {
    intent: 'document_facts', answer: blocks.join('\n\n'), citations: ctx.citations([...citations, ...preambles.slice(0, 3)]),
    calculation: null, total: null, suggestions: ['这个政策还有效吗？', '有哪些扶持措施？'],
  };
}
