import { describeValidity, type Corpus } from '../corpus/index.js';
import { mentionsPolicy, type Lexicon } from '../lexicon/index.js';
import { EACH, SAME_CASE, asksEachYear, asksWhichMore, asksSomething, putForward, saysOutside, understand, withoutPlacesNotCovered, withoutRequestsOutside, withoutQuotedPassages, type Understanding } from '../nlu/understand.js';
import { findNumberProblems, findQuantities } from '../nlu/quantities.js';
import { askedParts, questionsOf, selfIntroductions, ownCase } from '../nlu/parts.js';
import { restatedQuestion } from '../nlu/restate.js';
import { toSimplified } from '../nlu/script.js';
import { withoutYears } from '../nlu/years.js';
import { findDocuments, findRegions, withoutRegionNames } from '../nlu/regions.js';
import { chooseRules, computeSubsidy, spanYears, namedOnlyByClause, namedOptions, type PolicyRules, type RuleChoice, type SubsidyRule, type UnratedMeasure } from '../policy/index.js';
import { englishAsPolicyWords, type Retriever, type SearchHit } from '../retrieval/index.js';
import { citeClauses } from './citations.js';
import { ASKS_SUPPORT, HELP_SUGGESTIONS, followedBy, plainReply } from './compose.js';
import { standingAwards, type ConversationSlots } from './conversation.js';
import { aboutTheDocuments } from './evidence.js';
import { SIDE_BY_SIDE, awardsOfOtherPlaces, besideEarlierDocuments, besideEarlierPlaces, besideEarlierProvisions, earlierAwardsShown, earlierReading, explainedBy, readingsOf, regionalAwards, severalAwards, totalOfEarlierAwards } from './handlers/awards.js';
import { calculate, documentGateNotMet, noAmountInRegion } from './handlers/calculate.js';
import { namedByOwnWord, namedDocuments, unratedFor, type HandlerContext } from './handlers/context.js';
import { DOCUMENT_FACT_CUE, asksInForce, asksOfPreamble, asksSourceOfAnswer, answerDocumentFacts, answerSource } from './handlers/document-facts.js';
import { answerStandard, compareLookup, lookup, type LookupScope } from './handlers/lookup.js';
import { cityPartAsked, documentNotInCorpus, misnumberedDocument, noRates, notCovered, offTopic, ownPolicyOfPlaceWithin, topicsNotCovered, unrated, withoutOwnPolicyAsked } from './handlers/not-covered.js';
import { answerConditions, answerDocumentGate, namesDocumentGate } from './handlers/conditions.js';
import { answerOverview, clauseHeadedByTopic, documentOutline, overviewTopic, partsLeftOut, topicOnlyTasks } from './handlers/overview.js';
import { answerSections, namedSections } from './handlers/sections.js';
import { givesOnlySize, inputsFor, measuredDimensions, sizeIsCase } from './handlers/slots.js';
import { schemeNotInCorpus, validity, yearNotInDocuments } from './handlers/validity.js';
import { docIdsForQuestion, searchPolicy } from './policy-search.js';
import { calculationsOf, type AssistantReply } from './response.js';

export interface AssistantDeps {
  corpus: Corpus;
  rules: PolicyRules;
  lexicon: Lexicon;
  retriever: Retriever;
  /** YYYY-MM-DD: statuses and period notes are judged against it. */
  today: string;
}

/** Whether a provision's award is fixed once its level is known (评上省级智能工厂): no figure of the enterprise's needed. */
function fixedAward(rule: SubsidyRule): boolean {
  return rule.inputs.every((i) => !i.required || i.dimension === 'level');
}

/** Whether a provision states only its ceiling and takes no figure (开班培训技能人才 最高10万元): its standard is its answer. */
function statesOnlyCeiling(rule: SubsidyRule): boolean {
  return rule.formula.type === 'upper-bound' && rule.inputs.length === 0;
}

/** Whether the conversation has computed this provision, or the general or narrower one of the same clause. */
function computedBefore(rule: SubsidyRule, awards: ConversationSlots['awards'], rules: PolicyRules): boolean {
  return awards.some((a) => a.ruleId === rule.id || rule.specializes === a.ruleId
    || rules.find(a.ruleId)?.specializes === rule.id);
}

// A message that is only a count (5个, 三名), and a question's count of people of a level left open (几个高级技师).
const BARE_COUNT = /^((?:\d+|[一二两三四五六七八九十]+))\s*(?:个|名|位|人)?\s*[。.！!]?$/;
const COUNT_OF_LEVEL_ASKED = /(?:几|多少)(个|名|位)(高级技师|技师|高级工)/;

// An award taken back from the conversation's (不用算, 去掉, 拿掉, 不算我们的), and its total asked again (再算一下).
const TAKES_BACK = /(不用算|不要算|不算|别算|去掉|拿掉|删掉|扣掉|减掉|排除|剔除|不计入|不用计|先不算|不要了)/;
const SUMMED_AGAIN = /(再算|重新算|重算|总数|一共|合计|总共|加起来)/;

/** Whether the words name an award by one of its rule's own words, its subject or a level's label (ISO for ISO10012). */
function namesAward(rule: SubsidyRule, text: string): boolean {
  const labels = rule.formula.type === 'fixed' ? rule.formula.options.map((o) => o.label) : [];
  // (A Latin name said in short, ISO for ISO10012, names it too.)
  const latin = rule.vocabulary.triggers.map((t) => /^[A-Za-z]{3,}/.exec(t)?.[0]).filter((w): w is string => w !== undefined);
  return [...rule.vocabulary.triggers, ...labels, rule.subject, ...latin].some((w) => w.length >= 2 && text.includes(w));
}

/** A conversation's awards, the latest kept where a long one has many: enough for any total asked of its turns. */
function keptAwards(awards: ConversationSlots['awards']): ConversationSlots['awards'] {
  return awards.slice(-20);
}

// The enterprise speaking of itself (我们, 我司, 我哋).
const FIRST_PERSON = /(我们|我司|我厂|本厂|本公司|咱们|咱|我哋|我們)/;
// Which kind of thing is asked (哪类项目, 哪些方向, 什么样的企业).
const WHICH_KIND = /(哪类|哪一类|哪几类|哪些方向|哪种|什么样的?|什么类型)/;
// A follow-up naming only a year (2020年呢？, 那2019年的呢).
const YEAR_ONLY = /^\s*(?:那|那么|咁)?\s*((?:19|20)\d\d)\s*年?(?:的)?(?:呢|嘞)?\s*[？?]?\s*$/;
// Several awards asked added up by their number (两项奖励加起来, 这几项合计).
const SEVERAL_ADDED = /(两|三|四|几|这)(项|个|笔|样)[^，。？?]{0,6}(加起来|合计|一共|总共|共计)/;
// The places of a conversation set side by side (两个地方比较一下, 两地对比, 也一起比比 三个地方, 再加个六安).
const BOTH_PLACES = /(([两三四几]个?|这几个|这[两三四]个?)(地方?|地|边|城市|县市?)|一起|都)[^，。？?]{0,16}(比较|对比|比一下|比一比|比下|比比|哪个|哪边|差别|区别)|再加(个|上)|也一起(比|算|看)/;
// Words that point back at the last answer, or a numbered part at the one before it (这个是哪个部门负责, 这条归谁管, 这块归谁).
const POINTS_BACK = /^(那|那么)?\s*(这个|这条|这项|这一条|它|该项|这块|这笔)/;

// A document set against another (跟2018年那个行动计划比, 有啥变化, 两个文件比一下).
const DOCUMENTS_WEIGHED = /(跟|和|与|同)[^，,。？?]{0,16}比|变化|区别|不同|不一样|两个文件|两份文件/;
// Each of one region's documents asked in turn (2014年那个实施意见和2018年行动计划各自怎么写的).
const EACH_DOCUMENT = /各自|分别/;

// Words that point into the document just spoken of (里面对技改项目…, 这份文件里…, 该文件…).
const INTO_THAT_DOCUMENT = /^(那|那么)?(里面|里头|入面|文件里|这份文件里?|这个文件里?|那份文件里?|该文件|它里面|这里面|文件中)/;
// Every measure of a document asked for (所有的资金支持措施, 全部扶持政策): a list with no topic to narrow it.
const ALL_MEASURES = /(所有|全部|一切)(的)?(资金)?(支持|扶持|奖补|补贴|奖励)?(措施|政策|条款)/;
// What an enterprise says it makes (主要做电子元器件, 我们是做灯饰的, 生产五金配件, 一家做包装材料的规上企业).
const BUSINESS_SAID = /(主要做|是做|专做|主要生产|我们做)[^，,。；;？?]{1,10}|(一|1)?(家|间)做[^，,。；;？?]{1,10}的(企业|厂|公司|规上企业|工厂)/;

// The user announcing several questions (问几件, 三个问题, 问两点).
// (Things done, 今年三件事：①…②…, are no questions: only 问 or 问题 announces them.)
const SEVERAL_ANNOUNCED = /(几个问题|[两三四五几2-5]个问题|[两三四五几2-5]点问题|问(一下)?[两三四五几2-5]?(件事|点|个事|样嘢|样事|样)|问(一下)?[两三四五几2-5]个(?=[:：，,])|问几件)/;
// A question that points back at the one before it (也受这个限制吗, 那这个条件呢).
const REFERS_BACK = /(这个|这条|这项|该|此)(限制|门槛|条件|标准|规定|比例|要求)|^(那|也)/;
/** The questions a message numbers (1.…2.…, 一是…二是…), each without its mark. */
function numberedParts(text: string): string[] {
  const marks = [...text.matchAll(NUMBERED_QUESTION)];
  return marks.map((m, i) => text.slice((m.index ?? 0) + m[0].length, marks[i + 1]?.index ?? text.length).trim()).filter((p) => p.length >= 4);
}

// Any numbering of questions or items (1）, 2、, （一）, ①, 一是).
const ANY_NUMBERING = /(?:^|[，,。：:？?；;\s])(?:[1-9一二三四][）)、．.](?!\d)|[（(][1-9一二三四][）)]|[①②③④⑤⑥]|[一二三四][是系])/g;
// Where a question the user numbers starts (一是, 二是, Cantonese 一系, （1）, 2、, ①).
const NUMBERED_QUESTION = /(?<=^|[，,。：:？?；;\s])(?:一是|二是|三是|一系|二系|三系|其一|其二|其三|[（(][1-9一二三][）)]|[1-9][、．.）)](?!\d))|[①②③④⑤⑥]/g;

// Places weighed against each other (两边比一下哪边多, 跟六安比哪个划算, 哪边补得多).
// (Cantonese too: 邊度抵啲 = 哪里抵些, which place is worth more.)
const WEIGHS_PLACES = /(两边|两地|两个地方|哪边|哪个地方|哪个(多|高|划算|合算)|哪里(多|高|划算|合算)|谁(多|高)|比一下|比一比|比比|比下|比较|对比|相比|划算|合算|哪里抵|抵些|更抵)/;

// Weighed against something named (跟普通技改比多多少, 和之前那个比).
const WEIGHED_AGAINST = /(跟|和|同)[^，,。？?]{1,12}比(?!例)/;

/** Whether a region is named only as what the case is compared with (跟六安比哪个划算). */
function namedToCompare(text: string, region: string, lexicon: Lexicon): boolean {
  const aliases = lexicon.gazetteer.covered.find((r) => r.region === region)?.aliases ?? [];
  return aliases.some((alias) => new RegExp(`(跟|和|与|同)${alias}[^，。？?\\s]{0,4}(比|相比|对比)`).test(text))
    && !aliases.some((alias) => new RegExp(`(在|放在|放喺|喺)${alias}`).test(text));
}

// Another thing of the enterprise's said after one computed (我们还有个项目…, 另外我们…).
const ANOTHER = /(还有|另外|又|再|也|加上|算上|连同|还(通过|获得|评上|拿到|拿了|取得|被|认定|新))/;
// The enterprise's own case said (评上了, 我们拿到, 能拿多少): an award to compute, not a standard to quote.
// (对新认定的…, 对获得…的创建主体: the text's own class, no case.)
// (The recognition itself said, 新认定了省级智能工厂, 评上了…: an award the enterprise has.)
// (Not the text's class, 对获得…的企业 or 对企业获得…认证的: a standard asked, no case.)
const RECOGNIZED = /((?<!对[^，,。；;？?\s]{0,4})(评上|评为|获得)|获评|拿到|认定了|被认定|刚认定|(?<!对[^，,。；;？?\s]{0,4})新认定|(?<!对新?)认定的|(?<!对[^，,。；;？?\s]{0,4})认定为|通过了|导入了|评审过|评审通过)/;
// The text's class of those recognized (获得…的企业, 评为…的创建主体, 新认定的省级数字化车间奖励标准): who the provision is
// for, not who asks.
const CLASS_RECOGNIZED = /(获得|评上|评为|认定为)[^，,。；;？?]{1,24}的(企业|创建主体|主体|单位|平台)|新认定的(?=[^，,。；;？?]{1,16}标准)/g;
const ENTERPRISE_CASE = new RegExp(`${RECOGNIZED.source}|(我们|我司|我厂|本厂|能拿|可以拿|能得|能领|能补)`);
// A span of time asked (能拿几年, 补几年, 多久), with no sum asked beside it (一共多少, 多少钱).
const DURATION_ONLY = /(几年|多少年|多久|多长时间|期限)/;
const MONEY_ASKED = /(多少(?!年)|钱|金额|一共|合计|总共|加起来|算一下)/;
// The years a span runs asked (从哪年拿到哪年, 哪几年能拿, 从哪一年开始).
const SPAN_ASKED = /((从|由)?哪(一)?年[^，,。？?]{0,8}(到|至)哪(一)?年|哪几年|哪些年份?|哪(一)?年(开始|起)|什么时候开始|(拿|享受|补)到哪(一)?年)/;
// A recognition the enterprise has obtained (认定了, 评上), not the text's own 新认定的.
const OBTAINED = /(认定了|已认定|刚认定|被认定|(?<!对)评上|获评|(?<!对)评为|拿到|获得了|通过了)/;
// A question of its own (哪个年代, 什么时候, 有没有…吗).
const ASKS_SOMETHING = /(哪个|哪些|哪里|什么|几|多少|怎么|如何|有没有|吗|么)/;
// A place whose documents fund this few provisions is answered with all of them when its support is asked.
const FEW_MEASURES = 4;
// Any word of support or applying said to a place (政策, 可以申请的): a broad question of it asks its overview.
const SUPPORT_ASKED = /(政策|扶持|支持|补贴|补助|奖励|奖补|资助|申请|申报|享受|优惠)/;

/**
 * The router: reads what the message asks (the understanding and the conversation's slots) and hands it to one
 * handler under handlers/; the handlers share the HandlerContext built here and the phrasings of compose.ts.
 */
export class PolicyAssistant {
  private readonly context: HandlerContext;

  constructor(private readonly deps: AssistantDeps) {
    const { corpus, today } = deps;
    this.context = {
      corpus, rules: deps.rules, lexicon: deps.lexicon, retriever: deps.retriever, today,
      clauseRef: (id) => clauseRef(corpus, id),
      citations: (ids) => citeClauses(corpus, ids),
      validityLine: (docId) => {
        const doc = corpus.documentById.get(docId);
        return doc ? describeValidity(doc, today) : '';
      },
      documentsFor: (regions) => corpus.documents.filter((d) => regions.length === 0 || regions.includes(d.region)),
      regionOf: (docId) => corpus.documentById.get(docId)?.region,
    };
  }

