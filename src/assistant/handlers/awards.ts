import { Decimal } from 'decimal.js';
import { findQuantities, type Quantity } from '../../nlu/quantities.js';
import { SAME_CASE, understand, withoutQuotedPassages, type Understanding } from '../../nlu/understand.js';
import { findRegions } from '../../nlu/regions.js';
import { saysWhatItIs } from '../../nlu/parts.js';
import { caseInDoubt, chooseRules, computeSubsidy, firstMention, formatYuan, formatYuanWithExact, namedOnlyByClause, statesUpperBound, unitScore, yuanString, type RuleChoice, type SubsidyRule } from '../../policy/index.js';
import { standingAwards, type ConversationSlots } from '../conversation.js';
import { calculationsOf, toChatCalculation, type AssistantReply, type ChatCalculation } from '../response.js';
import { morePlaceVerdict } from '../compose.js';
import { calculatorContext, namedByOwnWord, type HandlerContext } from './context.js';
import { inputsFor, measuredDimensions } from './slots.js';

/** Provisions asked about in one message, each with the part of the message that is about it (by rule id). */
export interface AwardParts {
  rules: SubsidyRule[];
  parts: Map<string, Understanding>;
  /** The provisions are alternatives for one figure ("这三种情况分别能资助多少"): compared, never added. */
  alternatives?: boolean;
}

/** Words that ask the same figure under several provisions side by side. */
export const SIDE_BY_SIDE = /(分别|各[奖补拿给算助]{0,2}多少|各自|哪个(多|高|划算)|哪种|差多少|差别|区别|对比|比较|[两三四几]种(情况|方案|方式))/;

/** A piece that takes back the one before it (哦不对, 说错了). */
const TAKES_BACK = /^\s*(哦|噢|呃|啊)?(不对|说错了|说错|错了|记错了|搞错了)/;
/** Words that start a new thing said: a piece begins at them even without punctuation. */
const CONNECTIVE = /(?=另外|此外|还有|同时还|以及|再加上)/;

/** Words that say a piece of a message applies to every region it names (都是40w, 各补多少, 三个地方). */
const BOTH = /(都|各|分别|两边|两地|[两三四]个地方|同样|一样)/;
const EVERY = /(都|各|分别|两边|两地|[两三四]个地方)/;

/**
 * "技改投了2000万，买了母机400万，培养了10个高级工，分别多少、合计多少": several provisions of one region, each named in its
 * own part of the message. Each part (split at punctuation, assigned to the provision named in it) fills only its
 * provision's inputs. Null when the message names fewer than two provisions of one region; one provision when the
 * others were named only in passing (事后奖补 beside 买设备…30万).
 */
