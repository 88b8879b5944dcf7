import { Decimal } from 'decimal.js';
import { describeValidity, documentStatus, type Corpus, type PolicyDocument } from '../corpus/index.js';
import type { Lexicon } from '../lexicon/index.js';
import { understand, type Intent, type Understanding } from '../nlu/understand.js';
import { findNumberProblems, type Quantity } from '../nlu/quantities.js';
import { toSimplified } from '../nlu/script.js';
import { findRegions } from '../nlu/regions.js';
import {
  BasisFieldSchema, acceptedInputs, chooseRules, firstMention, unitScore, computeSubsidy, formatYuan, yuanString, type Calculation, type InputDimension,
  type PolicyRules, type RuleInput, type SubsidyRule, type UnratedMeasure,
} from '../policy/index.js';
import { numbered } from './compose.js';
import type { HandlerContext } from './handlers/context.js';
import { DOCUMENT_FACT_CUE, answerDocumentFacts, asksResponsible, responsibleUnit } from './handlers/document-facts.js';
import { answerOverview, overviewTopic } from './handlers/overview.js';
import type { Retriever, SearchHit } from '../retrieval/index.js';
import type { ConversationSlots } from './conversation.js';
import { citeClauses } from './citations.js';
import { GENERIC_TERMS, aboutTheDocuments } from './evidence.js';
import { searchPolicy } from './policy-search.js';
import { toChatCalculation, type AssistantReply, type Citation } from './response.js';

export interface AssistantDeps {
  corpus: Corpus;
  rules: PolicyRules;
  lexicon: Lexicon;
  retriever: Retriever;
  /** YYYY-MM-DD: statuses and period notes are judged against it. */
  today: string;
}

type Inputs = Record<string, string | number>;

/** "分别 / 各…多少": each part of an award asked on its own line. */
const EACH = /(分别|各[奖补拿给算]?多少|各自)/;

/** Words that say a piece of a message applies to every region it names (都是40w, 各补多少, 三个地方). */
const BOTH = /(都|各|分别|两边|两地|[两三四]个地方|同样|一样)/;

/** Quantity kinds that fill a rule input (percentages, years and bare numbers do not). */
const MEASURED: readonly string[] = ['money', 'rent', 'area', 'headcount', 'count', 'months'];


const HELP_SUGGESTIONS = ['买200万的工作母机能补多少', '东源买设备怎么补', '六安的六化指什么', '中山和东源买500万设备各补多少'];

/** The words just before a quantity, back to the previous separator: where its cue words are. */
function cueText(text: string, q: Quantity): string {
  const before = text.slice(Math.max(0, q.start - 14), q.start);
  const cut = Math.max(...['，', ',', '。', '；', '、', '和', '及'].map((d) => before.lastIndexOf(d)));
  return before.slice(cut + 1);
}

/**
 * The input a quantity fills: the one whose cue word stands nearest before it (连片加起来9500平 is the contiguous area
 * though 闲置厂房 comes earlier), the longer word among equals; else the rule's first required input.
 */
function inputForQuantity(candidates: readonly RuleInput[], cue: string): RuleInput | undefined {
  let best: RuleInput | undefined;
  let bestEnd = -1;
  let bestLength = 0;
  for (const input of candidates) {
    for (const word of input.cues) {
      const end = cue.lastIndexOf(word) + word.length;
      if (end < word.length) continue;
      if (end > bestEnd || (end === bestEnd && word.length > bestLength)) { best = input; bestEnd = end; bestLength = word.length; }
    }
  }
  // No cue: the required input, or one that takes no cue; never an optional input whose own cues are absent (a 注册资本
  // is not 本年度已获补助).
  return best ?? candidates.find((i) => i.required) ?? candidates.find((i) => i.cues.length === 0);
}

/** The option of a fixed award the message names (省级智能工厂 → provincial), by the options' own labels first. */
function optionFor(rule: SubsidyRule, u: Understanding): string | null {
  const f = rule.formula;
  if (f.type !== 'fixed') return null;
  const byLabel = f.options.filter((o) => u.text.includes(o.label)).sort((a, b) => b.label.length - a.label.length)[0];
  if (byLabel) return byLabel.key;
  return u.level && f.options.some((o) => o.key === u.level) ? u.level : null;
}

/**
 * Typed slot filling: each quantity goes to the rule input of its dimension whose cue words precede it; several
 * quantities for one input are added (两台母机200万和300万 → 500万). Returns the inputs and what was added up.
 */