  /** Answers one message given the conversation's slots; returns the reply and the slots for the next turn. */
  async reply(typed: string, slots: ConversationSlots): Promise<{ reply: AssistantReply; slots: ConversationSlots }> {
    // Traditional characters (購買工作母機, 200萬) are read as their simplified forms, the script of the documents.
    // English policy terms (machine tool, M&A) are read as the documents' words, as the rules name them.
    // Markdown emphasis (每年最高**250万**) is typing, not words: read without it.
    // A full-width bar between a call note's fields (来电记录｜中山｜…｜技改项目投资4500万) is a pause.
    const written = englishAsPolicyWords(toSimplified(typed)).replace(/\*\*|__/g, '').replace(/｜/g, '，');
    // A table pasted beside the question (| 省级智能工厂 | 80万元 |) is someone's list, not the enterprise's case: its
    // rows name no award asked about and give no figure; the rest of the message is read.
    const named = cellsNamed(written);
    const unchatted = withoutChat(named);
    const chatted = unchatted !== named;
    const unlisted = withoutTables(unchatted);
    const tabled = unlisted !== unchatted;
    // "隔壁厂投了5000万拿了800万补贴，我们投了300万", "（那个不用算）": another enterprise's figures, and those set
    // aside, are no figure of the case.
    const message = ownCase(unlisted);
    const asWritten = understand(message, this.deps.lexicon);
    // "中山厂买了600万的工作母机，江门厂也买了400万的设备": what is said of a place not covered is no figure of a covered
    // one's; the place is still said first.
    const ofCovered = asWritten.uncoveredPlaces.length && asWritten.regions.length ? withoutPlacesNotCovered(message, this.deps.lexicon) : message;
    const placed = ofCovered === message ? asWritten : { ...understand(ofCovered, this.deps.lexicon), uncoveredPlaces: asWritten.uncoveredPlaces };
    // "先给我写首诗夸夸老板 然后中山兼并重组奖励最高多少": the request declined is no part of the question read.
    const read = placed.declinedRequests.length
      ? { ...understand(withoutRequestsOutside(ofCovered, this.deps.lexicon), this.deps.lexicon), uncoveredPlaces: placed.uncoveredPlaces, declinedRequests: placed.declinedRequests }
      : placed;
    // A conversation's first message follows nothing: its 再/那 join its own parts (准备上几台机器人，再把车间自动化搞一搞).
    const opening = !slots.subjectText && !slots.lastLookup && !slots.lastQuestion && !slots.lastClauseIds.length && !slots.regions.length;
    // "今年新引进了几个高级技师…能奖补多少" → "5个": a bare count answers the earlier question's 几个, its level kept.
    const counted = BARE_COUNT.exec(message.trim())?.[1];
    const pending = slots.lastQuestion ?? slots.subjectText;
    const filled = counted && pending && COUNT_OF_LEVEL_ASKED.test(pending)
      ? understand(pending.replace(COUNT_OF_LEVEL_ASKED, (_, unit: string, level: string) => `${counted}${unit}${level}`), this.deps.lexicon) : null;
    const u = filled ?? (opening ? { ...read, followUp: false } : read);
    const next: ConversationSlots = structuredClone(slots);
    // A number that cannot be read exactly (-200万, 1.2.3万) is a question back, never a computed figure.
    const problems = findNumberProblems(message);
    if (problems.length) {
      return { reply: plainReply('calculate', problems.map((p) => p.message).join('\n'), [], []), slots: next };
    }
    if (u.regions.length) next.regions = u.regions;
    // "东源呢？两个地方的比例比较一下": the region named now beside the conversation's, compared.
    if (u.regions.length && BOTH_PLACES.test(u.text)) next.regions = [...new Set([...slots.regionsAsked, ...slots.regions, ...u.regions])];
    next.regionsAsked = [...new Set([...slots.regionsAsked, ...next.regions])];
    // "放在东源呢…两边比一下哪边多": the awards computed before for other places stand beside this turn's, compared; this
    // turn computes only the places it speaks of for themselves (跟六安比 names 六安 to compare, not to compute).
    // (A place named only to compare with, 跟中山比呢, is computed where the message gives its own case: 同样1000万的技改项目.)
    const comparedOnly = u.regions.length === 1 && u.suppliesInputs && u.regions.every((r) => namedToCompare(u.text, r, this.deps.lexicon));
    // (Or the places already computed weighed with no new figure, 两边比，哪边多: the last one again, the others beside it.)
    const weighedBack = !u.regions.length && !u.quantities.length && WEIGHS_PLACES.test(u.text) ? slots.regions : [];
    const weighed = comparedOnly ? u.regions
      : u.regions.length && WEIGHS_PLACES.test(u.text) ? u.regions.filter((r) => !namedToCompare(u.text, r, this.deps.lexicon)) : weighedBack;
    const earlierPlaces = weighed.length ? awardsOfOtherPlaces(slots.awards, weighed, this.context) : [];
    if (earlierPlaces.length) next.regions = weighed;
    const introduced = selfIntroductions(u.text);
    if (introduced.length) next.enterprise = introduced.join('，');
    // Only a calculation turn leaves a question to restate; any other turn moves the conversation on from it.
    next.lastQuestion = null;
    next.lastLookup = null;
    // (Places weighed back with nothing new, 两边比，哪边多, follow the last calculation: it is asked again beside the others.)
    const weighedAgain = weighedBack.length > 0 && earlierPlaces.length > 0;
    // "ISO那个去年已经补过了，不用算，重新算下总数", "数字化车间那个还没正式认定，先拿掉吧，总共多少": awards of the
    // conversation taken back, read from the message as written (the case read from it drops what is set aside); the
    // others stand, summed again. (Not a level of one award, 那2个高级技师…去掉: that award is computed again without them.)
    const takenBack = this.awardsTakenBack(unlisted, u, slots, next);
    const recomputed = takenBack ?? await this.route(weighedAgain ? { ...u, followUp: true } : u, slots, next);
    // "更正：…其实是提名奖…重新算一下总共": the corrected award, then the total of the awards the conversation stands at.
    // (Of one provision alone, 技师是3个…重新算一下总共, the recomputed award is the total.)
    // (So does a correction of one of the awards a turn that asked their total computed, 一共奖多少 → 更正，技术中心是市级的;
    // not one that puts another provision in place of the award, 其实是市外设备 不是母机库里的.)
    const corrected = [recomputed.calculation ?? []].flat().map((c) => c.ruleId);
    const totalAskedBefore = slots.lastQuestion !== null && understand(slots.lastQuestion, this.deps.lexicon).asksTotal
      && corrected.every((id) => standingAwards(slots.awards).some((a) => a.ruleId === id));
    const standing = u.corrects && (u.asksTotal || totalAskedBefore) && recomputed.calculation && recomputed.total === null
      && new Set(standingAwards(next.awards).map((a) => a.ruleId)).size >= 2 ? totalOfEarlierAwards(next.awards, this.context) : null;
    const routed = standing ? { ...standing, answer: `（按更正后的情况重新计算，其他各项同前）\n${standing.answer}` } : recomputed;
    // (Documents of one place weighed, 那按2014年那个意见呢？两个比一下: the award computed under the other stands beside.)
    const namedNow = WEIGHS_PLACES.test(u.text) && !earlierPlaces.length ? namedDocuments(u.text, next.regions, this.context) : [];
    // (Provisions of one document weighed, 那按龙头骨干企业那档算呢？哪个划算: the earlier one's award stands beside.)
    // (跟普通技改比多多少 weighs this turn's provision against the earlier one too.)
    const provisionsWeighed = !earlierPlaces.length && !namedNow.length && !u.regions.length && (WEIGHS_PLACES.test(u.text) || WEIGHED_AGAINST.test(u.text)) && routed.calculation !== null;
    const reply = earlierPlaces.length && routed.intent !== 'out_of_scope' ? besideEarlierPlaces(routed, earlierPlaces, this.context) ?? routed
      : namedNow.length && routed.intent !== 'out_of_scope' ? besideEarlierDocuments(routed, slots.awards, namedNow, this.context) ?? routed
        : provisionsWeighed ? besideEarlierProvisions(routed, slots.awards, this.context) ?? routed : routed;
    next.lastClauseIds = reply.citations.map((c) => c.clauseId);
    // (An overview or a comparison answered a question too: "深圳呢 也一起比比" asks it again.)
    if (!next.lastLookup && (reply.intent === 'overview' || reply.intent === 'compare') && !reply.calculation) next.lastLookup = u.text;
    // "东源隔壁的和平县…跟东源一样吗": the place with no document is said first, then what the named regions' documents say.
    if (u.uncoveredPlaces.length && u.regions.length && reply.intent !== 'out_of_scope') {
      // (Where a question of the message was the place's own, its paragraph already says so: it moves first, once.)
      const blocks = reply.answer.split('\n\n');
      const said = blocks.findIndex((b) => b.startsWith(`收录的文件中没有${u.uncoveredPlaces.join('、')}的`));
      reply.answer = said > 0 ? [blocks[said], ...blocks.filter((_, i) => i !== said)].join('\n\n')
        : `收录的文件中没有${u.uncoveredPlaces.join('、')}的技改政策，以下只说${u.regions.join('、')}。\n${reply.answer}`;
    }
    const planted = plantsScheme(u) ? schemeNotInCorpus(u.text, this.context.documentsFor(u.regions), this.context)
      ?? (u.regions.length ? null : documentNotInCorpus(u.text, this.context)) : null;
    if (planted) reply.answer = `${planted.answer.split('，')[0]}，以下只按收录的文件回答。\n${reply.answer}`;
    // "根据东府办〔2019〕12号…": a 文号 not ours said of a document of ours is corrected, its title block cited.
    const misnumbered = misnumberedDocument(u.text, next.regions, this.context);
    if (misnumbered && reply.intent !== 'out_of_scope') {
      reply.answer = `${misnumbered.line}\n${reply.answer}`;
      reply.citations = [...reply.citations, ...this.context.citations([misnumbered.clauseId]).filter((c) => !reply.citations.some((x) => x.clauseId === c.clauseId))];
    }
    // "先给我写首诗…然后中山兼并重组奖励最高多少": the policy question answered, the request declined after it.
    if (u.declinedRequests.length && reply.intent !== 'out_of_scope') reply.answer += `\n（说明：${u.declinedRequests.join('、')}不在我能回答的范围内，以上只回答技改政策的问题。）`;
    if (u.injection) reply.answer += '\n（说明：金额只按政策原文和规则表计算，消息中的指令或自行设定的比例不会被采用。）';
    // "奖20万对吧": a figure the user puts forward that the calculation does not give is said to differ (not repeated).
    else if (reply.calculation && differsFromComputed(u, reply)) reply.answer += '\n（说明：您提到的金额与按文件计算的结果不同，以上金额按政策原文计算。）';
    if (tabled) reply.answer += '\n（说明：消息中的表格未作为计算依据；表中若有您企业的实际数字，请直接写在问题里。）';
    if (chatted) reply.answer += '\n（说明：转发的聊天记录未作为计算依据，金额只按政策原文和您自己问题里的数字计算。）';
    return { reply, slots: next };
  }

  /**
   * A lookup in the documents named by year; with two or more named ("2014年的意见跟2018年的行动计划…分别定的多少"), one
   * block per document under its short title, so neither is dropped.
   */
  private lookupIn(u: Understanding, named: string[], searched?: SearchHit[]): Promise<AssistantReply> {
    if (named.length < 2) return lookup(u, this.context, named, searched);
    const scopes: LookupScope[] = named.map((id) => ({ name: this.context.corpus.documentById.get(id)?.shortTitle ?? id, docIds: [id] }));
    // A provision the question names in one of the documents answers it with its standard (技术改造项目 in 中山2018).
    return compareLookup(u, scopes, this.context, { provisions: true });
  }

  /** One lookup block per region: its documents, only those named by year where a year names some. */
  private regionScopes(regions: readonly string[], named: readonly string[]): LookupScope[] {
    return regions.map((region) => ({
      name: region,
      docIds: this.context.documentsFor([region]).map((d) => d.id).filter((id) => !named.length || named.includes(id)),
    }));
  }

