import { Decimal } from 'decimal.js';
import { thresholdValue, type SubsidyRule, type Threshold } from '../../policy/index.js';
import { numbered, plainReply, ruleHeadline } from '../compose.js';
import type { AssistantReply } from '../response.js';
import type { Understanding } from '../../nlu/understand.js';
import { gateThroughRow, type HandlerContext } from './context.js';
import { inputsFor } from './slots.js';
import { departmentLines, fundingLines } from './document-facts.js';

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
  // (Who handles it, or which fund pays, asked beside the conditions: said after them, in the clause's words.)
  const departments = departmentLines(rules, u?.text ?? '', ctx);
  const funds = fundingLines(rules, u?.text ?? '', ctx);
  const clauses = rules.flatMap((r) => [r.clauseId, ...r.thresholds.map((t) => t.clauseId)]);
  const suggestions = rules.slice(0, 2).map((r) => `${r.subject}能补多少`);
  const besides = [...departments.lines, ...funds.lines].map((line) => `\n${line}`).join('');
  return plainReply('lookup', `${lead}${blocks.join('\n\n')}${besides}\n是否符合条件以主管部门审核为准。`,
    ctx.citations([...new Set([...clauses, ...departments.clauseIds, ...funds.clauseIds])]), suggestions);
}

// Entering what the gate guards (能进/纳入/列入…项目库): the gate asked of itself, not a measure that names it (基金投放).
const ENTERS = /(进|入|纳入|列入|进入|够格|够条件|符合)[^，。；;？?]{0,8}$/;

/** Whether the words ask of entering some document's gate (能进项目库吗, 入库). */
export function namesDocumentGate(text: string, ctx: HandlerContext): boolean {
  return [...ctx.rules.gates.values()].some((gate) => entersGate(text, gate.triggers));
}

// (进了项目库以后… asks what follows entry, not whether it can.)
const AFTER_ENTRY = /^[^，。；;？?]{0,2}(以后|之后|后)/;

function entersGate(text: string, triggers: readonly string[]): boolean {
  return triggers.some((w) => {
    const at = text.indexOf(w);
    return at >= 0 && (ENTERS.test(text.slice(0, at)) || ENTERS.test(w)) && !AFTER_ENTRY.test(text.slice(at + w.length));
  });
}

/**
 * "固定资产投资150万，能进市级技改项目库吗": a document's gate (rules file `documentGate`) asked of itself, with no award
 * named: its verdict on the figure given, or on the kind of project that it exempts, quoted from its clause. Null where no
 * document in scope has a gate that the message names.
 */
export function answerDocumentGate(docIds: readonly string[], u: Understanding, ctx: HandlerContext): AssistantReply | null {
  const scope = docIds.length ? docIds : [...ctx.rules.gates.keys()];
  for (const docId of scope) {
    const through = gateThroughRow(docId, ctx);
    if (!through || !entersGate(u.text, through.gate.triggers)) continue;
    const { gate, row: first } = through;
    // (Only the gate's own inputs are read: the figures said are of the gate, not of the row's award.)
    const given = inputsFor({ ...first, inputs: gate.inputs }, u).inputs;
    const verdicts = gate.thresholds.map((t) => {
      const exemptBy = t.exemptWhen ? given[t.exemptWhen.input] : undefined;
      if (typeof exemptBy === 'string' && t.exemptWhen?.values.some((v) => exemptBy.includes(v))) return { passes: true, line: `${exemptBy}项目不受“${t.label}”门槛限制` };
      const value = given[t.input];
      if (value === undefined || !/^\d+(\.\d+)?$/.test(String(value))) return null;
      const figure = new Decimal(String(value));
      const passes = figure.gte(t.minimum);
      return { passes, line: `${t.label}${thresholdValue(t, figure)}，${passes ? '达到' : '低于'}${thresholdValue(t, new Decimal(t.minimum))}${passes ? '' : `，${t.consequence}`}` };
    }).filter((v) => v !== null);
    // (With nothing of the case said, only its conditions asked are the gate's to answer.)
    if (!verdicts.length && !u.asksConditions) continue;
    const passes = verdicts.every((v) => v.passes);
    const quotes = [...new Set(gate.thresholds.map((t) => `“${t.quote}”（${ctx.clauseRef(t.clauseId)}）`))];
    const lead = verdicts.length
      ? `要点：按您说的，${verdicts.map((v) => v.line).join('；')}${passes ? `，可以${gate.subject}（以主管部门审核为准）` : ''}。\n依据：${quotes.join('；')}`
      : `要点：${quotes.join('；')}。`;
    const answer = [lead, `条件：${gate.condition}`, ctx.validityLine(docId)].filter(Boolean).join('\n');
    return plainReply('lookup', answer, ctx.citations([...new Set(gate.thresholds.map((t) => t.clauseId))]), [`${first.subject}能补多少`]);
  }
  return null;
}
