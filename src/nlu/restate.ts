import { findQuantities, type Quantity, type SkillLevel } from './quantities.js';
import type { Understanding } from './understand.js';

/** Kinds of figure a later message can put in place of an earlier one. */
const REPLACEABLE: readonly string[] = ['money', 'rent', 'area', 'headcount', 'count', 'months'];

/** The words a figure follows, back to the previous pause or figure: what it is (租金是每平米 → 30元). */
function cueOf(text: string, q: Quantity, all: readonly Quantity[]): string {
  const previousEnd = Math.max(0, ...all.filter((p) => p.end <= q.start).map((p) => p.end));
  const before = text.slice(Math.max(previousEnd, q.start - 10), q.start);
  return before.slice(Math.max(...['，', ',', '。', '；', ';', '、', '？', '?', '！', '!', ' '].map((d) => before.lastIndexOf(d))) + 1);
}

/**
 * The figure as it will read in the restated question: as typed where that alone reads the same (300万), else in
 * the unit of its kind ("每平米30元" typed as 30元 → 30元/平方米/月).
 */
function figureText(q: Quantity): string {
  const alone = findQuantities(q.text);
  if (alone.length === 1 && alone[0]?.kind === q.kind && alone[0].value.eq(q.value) && alone[0].level === q.level) return q.text;
  const value = q.value.toFixed();
  switch (q.kind) {
    case 'money': return `${value}元`;
    case 'rent': return `${value}元/平方米/月`;
    case 'area': return `${value}平方米`;
    case 'headcount': return `${value}名${q.level ?? ''}`;
    case 'months': return `${value}个月`;
    default: return `${value}个`;
  }
}

/**
 * Characters of the documents' vocabulary two cue texts share (月租 · 租金是每平米 → 租): excluded are the words of a
 * correction and those that only name the figure's kind (面积是, 金额是), which the kind itself already matches.
 */
function sharedCueChars(a: string, b: string): number {
  const generic = new Set('是的了其实不对应该为成改说错搞写打我们那这如果要呢再其他变还面积金额数个人刚恰正好就只'.split(''));
  const own = new Set([...a].filter((c) => /\p{Script=Han}/u.test(c) && !generic.has(c)));
  return new Set([...b].filter((c) => own.has(c))).size;
}

const PART_OF_EARLIER = /(其中|当中|里面|里头|之中)\s*$/;

/**
 * The earlier question restated with the figures a correction or follow-up gives in place of those it replaces
 * ("…月租45元/平米，注册资本补贴和第一年租金补助各多少" + "不对，租金是每平米30元，其他不变" → the same question at 30元),
 * or null when a figure of this turn matches no single earlier figure of its kind (two sums of money and a bare
 * "是300万" could be either: the turn is then read as before, never guessed).
 */