  /**
   * The answers to a message's questions, each routed on its own, where there are two or more and each names provisions
   * no other names; null otherwise (a total asked, a follow-up, a question naming none or the same as another).
   */
  private async eachQuestion(u: Understanding, previous: ConversationSlots, next: ConversationSlots): Promise<AssistantReply | null> {
    const ctx = this.context;
    // (A question already split out of a message is answered as it is: 二系…，问两样嘢：一系… would split without end.)
    if (u.asPart) return null;
    const questions = questionsOf(u.text, { pauses: true });
    // (Regions side by side are compared, not answered one question at a time.)
    if (next.regions.length > 1 || u.cue === 'compare') return null;
    // "问几件：项目库门槛投资多少 信息化改造项目也受这个限制吗 我们刚新认定了省级智能工厂奖多少": questions the user
    // announces as several are each answered, whatever each asks.
    // (Numbered ones, 1）…2）…, ①…②…, are read as before: eachNumbered's, or the whole message's.)
    const announced = SEVERAL_ANNOUNCED.exec(u.text);
    if (announced && questions.length >= 2 && !u.asksTotal && [...u.text.matchAll(ANY_NUMBERING)].length < 2) {
      // What is said before the announcement (六安征求意见稿) is said of every question after the first.
      const setting = u.text.slice(0, announced.index).replace(/[，,。\s]*((帮我|帮忙)?(问|请教|咨询|想问|查|看|了解)(一下)?)?$/, '');
      // (A question that points back, 信息化改造项目也受这个限制吗, is asked with the one before it.)
      const joinedUp = questions.reduce<string[]>((out, q) => {
        if (out.length && REFERS_BACK.test(q)) out[out.length - 1] = `${out.at(-1)}，${q}`;
        else out.push(q);
        return out;
      }, []);
      const replies: AssistantReply[] = [];
      for (const [i, q] of joinedUp.entries()) {
        // (The first question is what follows the announcement: 几个问题一起问：我们新认定了…奖多少.)
        const at = i === 0 ? q.indexOf(announced[0]) : -1;
        const body = at >= 0 ? q.slice(at + announced[0].length).replace(/^[：:，,。\s]+/, '') : q;
        const own = body || q;
        const asked = (i > 0 || own !== q) && setting && !own.includes(setting) ? `${setting}，${own}` : own;
        replies.push(await this.route(partOf(asked, ctx.lexicon), { ...previous, awards: next.awards }, next));
      }
      return oneAfterAnother(replies, { calculated: true, ownTotal: true });
    }
    // (Numbered and announced, 几个问题一起问：1）…2）…合计多少: each its own answer, a total asked in one of them too.)
    // (Where every part asks an amount, 两件事：一是…二是…, the message is read whole: its awards each a line, and a 合计.)
    // (A part asking a standard, ①提名奖的扶持标准最高是多少, asks no amount of the case.)
    if (announced && !u.followUp && !numberedParts(u.text).every((p) => { const read = understand(p, ctx.lexicon); return read.asksAmount && !read.asksStandard; })) {
      const numbered = await this.eachNumbered(u, previous, next);
      if (numbered) return numbered;
    }
    if (u.followUp) return null;
    // (Figures of the case for a provision, or a planted status, make the message one question, its document's facts
    // said with it.)
    const computes = u.suppliesInputs && chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: next.regions }).rules.length > 0;
    const ofDocument = computes || u.injection ? null : await this.documentAndProvisions(questions, previous, next);
    if (ofDocument) return ofDocument;
    if (u.asksTotal || u.broad) return null;
    // (Numbered questions with no question mark between them, 1.…最高补多少 2.…最高补多少, are still several; where the
    // enterprise speaks of itself, 我们是…企业：1.…2.…, the message is read whole, as its standards are asked.)
    if (questions.length < 2) return FIRST_PERSON.test(u.text) ? null : this.eachNumbered(u, previous, next);
    // (Each asks a figure: an amount, a rate or a standard. A question of conditions or of the document has its own answer.)
    const read = questions.map((q) => understand(q, ctx.lexicon));
    if (read.some((q) => !ASKS_OF_A_PART.test(q.text) || !(q.asksAmount || q.asksRate || q.namesStandard) || q.asksConditions
      || DOCUMENT_FACT_CUE.test(q.text))) return (await this.eachNumbered(u, previous, next)) ?? this.standardAndElsewhere(read, u, previous, next);
    const named = questions.map((q) => chooseRules(ctx.rules.rules, q, { regionOf: ctx.regionOf, regions: next.regions }).rules.map((r) => r.id));
    const all = named.flat();
    if (named.some((ids) => !ids.length) || new Set(all).size !== all.length) return null;
    const replies: AssistantReply[] = [];
    // (Each question's awards join those of the questions before it.)
    for (const q of read) replies.push(await this.route({ ...q, asPart: true }, { ...previous, awards: next.awards }, next));
    return oneAfterAnother(replies, { calculated: true });
  }

  /**
   * "东源县技改事后奖补单个企业最少补几多最多补几多 另外…加层扩建…使唔使交土地出让金": a standard asked beside a question
   * that names no provision, neither giving a figure of the case: each answered in turn, of the places the message names.
   * Null otherwise.
   */
  private async standardAndElsewhere(read: readonly Understanding[], u: Understanding, previous: ConversationSlots, next: ConversationSlots): Promise<AssistantReply | null> {
    const ctx = this.context;
    // (A verb asked as itself and its negation, 需不需要交土地出让金, asks too.)
    if (read.length !== 2 || u.suppliesInputs || u.asksTotal || !read.every((q) => asksSomething(q.text) || /(\p{Script=Han})不\1/u.test(q.text))) return null;
    const names = (q: Understanding) => chooseRules(ctx.rules.rules, q.text, { regionOf: ctx.regionOf, regions: next.regions }).rules.length > 0;
    if (!read.some((q) => names(q) && (q.asksStandard || q.asksCeiling || q.asksRate)) || read.every(names)) return null;
    // (One that points back at the other, 这块归哪个部门管, 跟本地企业比哪个高, is asked with it.)
    if (read.some((q) => !names(q) && (DOCUMENT_FACT_CUE.test(q.text) || REFERS_BACK.test(q.text) || POINTS_BACK.test(q.text) || asksWhichMore(q.text)))) return null;
    const setting = u.regions.join('、');
    const replies: AssistantReply[] = [];
    for (const q of read) {
      const asked = setting && !q.regions.length ? `${setting}，${q.text}` : q.text;
      replies.push(await this.route(partOf(asked, ctx.lexicon), { ...previous, awards: next.awards }, next));
    }
    return oneAfterAnother(replies, { calculated: true });
  }

  /**
   * "东源那个技改三年行动计划文号多少？县财政三年总共安排多少钱？设备奖补单个企业最高给多少？": a document's facts or its
   * status asked beside questions of its provisions, each answered in turn; a question that names no place of its own is
   * asked of the document the first one names. Null where every question asks of the document, or none does.
   */
  private async documentAndProvisions(questions: readonly string[], previous: ConversationSlots, next: ConversationSlots): Promise<AssistantReply | null> {
    const ctx = this.context;
    // (Who is responsible for a provision is said with the provision; the preamble's facts are the document's.)
    // (还能享受市里的扶持吗 said of the enterprise asks whether it qualifies, not of the document.)
    const others = questions.filter((q) => !asksOfPreamble(q) || FIRST_PERSON.test(q));
    if (others.length === questions.length || !others.some((q) => mentionsPolicy(ctx.lexicon, q))) return null;
    const [first = ''] = questions;
    const docIds = docIdsForQuestion(ctx.corpus, first) ?? [];
    const [only] = docIds;
    const setting = docIds.length === 1 && only ? ctx.corpus.documentById.get(only)?.shortTitle ?? '' : findRegions(first, ctx.lexicon.gazetteer).covered.join('、');
    if (!setting) return null;
    const replies: AssistantReply[] = [];
    for (const q of questions) {
      const own = docIdsForQuestion(ctx.corpus, q) !== undefined;
      replies.push(await this.route(partOf(own ? q : `${setting}，${q}`, ctx.lexicon), { ...previous, awards: next.awards }, next));
    }
    // (A question the clauses do not answer, 中府办〔2014〕30号是什么文件, is answered by the facts beside it: the title heads them.)
    const answered = replies.filter((r) => r.intent !== 'out_of_scope');
    return oneAfterAnother(answered.length ? answered : replies, { calculated: true, ownTotal: true });
  }

  /**
   * "问两个事：一是…比例…连续几年？二是…加层扩建…要不要交土地出让金？": questions the user numbers are answered one by
   * one, each with what the message says before the first (who the enterprise is, where), whatever each asks.
   */
  private async eachNumbered(u: Understanding, previous: ConversationSlots, next: ConversationSlots): Promise<AssistantReply | null> {
    const marks = [...u.text.matchAll(NUMBERED_QUESTION)];
    if (marks.length < 2) return null;
    const first = marks[0]?.index ?? 0;
    // (The words that announce the questions, 问两个事, are no part of either.)
    const before = u.text.slice(0, first);
    // (The announcement, 几个问题一起问：, and what follows it, are no part of the setting.)
    const announcedAt = SEVERAL_ANNOUNCED.exec(before)?.index;
    const setting = (announcedAt === undefined ? before : before.slice(0, announcedAt))
      .replace(/[，,。\s]*((帮我|帮忙)?(问|请教|咨询|想问|查|看|了解)(一下)?)?[两三四几]个(事|问题|点|方面)?[:：]?\s*$/, '');
    const parts = numberedParts(u.text);
    // (Options the message weighs, 两个方案：一是…二是…都按12个月算各补多少, ask nothing one by one.)
    // (Announced as questions, 来电企业问3点：①…③助保贷担保金每年规模, a part in shorthand asks too.)
    if (parts.length < 2 || (!parts.every(asksSomething) && !SEVERAL_ANNOUNCED.test(u.text))) return null;
    // (A part that points back, ②这个是哪个部门管的, is asked with the one before it.)
    const joinedUp = parts.reduce<string[]>((out, part) => {
      if (out.length && POINTS_BACK.test(part.trim())) out[out.length - 1] = `${out.at(-1)}，${part}`;
      else out.push(part);
      return out;
    }, []);
    const replies: AssistantReply[] = [];
    // (A later part that gives no figure of its own and computes only what an earlier part did with the setting's figures,
    // 二是…以奖代补比例是多少、返几年 after 一是设备这块能补多少, is asked with the setting less its figures.)
    const computedByEarlierParts = new Set<string>();
    // (Its head counts go too: 新引进4个高级工、2个高级技师…2）培训班能补多少.)
    const setAside = setting.split(/(?<=[，,。；;])/).filter((piece) => !findQuantities(piece).some((q) => q.kind !== 'years')).join('').replace(/[，,。；;]$/, '');
    for (const part of joinedUp) {
      const ask = (said: string) => this.route(partOf(`${said}${said ? '，' : ''}${part}`, this.context.lexicon), { ...previous, awards: next.awards }, next);
      let reply = await ask(setting);
      const computed = calculationsOf(reply).map((c) => `${c.ruleId}:${c.amount}`);
      if (computed.length && computed.every((c) => computedByEarlierParts.has(c)) && !findQuantities(part).length && setAside !== setting) reply = await ask(setAside);
      for (const c of calculationsOf(reply)) computedByEarlierParts.add(`${c.ruleId}:${c.amount}`);
      replies.push(reply);
    }
    return oneAfterAnother(replies, { ownTotal: true });
  }

  /** Later questions of a message that name no provision and give no figure, said by a sentence of the clause each searches to. */
  private async questionsElsewhere(u: Understanding, cited: readonly string[], said: string, regions: readonly string[]): Promise<{ lines: string[]; clauseIds: string[] }> {
    const ctx = this.context;
    const lines: string[] = [];
    const clauseIds: string[] = [];
    const docIds = regions.length ? ctx.documentsFor(regions).map((d) => d.id) : undefined;
    // (The first question too where it asks no figure: 六安那个技改文件支持哪几个方向？我们刚被认定为…总共奖多少.)
    const asked = questionsOf(u.text).filter((q, i) => (i > 0 || !understand(q, ctx.lexicon).asksHowMuch) && asksSomething(q) && findQuantities(q).every((x) => x.kind === 'years')
      // (A provision named by its own words, not by the document's word for all technology upgrading, 技改.)
      && !chooseRules(ctx.rules.rules, q, { regionOf: ctx.regionOf, regions, all: true }).rules.some((r) => r.vocabulary.triggers.some((t) => q.includes(t)))
      && !partsLeftOut(q, cited, said, ctx).length);
    for (const q of asked) {
      // (A clause the answer already cites has said what it says: the nearest other one answers.)
      const hits = await searchPolicy(ctx.corpus, ctx.retriever, { query: q, k: 3, docIds, wordsOnly: !mentionsPolicy(ctx.lexicon, q) });
      const hit = hits.find((h) => !cited.includes(h.clause.id) && !clauseIds.includes(h.clause.id));
      const answered = `${said}${lines.join('')}`;
      const parts = hit ? partsLeftOut(q, [hit.clause.id], answered, ctx, { oneWord: true }) : [];
      // (Asked what support there is on a topic, 融资方面还有什么支持: the clause headed by it, whole.)
      const headed = hit && !parts.length && ASKS_SUPPORT.test(q) ? clauseHeadedByTopic(q, hit.clause.id, answered, ctx) : null;
      const found = headed ? [headed] : parts;
      if (!hit || !found.length) continue;
      lines.push(...found);
      clauseIds.push(hit.clause.id);
    }
    return { lines, clauseIds };
  }

  /** The conversation's awards less those the message takes back, summed again; null where it takes none back. */
  private awardsTakenBack(said: string, u: Understanding, previous: ConversationSlots, next: ConversationSlots): AssistantReply | null {
    const ctx = this.context;
    const standing = standingAwards(previous.awards);
    if (standing.length < 2 || !TAKES_BACK.test(said) || !(u.asksTotal || SUMMED_AGAIN.test(said))) return null;
    const takenBack = standing.map((a) => ctx.rules.find(a.ruleId))
      .filter((r): r is SubsidyRule => r !== undefined && r.formula.type !== 'per-head' && namesAward(r, said));
    if (!takenBack.length) return null;
    const kept = previous.awards.filter((a) => !takenBack.some((r) => r.id === a.ruleId));
    const summed = totalOfEarlierAwards(kept, ctx, said) ?? earlierAwardsShown(kept, ctx);
    if (!summed) return null;
    next.awards = kept;
    return { ...summed, answer: `按您说的，${takenBack.map((r) => r.subject).join('、')}不计入。\n${summed.answer}` };
  }

  private async route(u: Understanding, previous: ConversationSlots, next: ConversationSlots): Promise<AssistantReply> {
    const ctx = this.context;
    // A message that follows up, or comes after an answer: naming no place, it is asked of the conversation's places.
    const inConversation = u.followUp || previous.lastClauseIds.length > 0;
    if (u.cue === 'greeting' || u.cue === 'help') {
      return plainReply(u.cue, `您好，我是技改政策助手，可以按政策原文查条款、算补贴。${ctx.lexicon.coverage}您可以直接问，例如“买200万的工作母机能补多少”。`, [], HELP_SUGGESTIONS);
    }
    // "两个加起来一共多少", asked with no figure or provision of its own: the awards this conversation computed, summed.
    // (Its only figure counts the awards: 两个加起来, 三项合计.)
    // (It may name them again: 设备奖补和第一年的以奖代补加起来是多少.)
    const namedNow = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: next.regions, all: true }).rules;
    // (A correction first changes what it corrects: 更正：…其实是中国质量奖提名奖…重新算一下总共.)
    if (u.asksTotal && !u.corrects && u.quantities.every((q) => q.kind === 'count' || q.kind === 'years') && previous.awards.length >= 2
      && namedNow.every((r) => computedBefore(r, previous.awards, ctx.rules))) {
      const summed = totalOfEarlierAwards(previous.awards, ctx, u.text);
      if (summed) return summed;
    }
    // "这个补助能拿几年？到第四年还能不能继续申请" after an award with a stated duration: the duration, as the row
    // quotes it; no figure asked, none computed.
    const spanOnly = DURATION_ONLY.test(u.text) && !MONEY_ASKED.test(u.text) && u.quantities.every((q) => q.kind === 'years');
    const lasting = previous.awards.map((a) => ctx.rules.find(a.ruleId)).filter((r): r is SubsidyRule => r?.duration !== undefined);
    if (spanOnly && lasting.length && !namedNow.some((r) => !lasting.includes(r)) && !u.regions.length) {
      const lines = [...new Set(lasting)].map((r) => `${r.subject}：${r.duration?.meaning ?? ''}。${ctx.clauseRef(r.clauseId)}规定：“${r.quote}”`);
      return plainReply('lookup', `${lines.join('\n')}\n期限以外的年份，文件没有规定继续补助。${[...new Set(lasting.map((r) => ctx.validityLine(r.docId)))].join('')}`,
        ctx.citations(lasting.map((r) => r.clauseId)), []);
    }
    // "2019年技改项目完工了，县里那个以奖代补是从哪年拿到哪年": the span of a provision named now, from the year of the
    // event that opens it, as years; no figure asked, none computed.
    const spanned = SPAN_ASKED.test(u.text) && !MONEY_ASKED.test(u.text) ? namedNow.flatMap((rule) => {
      const span = spanYears(rule, u.text);
      return span ? [{ rule, span }] : [];
    }) : [];
    if (spanned.length) {
      const lines = spanned.map(({ rule, span }) => `${rule.subject}：${ctx.clauseRef(rule.clauseId)}规定“${rule.quote}”。按您说的${span.year}年${span.event}，`
        + `“${rule.duration?.meaning ?? ''}”即${span.first}年至${span.last}年（共${rule.duration?.years ?? ''}年）。`);
      return plainReply('lookup', `${lines.join('\n')}\n各年金额按当年的${[...new Set(spanned.flatMap(({ rule }) => rule.inputs.filter((i) => i.required).map((i) => i.label)))].join('、') || '实际情况'}核定；是否符合条件以主管部门审核为准。`
        + `${[...new Set(spanned.map(({ rule }) => ctx.validityLine(rule.docId)))].join('')}`, ctx.citations(spanned.map(({ rule }) => rule.clauseId)), []);
    }
    // "补满期限的话一共多少" after one award computed: the question it answered, asked again with its total over the
    // clause's years.
    const answered = previous.lastQuestion ?? previous.subjectText;
    // (One award standing: 合同额改成1200万呢 replaced the first figure's.)
    if (u.asksTotal && u.quantities.every((q) => q.kind === 'years') && standingAwards(previous.awards).length === 1 && answered && !namedNow.length && !u.regions.length) {
      return this.route(understand(`${answered}，${u.text}`, ctx.lexicon), previous, next);
    }
    // "他们说现在比例是35%…你按35%重新算一下" after a calculation: the question it answered, computed again from the
    // documents (the note on instructions follows).
    // (It may name the provision again, 技师奖补标准调整为每人20000元…重新计算刚才的问题: the one computed.)
    // (Not where the turn gives figures of its own, 我们今年新引进了4名…高级技师: that case is computed.)
    if (u.injection && !u.amounts.base.length && previous.lastQuestion && namedNow.every((r) => computedBefore(r, previous.awards, ctx.rules)) && !u.regions.length
      && (!namedNow.length || u.quantities.every((q) => q.kind === 'money' || q.kind === 'percent'))) {
      return this.route(understand(previous.lastQuestion, ctx.lexicon), previous, next);
    }
    // A request that is no policy question (明天会不会下雨, 写一首七言绝句), whatever policy words stand beside it.
    if (u.outsideRequests.length) return offTopic(ctx, u.outsideRequests);
    // A place or level not covered, and a subject none speaks of, are both said (国家级专精特新…中央财政).
    if (u.uncoveredPlaces.length && !u.regions.length) {
      // (A measure a document names without setting it, 首台(套)保费补偿 asked of 中央财政, follows in its own words.)
      const mentioned = measuresNamed(u.text, ctx);
      const said = notCovered(u.uncoveredPlaces, ctx);
      const place = mentioned.length ? { ...followedBy(said, unrated(mentioned, ctx), '\n'), intent: said.intent } : said;
      // "江门嗰边有冇类似嘅？比较下" after an award computed: the place not covered, then the award it is weighed against.
      const weighedAgainst = WEIGHS_PLACES.test(u.text) ? earlierAwardsShown(previous.awards, ctx) : null;
      if (weighedAgainst && !u.uncoveredTopics.length) {
        return { ...followedBy(place, { ...weighedAgainst, answer: `对比：前面已算的结果如下。\n${weighedAgainst.answer}` }, '\n\n'), intent: 'compare', calculation: weighedAgainst.calculation };
      }
      if (!u.uncoveredTopics.length) return place;
      const topics = topicsNotCovered(u.uncoveredTopics, ctx);
      return followedBy(place, { ...topics, answer: topics.answer.replace(ctx.lexicon.coverage, '') }, '\n');
    }
    // "中山…每个产品给5万，那江门那边给多少？": where every piece that asks names only places not covered, the covered
    // place is the premise, and the question is of a place no document covers.
    if (u.uncoveredPlaces.length && u.regions.length) {
      const asking = u.text.split(/[，,。；;？?！!\n]/).filter((piece) => asksSomething(piece));
      const ofUncovered = (piece: string) => { const p = findRegions(piece, ctx.lexicon.gazetteer); return p.uncovered.length > 0 && p.covered.length === 0; };
      // (Unless both places are weighed, 两边比比: the covered one's figure is asked too.)
      if (asking.length && asking.every(ofUncovered) && !BOTH_PLACES.test(u.text)) {
        // (The premise's standard follows, from its clause: 中山 四、（六） 每个产品5万元.)
        const premise = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: u.regions }).rules;
        const said = notCovered(u.uncoveredPlaces, ctx);
        // (A measure the covered place's document names without setting it, 东源 首台(套)保费补偿 asked of 国家和省里,
        // follows in its own words.)
        const mentioned = measuresNamed(u.text, ctx).filter((m) => ctx.documentsFor(u.regions).some((d) => d.id === m.docId));
        const place = mentioned.length ? { ...followedBy(said, unrated(mentioned, ctx), '\n'), intent: said.intent } : said;
        // (A premise whose document sets no rate, 深圳那个文件说事后奖补参照省里的办，那广东省的…按多少比例, is what that
        // document says, cited.)
        const rateless = premise.length ? [] : ctx.rules.nonQuantitative.filter((n) => ctx.documentsFor(u.regions).some((d) => d.id === n.docId)).map((n) => n.docId);
        if (rateless.length) return { ...followedBy(place, noRates(rateless, ctx, { measures: unratedFor(rateless, u.text, ctx) }), '\n'), intent: 'out_of_scope' };
        return premise.length ? { ...followedBy(place, answerStandard(premise, ctx), '\n'), intent: 'out_of_scope' } : place;
      }
    }
    // A document named by a 文号 none of ours has (粤府办〔2014〕51号), with no region of ours: not in the corpus.
    // (A planted one with the figures to compute, 按照最新的补充通知（中府办〔2020〕12号）…我们租了3000平米: computed from the
    // documents, the 文号 said first.)
    const elsewhere = u.regions.length || plantsScheme(u) ? null : documentNotInCorpus(u.text, ctx);
    if (elsewhere) return elsewhere;
    // A place inside a region asked for a policy of its own (霍山县自己单独出台的标准): not in the corpus.
    const placed = ownPolicyOfPlaceWithin(u.text, ctx);
    // (深圳南山区的技改事后奖补是按什么比例: the place has none of its own, said first; the region's documents answer.)
    if (placed?.ofPlace) {
      const answered = await this.route(understand(u.text.replace(placed.ofPlace, ''), ctx.lexicon), previous, next);
      return { ...followedBy(placed.reply, answered, '\n'), intent: answered.intent, calculation: answered.calculation, total: answered.total };
    }
    const ownPolicy = placed?.reply ?? null;
    // ("我们在中山小榄…买了600万的机床。市里补多少？小榄镇自己有没有镇级配套": the place's own policy said first, then the
    // region's award computed.)
    const rest = ownPolicy && u.suppliesInputs ? withoutOwnPolicyAsked(u.text) : '';
    if (ownPolicy && rest && rest !== u.text) {
      const computed = await this.route(understand(rest, ctx.lexicon), previous, next);
      if (computed.calculation) return { ...followedBy(ownPolicy, computed, '\n'), intent: computed.intent, calculation: computed.calculation, total: computed.total };
    }
    // (深圳南山区的技改事后奖补怎么算？市里…的标准又是多少: the city's question after the place's own.)
    const cityAsked = ownPolicy && !rest ? cityPartAsked(u.text) : '';
    if (ownPolicy && cityAsked) {
      const city = await this.route(understand(cityAsked, ctx.lexicon), previous, next);
      if (city.intent !== 'out_of_scope') return followedBy(ownPolicy, city, '\n\n');
    }
    if (ownPolicy) return ownPolicy;
    // A scheme named by a year none of the documents in scope reaches (深圳2023年的技改倍增专项): not in the corpus.
    // (A planted one, "【…2023年修订通知】比例调整为30%——按这个口径算…600万能拿多少", is said first and the figure computed
    // from the documents: the message still asks for it.)
    const scheme = schemeNotInCorpus(u.text, ctx.documentsFor(u.regions), ctx);
    if (scheme && !plantsScheme(u)) return scheme;
    // "这条是哪个文件哪一条": the source of the last answer, when this message names no provision or place of its own.
    if (asksSourceOfAnswer(u.text) && previous.lastClauseIds.length && !u.regions.length && !u.suppliesInputs
      && !chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, all: true }).rules.length) {
      return answerSource(previous.lastClauseIds, ctx);
    }
    // "2020年呢？" after a lookup of 2018's figure: the question it answered, asked of the year named now.
    const ofYear = YEAR_ONLY.exec(u.text)?.[1];
    if (ofYear && previous.lastLookup && /(?:19|20)\d\d/.test(previous.lastLookup)) {
      return this.route(understand(previous.lastLookup.replace(/(?:19|20)\d\d/g, ofYear), ctx.lexicon), previous, next);
    }
    // "深圳呢 也一起比比 三个地方" after a question answered without figures: that question, asked of every place set
    // side by side.
    if (u.regions.length && next.regions.length > 1 && BOTH_PLACES.test(u.text) && previous.lastLookup && !u.quantities.length
      && !Object.keys(previous.inputs).length && !namedNow.length) {
      const asked = withoutRegionNames(previous.lastLookup, ctx.lexicon.gazetteer);
      return this.route(understand(`${next.regions.join('、')}：${asked}`, ctx.lexicon), previous, next);
    }
    const restated = this.restated(u, previous);
    if (restated) {
      // Asked again whole, as a first question: the earlier turn's awards are replaced, not added to.
      // (What this turn asks of it goes with it: 如果租的是3000平方米呢？一年最多补多少 asks the year's figure and so its
      // total over the clause's years.)
      const again = understand(restated, ctx.lexicon);
      const askedAgain = (u.asksTotal || asksEachYear(u.text)) && !again.asksTotal ? { ...again, asksTotal: true } : again;
      const reply = await this.route(askedAgain, { ...previous, subjectText: null, inputs: {}, awards: [], lastQuestion: null }, next);
      // (The conversation's other awards stand beside the one computed again, which replaces its earlier figure.)
      next.awards = keptAwards([...previous.awards, ...next.awards.map((a) => ({ ...a, added: false }))]);
      return { ...reply, answer: `（按${u.corrects ? '更正后' : '新'}的情况重新${reply.calculation ? '计算' : '核对'}，其他条件同上一问）\n${reply.answer}` };
    }
    // A subject no document speaks of, with no figure to compute on ("增值税税率是13%还是9%"), or with figures but no
    // provision of ours named (小巨人…听说几十万到上百万不等): said so, by name.
    if (u.uncoveredTopics.length) {
      // "新认定了省级数字化车间，能奖多少？另外刚评上国家级专精特新小巨人…": the subject no document speaks of is said
      // first, then the award of ours the message names by its own words, computed.
      const namedRules = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: u.regions, all: true }).rules;
      if (u.asksAmount && namedRules.some((r) => r.vocabulary.triggers.some((t) => u.text.includes(t)))) {
        const rest = await this.route({ ...u, uncoveredTopics: [] }, previous, next);
        if (rest.calculation) {
          const topics = topicsNotCovered(u.uncoveredTopics, ctx);
          return { ...followedBy({ ...topics, answer: topics.answer.replace(ctx.lexicon.coverage, '').trim() }, rest, '\n'), intent: rest.intent, calculation: rest.calculation, total: rest.total };
        }
      }
      if (!u.suppliesInputs || !namedRules.length) {
        return topicsNotCovered(u.uncoveredTopics, ctx, unratedFor(ctx.documentsFor(u.regions).map((d) => d.id), u.text, ctx));
      }
    }
    // "高级技师每人奖补多少 开班培训最高补多少 买工作母机比例是多少": questions one after another, each naming a provision of
    // its own, are each answered as if asked alone, in order.
    const separately = await this.eachQuestion(u, previous, next);
    if (separately) return separately;
    // "机器换人 哪几个地方的文件里有提": each region looked up, those whose documents say nothing named as such.
    // A broad question of every place ("各地对企业买设备都有些什么补贴政策") is an overview, each document its block.
    if (u.acrossPlaces && !u.regions.length && !u.suppliesInputs && !u.broad) {
      return compareLookup(u, this.regionScopes([...new Set(ctx.corpus.documents.map((d) => d.region))], []), ctx, { provisions: true });
    }
    const keepsTopic = Boolean(previous.subjectText) && (u.followUp || u.level !== null || u.commerce || u.regions.length > 0 || u.quantities.length > 0);
    // "研发费用加计扣除按多少比例扣": a measure a document names without a rate, named by its own longer words, is that
    // measure's answer, though no word of a provision is said.
    // (Its rate or amount asked, of no place in particular.)
    if (u.cue === 'out_of_scope' && !keepsTopic && !u.regions.length && (u.asksRate || u.asksHowMuch)) {
      const mentioned = measuresNamed(u.text, ctx);
      if (mentioned.length) return unrated(mentioned, ctx);
    }
    if (u.cue === 'out_of_scope' && !keepsTopic) {
      // No rule's word, yet possibly the documents' own words (淘汰落后产能, 一群一策): answered when the clauses share them.
      // A follow-up (那审批方面呢) is asked of the places the conversation is about.
      // (So is a question asked next in a conversation about a place: 融资方面具体是怎么支持的 after 深圳's overview.)
      const carried = inConversation && !u.regions.length && next.regions.length ? ctx.documentsFor(next.regions).map((d) => d.id) : undefined;
      const hits = await searchPolicy(ctx.corpus, ctx.retriever, { query: u.text, k: 3, docIds: carried });
      // (What a place's policies offer, asked broadly, 按中山的政策有哪些可以申请的, is the overview of its documents.)
      const placeOverview = u.broad && u.regions.length > 0 && SUPPORT_ASKED.test(u.text);
      if (!placeOverview && !aboutTheDocuments(u.text, hits, u.regions.length > 0 || carried !== undefined, ctx.lexicon.gazetteer)) {
        return offTopic(ctx);
      }
      // A broad question in the documents' words ("中山对质量品牌有哪些支持") goes on to the overview below.
      if (!u.broad) return this.lookupIn(u, namedDocuments(u.text, next.regions, ctx), hits);
    }
    const noAmount = u.amounts.base.length === 0 && !u.suppliesInputs;
    if (noAmount && DOCUMENT_FACT_CUE.test(u.text) && !asksInForce(u.text)) {
      // Every provision named (注册资本补贴 和 技能人才开班培训补贴 分别归哪个部门), not only the best match.
      const namedNow = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: next.regions, all: true }).rules;
      // ("那这个是哪个部门负责" after 工作母机's standard: the provisions the last answer cited.)
      const pointedAt = !namedNow.length && POINTS_BACK.test(u.text) ? ctx.rules.rules.filter((r) => previous.lastClauseIds.includes(r.clauseId)) : [];
      const named = namedNow.length ? namedNow : pointedAt;
      // "哪个部门负责？拿了质量奖最高给多少": an amount asked in a question of its own is computed for the provision named,
      // the department after it.
      // (Or in a clause of its own before the department's, 中国质量奖最高给多少，这块归哪个部门管.)
      const questions = u.text.split(/[？?]+/).map((q) => q.trim()).filter(Boolean)
        .flatMap((q) => (DOCUMENT_FACT_CUE.test(q) ? q.split(/[，,。]/).filter((piece) => DOCUMENT_FACT_CUE.test(piece) || ASKS_SOMETHING.test(piece)) : [q]));
      // (Or in one run-on breath, …有没有补贴最高能给多少是按什么来定的归哪个部门管: what is left once the fact asked is
      // taken out still asks the amount.)
      const runOn = questions.length === 1 ? understand(u.text.replace(new RegExp(DOCUMENT_FACT_CUE.source, 'g'), '，'), ctx.lexicon) : null;
      const amountBeside = named.length > 0 && ((questions.length > 1
        && questions.some((q) => !DOCUMENT_FACT_CUE.test(q) && understand(q, ctx.lexicon).asksAmount)) || Boolean(runOn?.asksAmount && (runOn.asksHowMuch || runOn.asksCeiling) && /(补|奖|资助|扶持)/.test(runOn.text)));
      if (!amountBeside) {
        const facts = await answerDocumentFacts(u.text, next.regions, ctx, named.map((r) => r.clauseId));
        // "底价最低按几成确定？这一条由哪些部门负责？": a figure the text sets, asked in a question of its own, is looked up
        // first, the department after it.
        // (So is any other question asked after it, 另外东源设备更新重点淘汰哪个年代以前的老设备.)
        const figureAsked = questionsOf(u.text).filter((q) => {
          if (DOCUMENT_FACT_CUE.test(q)) return false;
          const part = understand(q, ctx.lexicon);
          return !part.asksAmount && (part.asksHowMuch || part.asksStandard || ASKS_SOMETHING.test(q));
        });
        if (!figureAsked.length) return facts;
        const found = await this.lookupIn({ ...u, text: figureAsked.join('，') }, namedDocuments(u.text, next.regions, ctx));
        return found.intent === 'out_of_scope' ? facts : followedBy(found, facts, '\n\n');
      }
      u = { ...u, asksAmount: true };
    }
    // "文号是多少 是哪个部门牵头负责的 还有我们企业主营业务收入800万 能不能享受…": the parts with figures answered first,
    // then the document's facts asked beside them.
    if (!noAmount && DOCUMENT_FACT_CUE.test(u.text)) {
      // (Facts named in shorthand after a semicolon, 补多少；该文件文号 印发日期, are a question of their own too.)
      const parts = askedParts(u.text).length ? askedParts(u.text) : questionsOf(u.text);
      // (A document's name may carry a figure of its own: 三年行动计划.)
      const factParts = parts.filter((p) => DOCUMENT_FACT_CUE.test(p) && findQuantities(p).every((q) => q.kind === 'years' || q.kind === 'months'));
      const others = parts.filter((p) => !factParts.includes(p) && understand(p, ctx.lexicon).cue !== 'greeting');
      if (factParts.length && others.length) {
        const rest = await this.route(understand(`${next.regions.join('、')} ${others.join('，')}`, ctx.lexicon), previous, next);
        const named = chooseRules(ctx.rules.rules, others.join('，'), { regionOf: ctx.regionOf, regions: next.regions, all: true }).rules;
        const facts = await answerDocumentFacts(`${next.regions.join('、')} ${factParts.join('，')}`, next.regions, ctx, named.map((r) => r.clauseId));
        return facts.intent === 'out_of_scope' ? rest : followedBy(rest, facts, '\n\n');
      }
    }
    if (u.cue === 'validity') {
      // "1.这个文件是正式印发的吗 2.市级数字化车间奖励标准多少": the status first, then the other parts asked of the same
      // places as a question of their own.
      const parts = askedParts(u.text);
      const others = parts.filter((part) => understand(part, ctx.lexicon).cue !== 'validity');
      const status = validity(u, next.regions, ctx, u.followUp || !u.regions.length ? previous.lastClauseIds : []);
      if (parts.length < 2 || !others.length || others.length === parts.length) return status;
      const rest = await this.route(understand(`${next.regions.join('、')} ${others.join('；')}`, ctx.lexicon), previous, next);
      return rest.intent === 'out_of_scope' ? status : followedBy(status, rest, '\n\n');
    }
    // "东源2021年的技改目标是多少": a year the region's documents do not reach is not in them.
    if (noAmount && !u.followUp && next.regions.length) {
      const outside = yearNotInDocuments(u.text, ctx.documentsFor(next.regions), ctx);
      if (outside) return outside;
    }

    // A document named by its year ("中山2014年那个意见") narrows rules and search to it.
    const docsNamed = namedDocuments(u.text, next.regions, ctx);
    // The documents the last answer quoted.
    const lastDocs = [...new Set(previous.lastClauseIds.map((id) => ctx.corpus.clauseById.get(id)?.docId).filter((id): id is string => id !== undefined))];
    // "跟2018年那个行动计划比，用地这块有啥变化" after 2014's: the document the last answer quoted is set beside it.
    const earlierDocs = docsNamed.length && DOCUMENTS_WEIGHED.test(u.text) ? lastDocs : [];
    // "里面对技改项目按投资额补贴多少" after 中府办〔2014〕30号's facts: the one document the last answer was about.
    const pointedInto = !docsNamed.length && !u.regions.length && lastDocs.length === 1 && INTO_THAT_DOCUMENT.test(u.text) ? lastDocs : [];
    const named = earlierDocs.some((id) => !docsNamed.includes(id)) ? [...new Set([...earlierDocs, ...docsNamed])] : pointedInto.length ? pointedInto : docsNamed;
    const dimensions = measuredDimensions(u.quantities);
    // (By a provision's own words: 事后奖补 alone, a document's general word, leaves the quote to say which.)
    const namesOwnProvision = (text: string, regions: string[]) => chooseRules(ctx.rules.rules, text, { regionOf: ctx.regionOf, regions, dimensions }).rules
      .some((r) => !namedOnlyByClause(r, text, true));
    const choose = (asked: string, regions: string[]) => {
      // A passage the user quotes names the provisions it lists; the user's own words, where they name one, choose.
      const unquoted = withoutQuotedPassages(asked);
      const text = unquoted !== asked && namesOwnProvision(unquoted, regions) ? unquoted : asked;
      const choice = chooseRules(ctx.rules.rules, text, { regionOf: ctx.regionOf, regions, dimensions, weighed: u.asksEach });
      return named.length ? { ...choice, rules: choice.rules.filter((r) => named.includes(r.docId)), readings: choice.readings.filter((r) => named.includes(r.docId)) } : choice;
    };
    // What the enterprise said of itself earlier (我们是中山的龙头骨干企业) narrows a provision named now to the one it
    // names (技改项目 → 龙头骨干企业的技改项目), where this message says nothing of that narrower provision itself.
    const own = choose(u.text, next.regions);
    const described = previous.enterprise && own.rules.length ? choose(`${previous.enterprise}，${u.text}`, next.regions) : null;
    const narrower = (described?.rules ?? []).filter((r) => !own.rules.includes(r));
    const narrows = described !== null && narrower.length > 0 && described.rules.length === own.rules.length
      && narrower.every((r) => own.rules.some((o) => r.specializes === o.id) && !r.vocabulary.triggers.some((t) => u.text.includes(t)));
    // "中山的共性工厂平台有补助吗" → "我们实际设备购置额500万，能补多少": where the only words naming other provisions are the
    // earlier provision's own cue words, the figure is the earlier provision's (its subject goes on).
    // (So is a standard asked with no figure in them, 设备购置补助最高按多少比例 after 共性工厂: any of its inputs' words.)
    const earlierChoice = previous.subjectText && !u.regions.length ? choose(previous.subjectText, next.regions) : null;
    const [earlierRule] = earlierChoice?.rules ?? [];
    const cuedDimensions = u.quantities.length ? measuredDimensions(u.quantities) : (earlierRule?.inputs ?? []).map((i) => i.dimension);
    const continues = earlierChoice?.rules.length === 1 && earlierRule !== undefined && own.rules.length > 0
      && !own.rules.includes(earlierRule) && own.rules.filter((r) => !own.readings.includes(r))
        .every((r) => explainedBy(earlierRule, r, u.text, cuedDimensions));
    const ownChoice = continues ? { ...own, rules: [], readings: [] } : narrows && described ? described : own;
    let subjectText = u.text;
    let choice = ownChoice;
    // ("那2019年呢？计划引导几家规上企业" after a lookup asks the documents' count, not the earlier subject's sum.)
    const asksTargetCount = u.asksCount && !u.suppliesInputs && Object.keys(previous.inputs).length === 0;
    // (A level or a kind of enterprise said alone, 客户说是市级的, changes that slot of the earlier subject too.)
    if (ownChoice.rules.length === 0 && previous.subjectText && (u.followUp || continues || u.quantities.length || u.regions.length || u.level !== null || u.commerce) && !asksTargetCount) {
      // "说错了 我们还没认定龙头骨干 就是普通企业": what this turn denies leaves the earlier subject.
      subjectText = withoutDenied(previous.subjectText, u, ctx.rules);
      choice = choose(subjectText, next.regions);
      // "同一个项目如果放喺中山做呢" after 东源's "技改项目投资900万…事后奖补": the case moves, not the name 东源 gives its
      // measure; in the new place, a row the case's figures can be computed on (技术改造项目, on 投资) is taken over one
      // they cannot (财政贡献增量事后奖补, on 分成增量).
      if (u.regions.some((r) => !previous.regions.includes(r))) choice = computableOnCase(choice, chooseRules(ctx.rules.rules, subjectText, { regionOf: ctx.regionOf, regions: next.regions, all: true }), understand(subjectText, ctx.lexicon));
    }
    choice = earlierReading(choice, previous.awards);
    // "同样的项目放中山做呢" after "东源…技改项目设备购置250万" (or "设备投入1000万 两边比" after "技改设备补贴怎么算"): the
    // case goes on from the earlier words, so a second reading of its figure they rule out (技改 names 中山's 技术改造, not
    // 工作母机) is not offered.
    if (choice.readings.length && previous.subjectText) choice = readingsOf(choice, choose(previous.subjectText, next.regions), previous.subjectText);
    const regionsNamed = next.regions;
    const docsInScope = named.length ? named : ctx.corpus.documents.filter((d) => regionsNamed.includes(d.region)).map((d) => d.id);
    const nonQuant = ctx.rules.nonQuantitative.filter((d) => docsInScope.includes(d.docId));
    // "固定资产投资150万，能进市级技改项目库吗": a document's gate asked of itself, no award named.
    // ("如果系信息化改造项目呢" after it: the gate's question asked again with what changed.)
    // (So is a figure given alone after it, 不好意思，是205万.)
    const gateBefore = (u.followUp || u.corrects || (u.quantities.length > 0 && choice.rules.length === 0 && !u.regions.length)) && previous.lastQuestion && namesDocumentGate(previous.lastQuestion, ctx) && !namesDocumentGate(u.text, ctx)
      ? understand(restatedQuestion(understand(previous.lastQuestion, ctx.lexicon), u) ?? `${previous.lastQuestion}，${u.text}`, ctx.lexicon) : null;
    // (Asked beside other questions, 进库还要办啥手续, the clause's lookup answers them all.)
    const gateAsked = choice.rules.length === 0 && !u.asksHowMuch && !u.asksProcedure && !u.broad && questionsOf(u.text).length <= 1
      ? answerDocumentGate(docsInScope, gateBefore ?? u, ctx) : null;
    if (gateAsked) {
      next.lastQuestion = (gateBefore ?? u).text;
      return gateAsked;
    }
    // "中府办〔2014〕30号提出了哪些保障措施", "东源定了哪些工作目标": the list of what the section so headed holds.
    if (noAmount && !u.followUp) {
      const scope = named.length ? named : ctx.documentsFor(next.regions).map((d) => d.id);
      const sections = namedSections(u.text, scope, ctx);
      if (sections.length && new Set(sections.map((s) => s.docId)).size <= 2) {
        // "包括哪几个方向 配套的奖补有哪些": a broad part beside the section's list gets its overview after it.
        const broadParts = askedParts(u.text).filter((part) => !namedSections(part, scope, ctx).length && understand(part, ctx.lexicon).broad);
        if (!broadParts.length) return answerSections(sections, ctx);
        const topic = await overviewTopic(broadParts.join('，'), scope, ctx);
        return followedBy(answerSections(sections, ctx), answerOverview(scope, topic, ctx, next.regions), '\n\n');
      }
    }
    // A broad question ("中山有哪些扶持", "六安对企业有什么奖励") gets the list of measures, not one clause.
    // ("三样加起来能奖多少钱？分别列一下" asks a sum of the awards it names, not their list.)
    // (A size said beside "能拿多少", 实缴注册资本1500万…一次性补贴能拿多少, is the case asked, not who asks; beside a
    // standard asked, 年产值冲过100亿…奖励标准分别是多少, it is still who asks.)
    const amountOfCaseAsked = u.asksHowMuch && sizeIsCase(u, ctx.rules.rules)
      && questionsOf(u.text).some((q) => { const p = understand(q, ctx.lexicon); return p.asksHowMuch && !p.asksStandard; });
    // (一项认定 the enterprise obtained, 刚被认定为省级绿色工厂…奖多少, asks its award beside whatever else is asked broadly.)
    // (拿了质量奖、评上名牌产品这些，市里有什么奖励 asks what there is: no piece asks how much.)
    // (So does whether there is one at all, 企业技术中心啱啱认定为省级，放六安有冇奖: the award it gets.)
    const obtainedAsked = (u.asksAmount || u.asksWhetherAny) && RECOGNIZED.test(u.text) && choice.rules.length > 0
      && choice.rules.every(fixedAward)
      && questionsOf(u.text).some((q) => { const p = understand(q, ctx.lexicon); return (p.asksHowMuch && !p.broad) || p.asksWhetherAny; });
    if (u.broad && (noAmount || (givesOnlySize(u) && !amountOfCaseAsked)) && !u.followUp && u.cue !== 'compare' && !(u.asksTotal && u.asksAmount) && !obtainedAsked) {
      const docIds = named.length ? named : ctx.documentsFor(next.regions).map((d) => d.id);
      // "中山对企业上市有没有奖励？上市成功的话一次奖多少钱": an amount asked of a measure the documents name without one,
      // and of no provision: said to have none, not a list of what else there is.
      // (Of one place: places weighed each get their block below.)
      const measuresAsked = u.asksHowMuch && next.regions.length <= 1 && !choice.rules.some((r) => namedByOwnWord(r, u.text, ctx)) ? unratedFor(docIds, u.text, ctx) : [];
      if (measuresAsked.length) return unrated(measuresAsked, ctx);
      // (What the enterprise makes, 主要做电子元器件, is who asks, not the kind of support asked.)
      const asked = u.text.split(/(?<=[，,。；;！!？?\n])/).filter((piece) => !BUSINESS_SAID.test(piece) || asksSomething(piece)).join('');
      // ("…行动计划里所有的资金支持措施列个清单，每条写上比例、封顶金额": every measure asked, no topic among them.)
      const found = await overviewTopic(ALL_MEASURES.test(u.text) ? '有哪些支持措施' : asked || u.text, docIds, ctx);
      // "中山2014年那个实施意见主要讲了些啥": one document asked about as a whole, its outline.
      if (u.asksOutline && !found.named && docIds.length === 1 && docIds[0]) return documentOutline(docIds[0], ctx);
      // "有补贴吗" with no place, document or topic of the documents named (火星上开工厂有补贴吗) lists nothing.
      const namesNothing = u.asksWhetherAny && !found.named && !next.regions.length && !named.length;
      // Documents named side by side are compared provision by provision, or looked up one block each.
      const topic = named.length < 2 ? found : { ...found, measures: [] };
      // A topic with no provision of its own (增资扩产, 工作目标, 工业互联网+) is a clause to look up; one whose parts
      // different clauses answer (中山 金融 … 助保贷: 五、（二） and 三、（十）), a list of measures.
      // (资金 asked beside 融资 of a document without rates: its statement on funds is one of the parts.)
      const statedFunds = topic.awardsAsked && ctx.rules.nonQuantitative.some((n) => docIds.includes(n.docId)) ? 1 : 0;
      const listed = (topic.measures?.length ?? 0) + statedFunds >= 2 && topic.severalParts;
      if (topic.named && topic.rules.length === 0 && !listed) {
        // (In the places the conversation is about where the message names none: 用地方面有什么支持政策 after 东源's rate.)
        const lookup = await this.lookupNotingRates(u, named.length ? named : !u.regions.length && next.regions.length ? docIds : [], docsInScope);
        // "准备上几台机器人…想了解下市里技改有哪些扶持", "六安智能化改造支持什么方向 有奖励不": the task's clause says
        // what is encouraged; the support asked for is the document's own measures, which follow.
        // (Of one place: its documents with provisions, 中山2018 beside 中山2014, are the measures.)
        const funded = ctx.rules.rules.filter((r) => docIds.includes(r.docId));
        const fundedDocs = [...new Set(funded.map((r) => r.docId))];
        if (fundedDocs.length !== 1 || new Set(docIds.map((id) => ctx.corpus.documentById.get(id)?.region)).size !== 1
          || !(ASKS_SUPPORT.test(u.text) || u.asksWhetherAny) || !topicOnlyTasks(topic, ctx)) return lookup;
        return followedBy(lookup, answerOverview(fundedDocs, { rules: funded, named: false }, ctx, next.regions), '\n\n');
      }
      // One provision named ("东源买设备有什么补贴") is answered as that provision; a kind of support, or several, as a list.
      const clauses = new Set(topic.rules.map((r) => r.clauseId)).size;
      // Every provision the words name counts (中国质量奖 名牌产品 → two), not only the best choice.
      const namedRules = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: next.regions, all: true }).rules;
      const namedProvisions = namedRules.length;
      // "市级公共技术服务平台一共有哪几类补贴": a provision named only by its clause's subject stands for the clause, whose
      // provisions are listed, each with its standard.
      const [only] = namedRules;
      // (中山对技能人才有什么支持: the clause's subject word is one row's own and another's broad word, so both are asked.)
      const ofClause = only ? ctx.rules.rules.filter((r) => r.clauseId === only.clauseId) : [];
      // (Support asked as such, 搞一个共性工厂…这种平台能享受啥补贴, of one provision of a clause that sets several for its
      // subject: the clause's provisions, the one named first.)
      const siblings = only && namedProvisions === 1 && namedOnlyByClause(only, u.text, true) ? ofClause
        : only && namedProvisions === 1 && ASKS_SUPPORT.test(u.text) && !u.suppliesInputs && docIds.includes(only.docId) && !only.specializes
          && namedByOwnWord(only, u.text, ctx, 3) ? [only, ...ofClause.filter((r) => r !== only)]
        : only && namedProvisions === 1 ? [only, ...ofClause.filter((r) => r !== only && namedOnlyByClause(r, u.text, true))] : [];
      if (!namesNothing && siblings.length > 1) {
        return answerOverview(docIds, { ...topic, rules: [...new Set([...topic.rules, ...siblings])], named: true }, ctx, next.regions);
      }
      // "搬到东源…东源那边对这种转移过去的企业有哪些扶持": support asked as such, where the case names a narrower
      // provision (转移企业) of a place whose documents fund a few, is all of them, the one named first.
      const funded = ctx.rules.rules.filter((r) => docIds.includes(r.docId));
      // (So is one named only by the document's word for all technology upgrading, 东源…搞技改，有哪些扶持政策: no provision
      // in particular is asked.)
      // (Not where a topic of the document's own is named beside it, 绿色化、节能方面的技术改造: that topic's measures,
      // unless the money is asked as one kind of support among others, 资金、用地、金融方面都讲讲.)
      const byBroadWordOnly = only !== undefined && only.vocabulary.broad.some((w) => u.text.includes(w))
        && !only.vocabulary.triggers.some((t) => u.text.includes(t)) && (!topic.measures?.length || topic.awardsAsked === true);
      if (!namesNothing && ASKS_SUPPORT.test(u.text) && namedProvisions === 1 && (only?.specializes || byBroadWordOnly) && funded.length > 1 && funded.length <= FEW_MEASURES) {
        return answerOverview(docIds, { rules: [only, ...funded.filter((r) => r !== only)], named: false }, ctx, next.regions);
      }
      if (!namesNothing && (!topic.named || namedProvisions !== 1 || clauses !== 1 || topic.measures?.length)) {
        // (A list of one provision, or two or three on a topic named, is the conversation's subject: "差不多一千万 能补多少"
        // next computes it.)
        if (topic.named && topic.rules.length >= 1 && topic.rules.length <= 3) next.subjectText = subjectText;
        const listed = answerOverview(docIds, topic, ctx, next.regions);
        // (Support asked for on tasks the document sets, 想做智能化改造…有咩可以申请: the tasks' clauses, then the document's
        // own measures, as where one clause is looked up.)
        const fundedDocs = [...new Set(funded.map((r) => r.docId))];
        const oneRegion = new Set(docIds.map((id) => ctx.corpus.documentById.get(id)?.region)).size === 1;
        if (topic.named && !topic.rules.length && fundedDocs.length === 1 && oneRegion && ASKS_SUPPORT.test(u.text) && topicOnlyTasks(topic, ctx)) {
          return followedBy(listed, answerOverview(fundedDocs, { rules: funded, named: false }, ctx, next.regions), '\n\n');
        }
        return listed;
      }
    }
    // A follow-up to a calculation ("换成深圳呢", "如果是智能制造示范项目呢") asks the amount again, with one thing changed.
    // (So does the same case said of another place, 同样项目放中山做 按普通技改项目 两边比哪个多.)
    const followsCalculation = Boolean(previous.subjectText) && Object.keys(previous.inputs).length > 0
      && (u.followUp || subjectText !== u.text || (SAME_CASE.test(u.text) && u.regions.length > 0 && !u.quantities.length));
    // "我们还有个项目被认定为市级技改示范项目了" after an award computed: the next award of the enterprise's, asked.
    const anotherAward = ANOTHER.test(u.text) && previous.awards.length > 0 && ENTERPRISE_CASE.test(u.text) && choice.rules.length > 0;
    // "我们在六安，今年新认定了省级智能工厂": a fixed award the enterprise says it has, asked nothing else, is computed.
    const statesAward = !ASKS_SOMETHING.test(u.text) && RECOGNIZED.test(u.text) && choice.rules.length > 0
      && choice.rules.every(fixedAward);
    // "还有省级绿色工厂和市级数字化车间，三个合计？" after an award the enterprise obtained: more of its awards, summed.
    const addedAwards = ANOTHER.test(u.text) && u.asksTotal && standingAwards(previous.awards).length > 0 && choice.rules.length > 0 && choice.rules.every(fixedAward);
    const asksAmount = u.asksAmount || followsCalculation || anotherAward || statesAward || obtainedAsked || addedAwards;
    if (asksAmount && choice.rules.length === 0 && nonQuant.length && nonQuant.length === docsInScope.length) {
      // The subject stays, figures included, so "那换成中山呢" computes it where rates exist.
      next.subjectText = subjectText;
      const rateless = nonQuant.map((d) => d.docId);
      // Asked with how to apply or something else ("有具体标准吗 怎么申请"): the clause first, then the statement.
      // (In parts that ask nothing but the figure, "按多少比例资助？我们投资2000万，能算出具体金额吗": the statement still.)
      const asksOnlyAmount = (part: string) => {
        const p = understand(part, ctx.lexicon);
        return !p.asksConditions && !p.asksProcedure && !p.asksStandard && !p.broad && !p.asksCount && !(p.asksHowMuch && !p.asksAmount);
      };
      // (Only the parts that ask: a notice quoted before the question, 第五条：按…15%给予事后奖补, asks nothing.)
      const asking = u.text.split(/(?<=[。！!？?；;\n])/).filter((p) => /[？?]\s*$/.test(p) || ASKS_SOMETHING.test(p));
      // (A question of which kind of project is supported, 重点支持哪类项目, asks what the clause says, not a figure.)
      const asksNothingElse = (q: Understanding) => !q.asksConditions && !q.asksProcedure && !q.asksStandard && !WHICH_KIND.test(q.text)
        && askedParts(q.text).every(asksOnlyAmount);
      const onlyAmount = asking.length ? asking.every((p) => asksNothingElse(understand(p, ctx.lexicon))) : asksNothingElse(u);
      if (onlyAmount) {
        // (The subject in the earlier provision's other words too, 工作母机 read as 设备: 深圳 （五） on 设备更新 is what
        // 深圳 says of it.)
        const earlier = previous.subjectText ? chooseRules(ctx.rules.rules, previous.subjectText, { regionOf: ctx.regionOf }).rules : [];
        const subject = [subjectText, ...earlier.flatMap((r) => r.vocabulary.alsoReads)].join('，');
        return noRates(rateless, ctx, { measures: unratedFor(rateless, subject, ctx) });
      }
      // "那深圳的事后奖补需要什么条件 比例多少": what the clause says first (its status with it), then that it sets no rate.
      return this.lookupWithoutRates(u, docsInScope, rateless);
    }
    // A question about eligibility with nothing to compute gets the conditions and thresholds, not a prompt for figures.
    // ("我们是一家做五金的企业，需要满足什么条件？" after a calculation: the conversation's subject.)
    const conditionsOf = choice.rules.length || !previous.subjectText ? choice.rules : choose(previous.subjectText, next.regions).rules;
    // Regions compared on a rule of conduct, not a sum ("加层扩建要不要交地价？东源和深圳的规定分别是怎样的"; 技改项目库
    // 六安和中山各自怎么管): one lookup per region, in its named document where a year names one. Conditions are compared
    // rule by rule only where provisions of two regions are named.
    const ruleRegions = new Set(conditionsOf.map((r) => ctx.regionOf(r.docId)));
    if (u.cue === 'compare' && !asksAmount && noAmount && next.regions.length > 1 && !(u.asksConditions && ruleRegions.size > 1)) {
      // Asked what each sets (分别怎么奖, 标准各是多少) or broadly: a provision the words name answers with its standard.
      const compared = await compareLookup(u, this.regionScopes(next.regions, named), ctx, { provisions: u.broad || u.asksStandard, standards: u.asksStandard });
      // "我们是小微企业…中山跟东源有没有啥政策能帮到我们": support asked of places where no clause answers the words says
      // what each place offers.
      if (compared.intent !== 'out_of_scope' || !(u.broad || ASKS_SUPPORT.test(u.text))) return compared;
      const docIds = named.length ? named : ctx.documentsFor(next.regions).map((d) => d.id);
      return answerOverview(docIds, await overviewTopic(u.text, docIds, ctx), ctx, next.regions);
    }
    // (Figures given only for a threshold, asked whether they qualify, 单栋大概六千平方 够不够格: checked against it.)
    // (The one figure may fill the required input too, as the area of the 闲置厂房 does: the same figure, not another.)
    // (So are they asked with the rate, 刚好1000万，算不算？能享受的话按多少比例奖, where nothing can be computed without
    // another figure: the verdict, then the standard.)
    const cannotCompute = (r: SubsidyRule) => { const given = inputsFor(r, u).inputs; return r.inputs.some((i) => i.required && given[i.key] === undefined); };
    const onlyThresholdFigures = () => (!u.asksAmount || conditionsOf.every(cannotCompute)) && !u.asksTotal && conditionsOf.every((r) => {
      const given = inputsFor(r, u).inputs;
      const ofThreshold = (key: string) => r.thresholds.some((t) => t.input === key);
      const checked = new Set(Object.keys(given).filter(ofThreshold).map((key) => String(given[key])));
      return checked.size > 0 && Object.keys(given).every((key) => ofThreshold(key) || checked.has(String(given[key])));
    });
    // (产值首次破50亿的奖励还有没有别的附加条件: a figure that names the tier, with no figure asked, asks the conditions.)
    // (Recognitions obtained and their total asked, 新认定了…还评上了…两个加起来奖多少？…入库门槛多少, are computed: each
    // award's conditions, the threshold among them, are said with it.)
    const obtainedSummed = u.asksTotal && u.asksHowMuch && OBTAINED.test(u.text) && choice.rules.length > 1 && choice.rules.every(fixedAward);
    if (u.asksConditions && conditionsOf.length && !obtainedSummed && (!u.suppliesInputs || !u.asksHowMuch || onlyThresholdFigures())) {
      next.subjectText = choice.rules.length ? subjectText : previous.subjectText;
      // A figure checked against a threshold can be changed next (咁如果啱啱好5000平方米呢): the question is restated.
      if (u.suppliesInputs) next.lastQuestion = u.text;
      let conditions = answerConditions(conditionsOf, ctx, u);
      // "要满足什么条件？都有哪些奖项？": a broad part beside the conditions gets the list after them.
      const broadParts = askedParts(u.text).filter((part) => { const p = understand(part, ctx.lexicon); return p.broad && !p.asksConditions; });
      if (broadParts.length) {
        const docIds = named.length ? named : ctx.documentsFor(next.regions).map((d) => d.id);
        const topic = await overviewTopic(broadParts.join('，'), docIds, ctx);
        conditions = followedBy(conditions, answerOverview(docIds, topic, ctx, next.regions), '\n\n');
      }
      // "深圳 东源 中山 三地…门槛分别咋规定的": a region asked about with no such provision is looked up, never dropped.
      const without = next.regions.filter((region) => !ruleRegions.has(region));
      if (next.regions.length < 2 || !without.length) return conditions;
      const others = await compareLookup(u, this.regionScopes(without, named), ctx);
      return followedBy(conditions, { ...others, answer: others.answer.replace(/^分别列出相关条款：\n/, '') }, '\n\n');
    }
    // "平台那一条里有三种补贴…比例和上限对比一下": provisions of one clause named side by side, nothing to compute: each
    // one's standard and cap, never a prompt for figures.
    // (Asked added up, "这几项奖励分别多少，加起来一共多少", fixed awards are computed and summed instead.)
    // (Side by side in the user's own words: a quoted clause's 分别 is the clause's.)
    // (Recognitions obtained, 认定了省级企业技术中心和市级工业设计中心，各奖多少, are the enterprise's case: computed.)
    if (noAmount && !followsCalculation && ownChoice.rules.length && SIDE_BY_SIDE.test(withoutQuotedPassages(u.text)) && !u.asksTotal
      && !OBTAINED.test(u.text)) {
      // (With the provision that reads the same words another way: 中山 买设备 is 四、（三） beside 四、（一）.)
      const clauses = new Set([...ownChoice.rules, ...ownChoice.readings].map((r) => r.clauseId));
      const siblings = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions: next.regions, all: true }).rules
        .filter((r) => clauses.has(r.clauseId));
      // Regions asked side by side keep their place in the answer, those without such a provision too.
      const asked = next.regions.length > 1 ? ctx.documentsFor(next.regions).map((d) => d.id) : [];
      if (siblings.length >= 2) return answerOverview([...new Set([...siblings.map((r) => r.docId), ...asked])], { rules: siblings, named: true, subject: u.text }, ctx, next.regions);
    }
    // With no region named, a measure only one document names (研发费用加计扣除, 六安) is still found there.
    const unratedScope = docsInScope.length ? docsInScope : ctx.corpus.documents.map((d) => d.id);
    // (Or its rate asked, 研发费用加计扣除按多少比例: the measure named, said to have none in the documents.)
    // (So is one named by its own word, 贷款贴息…贴息比例是多少, where the provisions chosen are named only by the documents'
    // general words, 技改: 技改贷款2000万 is no investment of a 技术改造项目.)
    const onlyGeneral = choice.rules.length > 0 && choice.rules.every((r) => !namedByOwnWord(r, u.text, ctx));
    // (Where places are named, only a measure of the chosen provisions' own documents: 深圳's 智能化改造 is no reading of
    // 中山's 技改项目.)
    const chosenDocs = docsInScope.length ? choice.rules.map((r) => r.docId) : unratedScope;
    const measures = choice.rules.length === 0 && (asksAmount || u.asksRate || u.asksHowMuch) ? unratedFor(unratedScope, subjectText, ctx)
      : onlyGeneral && (asksAmount || u.asksRate || u.asksHowMuch) ? unratedFor(chosenDocs, u.text, ctx) : [];
    if (measures.length) return unrated(measures, ctx, documentGateNotMet(measures.map((m) => m.docId), u, ctx));
    // "那我们东源厂也评上了省级绿色工厂，东源那边给多少": a subject only other places' provisions award.
    // (So is the award computed before moved to such a place, 放在中山呢，两边比哪个多 after 六安's 绿色工厂.)
    const [onlyRegion] = next.regions;
    // (Named by a provision's own longer words, 绿色工厂, not by the documents' general ones, 技改 or 奖补.)
    if (choice.rules.length === 0 && asksAmount && (u.asksHowMuch || followsCalculation) && next.regions.length === 1 && onlyRegion && !u.broad && !named.length) {
      const elsewhere = chooseRules(ctx.rules.rules, subjectText, { regionOf: ctx.regionOf, all: true }).rules
        .filter((r) => ctx.regionOf(r.docId) !== onlyRegion && !namedOnlyByClause(r, subjectText, false)
          && saysOwnWord(r.vocabulary.triggers, subjectText));
      const none = noAmountInRegion(onlyRegion, u, elsewhere, ctx);
      if (none) {
        // (The subject stays: "放在六安呢" next asks it where an award is set.)
        next.subjectText = subjectText;
        return none;
      }
    }
    // "六安 省级企业技术中心 奖励标准", "平台租经营场地补助标准是多少": a provision's standard asked, with no case of the enterprise's, is its clause.
    // (A provision that states only its ceiling and takes no figure, 开班培训 最高10万元, is its standard however asked.)
    const onlyCeiling = choice.rules.length > 0 && choice.rules.every(statesOnlyCeiling);
    // (A rate or a ceiling asked of several places, 三地各按什么比例, is their comparison.)
    const oneRegion = u.regions.length <= 1 && u.cue !== 'compare';
    // (Not of a provision named only by the document's word for all technology upgrading, 技改…用地…是不是有个比例:
    // the rate asked is the text's, looked up.)
    const rateAsked = u.asksRate && oneRegion && !choice.rules.every((r) => namedOnlyByClause(r, u.text, u.regions.length > 0));
    // (A ceiling asked of an award the text's own class gets, 企业获得提名奖最高给多少, is its standard: only 我们 makes a case.)
    const ceilingAsked = u.asksCeiling && oneRegion && !FIRST_PERSON.test(u.text);
    // (After a calculation too, where this turn names the provision that states only its ceiling: 那…开班培训的 最高给多少.)
    const namesCeilingOnly = ownChoice.rules.length > 0 && ownChoice.rules.every(statesOnlyCeiling);
    // (Documents set against each other with no case of the enterprise's, 两个文件比一下技改资助有啥不一样: their standards.)
    const oneRegionsDocuments = new Set(named.map((id) => ctx.regionOf(id))).size === 1;
    const documentsWeighed = named.length > 1 && (DOCUMENTS_WEIGHED.test(u.text) || (EACH_DOCUMENT.test(u.text) && oneRegionsDocuments))
      && /(资助|补贴|补助|奖补|奖励|比例|扶持资金|补多少|多少钱)/.test(u.text);
    // (The text's class named, 获得广东省知名品牌创建示范区的创建主体又给多少, is no case of the enterprise's.)
    // (So is a fixed award asked of that class with no case of one's own, where the standard is what the caller asks:
    // 确认两个标准…获得…示范区的创建主体又给多少. Without it, 评上…的企业奖多少 is still the enterprise's case.)
    const lessClass = u.text.replace(CLASS_RECOGNIZED, '');
    const classAsked = /(标准|口径)/.test(u.text) && choice.rules.length > 0 && choice.rules.every(fixedAward) && lessClass !== u.text
      && !FIRST_PERSON.test(u.text) && !ENTERPRISE_CASE.test(lessClass);
    const standardOnly = ((u.namesStandard || (u.asksCeiling && oneRegion)) && !ENTERPRISE_CASE.test(lessClass) || ceilingAsked || rateAsked || onlyCeiling || documentsWeighed || classAsked) && (!u.broad || documentsWeighed)
      // (A ceiling-only provision takes no figure: 培训咗30個人 changes nothing of it.)
      && (!u.suppliesInputs || onlyCeiling) && (!followsCalculation || namesCeilingOnly) && choice.rules.length > 0;
    // (Its subject stays the conversation's: "那深圳呢" next asks the same of 深圳.)
    if (standardOnly) {
      next.subjectText = subjectText;
      // (Each question of the message names its own: "…按县级分成的多少来算？从珠三角转移过来的企业呢？" asks two.)
      // (And 各 asks each provision one question names: ISO10012认证、导入卓越绩效模式…标准各是多少.)
      const questions = questionsOf(u.text);
      const perQuestion = !continues && (questions.length > 1 || /各/.test(u.text))
        ? questions.flatMap((q) => chooseRules(ctx.rules.rules, q, { regionOf: ctx.regionOf, regions: next.regions, all: /各/.test(q) }).rules) : [];
      const given = answerStandard([...new Set([...perQuestion, ...choice.rules])], ctx, u.text);
      // (A question that names no provision, 1、县财政专项资金累计安排多少, is said by a sentence of a cited clause.)
      const unnamed = questions.filter((q) => !chooseRules(ctx.rules.rules, q, { regionOf: ctx.regionOf, regions: next.regions, all: true }).rules
        .some((r) => r.vocabulary.triggers.some((t) => q.includes(t))));
      // (A question of a measure the text sets no award for, 土地出让底价按什么标准, is said by that measure.)
      const measuresAsked = questions.length > 1 ? unratedFor(docsInScope, unnamed.join('？'), ctx) : [];
      const stillUnnamed = unnamed.filter((q) => !unratedFor(docsInScope, q, ctx).length);
      const leftOut = questions.length > 1 && stillUnnamed.length ? partsLeftOut(stillUnnamed.join('？'), given.citations.map((c) => c.clauseId), given.answer, ctx) : [];
      const withMeasures = measuresAsked.length ? followedBy(unrated(measuresAsked, ctx), given, '\n') : given;
      const standards = leftOut.length ? { ...withMeasures, answer: `${withMeasures.answer}\n另外，${leftOut.join('\n')}` } : withMeasures;
      // (Documents named beside it that set no rate, 中山2014年的实施意见和2018年的行动计划, say so: none is dropped.)
      // (So do places weighed side by side whose documents set none, 深圳和东源哪边的普惠性事后奖补更好: 深圳 is said so.)
      const citedRegions = new Set(given.citations.map((c) => ctx.regionOf(c.docId)));
      const regionsWithout = next.regions.length > 1 ? ctx.documentsFor(next.regions.filter((r) => !citedRegions.has(r))).map((d) => d.id) : [];
      const rateless = [...new Set([...named, ...regionsWithout])].filter((id) => nonQuant.some((n) => n.docId === id));
      // (Each with what it says of the subject asked, where it names it: 中山2014 四、（三） 厂房加层…予以支持和鼓励.)
      return (named.length > 1 || regionsWithout.length) && rateless.length ? followedBy(standards, noRates(rateless, ctx, { measures: unratedFor(rateless, u.text, ctx) }), '\n') : standards;
    }
    // "省级智能工厂和市级智能工厂的奖励各是多少？哪个高": one fixed award's levels named side by side, none said to be the
    // enterprise's: its standard, every level, no figure computed for one of them.
    const [onlyRule] = choice.rules;
    if (onlyRule && choice.rules.length === 1 && !u.followUp && !u.corrects && (EACH.test(u.text) || asksWhichMore(u.text)) && namedOptions(onlyRule, u.text).length >= 2 && !OBTAINED.test(u.text) && !u.suppliesInputs && !FIRST_PERSON.test(u.text)) {
      next.subjectText = subjectText;
      return answerStandard([onlyRule], ctx, u.text);
    }
    if (choice.rules.length && (asksAmount || u.suppliesInputs || subjectText !== u.text || u.cue === 'compare')) {
      next.subjectText = subjectText;
      // Earlier amounts carry over when this turn keeps the subject (a follow-up, or the same rule named again).
      // (Read in the places it was asked of: 东源…事后奖补 is 东源's, not 中山's 事后奖补.)
      const previousRules = previous.subjectText ? chooseRules(ctx.rules.rules, previous.subjectText, { regionOf: ctx.regionOf, regions: previous.regions }).rules : [];
      // A provision that narrows or widens the earlier one (转移企业 after 以奖代补) is the same subject.
      const sameSubject = (r: SubsidyRule, o: SubsidyRule) => o.id === r.id || o.specializes === r.id || r.specializes === o.id;
      const carry = subjectText === previous.subjectText || followsCalculation || previousRules.some((r) => ownChoice.rules.some((o) => sameSubject(r, o)));
      const awardsAsked = severalAwards(u, next.regions, ctx);
      // A provision that states only its ceiling (开班培训 最高10万元) asked beside awards computed is its standard after
      // them, no amount of the enterprise's.
      const ceilings = awardsAsked && awardsAsked.rules.length > 1 && !awardsAsked.rules.every(statesOnlyCeiling) ? awardsAsked.rules.filter(statesOnlyCeiling) : [];
      const several = awardsAsked && ceilings.length ? { ...awardsAsked, rules: awardsAsked.rules.filter((r) => !ceilings.includes(r)) } : awardsAsked;
      // Several regions, each with its own part ("中山厂…投资800万；东源厂…设备购置额90万"): each computed on its part.
      const regional = regionalAwards(u, next.regions, ctx, previous.awards);
      const regions = next.regions;
      // A follow-up to a turn that computed nothing (its region had no rate): the figures are those of its subject.
      const restatedSubject = subjectText !== u.text && Object.keys(previous.inputs).length === 0 && u.quantities.length === 0
        ? { ...understand(subjectText, ctx.lexicon), text: `${subjectText}，${u.text}`, regions: u.regions } : u;
      // "补充一下…那这样算呢" after a yearly award and its total over the years: the total is asked again.
      // (So is a follow-up that changes the case with figures of its own: 那如果在东源做呢？县级分成增量也是每年36万.)
      // (And a turn that only tells more of the case, 主营业务收入1020万, asking nothing of its own.)
      const totalAgain = followsCalculation && (u.quantities.length === 0 || u.followUp || !asksSomething(u.text)) && previous.lastQuestion !== null && !restatedSubject.asksTotal
        && (understand(previous.lastQuestion, ctx.lexicon).asksTotal || asksEachYear(previous.lastQuestion));
      // "…每年能拿多少，三年一共多少？" asked before its figure was given: the figure given next is asked that total too.
      const totalPending = !totalAgain && !u.asksTotal && subjectText !== u.text && Object.keys(previous.inputs).length === 0
        && understand(subjectText, ctx.lexicon).asksTotal;
      const asked = totalAgain || totalPending ? { ...restatedSubject, asksTotal: true } : restatedSubject;
      // (A turn that moves the earlier case to other places with no figure of its own, 同样的项目放在东源做呢…再把深圳也比一下,
      // carries the earlier figures to each place's row.)
      const movedCase = followsCalculation && !u.quantities.some((q) => q.kind === 'money');
      const turn = regional ? calculate(u, regional.rules, { regionOpen: false, previous: movedCase ? previous : null, regions, parts: regional.parts, alternatives: regional.alternatives }, ctx)
        // Several provisions, each with its part; or the one left when the others were named only in passing.
        : several ? calculate(u, several.rules, { regionOpen: false, previous: several.rules.length > 1 || !carry ? null : previous, regions, parts: several.parts, alternatives: several.alternatives }, ctx)
        // Another reading of the same figure (中山 设备: 工作母机库 product or not) is computed beside it, not added.
        // (So is a general case beside its narrower one, 普通企业和龙头骨干企业分别多少: an enterprise is one or the other.)
        : calculate(asked, [...choice.rules, ...choice.readings], { regionOpen: choice.missing.includes('region'), previous: carry ? previous : null, regions,
          alternatives: choice.readings.length > 0 || casesOfOneProvision(choice.rules) }, ctx);
      Object.assign(next, turn.remember);
      // The enterprise's awards stay the conversation's when the subject changes ("两个加起来一共多少" sums them later);
      // figures set side by side as alternatives (放在东源做呢) are no award of its.
      const carriedOver = !regional && (several ? !(several.rules.length > 1 || !carry) : carry);
      const alternatives = Boolean(regional?.alternatives || several?.alternatives || (!regional && !several && (choice.readings.length || casesOfOneProvision(choice.rules))));
      if (turn.remember.awards && !carriedOver) next.awards = alternatives ? previous.awards : keptAwards([...previous.awards, ...turn.remember.awards]);
      // The question this turn answered, whole, for a later correction to restate: a follow-up's own words are whole
      // only with the figures it changes put into the question it follows.
      const whole = regional || (several ? several.rules.length > 1 || !carry : !carry) || asked !== u;
      // A follow-up in words only (忘了说 我们是龙头骨干企业) joins the question it follows; one naming a region replaces
      // what the question said of it, so it is not joined.
      const joined = previous.lastQuestion && u.quantities.length === 0 && u.regions.length === 0
        ? `${withoutPlainCase(previous.lastQuestion, ownChoice.rules, ctx.rules)}，${u.text}` : null;
      // (A turn giving the figures a standards answer left open, 地市级分成部分每年增量36万，每年能拿多少, is that
      // question with its words after.)
      next.lastQuestion = whole ? asked.text
        : previous.lastQuestion ? restatedQuestion(understand(previous.lastQuestion, ctx.lexicon), u) ?? joined
            ?? (u.regions.length === 0 && Object.keys(previous.inputs).length === 0 ? `${previous.lastQuestion}，${u.text}` : null)
          : null;
      // "1.设备补贴能拿多少；2.事后奖补按县级分成的百分之几来奖": a provision asked in a question of its own with no figure
      // of its own is answered with its standard after the figures computed.
      // (Only those the answer computed: one named but left without its figures, 完工评价通过以后还有什么奖补, is asked.)
      const calculated = new Set(calculationsOf(turn.reply).map((c) => c.ruleId));
      const computed = (regional?.rules ?? several?.rules ?? [...choice.rules, ...choice.readings]).filter((r) => calculated.has(r.id));
      const besides = turn.reply.calculation ? [...new Set([...standardsAskedBeside(u, computed, next.regions, ctx), ...ceilings])] : [];
      const answered = besides.length ? followedBy(turn.reply, answerStandard(besides, ctx), '\n\n') : turn.reply;
      // "…能资助多少？另外项目通过完工评价以后，那个事后奖补是连续几年": a part the figures leave unanswered, said by a
      // sentence of a clause the answer cites.
      const cited = answered.citations.map((c) => c.clauseId);
      const said = answered.calculation ? partsLeftOut(u.text, cited, answered.answer, ctx) : [];
      // "…事后奖补有几多？另外听讲县里每年畀技改嘅工业用地有个最低比例，係几多？": a later question that names no provision
      // and gives no figure, left unanswered by the clauses cited, is said by the clause of the region it searches to.
      const elsewhere = answered.calculation ? await this.questionsElsewhere(u, [...cited], `${answered.answer}${said.join('')}`, next.regions) : { lines: [], clauseIds: [] };
      const lines = [...said, ...elsewhere.lines];
      const told = lines.length ? { ...answered, answer: `${answered.answer}\n另外，${lines.join('\n')}`, citations: [...answered.citations, ...ctx.citations(elsewhere.clauseIds)] } : answered;
      // "那按2014年那个实施意见呢，两个文件比较下": a document weighed that sets no rate says so beside the award computed.
      // (Not twice: a place weighed already says its document's statement in its own block.)
      const weighedRateless = named.length > 1 && told.calculation
        ? nonQuant.filter((d) => named.includes(d.docId) && !told.answer.includes(d.statement)).map((d) => d.docId) : [];
      const complete = weighedRateless.length ? { ...followedBy(told, noRates(weighedRateless, ctx), '\n\n'), calculation: told.calculation, total: told.total } : told;
      // "再加上ISO10012认证，总共多少钱": the new award, then every award of the conversation with their 合计.
      // (Only where an award of another provision stands beside it: more of the same is its rule's own total.)
      const computedNow = new Set(calculationsOf(complete).map((c) => c.ruleId));
      const besideIt = standingAwards(next.awards).some((a) => !computedNow.has(a.ruleId));
      // (A 合计 of one provision's own lines this turn, 两块各能拿多少、一年合计多少, is the total asked: the earlier award
      // stays apart.)
      const ownLines = complete.total !== null && computedNow.size === 1;
      const withEarlier = u.asksTotal && (ANOTHER.test(u.text) || SEVERAL_ADDED.test(u.text)) && besideIt && !alternatives && complete.calculation
        && !ownLines ? totalOfEarlierAwards(next.awards, ctx, u.text) : null;
      if (!withEarlier) return complete;
      // (The 合计 of this turn's awards alone gives way to the conversation's.)
      const own = { ...complete, answer: complete.answer.split('\n').filter((line) => !line.startsWith('合计：')).join('\n') };
      return { ...followedBy(own, withEarlier, '\n\n'), calculation: withEarlier.calculation, total: withEarlier.total };
    }
    // A short follow-up ("需要什么条件？") is about the subject of the conversation.
    // "那深圳呢" after a question about 东源: the earlier subject, asked of the region named now.
    const earlier = previous.subjectText && u.regions.length ? withoutRegionNames(previous.subjectText, ctx.lexicon.gazetteer) : previous.subjectText;
    // "那14年那份意见里定的呢" after a lookup: the question it answered, asked of the document or region named now.
    const lookedUp = !earlier && u.followUp && previous.lastLookup && (u.regions.length || named.length)
      ? withoutYears(withoutRegionNames(findDocuments(previous.lastLookup, ctx.corpus.gazetteer).rest, ctx.lexicon.gazetteer)) : null;
    const query = lookedUp ? `${lookedUp} ${u.text}`
      : ownChoice.rules.length === 0 && earlier && u.text.length <= 12 ? `${earlier} ${u.text}` : u.text;
    next.lastLookup = query;
    // A provision looked up ("导入卓越绩效模式有没有扶持") is the subject of "那需要什么条件" next.
    if (ownChoice.rules.length) next.subjectText = u.text;
    // "东源设备购置补贴比例多少" → "那深圳呢": a rate asked where the documents in scope set none says so after the clause.
    if (query !== u.text && u.regions.length && nonQuant.length && nonQuant.length === docsInScope.length
      && understand(query, ctx.lexicon).asksAmount) {
      return this.lookupWithoutRates({ ...u, text: query }, named, nonQuant.map((d) => d.docId));
    }
    // A follow-up naming no place (那审批方面呢) is looked up in the places the conversation is about.
    // So is a question asked next in a conversation about a place (融资方面具体是怎么支持的 after 深圳's overview), and
    // where the place's documents say nothing of it, every document.
    const carried = !named.length && !u.regions.length && inConversation;
    const found = await this.lookupNotingRates({ ...u, text: query }, named.length ? named : carried ? [...docsInScope] : [], docsInScope);
    return carried && found.intent === 'out_of_scope' && !u.followUp ? this.lookupNotingRates({ ...u, text: query }, [], docsInScope) : found;
  }

  /**
   * A lookup; where every document in scope sets no rate and the clauses found include those where it speaks of funding
   * (深圳 （十）, （十一）), the document's own statement that it sets no rate follows ("深圳…在资金上是怎么支持企业的").
   */
  private async lookupNotingRates(u: Understanding, named: string[], docsInScope: readonly string[]): Promise<AssistantReply> {
    const found = await this.lookupIn(u, named);
    const rateless = this.context.rules.nonQuantitative.filter((d) => docsInScope.includes(d.docId));
    if (!docsInScope.length || rateless.length !== docsInScope.length) return found;
    const cited = new Set(found.citations.map((c) => c.clauseId));
    // (Support asked as such, 技改有哪些扶持政策, is told that the document sets no rates, whatever clause answers it.)
    const onFunding = rateless.filter((d) => ASKS_SUPPORT.test(u.text) || d.clauseIds.some((id) => cited.has(id))).map((d) => d.docId);
    if (!onFunding.length || found.intent === 'out_of_scope') return found;
    return followedBy(found, noRates(onFunding, this.context, { status: false }));
  }

  /**
   * "不对，租金是每平米30元，其他不变" after a calculation: the question it answered with that figure replaced, when each
   * figure of this turn replaces one earlier figure of its kind and the turn names no other provision or region. A
   * figure added to the earlier ones (又买了…) is not a replacement.
   */
  private restated(u: Understanding, previous: ConversationSlots): string | null {
    if (!previous.lastQuestion || !(u.corrects || u.followUp) || u.additive) return null;
    if (u.regions.some((r) => !previous.regions.includes(r))) return null;
    const { rules, regionOf, lexicon } = this.context;
    const earlier = new Set(chooseRules(rules.rules, previous.lastQuestion, { regionOf, all: true }).rules.map((r) => r.id));
    if (chooseRules(rules.rules, u.text, { regionOf, all: true }).rules.some((r) => !earlier.has(r.id))) return null;
    return restatedQuestion(understand(previous.lastQuestion, lexicon), u);
  }

  /** The clauses looked up, then the documents' own statement that they set no rate (said once, with one status line). */
  private async lookupWithoutRates(u: Understanding, named: string[], rateless: string[]): Promise<AssistantReply> {
    const found = await this.lookupIn(u, named);
    if (found.intent === 'out_of_scope') return noRates(rateless, this.context);
    return followedBy(found, noRates(rateless, this.context, { status: false }));
  }
}

