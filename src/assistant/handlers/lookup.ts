import { mentionsPolicy } from '../../lexicon/index.js';
import { clauseBody, inDocumentTitle, sentencesOf } from '../../corpus/index.js';
import { askedParts, questionsOf } from '../../nlu/parts.js';
import type { Understanding } from '../../nlu/understand.js';
import type { SearchHit } from '../../retrieval/index.js';
import { chooseRules, type SubsidyRule } from '../../policy/index.js';
import { ASKS_SUPPORT, HELP_SUGGESTIONS, awardsInstead, plainReply, ruleHeadline, thresholdsSentence, unratedSentence } from '../compose.js';
import { GENERIC_TERMS, aboutTheDocuments, bestEvidence, coveredChars, distinctiveTerms, evidenceCover } from '../evidence.js';
import { docIdsForQuestion, questionFocus, searchPolicy } from '../policy-search.js';
import type { AssistantReply } from '../response.js';
import { unratedFor, type HandlerContext } from './context.js';
import { departmentLines, fundingLines } from './document-facts.js';

// A code of a standard or a certification (ISO14001, GB/T 19001): Latin letters, then digits.
const CODE = /[A-Za-z]{2,}(?:\/[A-Za-z])?[\s-]?\d{3,}/g;

/** The codes the question names that no document of the corpus prints. */
function codesNotInCorpus(question: string, ctx: HandlerContext): string[] {
  const printed = (code: string) => ctx.corpus.documents.some((d) => d.text.replace(/\s/g, '').toLowerCase().includes(code.replace(/\s/g, '').toLowerCase()));
  return [...new Set([...question.matchAll(CODE)].map((m) => m[0]))].filter((code) => !printed(code));
}

// A rate, a ceiling or an amount asked of a document (资助比例和上限, 补贴标准, 最高多少).
const RATE_OR_CEILING_ASKED = /(比例|上限|封顶|最高|金额|标准|多少钱|补多少|奖多少)/;
// A span of time asked, and a sentence that states one.
const DURATION_ASKED = /(几年|多少年|多久|多长时间|期限)/;
const DURATION_STATED = /(期限|连续[^，,。；;]{0,6}年|[一二三四五六七八九十0-9]+年内|最长为?[^，,。；;]{0,3}年)/;

/**
 * The sentence of the best clause that carries most of the question's matched terms, quoted as a one-line answer
 * an agent can read out before the full clause (extractive: the words are the document's own).
 */
function leadSentence(hit: SearchHit | undefined, ctx: HandlerContext, question = ''): string {
  const series = hit ? yearSeries(hit, question, ctx) : [];
  if (series.length > 1) {
    // (A yearly item's sentence asked with no year: every year's, in order.)
    const leads = series.map((h) => { const lead = leadOf(h, question); return lead ? `“${lead}”（${h.clause.label}）` : null; }).filter(Boolean);
    if (leads.length === series.length) return `要点：${leads.join('；')}（${ctx.clauseRef(series[0]?.clause.id ?? '').replace(/》.*$/, '》')}）。\n`;
  }
  const best = hit ? leadOf(hit, question) : null;
  return best && hit ? `要点：“${best}”（${ctx.clauseRef(hit.clause.id)}）。\n` : '';
}

// A dashed item of one year (二、——2019年) among its section's yearly items; a year named by the question.
const YEAR_ITEM = /——\s*(?:19|20)\d\d年/;
const YEAR_NAMED = /(?:19|20)\d\d|\d{2}年|今年|明年|去年|前年|后年|第[一二三1-3]年/;

/**
 * The yearly items of the section a hit of one belongs to (东源 二、——2018年, ——2019年, ——2020年), in document order,
 * where the question names no year: a target asked with no year is asked of every year. Empty otherwise.
 */
function yearSeries(hit: SearchHit, question: string, ctx: HandlerContext): SearchHit[] {
  if (!YEAR_ITEM.test(hit.clause.label) || YEAR_NAMED.test(question)) return [];
  const section = hit.clause.label.split('——')[0] ?? '';
  return ctx.corpus.clauses.filter((c) => c.docId === hit.clause.docId && c.label.startsWith(section) && YEAR_ITEM.test(c.label))
    .map((clause) => ({ ...hit, clause }));
}