function inputsFor(rule: SubsidyRule, u: Understanding): { inputs: Inputs; sums: Map<string, Quantity[]> } {
  const inputs: Inputs = {};
  const sums = new Map<string, Quantity[]>();
  const thresholdInputs: RuleInput[] = rule.thresholds
    .filter((t) => !rule.inputs.some((i) => i.key === t.input))
    .map((t) => ({ key: t.input, dimension: t.dimension, label: t.label, ask: '', cues: [], chips: [], required: false }));
  const all = [...rule.inputs, ...thresholdInputs];
  const money = [...u.amounts.base, ...(u.amounts.alreadyReceived ? [u.amounts.alreadyReceived] : []),
    ...[u.amounts.provincial, u.amounts.city, u.amounts.county].filter((q): q is Quantity => q !== null)];
  const byDimension: Record<string, Quantity[]> = {
    money, rent: u.quantities.filter((q) => q.kind === 'rent'), area: u.quantities.filter((q) => q.kind === 'area'),
    months: u.quantities.filter((q) => q.kind === 'months'), count: u.quantities.filter((q) => q.kind === 'count'),
  };
  for (const dimension of ['money', 'rent', 'area', 'months', 'count'] as const) {
    const candidates = all.filter((i) => i.dimension === dimension);
    if (!candidates.length) continue;
    for (const q of byDimension[dimension] ?? []) {
      const cue = cueText(u.text, q);
      const input = inputForQuantity(candidates, cue);
      if (!input) continue;
      sums.set(input.key, [...(sums.get(input.key) ?? []), q]);
    }
  }
  // One quantity given for an optional input while the required one of its dimension is empty: it is the required one
  // ("盘活闲置厂房10000平方米，租了12个月" names the area rented, not a second figure). When the optional input is a
  // threshold's, it is both ("单体闲置厂房4000平方米" is checked against the 5000平方米 threshold too).
  const thresholdKeys = new Set(rule.thresholds.map((t) => t.input));
  for (const required of all.filter((i) => i.required && !sums.has(i.key))) {
    const optional = [...sums].find(([key, qs]) => qs.length === 1 && all.find((i) => i.key === key)?.dimension === required.dimension
      && (byDimension[required.dimension] ?? []).length === 1);
    if (!optional) continue;
    sums.set(required.key, optional[1]);
    if (!thresholdKeys.has(optional[0])) sums.delete(optional[0]);
  }
  for (const [key, quantities] of sums) {
    const input = all.find((i) => i.key === key);
    const total = quantities.reduce((sum, q) => sum.plus(q.value), new Decimal(0));
    inputs[key] = input?.dimension === 'months' || input?.dimension === 'count' ? total.toNumber() : yuanString(total);
  }
  for (const input of all.filter((i) => i.dimension === 'headcount')) {
    const heads = u.quantities.filter((q) => q.kind === 'headcount' && q.level !== undefined && input.cues.includes(q.level));
    if (heads.length) inputs[input.key] = heads.reduce((n, q) => n + q.value.toNumber(), 0);
  }
  for (const input of all.filter((i) => i.dimension === 'level')) {
    if (input.key === 'level') {
      const option = optionFor(rule, u);
      if (option) inputs.level = option;
    } else if (input.cues.some((c) => u.text.includes(c))) {
      const modifier = rule.modifiers[0];
      if (modifier) inputs[input.key] = modifier.key;
    }
  }
  for (const input of all.filter((i) => i.dimension === 'text')) {
    const word = input.cues.find((c) => u.text.includes(c));
    if (word) inputs[input.key] = word;
  }
  return { inputs, sums: new Map([...sums].filter(([, qs]) => qs.length > 1)) };
}

/** Carries earlier inputs into a follow-up: only what this rule accepts, the earlier base renamed to this rule's. */
function carryInputs(previous: Inputs, rule: SubsidyRule): Inputs {
  const accepted = acceptedInputs(rule);
  const carried: Inputs = {};
  for (const [key, value] of Object.entries(previous)) if (accepted.has(key) && key !== 'alreadyReceivedThisYear') carried[key] = value;
  const primary = rule.inputs.find((i) => i.dimension === 'money' && i.required) ?? rule.inputs.find((i) => i.dimension === 'money');
  const bases: string[] = [...BasisFieldSchema.options, 'fixedAssetInvestment'];
  const previousBase = bases.map((k) => previous[k]).find((v) => v !== undefined);
  if (primary && carried[primary.key] === undefined && previousBase !== undefined && bases.includes(primary.key)) carried[primary.key] = previousBase;
  return carried;
}

export class PolicyAssistant {
  private readonly context: HandlerContext;

  constructor(private readonly deps: AssistantDeps) {
    this.context = {
      corpus: deps.corpus, rules: deps.rules, lexicon: deps.lexicon, retriever: deps.retriever, today: deps.today,
      clauseRef: (id) => this.clauseRef(id), citations: (ids) => this.citations(ids), validityLine: (id) => this.validityLine(id),
      documentsFor: (regions) => this.documentsFor(regions),
    };
  }

  private documentsFor(regions: readonly string[]): PolicyDocument[] {
    return this.deps.corpus.documents.filter((d) => regions.length === 0 || regions.includes(d.region));
  }