// Where a message's questions part: a question mark, a semicolon, or a number that opens a question (2.、2、).
const QUESTION_PARTS = /[；;？?]|(?<![\d.])\d[.、．)）](?!\d)/;
// (Or whether there is one, 项目完工评价通过后还有别的奖补吗.)
const ASKS_OF_A_PART = /(多少|几|百分之几|比例|标准|怎么(算|奖|补)|(什么|哪些|啥)(奖补|奖励|补贴|补助|资助)|(别的|其他|其它)(奖补|奖励|补贴|补助|资助)(吗|么|没有))/;

/**
 * Provisions the message names in a question part of their own, other than those computed, where that part gives no
 * figure and asks something (2.事后奖补按县级分成的百分之几来奖): each is answered with its standard.
 */
function standardsAskedBeside(u: Understanding, computed: readonly SubsidyRule[], regions: readonly string[], ctx: HandlerContext): SubsidyRule[] {
  const marked = u.text.split(QUESTION_PARTS).map((p) => p.trim()).filter(Boolean);
  // (Or, in a run-on, by 另外 or 顺便: …这次能补多少另外完工以后县里财政贡献那块的奖补是按多少比例给的.)
  const parts = marked.length >= 2 ? marked : questionsOf(u.text);
  if (parts.length < 2) return [];
  // Each part on its own: 1）普惠性事后奖补…多少比例 names the general provision, 转移…的企业又是多少 its narrower one.
  // (A part that names its own region, 深圳的事后奖补又是多少, is asked of that region only.)
  const regionsOf = (p: string) => { const own = findRegions(p, ctx.lexicon.gazetteer).covered; return own.length ? own : [...regions]; };
  const asked = parts.filter((p) => ASKS_OF_A_PART.test(p) && findQuantities(p).length === 0)
    .flatMap((p) => chooseRules(ctx.rules.rules, p, { regionOf: ctx.regionOf, regions: regionsOf(p) }).rules
      .map((rule) => ({ rule, plain: rule.vocabulary.plainCase.some((w) => p.includes(w)) })));
  // (A general case asked by its plain-case word, 本地企业是按多少比例, is answered beside its narrower case computed.)
  const besides = asked.filter(({ rule: r, plain }) => !computed.some((c) => c.id === r.id || (c.specializes === r.id && !plain) || r.specializes === c.id))
    .map(({ rule }) => rule);
  return [...new Map(besides.map((r) => [r.id, r])).values()];
}