export function severalAwards(u: Understanding, regions: readonly string[], ctx: HandlerContext): AwardParts | null {
  if (regions.length > 1) return null;
  const dimensions = measuredDimensions(u.quantities);
  // Another reading of one figure (中山 设备: 工作母机 too) is no second award.
  // (Provisions a quoted passage lists, “…智能工厂、绿色工厂、数字化车间分别奖励…”, are the passage's, not awards asked,
  // where the user's own words name one.)
  const unquoted = withoutQuotedPassages(u.text);
  const ownWords = chooseRules(ctx.rules.rules, unquoted, { regionOf: ctx.regionOf, regions, dimensions }).rules
    .some((r) => !namedOnlyByClause(r, unquoted, true)) ? unquoted : u.text;
  const choice = chooseRules(ctx.rules.rules, ownWords, { regionOf: ctx.regionOf, regions, dimensions, all: true });
  const all = choice.rules.filter((r) => !choice.readings.includes(r));
  const region = regions[0] ?? (all[0] ? ctx.regionOf(all[0].docId) : undefined);
  const candidates = all.filter((r) => ctx.regionOf(r.docId) === region);
  if (candidates.length < 2) return null;
  // (A narrower case in doubt beside its general one, 不确定算不算省级产业园…两种情况: one case read two ways, no second award.)
  if (caseInDoubt(u.text) && candidates.length === 2 && candidates.some((r) => candidates.some((g) => g.id === r.specializes))) return null;
  // Voice input runs on without a pause ("…投资三千万另外并购了一家…"): a connective starts a piece too.
  // (省级智能工厂和市级绿色工厂: two provisions joined by 和 in one piece are two pieces, each with its own level.)
  const namesOne = (text: string) => chooseRules(candidates, text, { regionOf: ctx.regionOf, regions: region ? [region] : [] }).rules.length > 0;
  const said = splitPieces(u.text, /[，,；;。、？?！!：:+＋\s]/, /[①-⑳❶-❿]/).flatMap((piece) => piece.split(CONNECTIVE).filter(Boolean))
    .flatMap((piece) => {
      const sides = piece.split(/和|及|与|跟/);
      return sides.length > 1 && sides.every(namesOne) ? sides : [piece];
    });
  // "新认定了一个市级智能工厂，哦不对，是市级数字化车间": a piece taken back by the next one names no award. (A figure
  // taken back is the quantities' business: such a piece stays.)
  const pieces = said.filter((piece, i) => !(TAKES_BACK.test(said[i + 1] ?? '') && findQuantities(piece).every((q) => q.kind !== 'money')));
  const options = enumeratedOptions(pieces, candidates, region, ctx);
  if (options) return options;
  // A narrower provision answers to its general rule's words too (转移企业 named earlier, then 财政贡献增量66万).
  const narrowerOf = new Map(candidates.filter((r) => r.specializes && !candidates.some((g) => g.id === r.specializes))
    .map((r) => [r.specializes ?? '', r]));
  const generals = ctx.rules.rules.filter((g) => narrowerOf.has(g.id) && !candidates.includes(g));
  const owner = new Map<string, string[]>();
  const leading: string[] = [];
  let current: SubsidyRule | undefined;
  for (const piece of pieces) {
    // The provision that scores best on this piece (the chooser's own scoring, quantities' fit included) owns it;
    // among equals, the one named first.
    const dimensions = measuredDimensions(understand(piece, ctx.lexicon).quantities);
    const equals = chooseRules([...candidates, ...generals], piece, { regionOf: ctx.regionOf, regions: region ? [region] : [], dimensions }).rules
      .map((r) => ({ r, at: firstMention(r, piece, true) }))
      .sort((a, b) => a.at - b.at)
      .map(({ r }) => narrowerOf.get(r.id) ?? r);
    // Among equals, the provision already spoken of (做工业互联网平台的，帮企业做设备上云: 上云 is the platform's, as 设备 is
    // the 技改's); else the one named first.
    let named = equals.find((r) => r.id === current?.id) ?? equals[0];
    // A piece in the general rule's words only, after its narrower case was said (…转移过来的，完工下一年县级分成部分的财政
    // 贡献增量是60万), is the narrower case's: it takes the words of its general rule (本地企业 would name the general one).
    if (named && current?.specializes === named.id && !named.vocabulary.plainCase.some((w) => piece.includes(w))) named = current;
    // A piece naming no provision whose figure is said in the cue words of exactly one provision's input (签了一份1200万的
    // 服务合同 → the platform's 合同额), where the provision spoken of has no such cue: it is that provision's figure.
    const cuedBy = (r: SubsidyRule) => r.inputs.some((i) => i.cues.some((c) => piece.includes(c)));
    const cued = named ? [] : candidates.filter(cuedBy);
    if (!named && current && cued.length === 1 && !cuedBy(current)) named = cued[0];
    // A piece naming no provision, with a quantity the current one cannot take (另外租了2000平方米 after 注册资本): it
    // belongs to the provision of the same clause that takes it.
    if (!named && current && unitScore(current, dimensions) < 0) {
      const owner = current;
      named = candidates.find((r) => r.clauseId === owner.clauseId && unitScore(r, dimensions) === 2);
    }
    // A piece whose only words for another provision are the current one's cue words (设备购置额600万 after 共性工厂) is
    // the current provision's figure, not a new award.
    if (named && current && named.id !== current.id && explainedBy(current, named, piece, dimensions)) named = current;
    if (named) current = named;
    // Pieces before the first provision is named belong to the provision one of whose inputs their cue words name
    // ("主营业务收入600万，技改完工了，…以奖代补": 以奖代补's revenue threshold), else to that first one.
    if (current) {
      for (const early of leading.splice(0)) {
        // (Every provision so cued takes it: 主营业务收入 is the threshold of both 技改 rows of 中山 四、（一）.)
        const cued = candidates.filter((r) => r.inputs.some((i) => i.cues.some((c) => c.length > 1 && early.includes(c))) || r.thresholds.some((t) => early.includes(t.label)));
        for (const to of cued.length ? cued : [current]) owner.set(to.id, [...(owner.get(to.id) ?? []), early]);
      }
      owner.set(current.id, [...(owner.get(current.id) ?? []), piece]);
    } else {
      leading.push(piece);
    }
  }
  // A fixed award named inside another's piece (…ISO10012测量管理体系认证导入卓越绩效模式也经专家评审通过了, said without a
  // pause) is asked too: it takes no figure, so the piece that names it is its part as well.
  for (const r of candidates) {
    if (owner.has(r.id) || r.inputs.some((i) => i.required)) continue;
    const naming = pieces.find((piece) => r.vocabulary.triggers.some((t) => t.length >= 3 && piece.includes(t)));
    if (naming && [...owner.values()].some((own) => own.includes(naming))) owner.set(r.id, [naming]);
  }
  const parts = new Map(candidates.filter((r) => owner.has(r.id))
    .map((r) => [r.id, understand((owner.get(r.id) ?? []).join(''), ctx.lexicon)] as const));
  // A provision named only in passing (技改完工了 beside 以奖代补) whose part gives none of the inputs it needs is context,
  // not an award asked about.
  const givesInputs = (r: SubsidyRule, part: Understanding) => !r.inputs.some((i) => i.required) || Object.keys(inputsFor(r, part).inputs).length > 0;
  const rules = candidates.filter((r) => {
    const part = parts.get(r.id);
    return part !== undefined && givesInputs(r, part);
  });
  // "投资2600万：普通企业、评上示范项目、或者龙头骨干企业，这三种情况分别能资助多少": provisions named side by side without
  // figures of their own are alternatives for the message's figure, each computed on the whole message.
  // An alternative takes a figure the message gives for another provision by that figure's own cue word (投资2600万 →
  // each rule's 投资额); a provision whose inputs no figure's words name (设备 beside 主营业务收入3000万) is not one.
  const figures = u.quantities.filter((q) => [...parts.values()].some((p) => p.quantities.length > 0 && p.text.includes(q.text)));
  const saidOf = (q: Quantity) => u.text.slice(0, q.start).split(/[，,。；;？?！!\s]/).at(-1) ?? '';
  const takesAFigure = (r: SubsidyRule) => figures.some((q) => r.inputs.some((i) => i.dimension === q.kind && i.cues.some((c) => saidOf(q).includes(c))));
  // (Or, where each case is asked of the message's one figure, 价钱600万…库里的和市外的设备各是多少, a provision that takes a figure
  // of that kind: the one figure is the case weighed under each.)
  // (Named by a word of its own, not one of a document's title: 技改实施意见 names a document, not the 技改 row.)
  const oneFigureOf = (r: SubsidyRule) => u.asksEach && namedByOwnWord(r, u.text, ctx) && r.inputs.some((i) => i.required && u.quantities.filter((q) => q.kind === i.dimension).length === 1);
  const bare = candidates.filter((r) => parts.has(r.id) && !rules.includes(r) && givesInputs(r, u) && (takesAFigure(r) || oneFigureOf(r)));
  if (rules.length >= 1 && bare.length >= 1 && (SIDE_BY_SIDE.test(u.text) || u.asksEach)) {
    const alternatives = candidates.filter((r) => rules.includes(r) || bare.includes(r));
    return { rules: alternatives, parts: new Map(alternatives.map((r) => [r.id, u])), alternatives: true };
  }
  if (rules.length === 0 || (rules.length === 1 && parts.size < 2)) return null;
  return { rules, parts };
}

