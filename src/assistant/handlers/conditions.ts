import { Decimal } from 'decimal.js';
import { thresholdValue, type SubsidyRule, type Threshold } from '../../policy/index.js';
import { numbered, plainReply, ruleHeadline } from '../compose.js';
import type { AssistantReply } from '../response.js';
import type { Understanding } from '../../nlu/understand.js';
import type { HandlerContext } from './context.js';
import { inputsFor } from './slots.js';

/**
 * "要满足哪些条件", "最少要多少平方米才纳入扶持": the provision's conditions and thresholds from its row, each threshold
 * quoted from its clause, then what it grants; no calculation prompt, since the question gives nothing to compute.
 */
export function answerConditions(rules: readonly SubsidyRule[], ctx: HandlerContext, u?: Understanding): AssistantReply {
  // The first provision's threshold checked against the message's figure: the verdict an agent reads out first.
  let verdictFirst = '';
  const blocks = rules.map((rule, index) => {
    const region = ctx.regionOf(rule.docId) ?? '';
    // "单栋大概六千平方，够不够格": a figure the message gives for a threshold is checked against it.
    const given = u ? inputsFor(rule, u).inputs : {};
    // Alternatives (连片 or 单体) read as one threshold: either minimum, one quote.
    const groups = new Map<string, Threshold[]>();
    for (const t of rule.thresholds) groups.set(t.alternative ?? t.input, [...(groups.get(t.alternative ?? t.input) ?? []), t]);
    const thresholds = [...groups.values()].map((group) => {
      const minimums = group.map((t) => `${t.label}不低于${thresholdValue(t, new Decimal(t.minimum))}`);
      const quotes = [...new Set(group.map((t) => `${ctx.clauseRef(t.clauseId)}规定“${t.quote}”`))];
      const checked = group.filter((t) => given[t.input] !== undefined).map((t) => {
        const value = new Decimal(String(given[t.input]));
        const met = value.gte(t.minimum);
        return { met, line: `${t.label}${thresholdValue(t, value)}${met ? '，达到' : '，低于'}${thresholdValue(t, new Decimal(t.minimum))}` };
      });
      const met = checked.some((c) => c.met);
      const verdict = checked.length ? `\n按您说的：${checked.map((c) => c.line).join('；')}${met ? '——符合这一门槛' : '——不符合这一门槛'}。` : '';
      if (index === 0 && checked.length && !verdictFirst) {
        verdictFirst = `按您说的，${checked.map((c) => c.line).join('；')}，${met ? '符合' : '不符合'}${rule.subject}的这一门槛。`;
      }
      return `${minimums.join('，或')}${group.length > 1 ? '（满足其一即可）' : ''}：${quotes.join('；')}${verdict}`;
    });
    return [
      `【${region}·${rule.subject}】`,
      `条件：${numbered(rule.conditions)}`,
      ...(thresholds.length ? [`门槛：${thresholds.join('；')}`] : []),
      `标准：${ruleHeadline(rule)}（${ctx.clauseRef(rule.clauseId)}：“${rule.quote}”）`,
      ctx.validityLine(rule.docId),
    ].join('\n');
  });
  // The line an agent reads out first, as lookups lead: the threshold in the clause's words, else the conditions.
  const first = rules[0];
  const threshold = first?.thresholds[0];
  const lead = threshold ? `要点：${verdictFirst}“${threshold.quote}”（${ctx.clauseRef(threshold.clauseId)}）。\n`
    : first ? `要点：${first.subject}的条件是${first.conditions.join('；')}。\n` : '';
  const clauses = rules.flatMap((r) => [r.clauseId, ...r.thresholds.map((t) => t.clauseId)]);
  const suggestions = rules.slice(0, 2).map((r) => `${r.subject}能补多少`);
  return plainReply('lookup', `${lead}${blocks.join('\n\n')}\n是否符合条件以主管部门审核为准。`, ctx.citations([...new Set(clauses)]), suggestions);
}