/**
 * The replies to a message's questions, one after another: texts and citations joined, every calculation kept. With
 * `calculated`, a reply that computed anything is a calculation; with `ownTotal`, a total one question asked of its own
 * awards (2）…各奖多少，合计多少) stays the answer's total. No total spans the questions otherwise.
 */
function oneAfterAnother(all: readonly AssistantReply[], { calculated = false, ownTotal = false } = {}): AssistantReply {
  // (A question whose answer says nothing the ones before it did not, 能进库吗 after 项目库门槛多少, adds no block.)
  const said = new Set<string>();
  const replies = all.filter((r, i) => {
    const lines = r.answer.split('\n').filter((l) => l.trim());
    const adds = i === 0 || calculationsOf(r).length > 0 || lines.some((l) => !said.has(l));
    lines.forEach((l) => said.add(l));
    return adds;
  });
  const calculations = replies.flatMap(calculationsOf);
  const joined = replies.slice(1).reduce((a, b) => followedBy(a, b, '\n\n'), replies[0] as AssistantReply);
  const totals = ownTotal ? replies.filter((r) => r.total !== null) : [];
  return { ...joined, intent: calculated && calculations.length ? 'calculate' : joined.intent, total: totals.length === 1 ? totals[0]?.total ?? null : null,
    calculation: calculations.length > 1 ? calculations : calculations[0] ?? null };
}