/**
 * A choice with two readings of one document's figure (中山 设备: 技术改造 or 工作母机) keeps the one the conversation
 * computed before for that document ("中山技改项目 设备购置600万" → "三个地方同样600万设备比一下": 技术改造 only).
 */
export function earlierReading(choice: RuleChoice, awards: ConversationSlots['awards']): RuleChoice {
  if (!choice.readings.length) return choice;
  const earlier = new Set(awards.map((a) => a.ruleId));
  const all = [...choice.rules, ...choice.readings];
  const settled = new Set(all.filter((r) => earlier.has(r.id)).map((r) => r.docId));
  if (!settled.size) return choice;
  const keep = (r: SubsidyRule) => !settled.has(r.docId) || earlier.has(r.id);
  return { ...choice, rules: all.filter((r) => keep(r) && (choice.rules.includes(r) || settled.has(r.docId))), readings: choice.readings.filter((r) => keep(r) && !settled.has(r.docId)) };
}

/**
 * A choice's second readings kept only where the earlier case's words allow them: a document whose provisions the earlier
 * words name without that reading (技改项目 → 技术改造 alone) loses it.
 */
export function readingsOf(choice: RuleChoice, earlierCase: RuleChoice, earlierWords: string): RuleChoice {
  const named = new Set(earlierCase.rules.filter((r) => !earlierCase.readings.includes(r)).map((r) => r.docId));
  // (Only where the earlier words spoke of what the reading reads, 设备: words of another subject, 质量奖, rule nothing out.)
  const ruledOut = choice.readings.filter((r) => named.has(r.docId) && !earlierCase.readings.includes(r) && !earlierCase.rules.includes(r)
    && r.vocabulary.alsoReads.some((w) => earlierWords.includes(w)));
  if (!ruledOut.length) return choice;
  return { ...choice, rules: choice.rules.filter((r) => !ruledOut.includes(r)), readings: choice.readings.filter((r) => !ruledOut.includes(r)) };
}

/**
 * "中山母机 vs 东源设备 都是40w": several regions, each named in its own part of the message with its own provision or
 * figures. Each piece (split at punctuation) belongs to the one region it names, or to the region named last before
 * it; pieces naming no region before the first, or several regions, are shared. Each region's provision is chosen
 * on its shared and own pieces, and computed on them. Null when no piece names exactly one region.
 */