  private get coverage(): string {
    return this.deps.lexicon.coverage;
  }

  private citations(clauseIds: string[]): Citation[] {
    return citeClauses(this.deps.corpus, clauseIds);
  }

  private regionOf = (docId: string) => this.deps.corpus.documentById.get(docId)?.region;

  private validityLine(docId: string): string {
    const doc = this.deps.corpus.documentById.get(docId);
    return doc ? describeValidity(doc, this.deps.today) : '';
  }

  /** Answers one message given the conversation's slots; returns the reply and the slots for the next turn. */
  async reply(typed: string, slots: ConversationSlots): Promise<{ reply: AssistantReply; slots: ConversationSlots }> {
    // Traditional characters (購買工作母機, 200萬) are read as their simplified forms, the script of the documents.
    const message = toSimplified(typed);
    const u = understand(message, this.deps.lexicon);
    const next: ConversationSlots = structuredClone(slots);
    // A number that cannot be read exactly (-200万, 1.2.3万) is a question back, never a computed figure.
    const problems = findNumberProblems(message);
    if (problems.length) {
      return { reply: this.plain('calculate', problems.map((p) => p.message).join('\n'), [], []), slots: next };
    }
    if (u.regions.length) next.regions = u.regions;
    const reply = await this.route(u, slots, next);
    if (u.injection) reply.answer += '\n（说明：金额只按政策原文和规则表计算，消息中的指令或自行设定的比例不会被采用。）';
    return { reply, slots: next };
  }