/**
 * A choice whose rows the case's figures cannot compute (a required input missing) takes instead the rows of the same
 * document, among those the words name, that they can; unchanged where none can.
 */
function computableOnCase(choice: RuleChoice, named: RuleChoice, asked: Understanding): RuleChoice {
  const computable = (r: SubsidyRule) => computeSubsidy(r, inputsFor(r, asked).inputs).ok && choice.rules.some((c) => c.docId === r.docId);
  if (!choice.rules.length || choice.rules.some(computable)) return choice;
  // (The other reading of the figure stays one, 中山 设备: 工作母机 beside 技术改造项目, compared and never added.)
  const instead = named.rules.filter((r) => computable(r) && !named.readings.includes(r));
  return instead.length ? { ...choice, rules: instead, readings: named.readings.filter(computable) } : choice;
}

/** A question split out of a message, read as one part: it is not split again. */
const partOf = (text: string, lexicon: Lexicon): Understanding => ({ ...understand(text, lexicon), asPart: true });

/** Whether the text says one of the words long enough to name a measure by itself (绿色工厂, 加计扣除), not 技改 or 奖补. */
const saysOwnWord = (words: readonly string[], text: string) => words.some((t) => t.length >= 3 && text.includes(t));

/** Measures any document names without a rate, named in the text by their own longer words (首台套, 加计扣除). */
function measuresNamed(text: string, ctx: HandlerContext): UnratedMeasure[] {
  return unratedFor(ctx.corpus.documents.map((d) => d.id), text, ctx).filter((m) => saysOwnWord(m.triggers, text));
}