export function restatedQuestion(earlier: Understanding, now: Understanding): string | null {
  const outsideNegation = (u: Understanding) => (q: Quantity) => !u.negated.some(([a, b]) => q.start >= a && q.start < b);
  const old = earlier.quantities.filter((q) => REPLACEABLE.includes(q.kind)).filter(outsideNegation(earlier));
  // An award already received (已经拿过150万补贴) adds a fact to the earlier case; it replaces none of its figures.
  const received = now.amounts.alreadyReceived;
  // (Nor does a result the caller puts forward, 应该是250万吧: it is no figure of the case.)
  const fresh = now.quantities.filter((q) => REPLACEABLE.includes(q.kind)).filter(outsideNegation(now))
    .filter((q) => !(received && q.start === received.start) && !now.amounts.claimed.some((c) => c.start === q.start));
  const heads = old.filter((q) => q.kind === 'headcount');
  const [head] = heads;
  const level = levelNamed(now);
  // "人数也记错了，其实是7个人": people counted without a level stand for the one earlier head count, its level kept
  // (or the one level this turn names: 如果这4个人是高级技师呢).
  // (Among several head counts, people counted at the one level this turn names are that level's: 那技师如果是3名呢.)
  const counted = fresh.map((q): Quantity => {
    if (q.kind === 'headcount' && !q.level && heads.length > 1 && level && heads.some((h) => h.level === level)) return { ...q, level };
    if (q.kind !== 'count' || !head || !PEOPLE.test(now.text.slice(q.end - 1, q.end + 1))) return q;
    if (heads.length === 1) return { ...q, kind: 'headcount', level: level ?? head.level, text: '' };
    return level && heads.some((h) => h.level === level) ? { ...q, kind: 'headcount', level } : q;
  });
  // "说错了，不是高级工，是技师", "那技师呢": the one earlier head count at the level now named, its number kept.
  const relevelled = head && heads.length === 1 && level && level !== head.level && !counted.some((q) => q.kind === 'headcount')
    ? { ...head, level, text: '' } : null;
  if (!counted.length) {
    return relevelled && head ? restate(earlier.text, new Map([[head, relevelled]])) : awardRelevelled(earlier.text, now) ?? scaledQuestion(earlier, old, now.text);
  }
  const replaced = new Map<Quantity, Quantity>();
  for (const q of counted) {
    // (People counted stand for the one earlier head count whatever level they are now said to be.)
    const standsForHead = q.kind === 'headcount' && q.text === '' && head !== undefined;
    let candidates = standsForHead && head ? [head] : old.filter((p) => p.kind === q.kind && (q.kind !== 'headcount' || p.level === q.level));
    // A figure that says what it is must say the same as the one it replaces (租金是每平米30元 for 月租45元); one
    // that says something else adds a fact (补充一下 主营业务收入只有800万; 只租了其中4500平), it replaces nothing.
    // (A head count's level is matched already: 那技师如果是3名呢 says nothing else of what it is.)
    const cue = q.kind === 'headcount' ? cueOf(now.text, q, now.quantities).replace(SKILL_LEVEL, '') : cueOf(now.text, q, now.quantities);
    // (A part of an earlier figure, 只租了其中4000平方米, adds a fact whatever words it shares with it.)
    if (PART_OF_EARLIER.test(cue)) return null;
    const scored = candidates.map((p) => ({ p, score: sharedCueChars(cueOf(earlier.text, p, earlier.quantities), cue) }));
    const best = Math.max(0, ...scored.map((x) => x.score));
    if (best > 0) candidates = scored.filter((x) => x.score === best).map((x) => x.p);
    // "面积8000平方米，入驻企业把8000平方米全租了" → "如果那栋厂房只有4500平方米呢": one figure said twice is replaced
    // wherever it was said.
    const sameFigure = candidates.length > 1 && candidates.every((p) => p.value.eq(candidates[0]?.value ?? 0));
    // (Asked as a supposition, 如果…只有4500平方米呢; said as a fact of its own, 只租了其中4500平, it adds one.)
    if (best === 0 && sharedCueChars(cue, cue) > 0 && !(sameFigure && SUPPOSED.test(now.text))) return null;
    const [only] = candidates;
    if ((candidates.length !== 1 && !sameFigure) || !only || candidates.some((p) => replaced.has(p))) return null;
    for (const p of candidates) replaced.set(p, q);
  }
  if (relevelled && head && !replaced.has(head)) replaced.set(head, relevelled);
  // The same figures said again ("假设每年增量都是80万" while asking the total) change nothing to restate.
  if ([...replaced].every(([p, q]) => p.value.eq(q.value) && p.level === q.level)) return null;
  return restate(earlier.text, replaced);
}

/** The text with each earlier figure written as its replacement; spans replaced from the end keep earlier offsets valid. */
function restate(text: string, replaced: ReadonlyMap<Quantity, Quantity>): string {
  return [...replaced].sort(([a], [b]) => b.start - a.start)
    .reduce((out, [p, q]) => `${out.slice(0, p.start)}${figureText(q)}${out.slice(p.end)}`, text);
}

// A case supposed instead of the earlier one (如果, 要是, 假如, 换成).
const SUPPOSED = /(如果|要是|假如|假设|换成|改成)/;
// A count of people: 7名, 7位, 7个人.
const PEOPLE = /^(?:[名位人]|个人)/;
const SKILL_LEVEL = /高级技师|技师|高级工/gu;

