import { Decimal } from 'decimal.js';
import { clauseBody, inDocumentTitle, sentencesOf } from '../../corpus/index.js';
import { askedParts, introducesEnterprise } from '../../nlu/parts.js';
import { toSimplified } from '../../nlu/script.js';
import { chooseRules, thresholdValue, type SubsidyRule } from '../../policy/index.js';
import { awardsInstead, ruleHeadline, unratedSentence } from '../compose.js';
import { GENERIC_TERMS, coveredChars, distinctiveTerms } from '../evidence.js';
import { jiebaTokenizer, synonymsOf } from '../../retrieval/index.js';
import { searchPolicy } from '../policy-search.js';
import type { AssistantReply } from '../response.js';
import { namedByOwnWord, unratedFor, type HandlerContext } from './context.js';
import { closingDepartment } from './document-facts.js';

/** What a broad question is about: the measures it names, or all of them when it names a kind of support only. */
export interface OverviewTopic {
  /** The provisions to list (all in scope when no topic is named). */
  rules: SubsidyRule[];
  /** The question names a topic of its own (质量品牌, 增资扩产), beyond 技改 and 扶持. */
  named: boolean;
  /**
   * Clauses on the named topic that hold no provision (东源 三、（四） on 绿色化改造, 中山 三、（十） on 助保贷), best first,
   * each with the sentence that carries most of the question's words: measures without a figure are measures too.
   */
  measures?: { clauseId: string; sentence: string }[];
  /**
   * The clauses on the topic together cover more of the question than the best one alone (金融 and 助保贷), or two or
   * more clauses cover it as well as the best (深圳 融资: （十二）引导民间资金投入 and （十三）强化金融服务).
   */
  severalParts?: boolean;
  /** The money awards asked as one kind of support among others (资金、用地、金融都说说): a document without rates says so. */
  awardsAsked?: boolean;
  /** The question as asked: its parts the list leaves unanswered are answered from the listed clauses' own sentences. */
  asked?: string;
  /** The words naming what is asked about, where `asked` is not given: a document with no rates says what it does say on it. */
  subject?: string;
}

/** Clauses without a provision listed per document at most: an overview stays a summary. */
// "除了补钱还有没有别的优惠": the support besides the topic's awards is asked too (金融, 用地).
// (Or the ways of support asked beside the money, 有哪些奖补和支持方式.)
const OTHER_SUPPORT = /(除了|除)[^。？?]{0,16}(还有|以外|之外)|(别的|其他|其它)的?(优惠|支持|扶持|政策|措施|保障)|(支持|扶持)(方式|手段|渠道)/;
const MEASURES_PER_DOCUMENT = 3;

// A sum of money the document states (2.5亿元, 1亿元).
const STATED_SUM = /[0-9０-９][0-9０-９.]*\s*(万元|亿元)/;

// A figure the document states (200万元, 2.5亿元, 60%, 350家): a measure's headline where it has no provision row.
const STATED_FIGURE = /[0-9０-９][0-9０-９.]*\s*(万元|亿元|元|%|％|个百分点|家|个|台|套|平方米|亩)/;

/**
 * The sentence of a clause that carries most of the question's words, the one that says most of the words it leaves
 * unsaid, and those stating a figure (three at most) (六安 三、（一）: 入库 …, and 固定资产投资200万元以上…纳入市级技改项目库): the document's own words, quoted.
 */
function topicSentences(text: string, terms: readonly string[]): string {
  const body = clauseBody(text);
  const sentences = sentencesOf(body);
  const score = (x: string) => coveredChars(x, terms.filter((t) => x.includes(t)));
  const best = sentences.reduce<string | null>((top, x) => (top === null || score(x) > score(top) ? x : top), null) ?? body;
  // (A word the best sentence leaves unsaid, 节能改造 beside 绿色化, brings the sentence that says most of it.)
  const unsaid = terms.filter((t) => !best.includes(t));
  const rest = sentences.filter((x) => x !== best && unsaid.some((t) => x.includes(t)));
  const next = rest.reduce<string | null>((top, x) => {
    const gain = (y: string) => coveredChars(y, unsaid.filter((t) => y.includes(t)));
    return top === null || gain(x) > gain(top) ? x : top;
  }, null);
  const figures = sentences.filter((x) => STATED_FIGURE.test(x)).slice(0, 3);
  const quoted = sentences.filter((x) => x === best || x === next || figures.includes(x));
  if (!quoted.length) quoted.push(best);
  return quoted.map((x) => x.replace(/[；。]$/, '')).join('……');
}

