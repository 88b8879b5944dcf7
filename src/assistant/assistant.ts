import { describeValidity, documentStatus, type Corpus } from '../corpus/index.js';
import { understand, type Intent, type Understanding } from '../nlu/understand.js';
import {
  BASIS_LABELS, BasisFieldSchema, NON_QUANTITATIVE_DOCUMENTS, SUBSIDY_RULES, chooseRules, computeSubsidy, yuanString, type Calculation, type SubsidyRule,
} from '../policy/index.js';
import type { Retriever, SearchHit } from '../retrieval/index.js';
import type { ConversationSlots } from './conversation.js';
import { citeClauses } from './citations.js';
import { searchPolicy } from './policy-search.js';
import { toChatCalculation, type AssistantReply, type Citation } from './response.js';

export interface AssistantDeps {
  corpus: Corpus;
  retriever: Retriever;
  /** YYYY-MM-DD: statuses and period notes are judged against it. */
  today: string;
}

type Inputs = Record<string, string | number>;

const GENERIC_TERMS = new Set(['补贴', '补助', '奖励', '奖补', '资助', '扶持', '支持', '政策', '企业', '工厂', '项目', '什么', '有', '吗', '多少', '开', '上', '能', '可以', '怎么', '哪些']);

export const COVERAGE = '目前收录：中山市（2014年实施意见、2018–2022年行动计划）、深圳市（2015年实施意见）、东源县（2018–2020年三年行动计划）、六安市（征求意见稿）。';
const HELP_SUGGESTIONS = ['买200万的工作母机能补多少', '东源买设备怎么补', '六安的六化指什么', '中山和东源买500万设备各补多少'];

/** Inputs a rule takes from a message, by its formula. */
function inputsFor(rule: SubsidyRule, u: Understanding): Inputs {
  const inputs: Inputs = {};
  const [base] = u.amounts.base;
  const f = rule.formula;
  if ((f.type === 'rate' || f.type === 'tiered') && base) inputs[f.basis] = yuanString(base.value);
  if (f.type === 'area-month') {
    const area = u.quantities.find((q) => q.kind === 'area');
    const months = u.quantities.find((q) => q.kind === 'months');
    if (area) inputs.area = area.value.toFixed();
    if (months) inputs.months = months.value.toNumber();
  }
  if (f.type === 'per-head') {
    for (const q of u.quantities.filter((x) => x.kind === 'headcount')) {
      const level = f.levels.find((l) => l.label === q.level);
      if (level) inputs[level.key] = q.value.toNumber();
    }
  }
  if (f.type === 'fixed') {
    if (u.level && f.options.some((o) => o.key === u.level)) inputs.level = u.level;
    const n = u.quantities.find((q) => q.kind === 'count');
    if (n) inputs.count = n.value.toNumber();
  }
  if (f.type === 'fiscal-share') {
    const byKey: Record<string, Understanding['amounts']['base'][number] | null | undefined> = {
      provincialShareIncrement: u.amounts.provincial, cityShareIncrement: u.amounts.city,
      countyShareIncrement: u.amounts.county ?? (f.components.length === 1 ? base : null),
    };
    for (const c of f.components) {
      const q = byKey[c.key];
      if (q) inputs[c.key] = yuanString(q.value);
    }
  }
  if (u.amounts.alreadyReceived) inputs.alreadyReceivedThisYear = yuanString(u.amounts.alreadyReceived.value);
  if (rule.modifiers.length && u.commerce) inputs.enterpriseCategory = 'commerce';
  if (rule.threshold && base) inputs.fixedAssetInvestment = yuanString(base.value);
  if (rule.threshold && u.projectType) inputs.projectType = u.projectType;
  return inputs;
}