export function regionalAwards(u: Understanding, regions: readonly string[], ctx: HandlerContext, earlier: ConversationSlots['awards'] = []): AwardParts | null {
  if (regions.length < 2) return null;
  // (Voice input runs on without a pause: …买了两千四百万的工作母机另外东源那边的分厂…, a connective starts a piece too.)
  const pieces = splitPieces(u.text, /[，,；;。、？?！!：:）)+＋\s]/, /[（(①-⑳❶-❿]/).flatMap((piece) => piece.split(CONNECTIVE).filter(Boolean));
  const shared: string[] = [];
  const own = new Map<string, string[]>(regions.map((r) => [r, []]));
  let current: string | undefined;
  // "…项目总投资0.75个亿…方案A放中山本部做，方案B放东源的子公司做": where the places are options weighed, what is said
  // before the first option is the case weighed in each, wherever the enterprise says it is.
  const placedAt = (piece: string) => (PLACED_OPTION.test(piece) ? findRegions(piece, ctx.lexicon.gazetteer).covered.filter((r) => regions.includes(r)) : []);
  const options = pieces.map(placedAt);
  const firstOption = options.filter((o) => o.length === 1).length >= 2 ? options.findIndex((o) => o.length === 1) : -1;
  for (const [i, piece] of pieces.entries()) {
    if (i < firstOption) { shared.push(piece); continue; }
    // (Where the enterprise says where it is, 我们是中山的规上企业, the figures after it are its case wherever it is weighed:
    // 跟放在东源县补哪边多 weighs the same figures there.)
    const introduces = saysWhatItIs(piece) && findQuantities(piece).length === 0;
    const named = introduces ? [] : findRegions(piece, ctx.lexicon.gazetteer).covered.filter((r) => regions.includes(r));
    if (named.length === 1) current = named[0];
    // "都是40w", "各补多少", "三个地方": said of every region, also after the last region of a list (中山、东源各补多少).
    // (With one region named, 同样/一样 says the case is alike there: 中山厂那边同样的改造项目被评为…, that region's.)
    // (After a place is named, 另外我们在六安也有个分厂，同样买800万的设备 is that place's alike case, not every place's.)
    const alikeThere = named.length === 0 && current !== undefined && !EVERY.test(piece);
    const ofEvery = named.length === 1 ? EVERY.test(piece) && findQuantities(piece).length === 0 : BOTH.test(piece) && !alikeThere;
    if (named.length > 1 || ofEvery) current = undefined;
    if (!ofEvery && (named.length === 1 || (named.length === 0 && current))) own.get(current ?? '')?.push(piece);
    else shared.push(piece);
  }
  if (![...own.values()].some((p) => p.length)) return null;
  const rules: SubsidyRule[] = [];
  const parts = new Map<string, Understanding>();
  let alternatives = false;
  for (const region of regions) {
    // The region's text keeps the message's order: shared pieces and its own. (Where its own pieces give figures, a
    // shared piece's figure is the case said in general, 同样是500万元的技改项目, not one more of the region's.)
    const ownPieces = own.get(region) ?? [];
    // (A year naming a document, 中山18年那个行动计划, is no figure of the case.)
    const figuresIn = (p: string) => findQuantities(p).filter((q) => q.kind !== 'years').length > 0;
    const ownFigures = ownPieces.some(figuresIn);
    const said = pieces.filter((p) => (shared.includes(p) && !(ownFigures && figuresIn(p))) || ownPieces.includes(p));
    // (假如厂子在东源…买同样的设备又各补多少: a place with no figure of its own, said to have the same case, takes the
    // figures said of the other places.)
    // (So does one named before the case is told, 东源 vs 中18 技改项目…800万…两边各补多少: each place is asked of it.)
    // (Or one whose own part points at the case told of another, 如果这批机器人作为中山分厂的一般技改项目来买, whatever
    // else it says of itself: 主营过千万.)
    const pointsAtCase = ownPieces.some((p) => POINTS_AT_CASE.test(p));
    // (同样的项目放在东源做 with no figure or provision of its own: the case told before it, what it is as well as its
    // figures, 全部是买设备的. 同样的项目在中山被认定为智能制造示范项目 names its own: the figures alone.)
    const namesOwn = () => chooseRules(ctx.rules.rules, ownPieces.join(''), { regionOf: ctx.regionOf, regions: [region] }).rules.length > 0;
    let pointer = ownFigures ? -1 : pieces.findIndex((p) => ownPieces.includes(p) && SAME_CASE.test(p));
    if (pointer >= 0 && namesOwn()) pointer = -1;
    const lent = pointer >= 0 ? pieces.slice(0, pointer).filter((p) => !said.includes(p))
      : pointsAtCase || (!said.some(figuresIn) && shared.some((p) => SAME_CASE.test(p) || EVERY.test(p)))
        ? pieces.filter((p) => !said.includes(p) && figuresIn(p)) : [];
    const text = [...lent, ...said].join('');
    const part = understand(text, ctx.lexicon);
    const dimensions = measuredDimensions(part.quantities);
    // (Where the region's own words name its provision, 在六安被新认定为省级智能工厂, the words said before any place,
    // 被评为智能制造示范项目, lend it figures, not a provision: 示范 there is 中山's.)
    const ownText = ownPieces.join('');
    const ownNamed = ownText && pieces.some((p) => shared.includes(p) && !lent.includes(p))
      ? chooseRules(ctx.rules.rules, ownText, { regionOf: ctx.regionOf, regions: [region], dimensions }) : null;
    const choice = earlierReading(ownNamed?.rules.length && ownNamed.rules.every((r) => namedByOwnWord(r, ownText, ctx, 3))
      ? ownNamed : chooseRules(ctx.rules.rules, text, { regionOf: ctx.regionOf, regions: [region], dimensions }), earlier);
    // 中山 设备: 工作母机 is another reading of the region's one figure, computed beside it.
    if (choice.readings.length) alternatives = true;
    for (const rule of [...choice.rules, ...choice.readings]) {
      if (parts.has(rule.id)) continue;
      rules.push(rule);
      parts.set(rule.id, part);
    }
  }
  return rules.length ? { rules, parts, alternatives } : null;
}