/** The sentence of a hit's clause that carries most of the question's matched terms; null where none does. */
function leadOf(hit: SearchHit, question: string): string | null {
  if (hit.matchedTerms.length === 0) return null;
  const sentences = sentencesOf(clauseBody(hit.clause.text).replace(/^（[^）]{1,10}）\s*/, ''));
  // (A span of time asked, 能拿几年, goes to the sentence that states one: 补助期限最长为3年.)
  const spanAsked = DURATION_ASKED.test(question);
  const score = (x: string) => hit.matchedTerms.filter((t) => !GENERIC_TERMS.has(t) && x.includes(t)).reduce((sum, t) => sum + t.length, 0)
    + (spanAsked && DURATION_STATED.test(x) ? 20 : 0);
  const best = sentences.reduce<string | null>((top, x) => (top === null || score(x) > score(top) ? x : top), null);
  if (!best || score(best) === 0) return null;
  return best.replace(/[；。]$/, '');
}

/**
 * Quotes the clauses retrieved for the question (a second one only when both rankings put it in their first two).
 * `searched`: the hits the caller already has for this very search (the question, k 3, no named documents).
 */
export async function lookup(u: Understanding, ctx: HandlerContext, namedDocIds: string[] = [], searched?: SearchHit[]): Promise<AssistantReply> {
  const hits = searched && namedDocIds.length === 0 ? searched
    : await searchPolicy(ctx.corpus, ctx.retriever, { query: u.text, k: 3, docIds: namedDocIds.length ? namedDocIds : undefined });
  // Words such as 补贴 or 企业 occur everywhere; an answer needs the clauses to share what the question is about. A
  // provision named by its own words (啥算工作母机啊…) makes it so, as a region named does, however long the chat around it.
  const namesProvision = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, all: true }).rules.length > 0;
  if (hits.length === 0 || !aboutTheDocuments(u.text, hits, u.regions.length > 0 || namedDocIds.length > 0 || namesProvision, ctx.lexicon.gazetteer)) {
    return plainReply('out_of_scope', `收录的文件中没有找到与此相关的条款。${ctx.lexicon.coverage}`, [], HELP_SUGGESTIONS);
  }
  // A near tie for first place goes to the clause sharing most of the question's own words; a question of what a term
  // means goes to the sentence that defines it, wherever it ranks.
  const inScope = namedDocIds.length ? namedDocIds : docIdsForQuestion(ctx.corpus, u.text);
  const first = definitionOf(u.text, inScope, ctx) ?? bestEvidence(hits, u.text, ctx.lexicon.gazetteer) ?? hits[0];
  const second = hits.find((h) => h !== first);
  // A second clause where both rankings put it in their first two, or where it ties with the first on the question's
  // own words and on the fused score (两化融合: its 2016 target in 二、（三） beside the measure in 三、（六）): which of
  // a near tie ranks first is arithmetic noise, so both are quoted.
  const cover = (h: SearchHit) => evidenceCover(h, u.text, ctx.lexicon.gazetteer);
  // Where the words alone ranked (the embedding skipped as the words were decisive), the scores are BM25's: a tie on the
  // question's own words is the tie.
  const wordsOnly = (h: SearchHit) => h.ranks.dense === undefined && (h.ranks.lexical ?? 99) <= 2;
  const ties = (h: SearchHit) => first !== undefined && cover(first) > 0 && cover(h) >= cover(first)
    && (h.score >= first.score * NEAR_TIE || (wordsOnly(h) && wordsOnly(first)));
  const chosen = [first, second && (((second.ranks.lexical ?? 99) <= 2 && (second.ranks.dense ?? 99) <= 2) || ties(second)) ? second : undefined]
    .filter((h): h is NonNullable<typeof h> => Boolean(h));
  chosen.push(...await eachPartAnswered(u.text, chosen, inScope, ctx));
  // (A yearly target asked with no year: every year's item is quoted, in order.)
  const series = first ? yearSeries(first, u.text, ctx) : [];
  if (series.length > 1) chosen.splice(0, chosen.length, ...series, ...chosen.filter((h) => !series.some((x) => x.clause.id === h.clause.id)));
  const parts = chosen.map((h) => `${ctx.clauseRef(h.clause.id)}${h.clause.title ? `（${h.clause.title}）` : ''}：“${h.clause.text}”`);
  const docIds = [...new Set(chosen.map((h) => h.clause.docId))];
  const status = docIds.map((id) => ctx.validityLine(id)).join('');
  const related = ctx.rules.rules.filter((r) => chosen.some((h) => h.clause.id === r.clauseId)).slice(0, 2);
  // "ISO14001认证给多少" where the documents name ISO10012 only: a code no document prints is said to be absent first.
  const absent = codesNotInCorpus(u.text, ctx);
  const notPrinted = absent.length ? `收录的文件中没有提到${absent.map((c) => `“${c}”`).join('、')}，以下是最接近的条款，请注意区分。\n` : '';
  return {
    intent: 'lookup',
    answer: `${notPrinted}${leadSentence(first, ctx, u.text)}相关条款：\n${parts.join('\n')}\n${status}`,
    citations: ctx.citations(chosen.map((h) => h.clause.id)),
    calculation: null,
    total: null,
    suggestions: related.length ? related.map((r) => `${r.subject}能补多少`) : hits.slice(1, 3).map((h) => `${h.clause.title || h.clause.label}是什么`),
  };
}