  private async route(u: Understanding, previous: ConversationSlots, next: ConversationSlots): Promise<AssistantReply> {
    if (u.cue === 'greeting' || u.cue === 'help') {
      return this.plain(u.cue, `您好，我是技改政策助手，可以按政策原文查条款、算补贴。${this.coverage}您可以直接问，例如“买200万的工作母机能补多少”。`, [], HELP_SUGGESTIONS);
    }
    if (u.uncoveredPlaces.length && !u.regions.length) return this.notCovered(u);
    const keepsTopic = Boolean(previous.subjectText) && (u.followUp || u.level !== null || u.commerce || u.regions.length > 0 || u.quantities.length > 0);
    if (u.cue === 'out_of_scope' && !keepsTopic) {
      // No rule's word, yet possibly the documents' own words (淘汰落后产能, 一群一策): answered when the clauses share them.
      const hits = await searchPolicy(this.deps.corpus, this.deps.retriever, { query: u.text, k: 3 });
      if (!aboutTheDocuments(u.text, hits, u.regions.length > 0, this.deps.lexicon.gazetteer)) {
        return this.plain('out_of_scope', `这个问题不在技改政策文件的范围内，我无法回答。${this.coverage}`, [], HELP_SUGGESTIONS);
      }
      return this.lookup(u, this.namedDocuments(u, next.regions));
    }
    const noAmount = u.amounts.base.length === 0 && !u.suppliesInputs;
    if (noAmount && DOCUMENT_FACT_CUE.test(u.text) && !/(还有效|有效吗|是否有效|过期|失效|还能申请)/.test(u.text)) {
      const named = chooseRules(this.deps.rules.rules, u.text, { regionOf: this.regionOf, regions: next.regions }).rules;
      return answerDocumentFacts(u.text, next.regions, this.context, named.map((r) => r.clauseId));
    }
    if (u.cue === 'validity') return this.validity(u, next);

    // A document named by its year ("中山2014年那个意见") narrows rules and search to it.
    const named = this.namedDocuments(u, next.regions);
    const dimensions = [...new Set(u.quantities.map((q): string => q.kind))].filter((k): k is InputDimension => MEASURED.includes(k));
    const choose = (text: string, regions: string[]) => {
      const choice = chooseRules(this.deps.rules.rules, text, { regionOf: this.regionOf, regions, dimensions });
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
    const nonQuant = this.deps.rules.nonQuantitative.filter((d) => docsInScope.includes(d.docId));
    // A broad question ("中山有哪些扶持", "六安对企业有什么奖励") gets the list of measures, not one clause.
    if (u.broad && noAmount && !u.followUp && u.cue !== 'compare') {
      const docIds = named.length ? named : this.documentsFor(next.regions).map((d) => d.id);
      const topic = await overviewTopic(u.text, docIds, this.context);
      // A topic with no provision of its own (增资扩产, 工作目标) is a clause to look up, not a list of measures.
      if (topic.named && topic.rules.length === 0) return this.lookup(u, named);
      // One provision named ("东源买设备有什么补贴") is answered as that provision; a kind of support, or several, as a list.
      const clauses = new Set(topic.rules.map((r) => r.clauseId)).size;
      if (!topic.named || choice.rules.length !== 1 || clauses > 1) return answerOverview(docIds, topic, this.context);
    }
    // A follow-up to a calculation ("换成深圳呢", "如果是智能制造示范项目呢") asks the amount again, with one thing changed.
    const followsCalculation = Boolean(previous.subjectText) && Object.keys(previous.inputs).length > 0
      && (u.followUp || subjectText !== u.text);
    const asksAmount = u.asksAmount || followsCalculation;
    if (asksAmount && choice.rules.length === 0 && nonQuant.length && nonQuant.length === docsInScope.length) {
      return this.noRates(nonQuant.map((d) => d.docId));
    }
    const unrated = choice.rules.length === 0 && asksAmount ? this.unratedFor(docsInScope, subjectText) : [];
    if (unrated.length) {
      const lines = unrated.map((m) => `${this.clauseRef(m.clauseId)}：“${m.quote}”。${m.statement}`);
      const status = [...new Set(unrated.map((m) => m.docId))].map((id) => this.validityLine(id)).join('');
      return this.plain('lookup', `${lines.join('\n')}因此无法计算金额。${status}`, this.citations(unrated.map((m) => m.clauseId)), HELP_SUGGESTIONS);
    }
    if (choice.rules.length && (asksAmount || u.suppliesInputs || subjectText !== u.text || u.cue === 'compare')) {
      next.subjectText = subjectText;
      // Earlier amounts carry over when this turn keeps the subject (a follow-up, or the same rule named again).
      const previousRules = previous.subjectText ? chooseRules(this.deps.rules.rules, previous.subjectText, { regionOf: this.regionOf }).rules : [];
      const carry = subjectText === previous.subjectText || followsCalculation || previousRules.some((r) => ownChoice.rules.some((o) => o.id === r.id));
      const several = this.severalAwards(u, next.regions);
      // Several regions, each with its own part ("中山厂…投资800万；东源厂…设备购置额90万"): each computed on its part.
      const regional = this.regionalAwards(u, next.regions);
      if (regional) return this.calculate(u, regional.rules, false, null, next, regional.parts);
      // Several provisions, each with its part; or the one left when the others were named only in passing.
      if (several) return this.calculate(u, several.rules, false, several.rules.length > 1 || !carry ? null : previous, next, several.parts);
      return this.calculate(u, choice.rules, choice.missing.includes('region'), carry ? previous : null, next);
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

  /** Measures of these documents named without a rate whose words the question uses. */
  private unratedFor(docIds: readonly string[], text: string): UnratedMeasure[] {
    return this.deps.rules.unrated.filter((m) => docIds.includes(m.docId) && m.triggers.some((t) => text.includes(t)));
  }

  private plain(intent: Intent, answer: string, citations: Citation[], suggestions: string[]): AssistantReply {
    return { intent, answer, citations, calculation: null, total: null, suggestions };
  }

  private notCovered(u: Understanding): AssistantReply {
    const places = u.uncoveredPlaces.join('、');
    return this.plain('out_of_scope',
      `收录的文件中没有${places}的技改政策，无法给出${places}的补贴标准或金额。${this.coverage}如需${places}的政策，请咨询当地工业和信息化主管部门。`,
      [], ['中山买工作母机能补多少', '东源设备购置补贴', '六安技改奖励有哪些']);
  }

  private noRates(docIds: string[]): AssistantReply {
    const statements = this.deps.rules.nonQuantitative.filter((d) => docIds.includes(d.docId));
    const answer = `${statements.map((s) => s.statement).join('')}因此无法按该文件计算金额。${docIds.map((id) => this.validityLine(id)).join('')}`;
    return this.plain('lookup', answer, this.citations(statements.flatMap((s) => s.clauseIds)), ['中山买工作母机能补多少', '东源设备购置补贴']);
  }

  private validity(u: Understanding, next: ConversationSlots): AssistantReply {
    // A question about one provision ("工作母机补贴还能申请吗") speaks of its document and cites its clause.
    const asked = chooseRules(this.deps.rules.rules, u.text, { regionOf: this.regionOf, regions: next.regions }).rules;
    const named = this.namedDocuments(u, next.regions);
    const byNumber = this.deps.corpus.documents.filter((d) => d.docNumber && u.text.includes(d.docNumber));
    const scoped = byNumber.length ? byNumber.map((d) => d.id) : asked.length ? asked.map((r) => r.docId) : named;
    const docs = this.deps.corpus.documents.filter((d) => (scoped.length ? scoped.includes(d.id) : next.regions.length ? next.regions.includes(d.region) : true));
    const lines = docs.map((d) => `· ${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}：${describeValidity(d, this.deps.today)}`);
    const expired = docs.filter((d) => documentStatus(d, this.deps.today) === 'expired').length;
    const head = expired === docs.length ? '所问文件的执行期均已届满。' : '各文件的状态如下。';
    const cited = asked.length ? asked.map((r) => r.clauseId) : docs.flatMap((d) => this.deps.rules.rules.filter((r) => r.docId === d.id).slice(0, 1).map((r) => r.clauseId));
    return this.plain('validity', `${head}\n${lines.join('\n')}\n（判断日期：${this.deps.today}）`, this.citations(cited), ['买200万的工作母机能补多少']);
  }

  private async lookup(u: Understanding, namedDocIds: string[] = []): Promise<AssistantReply> {
    const hits = await searchPolicy(this.deps.corpus, this.deps.retriever, { query: u.text, k: 3, docIds: namedDocIds.length ? namedDocIds : undefined });
    // Words such as 补贴 or 企业 occur everywhere; an answer needs the clauses to share what the question is about.
    if (hits.length === 0 || !aboutTheDocuments(u.text, hits, u.regions.length > 0 || namedDocIds.length > 0, this.deps.lexicon.gazetteer)) {
      return this.plain('out_of_scope', `收录的文件中没有找到与此相关的条款。${this.coverage}`, [], HELP_SUGGESTIONS);
    }
    const [first, second] = hits;
    const chosen = [first, second && (second.ranks.lexical ?? 99) <= 2 && (second.ranks.dense ?? 99) <= 2 ? second : undefined]
      .filter((h): h is NonNullable<typeof h> => Boolean(h));
    const parts = chosen.map((h) => `${this.clauseRef(h.clause.id)}${h.clause.title ? `（${h.clause.title}）` : ''}：“${h.clause.text}”`);
    const docIds = [...new Set(chosen.map((h) => h.clause.docId))];
    const status = docIds.map((id) => this.validityLine(id)).join('');
    const related = this.deps.rules.rules.filter((r) => chosen.some((h) => h.clause.id === r.clauseId)).slice(0, 2);
    return {
      intent: 'lookup',
      answer: `${this.leadSentence(first)}相关条款：\n${parts.join('\n')}\n${status}`,
      citations: this.citations(chosen.map((h) => h.clause.id)),
      calculation: null,
      total: null,
      suggestions: related.length ? related.map((r) => `${r.subject}能补多少`) : hits.slice(1, 3).map((h) => `${h.clause.title || h.clause.label}是什么`),
    };
  }

  /**
   * "技改投了2000万，买了母机400万，培养了10个高级工，分别多少、合计多少": several provisions of one region, each named in its
   * own part of the message. Each part (split at punctuation, assigned to the provision named in it) fills only its
   * provision's inputs. Null when the message names fewer than two provisions of one region; one provision when the
   * others were named only in passing (事后奖补 beside 买设备…30万).
   */
  private severalAwards(u: Understanding, regions: readonly string[]): { rules: SubsidyRule[]; parts: Map<string, Understanding> } | null {
    if (regions.length > 1) return null;
    const dimensions = [...new Set(u.quantities.map((q): string => q.kind))].filter((k): k is InputDimension => MEASURED.includes(k));
    const all = chooseRules(this.deps.rules.rules, u.text, { regionOf: this.regionOf, regions, dimensions, all: true }).rules;
    const region = regions[0] ?? (all[0] ? this.regionOf(all[0].docId) : undefined);
    const candidates = all.filter((r) => this.regionOf(r.docId) === region);
    if (candidates.length < 2) return null;
    const pieces = u.text.split(/(?<=[，,；;。、？?！!\s])/);
    const owner = new Map<string, string[]>();
    const leading: string[] = [];
    let current: SubsidyRule | undefined;
    for (const piece of pieces) {
      // The provision that scores best on this piece (the chooser's own scoring, quantities' fit included) owns it;
      // among equals, the one named first.
      const dimensions = [...new Set(understand(piece, this.deps.lexicon).quantities.map((q): string => q.kind))]
        .filter((k): k is InputDimension => MEASURED.includes(k));
      let named = chooseRules(candidates, piece, { regionOf: this.regionOf, regions: region ? [region] : [], dimensions }).rules
        .map((r) => ({ r, at: firstMention(r, piece, true) }))
        .sort((a, b) => a.at - b.at)[0]?.r;
      // A piece naming no provision, with a quantity the current one cannot take (另外租了2000平方米 after 注册资本): it
      // belongs to the provision of the same clause that takes it.
      if (!named && current && unitScore(current, dimensions) < 0) {
        const owner = current;
        named = candidates.find((r) => r.clauseId === owner.clauseId && unitScore(r, dimensions) === 2);
      }
      if (named) current = named;
      // Pieces before the first provision is named ("主营业务收入600万，…以奖代补能享受吗") belong to that first one.
      if (current) owner.set(current.id, [...(owner.get(current.id) ?? []), ...leading.splice(0), piece]);
      else leading.push(piece);
    }
    const parts = new Map(candidates.filter((r) => owner.has(r.id))
      .map((r) => [r.id, understand((owner.get(r.id) ?? []).join(''), this.deps.lexicon)] as const));
    // A provision named only in passing (技改完工了 beside 以奖代补) whose part gives none of the inputs it needs is context,
    // not an award asked about.
    const rules = candidates.filter((r) => {
      const part = parts.get(r.id);
      if (!part) return false;
      return !r.inputs.some((i) => i.required) || Object.keys(inputsFor(r, part).inputs).length > 0;
    });
    if (rules.length === 0 || (rules.length === 1 && parts.size < 2)) return null;
    return { rules, parts };
  }

  /**
   * "中山母机 vs 东源设备 都是40w": several regions, each named in its own part of the message with its own provision or
   * figures. Each piece (split at punctuation) belongs to the one region it names, or to the region named last before
   * it; pieces naming no region before the first, or several regions, are shared. Each region's provision is chosen
   * on its shared and own pieces, and computed on them. Null when no piece names exactly one region.
   */
  private regionalAwards(u: Understanding, regions: readonly string[]): { rules: SubsidyRule[]; parts: Map<string, Understanding> } | null {
    if (regions.length < 2) return null;
    const pieces = u.text.split(/(?<=[，,；;。、？?！!：:）)\s])|(?=[（(])/);
    const shared: string[] = [];
    const own = new Map<string, string[]>(regions.map((r) => [r, []]));
    let current: string | undefined;
    for (const piece of pieces) {
      const named = findRegions(piece, this.deps.lexicon.gazetteer).covered.filter((r) => regions.includes(r));
      if (named.length === 1) current = named[0];
      // "都是40w", "各补多少", "三个地方": said of every region.
      if (named.length > 1 || (named.length === 0 && BOTH.test(piece))) current = undefined;
      if (named.length === 1 || (named.length === 0 && current)) own.get(current ?? '')?.push(piece);
      else shared.push(piece);
    }
    if (![...own.values()].some((p) => p.length)) return null;
    const rules: SubsidyRule[] = [];
    const parts = new Map<string, Understanding>();
    for (const region of regions) {
      // The region's text keeps the message's order: shared pieces and its own.
      const text = pieces.filter((p) => shared.includes(p) || own.get(region)?.includes(p)).join('');
      const part = understand(text, this.deps.lexicon);
      const dimensions = [...new Set(part.quantities.map((q): string => q.kind))].filter((k): k is InputDimension => MEASURED.includes(k));
      for (const rule of chooseRules(this.deps.rules.rules, text, { regionOf: this.regionOf, regions: [region], dimensions }).rules) {
        if (parts.has(rule.id)) continue;
        rules.push(rule);
        parts.set(rule.id, part);
      }
    }
    return rules.length ? { rules, parts } : null;
  }

  private calculate(u: Understanding, rules: SubsidyRule[], regionOpen: boolean, previous: ConversationSlots | null, next: ConversationSlots,
    parts?: Map<string, Understanding>): AssistantReply {
    type Result = { rule: SubsidyRule; calculation: Calculation | null; missing: RuleInput | null; message: string | null; sums: Map<string, Quantity[]>; part?: string };
    const results: Result[] = [];
    const context = { today: this.deps.today, documents: this.deps.corpus.documentById };
    const awards = [...(previous?.awards ?? [])];
    for (const rule of rules) {
      const { inputs: fresh, sums } = inputsFor(rule, parts?.get(rule.id) ?? u);
      const carried = previous ? carryInputs(previous.inputs, rule) : {};
      const inputs: Inputs = { ...carried, ...fresh };
      // "又买了…": what this conversation already computed for the rule counts against its yearly cap.
      const earlier = awards.filter((a) => a.ruleId === rule.id).reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
      if (u.additive && earlier.gt(0) && rule.caps.some((c) => c.period === 'year') && inputs.alreadyReceivedThisYear === undefined) {
        inputs.alreadyReceivedThisYear = yuanString(earlier);
      }
      const outcome = computeSubsidy(rule, inputs, context);
      // "高级工6人、技师4人…分别多少": each level its own line and figure, then the 合计 (only where no cap spans them).
      const levels = rule.formula.type === 'per-head' ? rule.formula.levels.filter((l) => Number(inputs[l.key] ?? 0) > 0) : [];
      if (outcome.ok && EACH.test(u.text) && levels.length > 1 && rule.caps.length === 0) {
        for (const level of levels) {
          const one = computeSubsidy(rule, { [level.key]: inputs[level.key] ?? 0 }, context);
          if (one.ok) results.push({ rule, calculation: one.calculation, missing: null, message: null, sums, part: level.label });
        }
      } else if (outcome.ok) {
        results.push({ rule, calculation: outcome.calculation, missing: null, message: null, sums });
      } else {
        results.push({ rule, calculation: null, missing: rule.inputs.find((i) => i.key === outcome.error.field) ?? null, message: outcome.error.message, sums });
      }
    }
    const computed = results.filter((r): r is Result & { calculation: Calculation } => r.calculation !== null);
    if (computed.length === 0) return this.askForInput(results, rules, regionOpen);
    next.inputs = { ...(computed[computed.length - 1]?.calculation.inputs ?? {}) };
    // Below a threshold the text sets: the provision does not apply, and the answer says so with the threshold clause.
    const regionRank = (r: { rule: SubsidyRule }) => { const i = next.regions.indexOf(this.regionOf(r.rule.docId) ?? ''); return i < 0 ? 99 : i; };
    const eligible = computed.filter((r) => r.calculation.eligible).sort((a, b) => regionRank(a) - regionRank(b));
    if (eligible.length === 0) return this.notEligible(computed);
    next.awards = [...awards, ...eligible.map((r) => ({ ruleId: r.rule.id, amount: r.calculation.amount }))];

    const regionsOf = new Set(eligible.map((r) => this.regionOf(r.rule.docId)));
    const comparing = regionsOf.size > 1;
    const summing = !comparing && eligible.length > 1;
    const blocks = eligible.map(({ rule, calculation, sums, part }) => this.describeCalculation(rule, calculation, eligible.length > 1, sums, part));
    let total: Decimal | null = null;
    let totalLine = '';
    if (summing) {
      total = eligible.reduce((sum, r) => sum.plus(r.calculation.amount), new Decimal(0));
      totalLine = `合计：${eligible.map((r) => r.calculation.display).join(' + ')} = ${formatYuan(total)}（${eligible.some((r) => r.calculation.upperBound) ? '含上限金额，' : ''}各项分别审核）`;
    } else if (u.asksTotal && eligible.length === 1) {
      const only = eligible[0];
      const years = only?.rule.duration?.years;
      if (only && years) {
        total = new Decimal(only.calculation.amount).mul(years);
        totalLine = `合计：按每年金额相同、享受满${years}年计算，${years}年合计 ${only.calculation.display} × ${years} = ${formatYuan(total)}（${only.rule.duration?.meaning}；实际以各年核定为准）`;
      }
    }
    // Regions asked about whose documents give no rate, or no matching provision, are named, never dropped.
    const missingRegions = next.regions.filter((r) => !regionsOf.has(r));
    const regionLines: string[] = [];
    const regionClauses: string[] = [];
    if (next.regions.length > 1) {
      for (const region of missingRegions) {
        const docIds = this.documentsFor([region]).map((d) => d.id);
        const noRates = this.deps.rules.nonQuantitative.filter((n) => docIds.includes(n.docId));
        const unrated = this.unratedFor(docIds, u.text);
        if (noRates.length) {
          regionLines.push(`【${region}】${noRates.map((n) => n.statement).join('')}无法计算金额。${docIds.map((id) => this.validityLine(id)).join('')}`);
          regionClauses.push(...noRates.flatMap((n) => n.clauseIds));
        } else if (unrated.length) {
          regionLines.push(`【${region}】${unrated.map((m) => `${this.clauseRef(m.clauseId)}：“${m.quote}”。${m.statement}`).join('')}无法计算金额。${[...new Set(unrated.map((m) => m.docId))].map((id) => this.validityLine(id)).join('')}`);
          regionClauses.push(...unrated.map((m) => m.clauseId));
        } else {
          regionLines.push(`【${region}】收录的${region}文件中没有与此对应的补贴条款。`);
        }
      }
    }
    // "…能补多少？另外这个是哪个部门负责的": the department the clause names, in its words.
    if (asksResponsible(u.text)) {
      for (const { rule } of eligible) {
        const unit = responsibleUnit(this.deps.corpus.clauseById.get(rule.clauseId)?.text ?? '');
        regionLines.push(unit ? `负责部门：${unit}（${this.clauseRef(rule.clauseId)}）` : `负责部门：${this.clauseRef(rule.clauseId)}没有写明。`);
      }
    }
    // Documents named by year ("2014年那个意见和2018年的行动计划") are each answered, those with no rates included.
    const namedDocs = this.namedDocuments(u, next.regions);
    if (namedDocs.length > 1) {
      for (const docId of namedDocs.filter((id) => !eligible.some((r) => r.rule.docId === id))) {
        const noRates = this.deps.rules.nonQuantitative.find((n) => n.docId === docId);
        const doc = this.deps.corpus.documentById.get(docId);
        if (!noRates || !doc) continue;
        regionLines.push(`【${doc.shortTitle}】${noRates.statement}无法计算金额。${this.validityLine(docId)}`);
        regionClauses.push(...noRates.clauseIds);
      }
    }
    const head = comparing || regionLines.length
      ? `按不同地区的政策分别计算${regionOpen ? '（您没有说明地区，以下列出各地标准）' : ''}：`
      : summing ? '您问到的几项分别计算如下：' : '';
    const publicCalc = eligible.map((r) => toChatCalculation(r.calculation));
    const many = publicCalc.length > 1;
    return {
      intent: comparing || regionLines.length ? 'compare' : summing ? 'sum' : 'calculate',
      answer: [head, ...blocks, totalLine, ...regionLines].filter(Boolean).join('\n\n'),
      citations: this.citations(eligible.map((r) => r.rule.clauseId).concat(eligible.flatMap((r) => r.rule.thresholds.map((t) => t.clauseId)), regionClauses)),
      calculation: many ? publicCalc : (publicCalc[0] ?? null),
      total: total ? yuanString(total) : null,
      suggestions: comparing ? eligible.map((r) => `只看${this.regionOf(r.rule.docId)}`) : this.followUpSuggestions(eligible[0]?.rule),
    };
  }

  /** The provision does not apply: which threshold the inputs fall short of, quoted, with no figure. */
  private notEligible(computed: { rule: SubsidyRule; calculation: Calculation }[]): AssistantReply {
    const lines = computed.map(({ rule, calculation }) => {
      const short = calculation.shortOf;
      const threshold = rule.thresholds.find((t) => t.clauseId === short?.clauseId && t.label === short?.label);
      const below = calculation.steps.filter((x) => x.includes('低于门槛'));
      return `不符合${rule.subject}的条件：${below.join('，')}，${short?.consequence ?? '不能享受'}。${threshold ? `${this.clauseRef(threshold.clauseId)}规定：“${threshold.quote}”。` : ''}${this.validityLine(rule.docId)}`;
    });
    const clauses = computed.flatMap(({ rule }) => [...rule.thresholds.map((t) => t.clauseId), rule.clauseId]);
    return this.plain('calculate', lines.join('\n'), this.citations(clauses), ['需要满足什么条件？']);
  }

  /** Nothing could be computed: say what the rule grants, then ask for the first missing input with its chips. */
  private askForInput(results: { rule: SubsidyRule; missing: RuleInput | null; message: string | null }[], rules: SubsidyRule[], regionOpen: boolean): AssistantReply {
    const first = results[0];
    const question = first?.missing?.ask ?? first?.message ?? '请补充计算所需的信息。';
    const subject = rules.map((r) => `${this.regionOf(r.docId)}·${r.subject}`).join('、');
    const regionHint = regionOpen ? `（${[...new Set(rules.map((r) => this.regionOf(r.docId)))].join('、')}的标准不同，也请说明企业所在地区）` : '';
    const only = rules.length === 1 ? rules[0] : undefined;
    const grant = only ? `有。${this.clauseRef(only.clauseId)}规定：“${only.quote}”。${this.validityLine(only.docId)}` : '';
    const regions = [...new Set(rules.map((r) => this.regionOf(r.docId)))];
    const chips = first?.missing?.chips.length ? first.missing.chips : ['100万', '200万', '500万'];
    return this.plain('calculate', `${grant}要计算${subject}的补贴，还需要知道：${question}${regionHint}`,
      this.citations(rules.map((r) => r.clauseId)), regions.length > 1 ? [...chips.slice(0, 2), ...regions.map((r) => `在${r}`)] : chips);
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

  private describeCalculation(rule: SubsidyRule, c: Calculation, several: boolean, sums: Map<string, Quantity[]>, part?: string): string {
    const verb = c.upperBound ? '最高可获' : '可获';
    const region = several ? `【${this.regionOf(rule.docId)}·${rule.subject}${part ? `·${part}` : ''}】` : '';
    const added = [...sums].map(([key, qs]) => `${rule.inputs.find((i) => i.key === key)?.label ?? key}合计 ${qs.map((q) => q.text).join(' + ')} = ${formatYuan(qs.reduce((sum, q) => sum.plus(q.value), new Decimal(0)))}`);
    const headline = c.amount === '0' ? `${region}按规则计算为0元。` : `${region}${verb}${c.display}（${c.displayYuan}）。`;
    const lines = [
      headline,
      `计算：${[...added, ...c.steps].join('；')}`,
      `依据：${this.clauseRef(rule.clauseId)}：“${rule.quote}”`,
      `条件：${numbered(c.conditions)}`,
      `提示：${c.notes.join('')}`,
    ];
    return lines.join('\n');
  }

  private followUpSuggestions(rule: SubsidyRule | undefined): string[] {
    if (!rule) return [];
    // Another region with a provision sharing this one's words (设备 in 中山 and 东源): the comparison a caller asks next.
    const region = this.regionOf(rule.docId);
    const kin = this.deps.rules.rules.find((r) => this.regionOf(r.docId) !== region
      && r.vocabulary.triggers.some((t) => rule.vocabulary.triggers.includes(t)));
    const kinRegion = kin ? this.regionOf(kin.docId) : undefined;
    const other = kinRegion ? `换成${kinRegion.replace(/[市县]$/, '')}呢？` : '还有哪些奖励？';
    return ['需要满足什么条件？', other, '这个政策还有效吗？'];
  }
}