/** Carries earlier inputs into a follow-up, renaming the base amount when the rule's basis differs (中山 → 东源). */
function carryInputs(previous: Inputs, rule: SubsidyRule): Inputs {
  const basisKeys: string[] = BasisFieldSchema.options;
  const carried: Inputs = {};
  const previousBase = basisKeys.map((k) => previous[k]).find((v) => v !== undefined);
  for (const [key, value] of Object.entries(previous)) if (!basisKeys.includes(key)) carried[key] = value;
  const f = rule.formula;
  if ((f.type === 'rate' || f.type === 'tiered') && previousBase !== undefined) carried[f.basis] = previousBase;
  if (rule.threshold && previousBase !== undefined) carried.fixedAssetInvestment ??= previousBase;
  return carried;
}

const missingInputQuestion: Record<string, string> = {
  investment: '项目投资额是多少？', purchasePrice: '购买价格是多少？', contractAmount: '合同额是多少？',
  transactionAmount: '并购实际交易额是多少？', paidInCapital: '实缴注册资本是多少？', equipmentPurchase: '设备购置额是多少？',
  annualOutput: '年产值是多少？', area: '面积是多少平方米？', level: '是哪一级（省级还是市级）或哪一类？',
  seniorWorkers: '高级工、技师、高级技师各有几名？',
};

export class PolicyAssistant {
  constructor(private readonly deps: AssistantDeps) {}

  private citations(clauseIds: string[]): Citation[] {
    return citeClauses(this.deps.corpus, clauseIds);
  }

  private regionOf = (docId: string) => this.deps.corpus.documentById.get(docId)?.region;

  private validityLine(docId: string): string {
    const doc = this.deps.corpus.documentById.get(docId);
    return doc ? describeValidity(doc, this.deps.today) : '';
  }

  /** Answers one message given the conversation's slots; returns the reply and the slots for the next turn. */
  async reply(message: string, slots: ConversationSlots): Promise<{ reply: AssistantReply; slots: ConversationSlots }> {
    const u = understand(message);
    const next: ConversationSlots = structuredClone(slots);
    if (u.regions.length) next.regions = u.regions;
    const reply = await this.route(u, slots, next);
    if (u.injection) reply.answer += '\n（说明：金额只按政策原文和规则表计算，消息中的指令或自行设定的比例不会被采用。）';
    return { reply, slots: next };
  }

  private async route(u: Understanding, previous: ConversationSlots, next: ConversationSlots): Promise<AssistantReply> {
    if (u.cue === 'greeting' || u.cue === 'help') {
      return this.plain(u.cue, `您好，我是技改政策助手，可以按政策原文查条款、算补贴。${COVERAGE}您可以直接问，例如“买200万的工作母机能补多少”。`, [], HELP_SUGGESTIONS);
    }
    if (u.uncoveredPlaces.length && !u.regions.length) return this.notCovered(u);
    if (u.cue === 'out_of_scope') {
      return this.plain('out_of_scope', `这个问题不在技改政策文件的范围内，我无法回答。${COVERAGE}`, [], HELP_SUGGESTIONS);
    }
    if (u.cue === 'validity') return this.validity(u, next);

    // A document named by its year ("中山2014年那个意见") narrows rules and search to it.
    const named = this.namedDocuments(u, next.regions);
    const choose = (text: string, regions: string[]) => {
      const choice = chooseRules(text, this.regionOf, regions);
      return named.length ? { ...choice, rules: choice.rules.filter((r) => named.includes(r.docId)) } : choice;
    };
    const ownChoice = choose(u.text, next.regions);
    let subjectText = u.text;
    let choice = ownChoice;
    if (ownChoice.rules.length === 0 && previous.subjectText && (u.followUp || u.quantities.length || u.regions.length)) {
      subjectText = previous.subjectText;
      choice = choose(previous.subjectText, next.regions);
    }
    const regionsNamed = next.regions;
    const docsInScope = named.length ? named : this.deps.corpus.documents.filter((d) => regionsNamed.includes(d.region)).map((d) => d.id);
    const nonQuant = NON_QUANTITATIVE_DOCUMENTS.filter((d) => docsInScope.includes(d.docId));
    if (u.asksAmount && choice.rules.length === 0 && nonQuant.length && nonQuant.length === docsInScope.length) {
      return this.noRates(nonQuant.map((d) => d.docId));
    }
    if (choice.rules.length && (u.asksAmount || u.suppliesInputs || subjectText !== u.text || u.cue === 'compare')) {
      next.subjectText = subjectText;
      // Earlier amounts carry over when this turn keeps the subject (a follow-up, or the same rule named again).
      const previousRules = previous.subjectText ? chooseRules(previous.subjectText, this.regionOf).rules : [];
      const carry = subjectText === previous.subjectText || previousRules.some((r) => ownChoice.rules.some((o) => o.id === r.id));
      return this.calculate(u, choice.rules, choice.missing.includes('region'), carry ? previous.inputs : {}, next);
    }
    // A short follow-up ("需要什么条件？") is about the subject of the conversation.
    const query = ownChoice.rules.length === 0 && previous.subjectText && u.text.length <= 12 ? `${previous.subjectText} ${u.text}` : u.text;
    return this.lookup({ ...u, text: query }, named);
  }

