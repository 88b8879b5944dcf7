import { Decimal } from 'decimal.js';
import type { Intent } from '../nlu/understand.js';
import { BASIS_LABELS, capLabel, formatRate, formatYuan, formatYuanAlike, thresholdValue, type SubsidyRule, type UnratedMeasure } from '../policy/index.js';
import type { HandlerContext } from './handlers/context.js';
import type { AssistantReply, Citation } from './response.js';

/** A rule's headline figure in one line, from its row alone: 按购买价格不超过15%，单个企业每年最高300万元. */
export function ruleHeadline(rule: SubsidyRule): string {
  const f = rule.formula;
  const caps = rule.caps.map((c) => `${capLabel(c)}${formatYuan(new Decimal(c.amount))}`);
  const floor = rule.floor ? [`不低于${formatYuan(new Decimal(rule.floor))}`] : [];
  let main: string;
  switch (f.type) {
    case 'rate': main = `按${BASIS_LABELS[f.basis]}${f.bound === 'upper' ? '不超过' : ''}${formatRate(new Decimal(f.rate))}`; break;
    case 'area-month': main = `${f.bound === 'upper' ? '最高' : ''}${f.unitAmount}元/平方米/月`; break;
    case 'per-head': {
      const amounts = formatYuanAlike(f.levels.map((l) => new Decimal(l.amount)));
      main = f.levels.map((l, i) => `${l.label}每人${amounts[i]}`).join('、');
      break;
    }
    case 'fixed': main = f.options.map((o) => `${o.label}${f.bound === 'upper' ? '最高' : ''}${formatYuan(new Decimal(o.amount))}`).join('、'); break;
    case 'tiered': main = f.tiers.map((t) => `突破${formatYuan(new Decimal(t.threshold))}奖${formatYuan(new Decimal(t.amount))}`).join('、'); break;
    case 'fiscal-share': main = `按${f.components.map((c) => `${c.label}的${formatRate(new Decimal(c.rate))}`).join('、')}`; break;
    case 'upper-bound': main = `最高${formatYuan(new Decimal(f.amount))}`; break;
  }
  const duration = rule.duration ? [`${rule.duration.years}年`] : [];
  return [main, ...floor, ...caps, ...duration].join('，');
}