// A part of an enumeration that names the money awards as a kind of support (奖励、金融 / 资金支持和用地).
const AWARDS_AS_A_KIND = /^(奖励|补贴|补助|奖补|资金|资金支持|资金扶持|财政支持|财政奖补)(这些|等|之类)?/;
// Money support asked as such in a whole sentence (有哪些资金上的扶持, 财政方面的支持有什么, 都有哪些奖项): every provision is on topic.
const MONEY_SUPPORT_ASKED = /(资金|财政)(上|方面)的?(扶持|支持)|(哪些|什么|啥)(资金|财政)(扶持|支持|奖补)|(哪些|什么|啥|哪几)(奖项|奖励项目|补贴项目)/;

// Words of any broad question ("中山有哪些技改扶持政策"): they name no topic.
const NO_TOPIC = new Set(['技改', '技术改造', '改造', '措施', '方面', '这块', '资金', '奖补', '以奖代补', '工业', '发展', '主要', '内容', '享受',
  // A figure's hedges (两千万左右) say nothing of the topic.
  '左右', '上下', '大概', '大约', '差不多']);

/** The question's own word for a clause's term: a synonym of it the question uses; null if none. */
function askedAs(term: string, text: string): string | null {
  // Only a content word stands for another (信贷 → 贷款), never a generic one (以奖代补 → 扶持) or a title's.
  return synonymsOf(term).find((s) => s.length >= 2 && text.includes(s) && !GENERIC_TERMS.has(s) && !NO_TOPIC.has(s)) ?? null;
}

/**
 * The topic of a broad question, from the clauses retrieved for it: the clauses whose shared words (those in the
 * question itself, not generic, not places) cover at least half of what the best clause covers (设备 beside 设备购置). 中山企业做大做强和兼并重组
 * 有什么奖励 → the clauses of 做大做强 and 兼并重组; 中山工业设计提升工程有哪些内容 → a clause with no provision, so a
 * lookup rather than an overview.
 */