// "技术改造是怎么定义的", "六化指什么": the term asked about, the words right before the asking.
const DEFINITION = /([\p{Script=Han}A-Za-z0-9+“”"]{2,12}?)(?:是怎么定义的|是怎样定义的|怎么定义|的定义是什么|的定义|是指什么|指的是什么|指什么|是什么意思|什么意思)/u;

/**
 * The clause whose sentence defines the term a question asks about ("技术改造是企业采用新技术…"): a sentence opening with
 * the term and 是. Undefined when the question asks no definition or no document in scope defines the term.
 */
function definitionOf(text: string, docIds: readonly string[] | undefined, ctx: HandlerContext): SearchHit | undefined {
  const asked = text.split(/[，,。；;？?！!\s]/).map((part) => DEFINITION.exec(part)?.[1]).filter(Boolean).at(-1)?.replace(/[“”"]/g, '');
  if (!asked) return undefined;
  const inScope = ctx.corpus.clauses.filter((c) => !docIds || docIds.includes(c.docId));
  // The longest tail of the asked words that a sentence defines (六安文件里技术改造 → 技术改造).
  for (let from = 0; from + 2 <= asked.length; from++) {
    const term = asked.slice(from);
    const opening = new RegExp(`(^|[。；！？\n“])\\s*${term.replace(/[+]/g, '\\+')}(，)?是(?!否)`);
    const clause = inScope.find((c) => opening.test(c.text));
    if (clause) return { clause, score: 1, matchedTerms: [term], ranks: {} };
  }
  return undefined;
}

/** Fused scores this close to the first clause's are a tie (RRF: about one rank apart near the top). */
const NEAR_TIE = 0.98;

/** At most this many clauses quoted in one lookup answer: enough for a message that asks three things. */
const MOST_CLAUSES = 4;

/**
 * The clause of each thing a message asks side by side (金融和用地, 资金扶持、用地保障、融资服务) that the clauses already
 * chosen do not hold: each piece searched on its own in the same documents, kept when its best clause shares the
 * piece's own distinctive words.
 */
async function eachPartAnswered(text: string, chosen: readonly SearchHit[], docIds: string[] | undefined, ctx: HandlerContext): Promise<SearchHit[]> {
  const added: SearchHit[] = [];
  // Questions asked one after another (…有没有支持？顺便问下…能不能走快一点？) are parts too, as are an enumeration's members.
  const questions = questionsOf(text);
  const enumerated = askedParts(text);
  const parts = [...new Set([...enumerated, ...(questions.length > 1 ? questions : [])])];
  for (const part of parts) {
    if (chosen.length + added.length >= MOST_CLAUSES) break;
    // The message was embedded whole already; each piece is matched on its words (金融, 用地保障).
    // Of its first three, the clause sharing most of the piece's own words (每年实施的技改项目目标: 一 over 二、（六）).
    // (A question of its own is matched on its words only: the message was embedded whole already.)
    // (A piece with no word of the documents' vocabulary, 能拿多少, is matched on its words only too.)
    const found = await searchPolicy(ctx.corpus, ctx.retriever, { query: part, k: 3, docIds, wordsOnly: !enumerated.includes(part) || !mentionsPolicy(ctx.lexicon, part) });
    const hit = bestEvidence(found, part, ctx.lexicon.gazetteer) ?? found[0];
    if (!hit || [...chosen, ...added].some((h) => h.clause.id === hit.clause.id)) continue;
    if (distinctiveTerms([hit], ctx.lexicon.gazetteer).some((t) => part.includes(t))) added.push(hit);
  }
  return added;
}

/** The regions of a scope's documents (a scope is named by its region or by its document's short title). */
const regionsOf = (scope: LookupScope, ctx: HandlerContext): string[] =>
  [...new Set(scope.docIds.map((id) => ctx.regionOf(id)).filter((r): r is string => r !== undefined))];

/** Where one block of a side-by-side lookup searches: a region's documents, or one document named by its year. */
export interface LookupScope {
  name: string;
  docIds: string[];
}

/**
 * "东源和深圳的规定分别是怎样的", "2014年的意见跟2018年的行动计划分别定的多少": the same lookup in each scope, one block per
 * scope, so that no region or document asked about is dropped; a scope whose documents share nothing with the question
 * says so.
 */
// Whom a provision applies to, asked (适用企业范围, 什么企业能享受, 门槛).
const SCOPE_ASKED = /(范围|门槛|哪些企业|什么企业|哪类企业|什么样的企业)/;

// An award's amount asked (奖补又是多少, 补贴标准, 奖多少), not a target's (目标定的多少, 达到多少家).
const AWARD_ASKED = /(奖补|补贴|补助|奖励|资助)[^，,。？?；;]{0,6}(多少|几|标准)|(奖|补)多少/;

export async function compareLookup(u: Understanding, scopes: readonly LookupScope[], ctx: HandlerContext,
  options: { provisions?: boolean; standards?: boolean } = {}): Promise<AssistantReply> {
  const blocks: string[] = [];
  const cited: string[] = [];
  // How much of the question the words said of a provision or measure cover; words of the documents' titles (技术改造,
  // 技改) name the documents, no provision in particular.
  const namesCover = (words: readonly string[]) => coveredChars(u.text, words.filter((w) => u.text.includes(w) && !inDocumentTitle(ctx.corpus, w)));
  // (What the clauses are weighed on is the question as searched: the documents' names, 深圳市2015年技改实施意见, say
  // 技改 of no clause in particular.)
  const asked = questionFocus(u.text, ctx.corpus, true);
  for (const scope of scopes) {
    const ranked = bestEvidence(await searchPolicy(ctx.corpus, ctx.retriever, { query: u.text, k: 5, docIds: scope.docIds }), asked, ctx.lexicon.gazetteer);
    // The fused ranking can bury the clause that alone says the question's rare word (机器换人 in 中山2014, far down the
    // dense list): the words-only ranking's best evidence wins where it covers more of the question.
    const worded = bestEvidence(await searchPolicy(ctx.corpus, ctx.retriever, { query: u.text, k: 3, docIds: scope.docIds, wordsOnly: true }), asked, ctx.lexicon.gazetteer);
    const cover = (h: SearchHit | undefined) => (h ? evidenceCover(h, asked, ctx.lexicon.gazetteer) : 0);
    const hit = cover(worded) > cover(ranked) ? worded : ranked;
    // "各地对企业买设备都有些什么补贴政策": a provision of the scope named by words that cover the question as well as the
    // best clause does is the answer, with its headline figure (技改 beside 工业用地出让 is not).
    const chosen = options.provisions
      ? chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: regionsOf(scope, ctx), all: options.standards }).rules.filter((r) => scope.docIds.includes(r.docId))
      : [];
    // One provision named by the words of its clause (公共技术服务平台 → 注册资本) when what the clause sets is asked: the
    // clause's every provision (注册资本, 场地租金, 共性工厂).
    const only = options.standards && chosen.length === 1 ? chosen[0] : undefined;
    const named = only ? ctx.rules.rules.filter((r) => r.clauseId === only.clauseId) : withNarrower(chosen, ctx);
    const namedCover = namesCover(named.flatMap((r) => [...r.vocabulary.triggers, ...r.vocabulary.regionalTriggers, ...r.vocabulary.broad]));
    // Asked what each sets (分别怎么奖, 标准各是多少), a provision named is the answer whatever else the clauses share;
    // one that only the documents' own word names (东源 技改 beside 加层扩建…出让金) is not, where a clause says more.
    // (Support asked broadly, 做智能制造、智能工厂这块…分别有啥支持: a provision its own words name is the support, beside a
    // task clause that shares more of the words.)
    if (named.length && (options.standards ? namedCover > 0 || cover(hit) === 0 : namedCover >= cover(hit) || (ASKS_SUPPORT.test(u.text) && namedCover > 0))) {
      // (Whom it applies to asked too, 适用企业范围: the thresholds the row sets, beside its standard.)
      const appliesTo = (r: SubsidyRule) => { const threshold = SCOPE_ASKED.test(u.text) ? thresholdsSentence(r) : null; return threshold ? `；门槛：${threshold}` : ''; };
      const lines = named.map((r) => `${r.subject}：${ruleHeadline(r)}${appliesTo(r)}（${ctx.clauseRef(r.clauseId)}：“${r.quote}”）`);
      blocks.push(`【${scope.name}】${lines.join('\n')}\n${[...new Set(named.map((r) => ctx.validityLine(r.docId)))].join('')}`);
      cited.push(...named.map((r) => r.clauseId));
      continue;
    }
    // A measure the scope's text names without a subsidy rate (深圳 （六） 工业强基, 中山 四、（八） 土地出让底价), named by
    // words that cover the question as well as the best clause does, is the answer: its sentence, as the data quotes it.
    const measures = unratedFor(scope.docIds, u.text, ctx);
    if (measures.length && namesCover(measures.flatMap((m) => m.triggers)) >= cover(hit)) {
      blocks.push(`【${scope.name}】${measures.map((m) => unratedSentence(m, ctx)).join('\n')}\n${[...new Set(measures.map((m) => ctx.validityLine(m.docId)))].join('')}`);
      cited.push(...measures.map((m) => m.clauseId));
      continue;
    }
    if (!hit || !aboutTheDocuments(u.text, [hit], true, ctx.lexicon.gazetteer)) {
      blocks.push(`【${scope.name}】收录的${scope.name}文件中没有找到与此相关的条款。`);
      continue;
    }
    const lead = leadSentence(hit, ctx, u.text);
    // (A figure asked where the clause found sets none, while the scope's documents award other things, 六安那边技改奖补又
    // 是多少: what they award.)
    const instead = AWARD_ASKED.test(u.text) && !ctx.rules.rules.some((r) => r.clauseId === hit.clause.id)
      ? awardsInstead(scope.docIds, ctx) : null;
    // (A rate or a ceiling asked of a document that sets none, 前者是否设定了资助比例和上限: its own statement that it sets none.)
    const noRates = RATE_OR_CEILING_ASKED.test(u.text) ? ctx.rules.nonQuantitative.filter((n) => scope.docIds.includes(n.docId)) : [];
    const stated = noRates.map((n) => `\n${n.statement}（${n.clauseIds.map((id) => ctx.clauseRef(id)).join('、')}）`).join('');
    blocks.push(`【${scope.name}】${lead || `${ctx.clauseRef(hit.clause.id)}：`}“${hit.clause.text}”${instead ? `\n${instead.line}` : ''}${stated}\n${ctx.validityLine(hit.clause.docId)}`);
    cited.push(hit.clause.id, ...yearSeries(hit, u.text, ctx).map((h) => h.clause.id), ...(instead?.clauseIds ?? []), ...noRates.flatMap((n) => n.clauseIds));
  }
  return plainReply(cited.length ? 'compare' : 'out_of_scope', `分别列出相关条款：\n${blocks.join('\n\n')}`, ctx.citations(cited),
    scopes.map((s) => `只看${s.name}`));
}

/**
 * A provision's standard asked as such ("六安 省级企业技术中心 奖励标准"): the row's own words from its clause, its
 * standard in short, and the document's status; no figure is computed for a case nobody stated.
 */
/**
 * The rows asked, each followed by the rows of its clause that narrow it (技术改造项目 → 智能制造示范项目, 龙头骨干企业技术
 * 改造项目): a standard asked of the general provision is answered with the narrower ones' standards beside it.
 */
function withNarrower(rules: readonly SubsidyRule[], ctx: HandlerContext): SubsidyRule[] {
  return rules.flatMap((r) => [r, ...ctx.rules.rules.filter((n) => n.specializes === r.id && n.clauseId === r.clauseId && !rules.includes(n))]);
}

export function answerStandard(askedRules: readonly SubsidyRule[], ctx: HandlerContext, asked = ''): AssistantReply {
  const rules = withNarrower(askedRules, ctx);
  // (With the thresholds it sets: 面积要多大 is answered beside the rent.)
  const lines = rules.map((r) => { const threshold = thresholdsSentence(r); return `${ctx.clauseRef(r.clauseId)}：“${r.quote}”\n标准：${r.subject}，${ruleHeadline(r)}${threshold ? `\n门槛：${threshold}` : ''}`; });
  const notes = [...new Set(rules.map((r) => ctx.validityLine(r.docId)).filter(Boolean))];
  const departments = departmentLines(rules, asked, ctx);
  const funds = fundingLines(rules, asked, ctx);
  return plainReply('lookup', [...lines, ...departments.lines, ...funds.lines, ...notes].join('\n'), ctx.citations([...new Set([...rules.map((r) => r.clauseId), ...departments.clauseIds, ...funds.clauseIds])]),
    rules.slice(0, 1).flatMap((r) => (r.examples[0] ? [r.examples[0].question] : [])));
}