/** The one skill level a message names outside what it negates (不是高级工，是技师 → 技师), or null (none, or several). */
function levelNamed(u: Understanding): SkillLevel | null {
  const said = new Set([...u.text.matchAll(SKILL_LEVEL)]
    .filter((m) => !u.negated.some(([a, b]) => (m.index ?? 0) >= a && (m.index ?? 0) < b))
    .map((m) => m[0] as SkillLevel));
  return said.size === 1 ? [...said][0] ?? null : null;
}

// An earlier figure changed by an exact factor, with the words that name it before (投资额减半, 面积翻一番).
const FACTORS: readonly [RegExp, string][] = [
  [/(减半|砍半|少一半|减少一半|打对折)/, '0.5'],
  [/(翻倍|翻番|翻一番|翻一倍|多一倍|增加一倍|加倍|两倍|2倍)/, '2'],
];

const KIND_WORDS: readonly [string, RegExp][] = [
  ['area', /(面积|平米|平方)/], ['rent', /(租金|月租|房租)/], ['months', /(月数|期限|租期|几个月)/],
];

/** "那投资额减半呢": the earlier question with the one figure the change names scaled, or null (none, or several). */
function scaledQuestion(earlier: Understanding, old: readonly Quantity[], text: string): string | null {
  const found = FACTORS.map(([pattern, factor]) => ({ match: pattern.exec(text), factor })).filter((x) => x.match);
  const [change] = found;
  if (found.length !== 1 || !change?.match) return null;
  const cue = text.slice(Math.max(0, change.match.index - 8), change.match.index);
  // A word of the figure's kind (面积翻一番, 租金减半) names it among figures of other kinds.
  const kinds = KIND_WORDS.filter(([, words]) => words.test(cue)).map(([kind]) => kind);
  let candidates = old.filter((q) => q.kind !== 'headcount' && q.kind !== 'count' && (!kinds.length || kinds.includes(q.kind)));
  if (candidates.length > 1) {
    // (A part of an earlier figure, 只租了其中4000平方米, adds a fact whatever words it shares with it.)
    if (PART_OF_EARLIER.test(cue)) return null;
    const scored = candidates.map((p) => ({ p, score: sharedCueChars(cueOf(earlier.text, p, earlier.quantities), cue) }));
    const best = Math.max(0, ...scored.map((x) => x.score));
    candidates = best > 0 ? scored.filter((x) => x.score === best).map((x) => x.p) : [];
  }
  const [only] = candidates;
  if (candidates.length !== 1 || !only) return null;
  const scaled: Quantity = { ...only, value: only.value.mul(change.factor), text: '' };
  return `${earlier.text.slice(0, only.start)}${figureText(scaled)}${earlier.text.slice(only.end)}`;
}

// The level of an award (省级绿色工厂), and a thing said to be of another level (绿色工厂是市级的).
const AWARD_LEVEL = /(国家级|省级|市级|县级)/g;
const SAID_OF_LEVEL = /([\p{Script=Han}]{2,8}?)(?:其实|应该|实际)?(?:是|为|算)(国家级|省级|市级|县级)/u;

/**
 * "绿色工厂是市级的不是省级的" after "今年评上了省级绿色工厂 还有一个项目是市级技改示范项目 一共能奖多少": the earlier
 * question with that award's level changed, every other award as it was; null where the turn changes no award's level.
 */
function awardRelevelled(earlierText: string, now: Understanding): string | null {
  const inNegation = (at: number) => now.negated.some(([a, b]) => at >= a && at < b);
  const levels = [...now.text.matchAll(AWARD_LEVEL)];
  const denied = levels.find((m) => inNegation(m.index ?? 0))?.[0];
  const said = SAID_OF_LEVEL.exec(now.text);
  const [, thing, level] = said ?? [];
  if (!said || !thing || !level || !denied || denied === level || inNegation(said.index + thing.length)) return null;
  const earlierAward = `${denied}${thing}`;
  return earlierText.includes(earlierAward) ? earlierText.replace(earlierAward, `${level}${thing}`) : null;
}