export async function overviewTopic(asked: string, docIds: readonly string[], ctx: HandlerContext): Promise<OverviewTopic> {
  // The clauses' terms are simplified characters: so is the question they are compared with (換啲設備).
  // "除了财政资金以外，还有哪些支持措施": what is set aside names no topic; the rest of the list is asked.
  const text = toSimplified(asked).replace(SET_ASIDE, '');
  const inScope = ctx.rules.rules.filter((r) => docIds.includes(r.docId));
  // Several places (各地…用地): each document searched on its own, so one place's near clauses do not crowd out another's.
  const places = new Set(docIds.map((id) => ctx.corpus.documentById.get(id)?.region)).size;
  const whole = places > 1
    ? (await Promise.all(docIds.map((id) => searchPolicy(ctx.corpus, ctx.retriever, { query: text, k: 4, docIds: [id] })))).flat()
    : await searchPolicy(ctx.corpus, ctx.retriever, { query: text, k: 8, docIds: [...docIds] });
  // Each thing the enterprise says it is doing (准备开网店做电商，同埋想打响自己个品牌) is searched on its own too, so the
  // words of one do not crowd the other's clause out of the whole message's ranking.
  // (A space between Chinese words is a pause too: 示范项目 智能工厂这些能拿多少 还有没有贷款税收方面的支持.)
  const pieces = text.split(/[，,。；;？?！!\n]+|(?<=\p{Script=Han})\s+(?=\p{Script=Han})/u).map((p) => p.trim()).filter((p) => p.length >= 2);
  const perPiece = pieces.length > 1
    ? await Promise.all(pieces.map((p) => searchPolicy(ctx.corpus, ctx.retriever, { query: p, k: 2, docIds: [...docIds] }))) : [];
  const byPiece = perPiece.flat();
  const searched = [...whole, ...byPiece.filter((h, i) => !whole.some((w) => w.clause.id === h.clause.id) && byPiece.findIndex((o) => o.clause.id === h.clause.id) === i)];
  // A clause headed by a word the question asks about, in that word or another for it (用地 → 四、（八）支持节约集约利用
  // 土地), is about the topic however the search ranked its body.
  const topicWords = topicWordsOf(text, ctx);
  const titleWords = (title: string) => wordsSaidIn(topicWords, title);
  // (A measure's clause only, one the rules hold: 平台, 人才 head many tasks that are no support.)
  const withProvision = new Set(inScope.map((r) => r.clauseId));
  const measured = new Set([...withProvision, ...ctx.rules.unrated.filter((m) => docIds.includes(m.docId)).map((m) => m.clauseId)]);
  const headedByWord = ctx.corpus.clauses.filter((c) => docIds.includes(c.docId) && measured.has(c.id) && c.title
    && !searched.some((h) => h.clause.id === c.id) && titleWords(c.title).length > 0);
  // So is an item with a sentence that says the topic beside a sum of money (融资 → 三、（十）…每年2.5亿元“助保贷”担保金，
  // 引导合作银行…提供融资服务): a measure with a figure, whatever its heading.
  const fundedByWord = ctx.corpus.clauses
    .filter((c) => docIds.includes(c.docId) && c.kind === 'item' && !withProvision.has(c.id) && !searched.some((h) => h.clause.id === c.id) && !headedByWord.includes(c))
    .flatMap((clause) => {
      const sentence = sentencesOf(clauseBody(clause.text)).find((x) => STATED_SUM.test(x) && titleWords(x).length > 0);
      return sentence ? [{ clause, score: 0, matchedTerms: titleWords(sentence), ranks: {} }] : [];
    });
  const hits = [...searched, ...headedByWord.map((clause) => ({ clause, score: 0, matchedTerms: titleWords(clause.title), ranks: {} })), ...fundedByWord];
  const scored = hits.map((h) => {
    // A document's own title words (三年行动计划, 实施意见) name the document, not a topic in it.
    // A clause that shares none of the question's words counts those it says another way (信贷 for 贷款).
    const shared = distinctiveTerms([h], ctx.lexicon.gazetteer);
    const topical = (t: string) => !NO_TOPIC.has(t) && !inDocumentTitle(ctx.corpus, t);
    const literal = shared.filter((t) => text.includes(t) && topical(t));
    const terms = literal.length ? literal
      : [...new Set(shared.map((t) => askedAs(t, text)).filter((t): t is string => t !== null))].filter(topical);
    return { clause: h.clause, terms, covered: coveredChars(text, terms) };
  });
  const best = Math.max(0, ...scored.map((x) => x.covered));
  if (best === 0) return { rules: inScope, named: false };
  // "我们是中山古镇的灯饰企业…有哪些可以申请的": words said only in telling who the enterprise is name no topic asked;
  // the whole list applies, the clauses on its trade beside it.
  const introduced = pieces.filter(introducesEnterprise);
  const asking = pieces.filter((p) => !introducesEnterprise(p));
  const saidOnlyInIntroduction = (t: string) => introduced.some((p) => p.includes(t)) && !asking.some((p) => p.includes(t));
  if (introduced.length && scored.every((x) => x.terms.every(saidOnlyInIntroduction))) {
    const trade = scored.filter((x) => x.covered === best && !withProvision.has(x.clause.id));
    return { rules: inScope, named: false, measures: trade.slice(0, 1).map((x) => ({ clauseId: x.clause.id, sentence: topicSentences(x.clause.text, x.terms) })), asked: text };
  }
  // Across documents, a document's own best clause counts where it covers a third of the best of all (东源 四、（三） on
  // 用地 beside 中山's longer clauses): each place is answered on the topic it has.
  const bestOf = (docId: string) => Math.max(0, ...scored.filter((x) => x.clause.docId === docId).map((x) => x.covered));
  const onTopic = scored.filter((x) => x.covered * 2 >= best || (places > 1 && x.covered * 2 >= bestOf(x.clause.docId) && x.covered * 3 >= best));
  // A piece of the message that names a provision whose clause is also that piece's best match (我们是年产值四十多亿的
  // 龙头企业 → 四、（四） 年产值首次突破) brings that provision, however little of the whole message it covers.
  // (So does a piece that names a provision by its own words, 想换点设备 → 东源 四、（一）, where its best clause is the
  // task the document sets on the topic, 三、（三）设备更新: the support asked for is the provision.)
  const namedByPiece = perPiece.flatMap((hitsOfPiece, i) => {
    const top = hitsOfPiece[0];
    if (!top) return [];
    // (Named by its own words: 技改, a word of the documents' titles, names no provision, 技改除了给补贴 least of all.)
    const piece = pieces[i] ?? '';
    const named = chooseRules(inScope, piece, { regionOf: ctx.regionOf, all: true }).rules
      .filter((r) => namedByOwnWord(r, piece, ctx));
    // (Beside the best clause, a provision named by a word of its own three characters or longer, 工作母机同埋市外设备:
    // 四、（三） and 四、（一）; 设备 alone names too many to list them all.)
    // (And one that reads such words another way, 买啲新机器 → 四、（三）工作母机 beside 四、（一）.)
    // (设备 alone where it names one provision: 添置设备.)
    const readings = named.length ? inScope.filter((r) => r.vocabulary.alsoReads.some((w) => w.length >= (named.length === 1 ? 2 : 3) && piece.includes(w))).map((r) => r.clauseId) : [];
    const specific = named.filter((r) => namedByOwnWord(r, piece, ctx, 3));
    if (withProvision.has(top.clause.id)) {
      // (Where the piece's words name one provision, 添置设备 → 四、（一）, it is asked of whatever clause ranks first.)
      if (!named.some((r) => r.clauseId === top.clause.id)) return named.length === 1 ? [...named.map((r) => r.clauseId), ...readings] : [];
      return [top.clause.id, ...specific.map((r) => r.clauseId), ...readings];
    }
    return [...named.map((r) => r.clauseId), ...readings];
  });
  const clauses = new Set([...onTopic.map((x) => x.clause.id), ...namedByPiece]);
  // Beside provisions on the topic, a clause without one is listed where it covers the question as well as they do and
  // its heading is about it (中山 用地 厂房: 五、（三）抓好用地保障 beside the 闲置厂房 row), not where it uses the words in
  // passing (建设, 人才 in 三、（三）实施技术创新和改造工程 beside the platform and talent rows).
  // (Across places, document by document: one place's provision does not hold back another place's measures.)
  const provisions = onTopic.filter((x) => withProvision.has(x.clause.id));
  const provisionsOf = (docId: string) => (places > 1 ? provisions.filter((x) => x.clause.docId === docId) : provisions);
  const provisionCover = (docId: string) => Math.max(0, ...provisionsOf(docId).map((x) => x.covered));
  // (A heading that says the topic in its own word, 电子商务 for 电商, is headed by it.)
  const headed = (x: (typeof onTopic)[number]) => x.terms.some((t) => [t, ...synonymsOf(t)].some((w) => w.length >= 2 && x.clause.title.includes(w)));
  // Where a document has a clause headed by the topic (四、（三）加强用地保障), a clause using its words in passing (三、（四）
  // 绿色化发展: 用地集约化) is not listed beside it.
  // (A clause covering more of the question than the provisions do, 二、（六） on 企业技术中心…研发平台, is about it too.)
  const aboutIt = (x: (typeof onTopic)[number]) => headed(x) || (provisionsOf(x.clause.docId).length > 0 && x.covered > provisionCover(x.clause.docId))
    || (!provisionsOf(x.clause.docId).length && !(places > 1 && onTopic.some((y) => y.clause.docId === x.clause.docId && !withProvision.has(y.clause.id) && headed(y))));
  // A piece said on its own (还有没有贷款税收方面的支持) whose best clause is headed by the piece's words asks that measure
  // in its own right, however little of the whole message it covers.
  const pieceLed = new Set(perPiece.flatMap((hitsOfPiece, i) => {
    const top = hitsOfPiece[0];
    const piece = pieces[i] ?? '';
    // (A piece that names a provision is about it: 年产值第一次突破100亿 is 四、（四）, not a heading with 突破 in it.)
    if (!top || withProvision.has(top.clause.id) || inScope.some((r) => r.vocabulary.triggers.some((t) => piece.includes(t)))) return [];
    const terms = distinctiveTerms([top], ctx.lexicon.gazetteer).filter((t) => piece.includes(t) && !NO_TOPIC.has(t) && !inDocumentTitle(ctx.corpus, t));
    return terms.some((t) => [t, ...synonymsOf(t)].some((w) => w.length >= 2 && top.clause.title.includes(w))) ? [top.clause.id] : [];
  }));
  // A parent paragraph whose items are listed already (六安 二、 above 二、（一）…) adds nothing of its own.
  const listedOrLed = scored.filter((x) => onTopic.includes(x) || pieceLed.has(x.clause.id));
  const measures = listedOrLed.filter((x) => !withProvision.has(x.clause.id) && !listedOrLed.some((y) => y.clause.id.startsWith(`${x.clause.id}.`)))
    // (A task clause headed by the topic, 三、（八）实施质量名牌双带动工程 beside 四、（六）'s awards, is listed where it covers
    // half of what the provisions do.)
    .filter((x) => pieceLed.has(x.clause.id) || (x.clause.kind === 'item' && headed(x) && x.covered * 2 >= provisionCover(x.clause.docId))
      || (x.covered >= provisionCover(x.clause.docId) && aboutIt(x)))
    .map((x) => ({ clauseId: x.clause.id, sentence: topicSentences(x.clause.text, x.terms) }));
  // A measure without a figure that the question names by its own words (像我们这种大企业 → 四、（十）重特大…一事一议) is on
  // the topic, however the search ranked its clause.
  const unratedNamed = ctx.rules.unrated.filter((m) => docIds.includes(m.docId) && !measures.some((x) => x.clauseId === m.clauseId)
    && !withProvision.has(m.clauseId) && m.triggers.some((t) => text.includes(t)));
  measures.push(...unratedNamed.map((m) => ({ clauseId: m.clauseId, sentence: m.quote })));
  // "奖励、金融这些都说说": the money awards asked as one kind of support beside others: every provision is on topic.
  const awardsAsked = askedParts(text).some((part) => AWARDS_AS_A_KIND.test(part)) || MONEY_SUPPORT_ASKED.test(text);
  // "…都鼓励做哪些？有没有奖励": the provisions the listed measures name in their own words (二、（二）…建设智能工厂、数字化
  // 车间 → 三、（二）'s awards for them).
  const namedByMeasures = REWARD_ASKED.test(text) ? inScope.filter((r) => measures.some((m) => {
    const clause = ctx.corpus.clauseById.get(m.clauseId);
    return clause?.docId === r.docId && r.vocabulary.triggers.some((t) => t.length >= 3 && clause.text.includes(t));
  })) : [];
  return {
    rules: inScope.filter((r) => awardsAsked || clauses.has(r.clauseId) || namedByMeasures.includes(r)), named: true, measures, awardsAsked, asked: text,
    severalParts: awardsAsked || coveredChars(text, onTopic.flatMap((x) => x.terms)) > best || tiedAcrossClauses(onTopic, measures, best),
  };
}

