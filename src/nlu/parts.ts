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
const NEXT_QUESTION = /[？?；;]|[（(][1-9一二三四五][）)]|另外|顺便问下|顺便问一下|顺便|还有就是/;
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
const SAYS_WHAT_IT_IS = new RegExp(`^(${WE})(是|属于)`);

/** Whether a piece of a message tells who the enterprise is (我们是中山古镇的灯饰企业, 我在东源开了个厂). */
export const introducesEnterprise = (piece: string) => SELF_INTRODUCTION.test(piece);

/** Whether a piece of a message says what the enterprise is (我们是…, 我司属于…). */
export const saysWhatItIs = (piece: string) => SAYS_WHAT_IT_IS.test(piece);

/** The pieces of a message in which the enterprise says what it is (我们是中山的龙头骨干企业), in order. */
export function selfIntroductions(text: string): string[] {
  return text.split(/[，,。；;？?！!\n]+/).map((p) => p.trim()).filter((p) => p.length >= 4 && saysWhatItIs(p));
}