/** ①②③ numbering for short lists read out on the phone. */
/** An ISO date as the documents write one (2015年6月2日). */
export const dateText = (iso: string | null | undefined) => {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/**
 * What a row's thresholds require, alternatives joined by 或 (连片盘活面积不低于10000平方米，或单体闲置厂房盘活面积不低于
 * 5000平方米); null where it sets none.
 */
export function thresholdsSentence(rule: SubsidyRule): string | null {
  if (!rule.thresholds.length) return null;
  const groups = new Map<string, SubsidyRule['thresholds']>();
  for (const t of rule.thresholds) groups.set(t.alternative ?? t.input, [...(groups.get(t.alternative ?? t.input) ?? []), t]);
  return [...groups.values()].map((group) => group.map((t) => `${t.label}不低于${thresholdValue(t, new Decimal(t.minimum))}`
    + (t.exemptWhen ? `（${t.exemptWhen.values.join('、')}项目除外）` : '')).join('，或')).join('；');
}

export function numbered(items: readonly string[]): string {
  return items.map((x, i) => `${'①②③④⑤⑥⑦⑧⑨⑩'[i] ?? `${i + 1}.`}${x}`).join(' ');
}

/** Questions offered where the assistant has nothing better to suggest (greeting, off-topic, nothing found). */
export const HELP_SUGGESTIONS = ['买200万的工作母机能补多少', '东源买设备怎么补', '六安的六化指什么', '中山和东源买500万设备各补多少'];

/** A reply with text and citations only: no calculation, no total. */
export function plainReply(intent: Intent, answer: string, citations: Citation[], suggestions: string[]): AssistantReply {
  return { intent, answer, citations, calculation: null, total: null, suggestions };
}

/** Two answers as one: the second's text after the first's, its citations after the first's, each clause cited once. */
export function followedBy(first: AssistantReply, second: AssistantReply, separator = '\n'): AssistantReply {
  const cited = new Set(first.citations.map((c) => c.clauseId));
  // A line both parts end on (a draft's status, an expired period) is said once, at the end.
  const closing = new Set(second.answer.split('\n'));
  const lines = first.answer.split('\n');
  while (lines.length > 1 && closing.has(lines.at(-1) ?? '') && /(征求意见稿|已届满|执行期)/.test(lines.at(-1) ?? '')) lines.pop();
  return { ...first, answer: `${lines.join('\n')}${separator}${second.answer}`, citations: [...first.citations, ...second.citations.filter((c) => !cited.has(c.clauseId))] };
}

const MAX_AWARDS_INSTEAD = 6;

/**
 * What a region's documents do award, where none of it answers the subject asked (六安 beside 中山's and 东源's rates:
 * fixed awards for recognised projects): one sentence with each provision's headline, and the clauses it cites.
 */
export function awardsInstead(docIds: readonly string[], ctx: HandlerContext): { line: string; clauseIds: string[] } | null {
  const rules = ctx.rules.rules.filter((r) => docIds.includes(r.docId));
  // (A short list only: a document of many provisions, 中山2018's nineteen, is its overview's business, not a line
  // beside a comparison.)
  if (!rules.length || rules.length > MAX_AWARDS_INSTEAD) return null;
  const clauseIds = [...new Set(rules.map((r) => r.clauseId))];
  // (A headline that names its provision, 省级智能工厂50万元, is said alone.)
  const said = (r: SubsidyRule) => { const headline = ruleHeadline(r); return headline.includes(r.subject) ? headline : `${r.subject}：${headline}`; };
  const line = `该地文件规定的奖补只有：${rules.map(said).join('；')}（${clauseIds.map((id) => ctx.corpus.clauseById.get(id)?.label ?? id).join('、')}）。`;
  return { line, clauseIds };
}

/** A measure named without a rate, as answers quote it: 《title》label：“quote”。statement */
export function unratedSentence(measure: UnratedMeasure, ctx: HandlerContext): string {
  return `${ctx.clauseRef(measure.clauseId)}：“${measure.quote}”。${measure.statement}`;
}

/** Support asked as such (有哪些扶持, 有啥支持, 什么补贴): what the documents fund, not what they set as tasks. */
// (Or what the enterprise can apply for or get, 有咩可以申请, 有啥我们这种小厂能拿的, 有啲咩政策帮到我哋.)
export const ASKS_SUPPORT = /(哪些|什么|啥|咩|乜)(技改)?(扶持|支持|奖补|补贴|补助|奖励|资助|优惠)|(哪些|什么|啥|咩|乜)[^，,。；;？?]{0,10}(可以|能|可)(申请|申报|拿|领|享受)|(政策|措施)[^，,。；;？?]{0,3}帮(到|得上)/;

/**
 * Which place (or option) gives more, each one's awards added: "东源县多：240万元，比中山市（最高120万元）多120万元。" A ceiling
 * (不超过/最高) is said as one; where the larger is a ceiling, the verdict says it is at most. Empty where fewer than two
 * places have an amount.
 */
export function morePlaceVerdict(amounts: readonly { place: string; amount: string; ceiling: boolean }[]): string {
  const byPlace = new Map<string, { sum: Decimal; ceiling: boolean }>();
  for (const { place, amount, ceiling } of amounts) {
    const was = byPlace.get(place);
    byPlace.set(place, { sum: (was?.sum ?? new Decimal(0)).plus(amount), ceiling: (was?.ceiling ?? false) || ceiling });
  }
  const [first, second] = [...byPlace].sort((a, b) => b[1].sum.comparedTo(a[1].sum));
  if (!first || !second) return '';
  const said = (x: { sum: Decimal; ceiling: boolean }) => `${x.ceiling ? '最高' : ''}${formatYuan(x.sum)}`;
  if (first[1].sum.eq(second[1].sum)) return `${first[0]}与${second[0]}金额相同，均为${said(first[1])}。`;
  return `${first[0]}${first[1].ceiling ? '（按上限比）' : ''}多：${said(first[1])}，比${second[0]}（${said(second[1])}）多${formatYuan(first[1].sum.minus(second[1].sum))}。`;
}