/**
 * Two or more clauses without a provision cover the question as well as the best (深圳 融资: （十二） and （十三）), and
 * not exactly one of them is headed by its words (东源 工业互联网+: 三、（六） is that clause, the other uses the words).
 */
function tiedAcrossClauses(onTopic: readonly { clause: { id: string; title: string }; terms: string[]; covered: number }[],
  measures: readonly { clauseId: string }[], best: number): boolean {
  const tied = onTopic.filter((x) => x.covered === best && measures.some((m) => m.clauseId === x.clause.id));
  const headed = tied.filter((x) => x.terms.some((t) => x.clause.title.includes(t)));
  return tied.length >= 2 && headed.length !== 1;
}

// A heading that names a kind of support (加强财政引导支持, 强化金融服务, 加强用地保障, 落实企业减负政策), not a task or a duty.
const SUPPORT_HEADING = /(支持|扶持|保障|金融|融资|资金|奖补|减负|税收|用地)/;

/**
 * The topic's clauses are tasks the document sets (二、（四）自动化改造), none of them a support measure (三、（三）落实金融
 * 税收扶持): support asked for on such a topic is the document's own measures.
 */
export function topicOnlyTasks(topic: OverviewTopic, ctx: HandlerContext): boolean {
  const titles = (topic.measures ?? []).map((m) => ctx.corpus.clauses.find((c) => c.id === m.clauseId)?.title ?? '');
  return titles.length > 0 && titles.every((t) => !SUPPORT_HEADING.test(t));
}