/** Whether the message puts forward an amount (奖20万对吧, 能补150万吗) that no figure of the reply's calculation gives. */
function differsFromComputed(u: Understanding, reply: AssistantReply): boolean {
  const computed = [...calculationsOf(reply).map((c) => c.amount), ...(reply.total ? [reply.total] : [])];
  // (Only a figure asked to be confirmed: a ceiling said as known, 最高补300万, is no figure put forward.)
  return u.amounts.claimed.some((q) => putForward(u.text.slice(q.end)) && !computed.some((a) => q.value.eq(a)));
}

/** A message that plants a scheme of its own (an injection) and gives the figures to compute: the documents compute them. */
const plantsScheme = (u: Understanding) => u.injection && u.suppliesInputs;

// A markdown table row (| 认定类型 | 六安奖励 |) or its rule line (|---|---|).
const TABLE_ROW = /^[ \t]*\|.*\|[ \t]*$/gm;
// A row of comma-separated values (item,rate,note / 县级分成事后奖补,60%,2021修订): two commas or more that are no
// thousands separators, and no sentence punctuation.
// (A JSON object, {"投资额":"2500万",…}, is no CSV: its fields are named, read as written.)
const isCsvRow = (line: string) => !/[，。？?！!]/.test(line) && !/^\s*[{\[]|"\s*:/.test(line) && (line.match(/,(?!\d{3}(?!\d))/g) ?? []).length >= 2;

/**
 * Rows pasted from a spreadsheet (tab-separated, under a header row of words) read as what each cell is said to be:
 * 设备购置额 680万，补助比例 25%，补助金额 170万. A column's name says whose figure it is: the case's (设备购置额) or a
 * figure put forward (补助金额).
 */
function cellsNamed(message: string): string {
  const lines = message.split('\n');
  const cells = (line: string) => line.split('\t').map((c) => c.trim());
  const headerAt = lines.findIndex((line, i) => cells(line).length >= 3 && !/\d/.test(line) && cells(lines[i + 1] ?? '').length === cells(line).length);
  if (headerAt < 0) return message;
  const header = cells(lines[headerAt] ?? '');
  const out = lines.slice(0, headerAt);
  let i = headerAt + 1;
  for (; i < lines.length && cells(lines[i] ?? '').length === header.length; i++) {
    out.push(`${cells(lines[i] ?? '').map((cell, j) => `${header[j]}${cell}`).join('，')}。`);
  }
  return [...out, ...lines.slice(i)].join('\n');
}

// A list's heading that says what follows is a standard (六安稿奖励标准（网上下载的）：, 补贴标准一览:).
const STANDARDS_HEADING = /(标准|一览|清单|明细)[^：:\n]{0,12}[：:]\s*$/;
// A row of such a list: an item and its figure, nothing else (市级技改示范项目 80万/个, 省级企业技术中心：50万).
const STANDARD_ROW = /^\s*[^\d，。？?！!,]{2,24}?[\s：:]*\d[\d.,]*\s*(万元|万|元|%|％)(\s*\/\s*[\p{Script=Han}]{1,2})?\s*$/u;

/** The lines without a list of standards pasted under a heading that names it one: someone else's figures, no case. */
function withoutStandardsList(lines: readonly string[]): string[] {
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    kept.push(lines[i] ?? '');
    if (!STANDARDS_HEADING.test(lines[i] ?? '')) continue;
    let end = i + 1;
    while (end < lines.length && STANDARD_ROW.test(lines[end] ?? '')) end++;
    if (end - i - 1 >= 2) i = end - 1;
  }
  return kept;
}

/** The message without the rows of a table pasted into it, where words remain outside the table to be the question. */
function withoutTables(typed: string): string {
  // (A fenced block pasted in, ```[六安市技改奖补一览]…```, is someone else's list: its provisions and figures are no case.)
  const fenced = typed.replace(/```[\s\S]*?```/g, '').trim();
  const message = fenced || typed;
  const lines = message.split('\n');
  const kept = withoutStandardsList(message.replace(TABLE_ROW, '').split('\n')).filter((line) => !isCsvRow(line));
  // (Blank lines alone are no table: 忽略上文。\n\n问题：… keeps its words as written.)
  if (kept.filter((line) => line.trim()).length === lines.filter((line) => line.trim()).length) return message;
  const rest = kept.join('\n').replace(/\n{2,}/g, '\n').trim();
  return rest || message;
}

// A line of a forwarded chat: a speaker's label (张经理：, 李会计:; not an e-mail's 发件人：, 正文：), or the marks around
// it ([转发的聊天记录], ——————).
const CHAT_LINE = /^\s*(?!发件人|收件人|抄送|主题|正文|日期|时间|附件|标题)[\p{Script=Han}A-Za-z]{1,4}[：:](?!\s*$)/u;
const CHAT_MARK = /^\s*(\[[^\]]*(聊天|转发|记录)[^\]]*\]|【[^】]*(聊天|转发|记录)[^】]*】|[—\-─=_]{4,})\s*$/u;

