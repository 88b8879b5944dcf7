import type { SubsidyRule } from '../../policy/index.js';
import { chooseRules } from '../../policy/index.js';
import { ruleHeadline } from '../compose.js';
import type { AssistantReply } from '../response.js';
import type { HandlerContext } from './context.js';

/**
 * Lists the measures that apply, grouped by document: each provision with its headline figure from the rules data
 * and its clause label, plus the documents that give no rates. A kind of support named narrows the list.
 */
export function answerOverview(text: string, regions: readonly string[], ctx: HandlerContext): AssistantReply {
  const docs = ctx.documentsFor(regions);
  const docIds = new Set(docs.map((d) => d.id));
  const regionOf = (docId: string) => ctx.corpus.documentById.get(docId)?.region;
  const inScope = ctx.rules.rules.filter((r) => docIds.has(r.docId));
  // A kind of support named ("人才方面") narrows to the rules whose vocabulary it uses.
  const topical = chooseRules(inScope, text, { regionOf, regions: [...new Set(docs.map((d) => d.region))] }).rules;
  const related = topical.length
    ? inScope.filter((r) => topical.some((t) => t.clauseId === r.clauseId || r.vocabulary.triggers.some((w) => t.vocabulary.triggers.includes(w))))
    : inScope;
  const lines: string[] = [];
  const cited: string[] = [];
  for (const doc of docs) {
    const rules = related.filter((r) => r.docId === doc.id);
    const noRates = ctx.rules.nonQuantitative.find((n) => n.docId === doc.id);
    if (!rules.length && !(noRates && !topical.length)) continue;
    lines.push(`【${doc.region}·${doc.shortTitle}】${doc.draft ? '（征求意见稿）' : ''}`);
    const byClause = new Map<string, SubsidyRule[]>();
    for (const r of rules) byClause.set(r.clauseId, [...(byClause.get(r.clauseId) ?? []), r]);
    for (const [clauseId, group] of byClause) {
      const label = ctx.corpus.clauseById.get(clauseId)?.label ?? clauseId;
      lines.push(...group.map((r) => `· ${r.subject}：${ruleHeadline(r)}（${label}）`));
      cited.push(clauseId);
    }
    if (noRates && !rules.length) {
      lines.push(`· ${noRates.statement}（${noRates.clauseIds.map((id) => ctx.corpus.clauseById.get(id)?.label ?? id).join('、')}）`);
      cited.push(...noRates.clauseIds);
    }
    lines.push(ctx.validityLine(doc.id));
  }
  if (!lines.length) {
    return { intent: 'overview', answer: `所问范围内的文件没有规定具体的扶持金额。${ctx.lexicon.coverage}`, citations: [], calculation: null, total: null, suggestions: [] };
  }
  const head = topical.length ? '相关的扶持措施如下（金额为文件规定的标准或上限）：' : '可享受的扶持措施如下（金额为文件规定的标准或上限）：';
  return {
    intent: 'overview', answer: `${head}\n${lines.join('\n')}`, citations: ctx.citations(cited), calculation: null, total: null,
    suggestions: related.slice(0, 3).map((r) => `${r.subject}能补多少`),
  };
}