/** A document's items headed as support measures, in its order: what a whole-document overview lists beside its figures. */
function supportMeasures(docId: string, ctx: HandlerContext) {
  return ctx.corpus.clauses.filter((c) => c.docId === docId && c.kind === 'item' && SUPPORT_HEADING.test(c.title));
}

/**
 * Lists the measures that apply, grouped by document: each provision with its headline figure from the rules data
 * and its clause label, plus the documents that give no rates. A kind of support named narrows the list.
 */
export function answerOverview(docIds: readonly string[], topic: OverviewTopic, ctx: HandlerContext,
  /** Regions the question names side by side: each is answered, one with nothing on the topic said as such. */
  askedRegions: readonly string[] = []): AssistantReply {
  const docs = ctx.corpus.documents.filter((d) => docIds.includes(d.id));
  const related = topic.rules;
  const topical = topic.named;
  const lines: string[] = [];
  const cited: string[] = [];
  for (const doc of docs) {
    const rules = related.filter((r) => r.docId === doc.id);
    const noRates = ctx.rules.nonQuantitative.find((n) => n.docId === doc.id);
    const measures = (topic.measures ?? []).filter((m) => ctx.corpus.clauseById.get(m.clauseId)?.docId === doc.id).slice(0, MEASURES_PER_DOCUMENT);
    const asked = askedRegions.length > 1 && askedRegions.includes(doc.region);
    if (!rules.length && !measures.length && !(noRates && !topical)) {
      // A region asked beside others is never dropped (深圳、中山、东源三地的事后奖补): its statement, or that it has none.
      if (asked && !docs.some((d) => d !== doc && d.region === doc.region && (related.some((r) => r.docId === d.id)))) {
        // (What the document does say on the subject asked, 深圳 （五） on 设备更新, before its statement that it sets no rate.)
        const said = noRates ? unratedFor([doc.id], topic.asked ?? topic.subject ?? '', ctx) : [];
        // (A document with awards of other kinds, 六安's for recognised projects, says what it awards instead.)
        const instead = noRates ? null : awardsInstead([doc.id], ctx);
        lines.push(`【${doc.region}·${doc.shortTitle}】`, ...said.map((m) => `· ${unratedSentence(m, ctx)}`), noRates ? `· ${noRates.statement}（${noRates.clauseIds.map((id) => ctx.corpus.clauseById.get(id)?.label ?? id).join('、')}）`
          : `· 没有与此对应的条款。${instead?.line ?? ''}`, ctx.validityLine(doc.id));
        if (noRates) cited.push(...said.map((m) => m.clauseId), ...noRates.clauseIds);
        cited.push(...(instead?.clauseIds ?? []));
      }
      continue;
    }
    lines.push(`【${doc.region}·${doc.shortTitle}】${doc.draft && !doc.shortTitle.includes('征求意见稿') ? '（征求意见稿）' : ''}`);
    const byClause = new Map<string, SubsidyRule[]>();
    for (const r of rules) byClause.set(r.clauseId, [...(byClause.get(r.clauseId) ?? []), r]);
    for (const [clauseId, group] of byClause) {
      const clause = ctx.corpus.clauseById.get(clauseId);
      // The department the clause names (（市质监局）), which a caller asks next.
      const department = clause ? closingDepartment(clause.text) : null;
      const where = `${clause?.label ?? clauseId}${department ? `；${department}` : ''}`;
      lines.push(...group.map((r) => `· ${r.subject}：${ruleHeadline(r)}（${where}）`));
      cited.push(clauseId);
    }
    // The thresholds these measures share (六安: 固定资产投资200万元以上 to enter the project library), once each.
    const thresholds = new Map(rules.flatMap((r) => r.thresholds).map((t) => [`${t.label}${t.minimum}`, t]));
    for (const t of thresholds.values()) {
      const label = ctx.corpus.clauseById.get(t.clauseId)?.label ?? t.clauseId;
      lines.push(`· 门槛：${t.label}不低于${thresholdValue(t, new Decimal(t.minimum))}${t.exemptWhen ? `（${t.exemptWhen.values.join('、')}项目除外）` : ''}（${label}）`);
      cited.push(t.clauseId);
    }
    // The conditions the measures set in words (东源 四、（一）: 规上企业, 高成长性…同样享受), once each, as the thresholds.
    const requirements = new Map(rules.flatMap((r) => r.requirements).map((q) => [q.label, q]));
    for (const q of requirements.values()) {
      lines.push(`· 条件：${q.label}（${ctx.corpus.clauseById.get(q.clauseId)?.label ?? q.clauseId}）`);
      cited.push(q.clauseId);
    }
    // Ways of support the same clauses name without a figure (六安 三、（二）: 一事一议、设备（软件）补贴、贷款贴息), or
    // with one that is no subsidy (中山 四、（八）: land priced at 70% of the floor).
    for (const m of ctx.rules.unrated.filter((x) => x.docId === doc.id && byClause.has(x.clauseId))) {
      lines.push(`· ${m.subject}：${m.standard ?? '文件未定比例或金额'}（${ctx.corpus.clauseById.get(m.clauseId)?.label ?? m.clauseId}）`);
    }
    // Two clauses at most and no provision beside them (东源 用地 and 融资: 四、（三） and 四、（二）): each is the whole
    // answer on its part, quoted whole rather than abridged.
    // (So is each of a document with no provision of its own, 深圳2015's 金融: its later sentences name support of their own.)
    const whole = (!related.length && (topic.measures ?? []).length <= 2) || !rules.length;
    for (const m of measures) {
      const clause = ctx.corpus.clauseById.get(m.clauseId);
      const department = clause ? closingDepartment(clause.text) : null;
      const said = whole && clause ? clauseBody(clause.text).replace(/[。；]$/, '').trim() : m.sentence;
      lines.push(`· ${clause?.label ?? m.clauseId}${clause?.title ?? ''}：“${said}”${department && !said.includes(department) ? `（${department}）` : ''}`);
      cited.push(m.clauseId);
    }
    // "以及相关费用和奖补资金从哪项资金列支": a part the list does not answer, said by a sentence of a listed clause.
    for (const line of partsLeftOut(topic.asked, [...byClause.keys(), ...measures.map((m) => m.clauseId)], lines.join('\n'), ctx)) lines.push(line);
    // (Support asked of a document without rates, 深圳这边技改有哪些支持政策, is told that it sets none, on any topic.)
    const statesNoRates = noRates && !rules.length && (!topical || topic.awardsAsked || ASKS_SUPPORT_POLICY.test(topic.asked ?? '')
      || measures.some((m) => noRates.clauseIds.includes(m.clauseId)));
    if (noRates && statesNoRates) {
      lines.push(`· ${noRates.statement}（${noRates.clauseIds.map((id) => ctx.corpus.clauseById.get(id)?.label ?? id).join('、')}）`);
      cited.push(...noRates.clauseIds);
    }
    // Asked what support there is at all: the document's other support measures too (金融, 用地), by their headings.
    if (!topical || OTHER_SUPPORT.test(topic.asked ?? '')) {
      const listed = new Set([...byClause.keys(), ...(statesNoRates ? noRates.clauseIds : []), ...measures.map((m) => m.clauseId)]);
      const others = supportMeasures(doc.id, ctx).filter((c) => !listed.has(c.id));
      // A measure with no heading of its own and no rate (中山 四、（十）: 重特大项目一事一议) is one of them too, by its
      // standard.
      for (const m of ctx.rules.unrated.filter((x) => x.docId === doc.id && x.standard && !listed.has(x.clauseId) && !others.some((c) => c.id === x.clauseId)
        && !ctx.corpus.clauseById.get(x.clauseId)?.title)) {
        lines.push(`· ${m.subject}：${m.standard ?? ''}（${ctx.corpus.clauseById.get(m.clauseId)?.label ?? m.clauseId}）`);
        cited.push(m.clauseId);
      }
      // A document with no provision of its own (深圳2015): its measures are the answer, each quoted whole, since a
      // clause's later sentences name support of their own (（十三）: 融资租赁 after 信贷新品种).
      if (others.length && !rules.length) {
        lines.push('· 其他支持措施（文件未定金额）：', ...others.map((c) => `  ${c.label}${c.title}：“${clauseBody(c.text).trim().replace(/[。；]$/, '')}”`));
        cited.push(...others.map((c) => c.id));
      } else if (others.length) {
        lines.push(`· 其他支持措施（文件未定金额）：${others.map((c) => `${c.label}${c.title}`).join('；')}`);
        cited.push(...others.map((c) => c.id));
      }
    }
    lines.push(ctx.validityLine(doc.id));
  }
  if (!lines.length) {
    return { intent: 'overview', answer: `所问范围内的文件没有规定具体的扶持金额。${ctx.lexicon.coverage}`, citations: [], calculation: null, total: null, suggestions: [] };
  }
  const head = !related.length ? '相关的措施和规定如下（均为文件原文）：'
    : topical ? '相关的扶持措施如下（金额为文件规定的标准或上限）：' : '可享受的扶持措施如下（金额为文件规定的标准或上限）：';
  return {
    intent: 'overview', answer: `${head}\n${lines.join('\n')}`, citations: ctx.citations(cited), calculation: null, total: null,
    suggestions: related.slice(0, 3).map((r) => `${r.subject}能补多少`),
  };
}