// What points at a case told before (这批机器人, 这套设备, 这笔投资).
const POINTS_AT_CASE = /(这批|这套|这笔)/;

// A place put forward as an option (方案A放中山做, 放在东源的话, 选东源).
const PLACED_OPTION = /(方案|选项)[A-Za-z一二三甲乙]|放(在|到)?[^，,。；;]{0,8}(做|搞|建|实施)|(选|选在|落在|落户)(中山|东源|深圳|六安)/;
// "两个方案：一是…；二是…": where a message starts to enumerate the options it weighs.
const OPTION_START = /^(一是|二是|三是|其一|其二|其三|方案[一二三123]|第[一二三]种|第[一二三]个方案|[①②③④⑤⑥⑦⑧⑨⑩])/;

/**
 * "要租2000平米场地，两个方案：一是入驻…盘活闲置厂房…；二是按平台租赁经营场地…。都按12个月算，各补多少": options a message
 * enumerates are alternatives, each the provision its own part names, computed on that part and on what is said of all
 * of them (everything before the first option, and pieces that say 都/各). Null when the message enumerates none.
 */
function enumeratedOptions(pieces: readonly string[], candidates: readonly SubsidyRule[], region: string | undefined, ctx: HandlerContext): AwardParts | null {
  // (Or weighed with 还是, "买…工作母机库里的产品，还是买外地（市外）的设备，哪种补的多": the piece before 还是 is the first.)
  const weighed = pieces.join('').match(WHICH_OPTION) ? pieces.findIndex((p) => OR_OPTION.test(p)) : -1;
  const first = weighed > 0 ? weighed - 1 : pieces.findIndex((p) => OPTION_START.test(p));
  if (first < 0) return null;
  const shared = pieces.slice(0, first);
  const options: string[][] = [];
  for (const [i, piece] of pieces.slice(first).entries()) {
    // (另外顺便问下… after the enumeration is one more thing asked, not more of the last option.)
    if (OPTION_START.test(piece) || OR_OPTION.test(piece) || ANOTHER_THING.test(piece) || (weighed > 0 && i === 0)) options.push([piece]);
    else if (BOTH.test(piece)) shared.push(piece);
    else options.at(-1)?.push(piece);
  }
  const rules: SubsidyRule[] = [];
  const parts = new Map<string, Understanding>();
  for (const option of options) {
    const own = option.join('');
    // (An option may name two provisions run together, ③市级工业设计中心④2个项目评为市级技改示范项目: each is asked.)
    for (const rule of chooseRules(candidates, own, { regionOf: ctx.regionOf, regions: region ? [region] : [] }).rules) {
      if (parts.has(rule.id)) continue;
      rules.push(rule);
      parts.set(rule.id, understand([...shared, own].join(''), ctx.lexicon));
    }
  }
  // (Things done, 今年两件事：一是…二是…合计多少, are awards side by side and added, not options weighed.)
  const done = DONE_THINGS.test(pieces.join(''));
  return rules.length >= 2 ? { rules, parts, alternatives: !done } : null;
}
const ANOTHER_THING = /^(另外|此外|顺便|还有|再问)/;
// "…还是…": the second of two options weighed, where the message asks which one (哪种, 两种各).
const OR_OPTION = /^还是/;
const WHICH_OPTION = /(哪种|哪个|哪样|两种|两个方案|哪边)/;
const DONE_THINGS = /([两三几]件事|[两三几]项(?!中|里)|合计|加起来|一共|总共)/;

