import { findQuantities } from './quantities.js';
// The joints of an enumeration: 资金扶持、用地保障 / 金融和用地 / 招商补链跟工业互联网.
const JOINT = /、|以及|还有|另外|和|及|与|跟/;
// "在X方面 / X这三块 / X上": the frame around a topic, not part of it (the frame and the question after it go:
// 融资服务这三块分别是怎么讲的 → 融资服务).
const FRAME = /^(在|对|就|关于)|(这[一二三四五两几]?(块|个?方面)|方面|上面).*$|(上|里)$/g;
// A question of its own inside a longer message: 每年要实施多少个项目 / 增长目标多少.
const QUESTION_WORD = /(多少|几[个家项名条]|什么|哪些|哪个|怎么|如何|啥|吗)/;

/**
 * The things one message asks about side by side, each to be looked up on its own: the members of an enumeration
 * (在资金扶持、用地保障、融资服务这三块分别怎么讲) or two questions in one message (每年实施多少个项目 投资增长目标多少).
 * Empty when the message asks one thing. Pure; the pieces are the message's own words.
 */
export function askedParts(text: string): string[] {
  const segments = text.split(/[，,。；;？?！!\s]+/).filter(Boolean);
  const pieces = segments.flatMap((s) => s.split(JOINT)).map((p) => p.trim().replace(FRAME, '')).filter((p) => p.length >= 2);
  const enumerates = pieces.length > segments.filter((s) => s.trim().length >= 2).length;
  const questions = segments.filter((s) => QUESTION_WORD.test(s)).length;
  return enumerates || questions >= 2 ? pieces : [];
}

// Where one question ends and the next begins in a message that asks them one after another.
// (A semicolon or a number opening a part does too: （1）…；（2）….)
// (So does a number after a pause, as typed on a phone: …能拿多少 2.中国质量奖最高给多少 3.这块归哪个部门管.)
const NEXT_QUESTION = /[？?；;]|[（(][1-9一二三四五][）)]|(?<=[，,。：:\s])[2-9][.．、)）](?!\d)|(?<=[，,。：:\s])(?:二是|三是|其二|其三)|另外|顺便问下|顺便问一下|顺便|还有就是/;
// A pause after a question's own word ends a question too, in a message typed without punctuation
// (高级技师每人奖补多少 开班培训最高补多少).
const PAUSE_AFTER_QUESTION = /(?<=多少|吗|几个|哪些)\s+(?=\p{Script=Han})/u;

/**
 * The questions a message asks one after another (…有没有支持？顺便问下…能不能走快一点？), four characters or longer;
 * with `pauses`, a space after a question's word parts them too.
 */
export function questionsOf(text: string, { pauses = false }: { pauses?: boolean } = {}): string[] {
  return text.split(NEXT_QUESTION).flatMap((q) => (pauses ? q.split(PAUSE_AFTER_QUESTION) : [q])).map((q) => q.trim()).filter((q) => q.length >= 4);
}

// The enterprise speaking of itself at the start of a piece.
const WE = '我们|我司|本公司|我们公司|我公司|我们企业|我们厂';
// Who the enterprise is, said in a piece of its own (我们是…企业, 我在东源开了个厂, 我们厂…).
const SELF_INTRODUCTION = new RegExp(`^(${WE}|我是|我在)(是|属于|在)?`);
// The same said as a statement of what it is (我们是…, 我司属于…), not of what it did (我们平台租了2000平方米).
// (After a word that takes up the talk, 那我们是…转移过来的企业, 对了我们是….)
const SAYS_WHAT_IT_IS = new RegExp(`^(?:那么?|对了|其实|好的?|嗯)?[，,\\s]*(${WE})(是|属于)`);

/** Whether a piece of a message tells who the enterprise is (我们是中山古镇的灯饰企业, 我在东源开了个厂). */
export const introducesEnterprise = (piece: string) => SELF_INTRODUCTION.test(piece);

/** Whether a piece of a message says what the enterprise is (我们是…, 我司属于…). */
export const saysWhatItIs = (piece: string) => SAYS_WHAT_IT_IS.test(piece);

/** The pieces of a message in which the enterprise says what it is (我们是中山的龙头骨干企业), in order. */
export function selfIntroductions(text: string): string[] {
  return text.split(/[，,。；;？?！!\n]+/).map((p) => p.trim()).filter((p) => p.length >= 4 && saysWhatItIs(p));
}