// An award asked beside what a document encourages (有没有奖励, 奖励吗, 能拿多少).
const REWARD_ASKED = /有没有(奖励|补贴|奖补|补助|资助)|有无(奖励|补贴)|(奖励|补贴|奖补|补助)(吗|呢|嗎)|能(拿|奖|补)多少/;

// Support asked as such (有哪些支持政策, 有什么补贴): a document without rates says it sets none.
const ASKS_SUPPORT_POLICY = /(扶持|支持|优惠)政策|补贴|补助|奖励|资助|奖补/;

// What a question sets aside (除了给钱的奖补以外, 除财政资金之外).
const SET_ASIDE = /除了?[^，,。？?！!]{1,14}?(以外|之外)[，,]?/g;

// A denial and what it denies, to the next pause (不是龙头骨干企业也不是智能制造示范).
const DENIED = /(不是|并非|没有|不属于)[^，,。；;？?]{0,20}/g;

// A part that asks a figure, and a sentence that states one.
const FIGURE_ASKED = /(多少|几)/;
const FIGURE = /\d+(\.\d+)?\s*(亿元|万元|元|%)/;

/**
 * Words that ask, not what is asked about (哪项, 怎么, 以及, 按最高标准), and the verbs of a case said (通过了…认证, 加起来),
 * which name no part of their own: 通过 alone does not make 卓越绩效's sentence an answer.
 */