  /** Documents the message names by region and year (中山 + 2014 → zhongshan-2014); empty when none is named so. */
  private namedDocuments(u: Understanding, regions: string[]): string[] {
    const years = u.text.match(/(?:19|20)\d\d/g) ?? [];
    if (!years.length) return [];
    return this.deps.corpus.documents
      .filter((d) => (regions.length === 0 || regions.includes(d.region)) && years.some((y) => d.issueDate?.startsWith(y) || d.period?.from.startsWith(y)))
      .map((d) => d.id);
  }

  private plain(intent: Intent, answer: string, citations: Citation[], suggestions: string[]): AssistantReply {
    return { intent, answer, citations, calculation: null, total: null, suggestions };
  }

  private notCovered(u: Understanding): AssistantReply {
    const places = u.uncoveredPlaces.join('、');
    return this.plain('out_of_scope',
      `收录的文件中没有${places}的技改政策，无法给出${places}的补贴标准或金额。${COVERAGE}如需${places}的政策，请咨询当地工业和信息化主管部门。`,
      [], ['中山买工作母机能补多少', '东源设备购置补贴', '六安技改奖励有哪些']);
  }

  private noRates(docIds: string[]): AssistantReply {
    const statements = NON_QUANTITATIVE_DOCUMENTS.filter((d) => docIds.includes(d.docId));
    const answer = `${statements.map((s) => s.statement).join('')}因此无法按该文件计算金额。${docIds.map((id) => this.validityLine(id)).join('')}`;
    return this.plain('lookup', answer, this.citations(statements.flatMap((s) => s.clauseIds)), ['中山买工作母机能补多少', '东源设备购置补贴']);
  }

  private validity(u: Understanding, next: ConversationSlots): AssistantReply {
    const docs = this.deps.corpus.documents.filter((d) => (next.regions.length ? next.regions.includes(d.region) : true));
    const lines = docs.map((d) => `· ${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}：${describeValidity(d, this.deps.today)}`);
    const expired = docs.filter((d) => documentStatus(d, this.deps.today) === 'expired').length;
    const head = expired === docs.length ? '所问文件的执行期均已届满。' : '各文件的状态如下。';
    return this.plain('validity', `${head}\n${lines.join('\n')}\n（判断日期：${this.deps.today}）`, [], ['买200万的工作母机能补多少']);
  }