/** Whether every word of `named` in the piece is a cue of an input of `current` that takes a quantity the piece gives. */
export function explainedBy(current: SubsidyRule, named: SubsidyRule, piece: string, dimensions: readonly string[]): boolean {
  const words = [...named.vocabulary.triggers, ...named.vocabulary.broad, ...named.vocabulary.regionalTriggers].filter((t) => piece.includes(t));
  const cues = current.inputs.filter((i) => dimensions.includes(i.dimension)).flatMap((i) => i.cues);
  return words.length > 0 && words.every((w) => cues.some((c) => c.includes(w) || w.includes(c)));
}

/**
 * The pieces of a message, split after each separator (and before each opening bracket), except a comma inside a
 * number (6,000,000元 and 1，500，000元 stay whole).
 */
function splitPieces(text: string, after: RegExp, before?: RegExp): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    const inNumber = /[,，]/.test(ch) && /[0-9０-９]/.test(text[i - 1] ?? '') && /[0-9０-９]/.test(text[i + 1] ?? '');
    // (A space before a figure, or inside a figure's Latin unit, is no pause: 购置额 5.8M RMB keeps its figure with its
    // cue, and its unit with it. A line break always is.)
    const inFigure = /[ \t\u3000]/.test(ch) && (/[0-9０-９]/.test(text[i + 1] ?? '') || (/[A-Za-z0-9]/.test(text[i - 1] ?? '') && /[A-Za-z]/.test(text[i + 1] ?? '')));
    if (inFigure) continue;
    if (before?.test(ch) && i > start) { pieces.push(text.slice(start, i)); start = i; }
    if (after.test(ch) && !inNumber) { pieces.push(text.slice(start, i + 1)); start = i + 1; }
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}

/** Each award with its rule and the calculation its turn showed; null where one was computed without it kept. */
function shownWhole(awards: ConversationSlots['awards'], ctx: HandlerContext): { rule: SubsidyRule; calculation: ChatCalculation }[] | null {
  const kept = awards.flatMap((a) => {
    const rule = ctx.rules.find(a.ruleId);
    return rule && a.calculation ? [{ rule, calculation: a.calculation }] : [];
  });
  return kept.length === awards.length ? kept : null;
}

/** The place a rule's document belongs to (东源县), or its document where none is known. */
const placeOfRule = (ruleId: string, ctx: HandlerContext) => {
  const rule = ctx.rules.find(ruleId);
  return rule ? ctx.regionOf(rule.docId) ?? rule.docId : ruleId;
};

/**
 * The awards computed earlier for places other than those this turn computes (放在东源呢…两边比: 中山's), each kept whole
 * as its turn showed it.
 */
export function awardsOfOtherPlaces(awards: ConversationSlots['awards'], places: readonly string[], ctx: HandlerContext): ConversationSlots['awards'] {
  return standingAwards(awards).filter((a) => a.calculation && !places.includes(placeOfRule(a.ruleId, ctx)));
}

/**
 * "两个加起来一共多少": the awards this conversation has computed, as its turns stand, each on its line with its clause,
 * then their 合计. Null where fewer than two stand or one was computed without its calculation kept.
 */
export function totalOfEarlierAwards(awards: ConversationSlots['awards'], ctx: HandlerContext, asked = ''): AssistantReply | null {
  const kept = shownWhole(standingAwards(awards), ctx);
  if (!kept) return null;
  // Head counts of several levels, told turn by turn (4名高级工…还有2名技师…另外1名高级技师), are a line per level; where
  // the caller counts the things added (三样加起来) and the awards already are that many, a line per award.
  const counted = COUNTED_THINGS.exec(asked)?.[1];
  const shown = counted !== undefined && THINGS_COUNTED.indexOf(counted) === kept.length ? kept : kept.flatMap((a) => byLevel(a.rule, a.calculation, ctx) ?? [a]);
  if (shown.length < 2) return null;
  const total = shown.reduce((sum, a) => sum.plus(a.calculation.amount), new Decimal(0));
  const lines = shown.map(({ rule, calculation }) =>
    `· ${rule.subject}：${calculation.display}（计算：${calculation.steps.join('；')}）\n  依据：${ctx.clauseRef(rule.clauseId)}：“${rule.quote}”`);
  const docIds = [...new Set(shown.map((a) => a.rule.docId))];
  const answer = [`本次对话前面算出的${shown.length}项合计${formatYuan(total)}：`, ...lines,
    `合计：${shown.map((a) => a.calculation.display).join(' + ')} = ${formatYuanWithExact(total)}（各项分别审核）`,
    docIds.map((id) => ctx.validityLine(id)).join('')].filter(Boolean).join('\n');
  return { intent: 'sum', answer, citations: ctx.citations([...new Set(shown.map((a) => a.rule.clauseId))]),
    calculation: shown.map((a) => a.calculation), total: yuanString(total), suggestions: [] };
}