const ASKING_WORDS = new Set(['哪项', '哪个', '哪些', '哪几', '几个', '哪几个', '什么', '怎么', '如何', '以及', '还有', '相关', '请问', '梳理',
  '列出', '一下', '通过', '获得', '起来', '加起来', '标准', '最高', '最多']);

/**
 * The parts of a question that a list leaves unanswered: for each asked part with two or more of its own words that the
 * list does not say, the first sentence of a listed clause that says two of them, quoted with its clause label.
 */
export function partsLeftOut(asked: string | undefined, clauseIds: readonly string[], listed: string, ctx: HandlerContext,
  { oneWord = false }: { oneWord?: boolean } = {}): string[] {
  if (!asked) return [];
  const out: string[] = [];
  // (Each sentence, and what follows 另外 or 顺便 in one, is a part: 能资助多少？另外…事后奖补是连续几年.)
  // (What a part denies, 不是智能制造示范项目, is no topic asked.)
  for (const part of asked.replace(DENIED, '').split(/[？?。；;！!\n]|另外|此外|顺便|还有|以及/).filter((p) => p.trim().length >= 4)) {
    const unsaid = [...new Set(jiebaTokenizer(part))].filter((w) => w.length >= 2 && !GENERIC_TERMS.has(w) && !ASKING_WORDS.has(w)
      && !/\d/.test(w) && !synonymsOf(w).some((s) => listed.includes(s)) && !inDocumentTitle(ctx.corpus, w));
    // (One term, once: the tokenizer gives 公共技术服务平台 and its pieces 公共, 平台, which are not two words asked.)
    const words = unsaid.filter((w) => !unsaid.some((longer) => longer !== w && longer.includes(w)));
    // (A figure asked, 县财政一共拿出多少钱, is answered by a sentence with a figure that says one of its words.)
    const figureAsked = FIGURE_ASKED.test(part);
    // (With oneWord, a part whose one topic word the clause found for it says, 支持哪几个方向 → “…为重点方向”.)
    const oneWordAsked = oneWord && words.length === 1;
    const answers = (x: string) => words.filter((w) => x.includes(w)).length >= ((figureAsked && FIGURE.test(x)) || oneWordAsked ? 1 : 2);
    if (words.length < (figureAsked || oneWordAsked ? 1 : 2)) continue;
    for (const clauseId of clauseIds) {
      const clause = ctx.corpus.clauseById.get(clauseId);
      // (The clause's body, never its heading: a heading restates the part, it does not answer it.)
      const sentence = clause && sentencesOf(clauseBody(clause.text)).find(answers);
      if (!clause || !sentence || out.some((line) => line.includes(sentence.replace(/[。；]$/, ''))) || quotedAlready(sentence, listed)) continue;
      out.push(`· ${clause.label}：“${sentence.replace(/[。；]$/, '')}”`);
      break;
    }
  }
  return out;
}