// Another enterprise spoken of (隔壁厂, 兄弟公司, 母公司, 别人家, 他们): what it did is someone else's case. (Not 同行
// or 有家企业: the enterprise bought 一间同行, and 有家企业入驻 may be the one asked about.)
// (隔壁镇租的旧厂 is a place the enterprise left, not another enterprise: the enterprise's word follows right after.)
const OTHER_ENTERPRISE = /(隔壁|对面|旁边|邻居|朋友|亲戚|同学|老乡)(的|家|那|那家|那个)?(厂|工厂|公司|企业|老板|那家)|兄弟(公司|企业|单位|厂)|母公司|(另一家|另外一家|其他|其它)(子公司|分公司)|别(人|家)(的)?(厂|公司|企业)?|人家|他们|他家|(别的|其他|其它)(厂|工厂|公司|企业)/;
const RUN_ON_SUBJECT = /(?=(?:隔壁|对面|旁边|兄弟(?:公司|企业|厂)|别人家|人家的)|(?<!跟|和|同|与|像)(?:我们|我司|我哋))/;
const SPEAKS_OF_ITSELF = new RegExp(`${WE}|我厂|本厂|咱们|咱|我这边|我这里|我们自己`);
// Another enterprise said to be like this one (隔壁厂跟我们一样…也是投资2000万元): its figures are the enterprise's too.
const SAME_AS_US = new RegExp(`(跟|和|同|与|像)(${WE}|我厂)一样`);
// A figure the user sets aside (这个不用算, 跟东源没关系, 去年已经补过了): said, but no part of what is asked.
// (跟我们没关系的公司 is a 非关联方, said of the case: only 这个/那个…没关系 sets a figure aside.)
const SET_ASIDE = /(不用(再)?算|不要(再)?算|不必(再)?算|(?<!分)别(再)?算|不算在内|不计入|不用管|不用考虑|(这|那)[个些笔项家]?[^，,。；;]{0,8}(无关|没关系|没有关系|不相关)|已经补过|补过了|已经拿过补贴)/;
// (A space between Chinese words is a pause of a run-on: 第三批48万 去年那批200万的已经补过了不用算 今年这几批….)
const PIECE = /(?<=[，,。；;！!？?\n])|(?<=[\u4e00-\u9fff0-9%])(?=[ \t\u3000]+[\u4e00-\u9fff])/;
// A worked example put before the question (对话示例, 样例): its figures are the example's.
const EXAMPLE_GIVEN = /(示例|样例|范例|例子|举例)/;
const ASKED_AFTER_EXAMPLE = /(?:现在|下面|接下来|真正的?)(?:请)?(?:回答|的问题是?|问题是|问)[:：]?/;
// An earlier year's project already rewarded (我们2017年在中山投了500万技改拿了40万), beside this year's case.
const REWARDED_BEFORE = /((19|20)\d{2}年|去年|前年|以前|之前|上次|早年)[^。；;！!？?]*(拿了|领了|补了|补过|拿过|领过|获得过|享受过|奖过|奖励过)/;
// (Not a level the enterprise reached then, 前年产值首次突破50亿已经拿过500万: what a 首次突破 award asks about.)
const REACHED_BEFORE = /(突破|破了)[^，,。；;]{0,3}\d/;
const THIS_TIME = /(今年|这次|这回|本次|本年度)/;
const EARLIER_YEAR = /((19|20)\d{2}年|去年|前年|以前|之前|上次|早年)/;
const RECOGNISED = /(评上|认定|获评|评为|入选)/;
const GOT = /(拿了|领了|拿过|领过|获得|评上|认定|补了|补过)/;
// A recognition or an award said of the past (前年评的, 已经奖过了): what a 这个别算 after it sets aside.
// A sum said to be received already (50万奖励已经拿到了, 已经拿过80万资助了).
const RECEIVED_ALREADY = /(已经|已)[^，,。；;]{0,2}(拿到|拿了|领到|领了|到账|发了|拿过|领过|兑现)/;
const AWARDED_EARLIER = /((19|20)\d{2}年|去年|前年|以前|之前|上次|早年|当时)[^，,。；;]*(评|认定|奖|补|拿|领)|(奖过|补过|拿过|领过)/;

/**
 * The message as the enterprise's own case: without an aside (in brackets) about another enterprise or set aside
 * (（我们深圳母公司去年纳税增加了500万，这个跟东源没关系。）), without the pieces that speak of another enterprise where
 * the enterprise also speaks of itself (隔壁厂投了5000万拿了800万补贴，我们投了300万), and without a piece set aside
 * (东源那边的兄弟公司也是400万，那个不用算) with the figure it sets aside when it gives none itself. A piece after one
 * about another enterprise is still about it until the enterprise speaks of itself again. Their words go too: 集团另一家
 * 子公司拿过中国质量奖提名奖 names no award of the enterprise's.
 */