// The number of things a total adds, as said (三样加起来, 两项合计): index = count.
const THINGS_COUNTED = '零一两三四五六七八九';
const COUNTED_THINGS = /([两三四五六七八九])(?:样|项|个|笔|块|份)[^，,。？?]{0,4}(?:加起来|一共|合计|总共|加在一起)/;

/** A per-head award of several levels, uncapped, as one calculation per level; null where it is not one. */
function byLevel(rule: SubsidyRule, calculation: ChatCalculation, ctx: HandlerContext): { rule: SubsidyRule; calculation: ChatCalculation }[] | null {
  const f = rule.formula;
  if (f.type !== 'per-head' || rule.caps.length) return null;
  const levels = f.levels.filter((l) => Number(calculation.inputs[l.key] ?? 0) > 0);
  if (levels.length < 2) return null;
  const each = levels.map((l) => computeSubsidy(rule, { [l.key]: calculation.inputs[l.key] ?? 0 }, calculatorContext(ctx)));
  return each.every((r) => r.ok) ? each.flatMap((r) => (r.ok ? [{ rule, calculation: toChatCalculation(r.calculation) }] : [])) : null;
}

/**
 * "放在东源呢…两边比一下哪边多": this turn's award for one place beside the awards computed before for the others, as
 * those turns showed them, and which place gives more. Null where no earlier award is kept whole.
 */
export function besideEarlierPlaces(reply: AssistantReply, earlier: ConversationSlots['awards'], ctx: HandlerContext): AssistantReply | null {
  const kept = shownWhole(earlier, ctx);
  const now = calculationsOf(reply);
  // (A place asked now whose document sets no rate says so, beside the places computed before.)
  if (!kept?.length) return null;
  const placeOf = (ruleId: string) => placeOfRule(ruleId, ctx);
  const blocks = kept.map(({ rule, calculation }) => earlierAwardBlock(rule, calculation, ctx));
  // Which place gives more, place by place (the sum of its awards); where this turn's lines are readings of one figure
  // (只适用其中一种), none is said: readings are never added.
  // (A place asked now whose documents set no amount for it: only the places computed before have a figure.)
  const ratelessNow = now.length ? [] : [...new Set(reply.citations.map((c) => ctx.regionOf(c.docId)))];
  const earlierPlaces = [...new Set(kept.map((k) => placeOf(k.rule.id)))];
  const verdict = ratelessNow.length ? `${ratelessNow.join('、')}的文件没有规定金额，无法比较；${earlierPlaces.join('、')}可获${kept.map((k) => k.calculation.display).join('、')}（${earlierPlaces.length > 1 ? '见上' : '前面已算'}）。`
    : reply.answer.includes('只适用其中一种') ? '两地的金额见上，同一地的几种情形只适用其中一种，请按实际情形比较。' : morePlaceVerdict([...now, ...kept.map((k) => k.calculation)].map((c) => {
    const rule = ctx.rules.find(c.ruleId);
    return { place: placeOf(c.ruleId), amount: c.amount, ceiling: rule ? statesUpperBound(rule) : false };
  }));
  // (A comparison of this turn's places already opens with its own heading and labels its blocks: the heading goes.)
  const unlabelled = reply.answer.replace(/^按不同地区的政策分别计算[^\n]*\n+/, '');
  const current = ratelessNow.length === 1 && !unlabelled.startsWith('【') ? `【${ratelessNow[0]}】${unlabelled}` : labelledAlone(unlabelled, now, ctx);
  const answer = [`按不同地区的政策分别计算（${earlierPlaces.join('、')}为前面已算的结果）：`, '', current, '', ...blocks, '', `比较：${verdict}`].join('\n');
  return { ...reply, intent: 'compare', answer, citations: [...reply.citations, ...ctx.citations(kept.map((k) => k.rule.clauseId))],
    calculation: [...now, ...kept.map((k) => k.calculation)], total: null };
}

/**
 * "那按中山2014年那个实施意见能补多少？两个比一下" after 中山2018's award: this turn's answer for the document named now,
 * then the award computed before under another document of the same place, shown again so the two stand side by side.
 * Null where no award was computed under another document.
 */
export function besideEarlierDocuments(reply: AssistantReply, awards: ConversationSlots['awards'], named: readonly string[], ctx: HandlerContext): AssistantReply | null {
  const places = new Set(named.map((id) => ctx.regionOf(id)));
  // (Not one this turn computed again: 两个文件比较下 keeps the other document's award in the reply itself.)
  const kept = shownWhole(standingAwards(awards), ctx)?.filter(({ rule }) => !named.includes(rule.docId) && places.has(ctx.regionOf(rule.docId))
    && !calculationsOf(reply).some((c) => c.ruleId === rule.id));
  if (!kept?.length) return null;
  const blocks = kept.map(({ rule, calculation }) => earlierAward(ctx.corpus.documentById.get(rule.docId)?.shortTitle ?? rule.docId, rule, calculation, ctx).join('\n'));
  const calculations = [...calculationsOf(reply), ...kept.map((k) => k.calculation)];
  return { ...reply, intent: 'compare', answer: [reply.answer, '', ...blocks].join('\n'),
    citations: [...reply.citations, ...ctx.citations(kept.map((k) => k.rule.clauseId).filter((id) => !reply.citations.some((c) => c.clauseId === id)))],
    calculation: calculations.length > 1 ? calculations : calculations[0] ?? null, total: null };
}