/**
 * A question the search answers with a clause headed by its topic, in its word or another for it (融资方面还有什么支持 →
 * 三、（三）落实金融税收扶持): that clause, quoted whole with its label and heading. Null where the heading names no word
 * of the question's or the answer already says most of it.
 */
export function clauseHeadedByTopic(asked: string, clauseId: string, listed: string, ctx: HandlerContext): string | null {
  const clause = ctx.corpus.clauseById.get(clauseId);
  if (!clause?.title || !wordsSaidIn(topicWordsOf(asked, ctx), clause.title).length) return null;
  const body = clauseBody(clause.text).trim().replace(/[。；]$/, '');
  return quotedAlready(body, listed) ? null : `· ${clause.label}${clause.title}：“${body}”`;
}

/** The words of a question that say its topic: two characters or longer, no figure, no asking or title word. */
function topicWordsOf(text: string, ctx: HandlerContext): string[] {
  return [...new Set(jiebaTokenizer(text))].filter((w) => w.length >= 2 && !/\d/.test(w) && !NO_TOPIC.has(w) && !GENERIC_TERMS.has(w)
    && !ASKING_WORDS.has(w) && !inDocumentTitle(ctx.corpus, w));
}

/** Those of the words, or of the words for them, that a heading or sentence says (用地 → 土地 in 支持节约集约利用土地). */
function wordsSaidIn(words: readonly string[], text: string): string[] {
  return words.flatMap((w) => [w, ...synonymsOf(w)]).filter((x) => x.length >= 2 && text.includes(x));
}

/** Whether most of a sentence's phrases are already in the answer (its provision quoted, its conditions listed). */
function quotedAlready(sentence: string, listed: string): boolean {
  const phrases = sentence.split(/[，,：:；;。]/).filter((p) => p.length >= 6);
  return phrases.length > 0 && phrases.filter((p) => listed.includes(p)).length * 2 >= phrases.length;
}

/**
 * "中山2014年那个实施意见主要讲了些啥": one document's outline in its own headings, each part with the titles of its
 * items (二、工作目标：投资结构明显优化；…), then the provisions it sets with their figures or its statement that it sets
 * none, and its status. Every item listed is cited.
 */
export function documentOutline(docId: string, ctx: HandlerContext): AssistantReply {
  const doc = ctx.corpus.documentById.get(docId);
  const clauses = ctx.corpus.clauses.filter((c) => c.docId === docId && c.kind !== 'preamble' && c.kind !== 'bullet');
  const parts = new Map<string, string[]>();
  for (const c of clauses) {
    const heading = c.path[0] ?? c.label;
    const titles = parts.get(heading) ?? [];
    // A part that is itself an item (深圳's flat （一）…（十八）) is its own heading, listed once.
    if (c.kind === 'item' && c.title && !heading.includes(c.title)) titles.push(c.title);
    parts.set(heading, titles);
  }
  const lines = [...parts].map(([heading, titles]) => `· ${heading}${titles.length ? `：${titles.join('；')}` : ''}`);
  const rules = ctx.rules.rules.filter((r) => r.docId === docId);
  const noRates = ctx.rules.nonQuantitative.find((n) => n.docId === docId);
  const figures = rules.map((r) => `· ${r.subject}：${ruleHeadline(r)}（${ctx.corpus.clauseById.get(r.clauseId)?.label ?? r.clauseId}）`);
  const cited = [...clauses.map((c) => c.id), ...(noRates?.clauseIds ?? [])];
  const answer = [`《${doc?.title ?? docId}》${doc?.docNumber ? `（${doc.docNumber}）` : ''}的主要内容（按文件的标题）：`, ...lines,
    ...(figures.length ? ['其中规定了金额的扶持措施：', ...figures] : noRates ? [noRates.statement] : []), ctx.validityLine(docId)].join('\n');
  return { intent: 'overview', answer, citations: ctx.citations([...new Set(cited)]), calculation: null, total: null,
    suggestions: rules.slice(0, 3).map((r) => `${r.subject}能补多少`) };
}
