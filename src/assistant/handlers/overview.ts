import { Decimal } from 'decimal.js';
import { inDocumentTitle } from '../../corpus/index.js';
import { thresholdValue, type SubsidyRule } from '../../policy/index.js';
import { ruleHeadline } from '../compose.js';
import { coveredChars, distinctiveTerms } from '../evidence.js';
import { searchPolicy } from '../policy-search.js';
import type { AssistantReply } from '../response.js';
import type { HandlerContext } from './context.js';

/** What a broad question is about: the measures it names, or all of them when it names a kind of support only. */
export interface OverviewTopic {
  /** The provisions to list (all in scope when no topic is named). */
  rules: SubsidyRule[];
  /** The question names a topic of its own (质量品牌, 增资扩产), beyond 技改 and 扶持. */
  named: boolean;
}

// Words of any broad question ("中山有哪些技改扶持政策"): they name no topic.
const NO_TOPIC = new Set(['技改', '技术改造', '改造', '措施', '方面', '这块', '资金', '奖补', '以奖代补', '工业', '发展', '主要', '内容']);

/**
 * The topic of a broad question, from the clauses retrieved for it: the clauses whose shared words (those in the
 * question itself, not generic, not places) cover at least half of what the best clause covers (设备 beside 设备购置). 中山企业做大做强和兼并重组
 * 有什么奖励 → the clauses of 做大做强 and 兼并重组; 中山工业设计提升工程有哪些内容 → a clause with no provision, so a
 * lookup rather than an overview.
 */
export async function overviewTopic(text: string, docIds: readonly string[], ctx: HandlerContext): Promise<OverviewTopic> {
  const inScope = ctx.rules.rules.filter((r) => docIds.includes(r.docId));
  const hits = await searchPolicy(ctx.corpus, ctx.retriever, { query: text, k: 8, docIds: [...docIds] });
  const scored = hits.map((h) => {
    // A document's own title words (三年行动计划, 实施意见) name the document, not a topic in it.
    const terms = distinctiveTerms([h], ctx.lexicon.gazetteer).filter((t) => text.includes(t) && !NO_TOPIC.has(t) && !inDocumentTitle(ctx.corpus, t));
    return { clauseId: h.clause.id, covered: coveredChars(text, terms) };
  });
  const best = Math.max(0, ...scored.map((x) => x.covered));
  if (best === 0) return { rules: inScope, named: false };
  const clauses = new Set(scored.filter((x) => x.covered * 2 >= best).map((x) => x.clauseId));
  return { rules: inScope.filter((r) => clauses.has(r.clauseId)), named: true };
}

/**
 * Lists the measures that apply, grouped by document: each provision with its headline figure from the rules data
 * and its clause label, plus the documents that give no rates. A kind of support named narrows the list.
 */
export function answerOverview(docIds: readonly string[], topic: OverviewTopic, ctx: HandlerContext): AssistantReply {
  const docs = ctx.corpus.documents.filter((d) => docIds.includes(d.id));
  const related = topic.rules;
  const topical = topic.named;
  const lines: string[] = [];
  const cited: string[] = [];
  for (const doc of docs) {
    const rules = related.filter((r) => r.docId === doc.id);
    const noRates = ctx.rules.nonQuantitative.find((n) => n.docId === doc.id);
    if (!rules.length && !(noRates && !topical)) continue;
    lines.push(`【${doc.region}·${doc.shortTitle}】${doc.draft && !doc.shortTitle.includes('征求意见稿') ? '（征求意见稿）' : ''}`);
    const byClause = new Map<string, SubsidyRule[]>();
    for (const r of rules) byClause.set(r.clauseId, [...(byClause.get(r.clauseId) ?? []), r]);
    for (const [clauseId, group] of byClause) {
      const label = ctx.corpus.clauseById.get(clauseId)?.label ?? clauseId;
      lines.push(...group.map((r) => `· ${r.subject}：${ruleHeadline(r)}（${label}）`));
      cited.push(clauseId);
    }
    // The thresholds these measures share (六安: 固定资产投资200万元以上 to enter the project library), once each.
    const thresholds = new Map(rules.flatMap((r) => r.thresholds).map((t) => [`${t.label}${t.minimum}`, t]));
    for (const t of thresholds.values()) {
      const label = ctx.corpus.clauseById.get(t.clauseId)?.label ?? t.clauseId;
      lines.push(`· 门槛：${t.label}不低于${thresholdValue(t, new Decimal(t.minimum))}${t.exemptWhen ? `（${t.exemptWhen.values.join('、')}项目除外）` : ''}（${label}）`);
      cited.push(t.clauseId);
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
  const head = topical ? '相关的扶持措施如下（金额为文件规定的标准或上限）：' : '可享受的扶持措施如下（金额为文件规定的标准或上限）：';
  return {
    intent: 'overview', answer: `${head}\n${lines.join('\n')}`, citations: ctx.citations(cited), calculation: null, total: null,
    suggestions: related.slice(0, 3).map((r) => `${r.subject}能补多少`),
  };
}