  private async lookup(u: Understanding, namedDocIds: string[] = []): Promise<AssistantReply> {
    const hits = await searchPolicy(this.deps.corpus, this.deps.retriever, { query: u.text, k: 3, docIds: namedDocIds.length ? namedDocIds : undefined });
    // Words such as 补贴 or 企业 occur everywhere; an answer needs a match on something more specific.
    const lexicalEvidence = hits.some((h) => h.matchedTerms.some((t) => !GENERIC_TERMS.has(t)));
    if (hits.length === 0 || !lexicalEvidence) {
      return this.plain('out_of_scope', `收录的文件中没有找到与此相关的条款。${COVERAGE}`, [], HELP_SUGGESTIONS);
    }
    const [first, second] = hits;
    const chosen = [first, second && second.ranks.lexical && second.ranks.dense && second.score >= (first?.score ?? 0) * 0.97 ? second : undefined]
      .filter((h): h is NonNullable<typeof h> => Boolean(h));
    const parts = chosen.map((h) => `${this.clauseRef(h.clause.id)}${h.clause.title ? `（${h.clause.title}）` : ''}：“${h.clause.text}”`);
    const docIds = [...new Set(chosen.map((h) => h.clause.docId))];
    const status = docIds.map((id) => this.validityLine(id)).join('');
    const related = SUBSIDY_RULES.filter((r) => chosen.some((h) => h.clause.id === r.clauseId)).slice(0, 2);
    return {
      intent: 'lookup',
      answer: `${this.leadSentence(first)}相关条款：\n${parts.join('\n')}\n${status}`,
      citations: this.citations(chosen.map((h) => h.clause.id)),
      calculation: null,
      total: null,
      suggestions: related.length ? related.map((r) => `${r.subject}能补多少`) : hits.slice(1, 3).map((h) => `${h.clause.title || h.clause.label}是什么`),
    };
  }

  private calculate(u: Understanding, rules: SubsidyRule[], regionOpen: boolean, previousInputs: Inputs, next: ConversationSlots): AssistantReply {
    const results: { rule: SubsidyRule; calculation: Calculation | null; missingField: string | null; message: string | null }[] = [];
    for (const rule of rules) {
      const fresh = inputsFor(rule, u);
      const carried = carryInputs(previousInputs, rule);
      const inputs = { ...carried, ...fresh };
      const outcome = computeSubsidy(rule.id, inputs, { today: this.deps.today, documents: this.deps.corpus.documentById });
      if (outcome.ok) {
        results.push({ rule, calculation: outcome.calculation, missingField: null, message: null });
        next.inputs = { ...outcome.calculation.inputs };
      } else {
        results.push({ rule, calculation: null, missingField: outcome.error.field, message: outcome.error.message });
      }
    }
    if (u.amounts.base.length > 1) {
      const amounts = u.amounts.base.map((q) => q.text).join('、');
      return this.plain('calculate', `您提到了多个金额（${amounts}），请问哪一个是${rules[0] ? this.basisLabel(rules[0]) : '计算基数'}？`, this.citations(rules.map((r) => r.clauseId)), u.amounts.base.map((q) => `按${q.text}计算`));
    }
    const computed = results.filter((r) => r.calculation);
    if (computed.length === 0) {
      const first = results[0];
      const field = first?.missingField ?? '';
      const question = missingInputQuestion[field] ?? first?.message ?? '请补充计算所需的信息。';
      const subject = rules.map((r) => `${this.regionOf(r.docId)}·${r.subject}`).join('、');
      const regionHint = regionOpen ? '（中山、东源的标准不同，也请说明企业所在地区）' : '';
      // One rule: say what it grants before asking for the missing figure ("有补贴吗" deserves a yes first).
      const only = rules.length === 1 ? rules[0] : undefined;
      const grant = only ? `有。${this.clauseRef(only.clauseId)}规定：“${only.quote}”。${this.validityLine(only.docId)}` : '';
      return this.plain('calculate', `${grant}要计算${subject}的补贴，还需要知道：${question}${regionHint}`,
        this.citations(rules.map((r) => r.clauseId)), this.suggestionsFor(field, rules));
    }
    const comparing = computed.length > 1;
    const blocks = computed.map(({ rule, calculation }) => this.describeCalculation(rule, calculation as Calculation, comparing));
    const head = comparing
      ? `按不同地区的政策分别计算${regionOpen ? '（您没有说明地区，以下列出各地标准）' : ''}：`
      : '';
    const calcs = computed.map((r) => r.calculation as Calculation);
    const publicCalc = calcs.map(toChatCalculation);
    return {
      intent: comparing ? 'compare' : 'calculate',
      answer: [head, ...blocks].filter(Boolean).join('\n\n'),
      citations: this.citations(computed.map((r) => r.rule.clauseId).concat(computed.flatMap((r) => (r.rule.threshold ? [r.rule.threshold.clauseId] : [])))),
      calculation: comparing ? publicCalc : (publicCalc[0] ?? null),
      total: null,
      suggestions: comparing
        ? computed.map((r) => `只看${this.regionOf(r.rule.docId)}`)
        : this.followUpSuggestions(computed[0]?.rule),
    };
  }