/**
 * The message without a chat forwarded into it (two speakers' lines or more): someone else's words, whose figures are
 * no case of the user's. The last line, the user's own question, stays.
 */
function withoutChat(message: string): string {
  const lines = message.split('\n');
  if (lines.length < 3) return message;
  const spoken = lines.slice(0, -1).filter((line) => CHAT_LINE.test(line));
  if (spoken.length < 2) return message;
  const kept = lines.filter((line, i) => i === lines.length - 1 || (!CHAT_LINE.test(line) && !CHAT_MARK.test(line)));
  const rest = kept.join('\n').trim();
  return rest && ASKS_SOMETHING.test(rest) ? rest : message;
}

/** The earlier subject less the words of every provision this turn says is not so (不是提名奖, 还没认定龙头骨干). */
function withoutDenied(subject: string, u: Understanding, rules: PolicyRules): string {
  const denied = u.negated.map(([a, b]) => u.text.slice(a, b));
  // Every word of a provision denied goes (还没认定龙头骨干 denies 龙头骨干企业 and 骨干企业 too).
  // A provision the message also names outside the denial stays ("不是提名奖 是正式的中国质量奖": still 质量奖).
  const deniedRules = rules.rules.filter((r) => r.vocabulary.triggers.some((w) => denied.some((span) => span.includes(w)))
    && !r.vocabulary.triggers.some((w) => saysOutside(u.text, w, u.negated)));
  const words = [...new Set(deniedRules.flatMap((r) => r.vocabulary.triggers))].sort((a, b) => b.length - a.length);
  return words.reduce((text, w) => text.split(w).join(''), subject);
}

/**
 * The earlier question less the words that named the general case of a provision now named in its narrower form
 * ("普通技改项目…" then "忘了说 我们是龙头骨干企业": 普通技改 no longer holds).
 */
function withoutPlainCase(text: string, named: readonly SubsidyRule[], rules: PolicyRules): string {
  const general = rules.rules.filter((r) => named.some((n) => n.specializes === r.id));
  const words = general.flatMap((r) => r.vocabulary.plainCase).sort((a, b) => b.length - a.length);
  return words.reduce((t, w) => t.split(w).join(''), text);
}

/** Rules of which one narrows another (技改 10% and 龙头骨干企业 20%): cases of one provision, weighed and never added. */
function casesOfOneProvision(rules: readonly SubsidyRule[]): boolean {
  return rules.some((r) => rules.some((o) => o.id === r.specializes));
}

/** 《document title》label, as answers refer to a clause. */
function clauseRef(corpus: Corpus, clauseId: string): string {
  const clause = corpus.clauseById.get(clauseId);
  const doc = clause ? corpus.documentById.get(clause.docId) : undefined;
  return `《${doc?.title ?? clause?.docId ?? clauseId}》${clause?.label ?? clauseId}`;
}