/**
 * "那按龙头骨干企业那档算呢？哪个划算" after 示范项目's award: this turn's award beside the earlier one of another provision
 * of the same document, as alternatives for one case (never added), and which gives more. Null where none stands.
 */
export function besideEarlierProvisions(reply: AssistantReply, awards: ConversationSlots['awards'], ctx: HandlerContext): AssistantReply | null {
  const now = calculationsOf(reply);
  const docs = new Set(now.map((c) => ctx.rules.find(c.ruleId)?.docId));
  const kept = shownWhole(standingAwards(awards), ctx)?.filter(({ rule }) => docs.has(rule.docId) && !now.some((c) => c.ruleId === rule.id));
  if (!now.length || !kept?.length) return null;
  const subjectOf = (ruleId: string) => ctx.rules.find(ruleId)?.subject ?? ruleId;
  const blocks = kept.map(({ rule, calculation }) => earlierAward(placeOfRule(rule.id, ctx), rule, calculation, ctx).join('\n'));
  const ranked = [...now, ...kept.map((k) => k.calculation)].sort((a, b) => new Decimal(b.amount).comparedTo(a.amount));
  const [first, second] = ranked;
  const verdict = first && second
    ? new Decimal(first.amount).eq(second.amount) ? `两种情形相同，均为${first.display}。`
      : `按${subjectOf(first.ruleId)}多：${first.display}，比按${subjectOf(second.ruleId)}（${second.display}）多${formatYuan(new Decimal(first.amount).minus(second.amount))}。`
    : '';
  const calculations = [...now, ...kept.map((k) => k.calculation)];
  const current = labelledAlone(reply.answer, now, ctx);
  return { ...reply, intent: 'compare',
    answer: ['同一项目按不同情形分别计算（只适用其中一种，不相加）：', '', current, '', ...blocks, '', `比较：${verdict}`].join('\n'),
    citations: [...reply.citations, ...ctx.citations(kept.map((k) => k.rule.clauseId).filter((id) => !reply.citations.some((c) => c.clauseId === id)))],
    calculation: calculations, total: null };
}

/**
 * "江门嗰边有冇类似嘅？比较下" after 中山's award: the awards computed before, shown again under their places, to stand
 * beside a place no document covers. Null where none is kept whole.
 */
export function earlierAwardsShown(awards: ConversationSlots['awards'], ctx: HandlerContext): AssistantReply | null {
  const kept = shownWhole(standingAwards(awards), ctx);
  if (!kept?.length) return null;
  const blocks = kept.map(({ rule, calculation }) => earlierAwardBlock(rule, calculation, ctx));
  const calculations = kept.map((k) => k.calculation);
  return { intent: 'compare', answer: blocks.join('\n\n'), citations: ctx.citations([...new Set(kept.map((k) => k.rule.clauseId))]),
    calculation: calculations.length > 1 ? calculations : calculations[0] ?? null, total: null, suggestions: [] };
}

/** An earlier award shown again under its place, with its document's validity line. */
function earlierAwardBlock(rule: SubsidyRule, calculation: ChatCalculation, ctx: HandlerContext): string {
  return [...earlierAward(placeOfRule(rule.id, ctx), rule, calculation, ctx), ctx.validityLine(rule.docId)].filter(Boolean).join('\n');
}

/** This turn's one award labelled by its place and subject, as earlier awards are shown beside it; else the answer as it is. */
function labelledAlone(answer: string, now: readonly ChatCalculation[], ctx: HandlerContext): string {
  const onlyRule = now.length === 1 && now[0] ? ctx.rules.find(now[0].ruleId) : undefined;
  return onlyRule && !answer.startsWith('【') ? `【${placeOfRule(onlyRule.id, ctx)}·${onlyRule.subject}】${answer}` : answer;
}

/** An award computed earlier in the conversation, shown again under its place or document: its figure, steps and clause. */
function earlierAward(where: string, rule: SubsidyRule, calculation: ChatCalculation, ctx: HandlerContext): string[] {
  return [`【${where}·${rule.subject}】（前面已算）可获${calculation.display}。`, `计算：${calculation.steps.join('；')}`,
    `依据：${ctx.clauseRef(rule.clauseId)}：“${rule.quote}”`];
}