  /**
   * The sentence of the best clause that carries most of the question's matched terms, quoted as a one-line answer
   * an agent can read out before the full clause (extractive: the words are the document's own).
   */
  private leadSentence(hit: SearchHit | undefined): string {
    if (!hit || hit.matchedTerms.length === 0) return '';
    const body = hit.clause.text.replace(/^（[一二三四五六七八九十]+）[^。]{0,30}。/, '').replace(/^——[^。]{0,20}。/, '');
    const sentences = body.split(/(?<=[。；])/).map((x) => x.trim()).filter((x) => x.length >= 6);
    const score = (x: string) => hit.matchedTerms.filter((t) => !GENERIC_TERMS.has(t) && x.includes(t)).reduce((sum, t) => sum + t.length, 0);
    const best = sentences.reduce<string | null>((top, x) => (top === null || score(x) > score(top) ? x : top), null);
    if (!best || score(best) === 0) return '';
    return `要点：“${best.replace(/[；。]$/, '')}”（${this.clauseRef(hit.clause.id)}）。\n`;
  }

  /** 《document title》label, as answers refer to a clause. */
  private clauseRef(clauseId: string): string {
    const clause = this.deps.corpus.clauseById.get(clauseId);
    const doc = clause ? this.deps.corpus.documentById.get(clause.docId) : undefined;
    return `《${doc?.title ?? clause?.docId ?? clauseId}》${clause?.label ?? clauseId}`;
  }

  private basisLabel(rule: SubsidyRule): string {
    const f = rule.formula;
    return f.type === 'rate' || f.type === 'tiered' ? BASIS_LABELS[f.basis] : '计算基数';
  }

  private describeCalculation(rule: SubsidyRule, c: Calculation, comparing: boolean): string {
    const verb = c.upperBound ? '最高可获' : '可获';
    const region = comparing ? `【${this.regionOf(rule.docId)}·${rule.subject}】` : '';
    const headline = c.amount === '0' ? `${region}按规则计算为0元。` : `${region}${verb}${c.display}（${c.displayYuan}）。`;
    const lines = [
      headline,
      `计算：${c.steps.join('；')}`,
      `依据：${this.clauseRef(rule.clauseId)}：“${rule.quote}”`,
      `条件：${c.conditions.map((x, i) => `${'①②③④⑤'[i] ?? `${i + 1}.`}${x}`).join(' ')}`,
      `提示：${c.notes.join('')}`,
    ];
    return lines.join('\n');
  }

  private suggestionsFor(field: string, rules: SubsidyRule[]): string[] {
    if (field === 'level') return ['省级', '市级'];
    if (field === 'area') return ['1000平方米', '5000平方米'];
    if (field === 'seniorWorkers') return ['3名技师', '2名高级技师'];
    const regions = [...new Set(rules.map((r) => this.regionOf(r.docId)))];
    return regions.length > 1 ? ['100万', '500万', ...regions.map((r) => `在${r}`)] : ['100万', '200万', '500万'];
  }

  private followUpSuggestions(rule: SubsidyRule | undefined): string[] {
    if (!rule) return [];
    const region = this.regionOf(rule.docId);
    const other = region === '东源县' ? '换成中山呢？' : region === '中山市' ? '换成东源呢？' : '还有哪些奖励？';
    return ['需要满足什么条件？', other, '这个政策还有效吗？'];
  }
}