// A piece naming something of its own, with no figure (省级分成的数据还没有): what a 先不算 after it sets aside.
const NAMES_WHAT = /(的数据|的数|那部分|那块|那笔|那个)?(还没有|没有|还没出|未出|不清楚|不知道|待定)/;

export function ownCase(text: string): string {
  // "以下为对话示例：用户：…助手：补100万。现在请回答：…": only what follows the example is asked.
  const asked = EXAMPLE_GIVEN.test(text) ? text.split(ASKED_AFTER_EXAMPLE).at(-1) ?? text : text;
  if (asked !== text && asked.trim()) return ownCase(asked);
  const asides = text.replace(/（[^（）]*）|\([^()]*\)/g, (m) => (OTHER_ENTERPRISE.test(m) || SET_ASIDE.test(m) ? '' : m));
  // (A run-on with no pause, …今年做智能化改造买设备花了1800万隔壁那家厂上次设备补贴拿了200万我们想知道…, is parted
  // where another enterprise, or the enterprise itself, becomes the one spoken of.)
  const pieces = asides.split(PIECE).flatMap((p) => (/[，,。；;！!？?\s]/.test(p.slice(0, -1)) || p.length < 40 ? [p] : p.split(RUN_ON_SUBJECT)));
  const ownPiece = (p: string) => SPEAKS_OF_ITSELF.test(p) && !OTHER_ENTERPRISE.test(p);
  const speaksOfItself = pieces.some(ownPiece);
  const dropped = new Set<number>();
  let other = false;
  let same = false;
  pieces.forEach((p, i) => {
    if (ownPiece(p)) { other = false; same = false; } else if (OTHER_ENTERPRISE.test(p)) { other = true; same = SAME_AS_US.test(p); }
    // (A piece about the other that gives no figure and tells of no award it got stays: 还有个兄弟厂在河南固始县
    // asks of that place.)
    // (Its sums and sizes go, not a span of years asked, 三年一共多少.)
    const figures = findQuantities(p).filter((q) => q.kind !== 'years' && q.kind !== 'months');
    // (我们兄弟公司是做商贸的: what the other enterprise is, no kind of ours.)
    if (other && speaksOfItself && !same && (figures.length || GOT.test(p) || /是(做|搞|干|开|经营)[^，,。；;]{1,10}的/.test(p))) dropped.add(i);
    if (REWARDED_BEFORE.test(p) && !REACHED_BEFORE.test(p) && !THIS_TIME.test(p) && THIS_TIME.test(text)) dropped.add(i);
    // "其中1个是去年评上的": items recognised in an earlier year, counted apart from this year's.
    if (EARLIER_YEAR.test(p) && RECOGNISED.test(p) && findQuantities(p).some((q) => q.kind === 'count') && !THIS_TIME.test(p) && THIS_TIME.test(text)) dropped.add(i);
    if (!SET_ASIDE.test(p)) return;
    dropped.add(i);
    // (那个不用算 sets aside the figure said just before it, in the same sentence.)
    if (findQuantities(p).length) return;
    // (…120万，省级分成的数据还没有，先不算: a piece with no figure just before names what is set aside.)
    for (let j = i - 1; j >= 0 && !/[。；;！!\n]$/.test(pieces[j] ?? ''); j--) {
      if (findQuantities(pieces[j] ?? '').length) {
        dropped.add(j);
        // (去年有个技改项目投资800万，已经拿过80万资助了，那个不用算: a sum received for an earlier year's project sets
        // aside the project told before it in the sentence, back to where that year is said.)
        if ((AWARDED_EARLIER.test(pieces[j] ?? '') || RECEIVED_ALREADY.test(pieces[j] ?? '')) && !EARLIER_YEAR.test(pieces[j] ?? '')) {
          for (let k = j - 1; k >= 0 && !/[。；;！!\n]$/.test(pieces[k] ?? '') && !THIS_TIME.test(pieces[k] ?? ''); k--) {
            dropped.add(k);
            if (EARLIER_YEAR.test(pieces[k] ?? '')) break;
          }
        }
        break;
      }
      if (j === i - 1 && NAMES_WHAT.test(pieces[j] ?? '')) break;
      // (…市级智能工厂是前年评的、当时已经奖过了，这个别算进去: the recognition set aside, with no figure, goes too.)
      if (AWARDED_EARLIER.test(pieces[j] ?? '')) dropped.add(j);
    }
  });
  const kept = pieces.filter((_, i) => !dropped.has(i)).join('');
  return kept.trim() ? kept : text;
}
