import { Decimal } from 'decimal.js';
import { arabicNumeralProblem, parseNumeralPhrase, plainNumerals } from './chinese-numerals.js';

export type QuantityKind = 'money' | 'rent' | 'area' | 'headcount' | 'percent' | 'years' | 'months' | 'count' | 'unitless';
export type SkillLevel = '高级工' | '技师' | '高级技师';

/** A quantity found in what someone typed: money in 元, rent in 元/平方米/月, area in m², percent as a fraction (0.15). */
export interface Quantity {
  kind: QuantityKind;
  value: Decimal;
  /** For head counts: the skill level counted. */
  level?: SkillLevel;
  /**
   * For a sum said roughly (800多万, 八百来万, 十几万): the figure lies from `value` up to, not including, this. Never a
   * calculation's input; it can still settle a threshold that the whole range is on one side of.
   */
  below?: Decimal;
  /** The text as typed, and where it is. */
  text: string;
  start: number;
  end: number;
}

// Digits with decimal points, thousands commas and exponents between them; the run is validated as a whole so that
// 1.2.3万 or 2e3万 is reported instead of being read as 3万.
// A full-width comma between digits groups thousands only before exactly three digits and after one to three
// ("¥10000000，2021年" and "¥10000000000，102亿" are two numbers, a pause between them).
const ARABIC = '[0-9０-９](?:[0-9０-９]|[.,](?=[0-9０-９])|(?<=(?<![0-9０-９])[0-9０-９]{1,3}|[,，][0-9０-９]{3})，(?=[0-9０-９]{3}(?![0-9０-９]))|[eE][+-]?(?=[0-9０-９]))*';
const HAN_NUM = '[零〇一二两三四五六七八九十百千]';
// A numeral phrase: Arabic digits with optional Chinese scale (3千万, 1.2亿), or Chinese numerals (一百二十万).
// 5个亿, 两个亿: the 个 of speech before a scale word.
const NUMBER = `(?:${ARABIC}\\s*(?:个(?=[万亿]))?[十百千万亿]*|${HAN_NUM}(?:${HAN_NUM}|个(?=[万亿])|[万亿])*)`;
const UNIT = [
  '(?<pct>%|％|个点|个百分点)',
  // A bare 平 is chat shorthand for 平方米 (8000平), but not the 平 of 平台 or 平均.
  '(?<area>平方米|平米|平方|㎡|m²|m2|平(?![台均衡稳安等时]))',
  '(?<head>名|个|位)?(?<level>高级技师|技师|高级工)',
  // (人民币 after an amount is its currency, not people counted.)
  '(?<people>名|位|人(?![民]))',
  '(?<months>个月)',
  '(?<years>年)',
  // 3.2kw: chat shorthand for 千万 (k 千, w 万); before thousand's k. (Not a power: 200kw的电机, 500kW光伏.)
  '(?<kwan>kw(?![a-z]|h|时|的?(?:电机|功率|机组|发电|光伏|装机)))',
  // 300w, 1.5W: chat shorthand for 万.
  '(?<wan>[w](?![a-z]))',
  // 2.8e, 1E: chat shorthand for 亿 (not an exponent: 1e6 has its digits after).
  '(?<yi>e(?![a-z0-9+\\-]))',
  '(?<million>\\s?(?:million|mn|m)(?![a-z]))',
  '(?<thousand>\\s?(?:thousand|k)(?![a-z]))',
  '(?<yuan>元|块钱|块|人民币|人民幣|\\s?(?:yuan|rmb|cny)(?![a-z]))',
  // 三个地方, 两个文件: places and documents asked about, not items counted; nor 两项各多少, the parts of the question.
  // 项 alone is left out: 两项 counts the things a message asks (两项一次性奖励); only 项 before a thing an enterprise
  // holds (3项产品, 两项专利) counts what a provision pays per item.
  '(?<item>(?:个|家|台|套)(?!地方|城市|地区|区县|文件|政策|各|分别|一共|合计|加起来|合起来|奖|补|资助|扶持)|项(?=产品|专利|发明|成果|标准|认证))',
].join('|');
const QUANTITY = new RegExp(
  `(?<cur>[¥￥]\\s*|(?:rmb|cny)\\s*)?(?<pre>百分之)?(?<num>${NUMBER})(?:\\s*(?:${UNIT}))?(?<yuanAfter>\\s*(?:元|yuan|rmb))?`,
  'giu',
);
// The level of people counted, named later in the same phrase (no pause, no other number before it).
const DESCRIBED_LEVEL = /^[^，,。；;？?！!\d一二两三四五六七八九十]{0,20}?(?<level>高级技师|技师|高级工)/u;
// Not a count that goes on to name its own level (高级工 3个技师: the 3 is the 技师's).
const LEVEL_FIRST = /(?<level>高级技师|技师|高级工)\s*(?:还是|也是|仍是|仍然是|依然是|是|有|为)?\s*(?<num>[0-9]+|[一二两三四五六七八九十]+)\s*(?:名|个|位|人)(?!(?:高级技师|技师|高级工))/gu;
// In a list said level first (高级技师2名技师5名高级工10名: a level before the first count), a level after a count is
// the next item's, where it has its own count after it. (6个高级工 3个技师: the list is said count first.)
const LEVEL_FIRST_LIST = /(?<level>高级技师|技师|高级工)\s*(?:还是|也是|仍是|仍然是|依然是|是|有|为)?\s*(?<num>[0-9]+|[一二两三四五六七八九十]+)\s*(?:名|个|位|人)(?!(?:高级技师|技师|高级工)(?!\s*(?:是|有|为)?\s*(?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:名|个|位|人)))/gu;
const LIST_LEVEL_FIRST = /^[^0-9一二两三四五六七八九十]*?(?:高级技师|技师|高级工)\s*(?:是|有|为)?\s*(?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:名|个|位|人)/u;
// A price per square metre (and month): 40元/平方米/月, 35元一平, 月租40元每平方 (after the amount) or 每平方米每月20元 (before).
const PER_AREA = '(?:平方米|平米|平方|㎡|m²|m2|平)';
// 60元一平一个月, 60块一平米每月: the month said with the area is the rent's unit, not a number of months.
const RENT_AFTER = new RegExp(`^\\s*(?:/|每|一)\\s*${PER_AREA}(?:\\s*(?:/|每|一个|1个)\\s*月)?`, 'u');
const RENT_BEFORE = new RegExp(`(?:每|/)${PER_AREA}(?:每月|/月)?\\s*$`, 'u');
const AREA_SHORTHAND = new RegExp(`(?<=[0-9０-９])[wWkK](?=\\s*${PER_AREA}(?![台均衡稳安等时]))`, 'g');
// Minus signs as typed: ASCII, the true minus, full-width and small forms, and 负.
const MINUS = /[-−－﹣负]/;

const isYear = (digits: string) => /^(19|20)\d\d$/.test(digits);

/** A number that must not be computed on: a negative amount, or digits that are not a well-formed numeral. */
export interface NumberProblem {
  kind: 'negative' | 'malformed';
  /** The text as typed (the sign included), and where it is. */
  text: string;
  start: number;
  end: number;
  /** What is wrong, in Chinese, put as a question back to the user. */
  message: string;
}

interface QuantityScan {
  quantities: Quantity[];
  problems: NumberProblem[];
}

type QuantityGroups = Record<string, string | undefined>;

/** The kind a match's unit gives it; null when the match is not a quantity (a year, a bare Chinese numeral). */
function kindOf(g: QuantityGroups, numText: string): QuantityKind | null {
  const hasHan = /[零〇一二两三四五六七八九十百千万亿]/.test(numText);
  if (g.pct !== undefined || g.pre !== undefined) return 'percent';
  if (g.area !== undefined) return 'area';
  if (g.level !== undefined) return 'headcount';
  if (g.people !== undefined) return 'count';
  if (g.months !== undefined) return 'months';
  if (g.years !== undefined) return isYear(numText) ? null : 'years';
  if (g.kwan !== undefined || g.wan !== undefined || g.yi !== undefined || g.million !== undefined || g.thousand !== undefined) return 'money';
  if (g.yuan !== undefined || g.yuanAfter !== undefined || g.cur !== undefined || /[万亿]/.test(numText)) return 'money';
  if (g.item !== undefined) return 'count';
  // A bare Arabic number: no unit, so the caller must ask rather than guess.
  return !hasHan && !isYear(numText) ? 'unitless' : null;
}

/**
 * Where the minus sign that makes the number at `start` negative is, or null. A hyphen right after another number
 * is a range or a date (2018-2022年, 100万-200万, 2026-11-22), not a sign; a minus must touch the number.
 */
function minusBefore(text: string, start: number, numberEnds: Set<number>): number | null {
  // A match starts at its currency sign, so -¥200万 and ¥-200万 both put the minus right before it.
  const at = start - 1;
  const sign = text[at];
  if (at < 0 || sign === undefined || !MINUS.test(sign)) return null;
  if (sign === '负') return text[at - 1] === '正' ? null : at; // 正负5% is a tolerance (±), not a negative
  // A hyphen after a letter joins a code (patch-0612, ISO-9001): no sign.
  if (/[A-Za-z]/.test(text[at - 1] ?? '')) return null;
  let before = at;
  while (before > 0 && /\s/.test(text[before - 1] ?? '')) before -= 1;
  return numberEnds.has(before) ? null : at;
}

const negativeMessage = (span: string) =>
  `“${span}”是负数。金额、面积、人数等都应是正数，请确认实际数值（例如 200万元）。`;
const malformedMessage = (span: string, why: string) =>
  `“${span}”不是有效的数字写法（${why}），请重新写出这个数（例如 200万、1.5亿、1,500,000元）。`;

// A sum said roughly: a numeral, then 多/来/几, then 万 or 亿 (800多万, 八百来万, 十几万元, 1000多万块).
// Also 一个亿多 and 八十万出头 (the 多 or 出头 after the scale) and 几十万 (几 for the leading digit: from 10万 up to, not including, 100万),
// after a higher place said exactly too (两千几百万: from 2100万 up to, not including, 3000万).
// A sum said as past a round mark (过亿, 上千万, 破百亿): from the mark up, its upper end unsaid.
const PAST_A_MARK = /(?:过|過|上|超|破)(?<mark>[十百千]?[亿億]|[十百千][万萬])(?![0-9０-９一二两三四五六七八九十])/g;
// A mark said as reached (第一次过, 首次突破, 冲过): the tier of a figure, said as an event.
const MARK_REACHED = /(第一次|首次|头一回|头一次|冲|刚|突)$/;
const ROUGH_SUM = new RegExp(`(?<num>[0-9０-９]+|${HAN_NUM}+)\\s*(?:(?:多|来|几)\\s*个?(?<scale>[万亿])|个?(?<after>[万亿])(?:多|出头))(?:元|块)?`
  + `|(?<lead>${HAN_NUM}*[十百千])?几(?<place>[十百千])(?<placeScale>[万亿])(?:元|块)?`, 'gu');

// Two neighbouring digits for one place (一千四五百万, 三四百万, 两三千万, 一两百万): a range, the lower digit to the higher.
// (After 亿 too: 一亿五六千万 is from 1.5亿 up to 1.6亿.)
const DIGIT_PAIR = new RegExp(`(?<lead>${HAN_NUM}*?[十百千亿])?(?<a>[一二两三四五六七八])(?<b>[二两三四五六七八九])(?<place>[十百千])?(?<scale>[万亿])(?:元|块)?`, 'gu');
// A range said from one figure to another (一亿几到两亿之间, 100万-200万, 500到600万): no exact figure, from the lower
// up to the higher. The lower takes the higher's scale where it gives none (500到600万).
// (A digit after the scale is the next place's: 一亿五到两亿五之间.)
const RANGE = new RegExp(`(?<a>[0-9０-９]+(?:\\.[0-9]+)?|${HAN_NUM}+)\\s*(?:(?<as>[万亿])(?<at>[一二两三四五六七八九])?)?(?:多|几|来)?\\s*(?:到|至|~|～|-|－|—)\\s*`
  + `(?<b>[0-9０-９]+(?:\\.[0-9]+)?|${HAN_NUM}+)\\s*(?<bs>[万亿])(?<bt>[一二两三四五六七八九](?![十百千万亿]))?(?:元|块)?(?:之间)?`, 'gu');
const DIGIT_VALUE: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** Reads every quantity in a text and reports the numbers it will not read. Pure; matches classified by their unit. */
function scanQuantities(typed: string): QuantityScan {
  const text = plainNumerals(typed);
  const quantities: Quantity[] = [];
  const problems: NumberProblem[] = [];
  const taken: [number, number][] = [];
  // A sum said as a range (800多万, 一亿几到两亿之间, 一千四五百万): from `value` up to, not including, `below`.
  const takeRange = (m: RegExpMatchArray, value: Decimal, below: Decimal) => {
    const start = m.index ?? 0;
    quantities.push({ kind: 'money', value, below, text: m[0], start, end: start + m[0].length });
    taken.push([start, start + m[0].length]);
  };
  for (const m of text.matchAll(ROUGH_SUM)) {
    const g = m.groups ?? {};
    const count = g.place ? new Decimal({ 十: 10, 百: 100, 千: 1000 }[g.place] ?? 10) : parseNumeralPhrase(g.num ?? '');
    if (!count || !count.isInteger() || count.isZero()) continue;
    const scale = (g.scale ?? g.after ?? g.placeScale) === '亿' ? 100_000_000 : 10_000;
    // The place of the last digit said is the step the rough part stays within (800多 → below 900, 十几 → below 20).
    // (几十万: the leading digit is the rough one, so up to ten times the place.)
    const step = g.place ? count.mul(9) : new Decimal(10).pow(count.toFixed().length - count.toFixed().replace(/0+$/, '').length);
    const lead = g.lead ? parseNumeralPhrase(g.lead) : new Decimal(0);
    if (!lead) continue;
    takeRange(m, lead.plus(count).mul(scale), lead.plus(count).plus(step).mul(scale));
  }
  // "主营过亿", "产值上百亿": a mark passed, with no upper end said.
  for (const m of text.matchAll(PAST_A_MARK)) {
    const said = m.groups?.mark ?? '';
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const mark = parseNumeralPhrase(`一${said.replace('億', '亿').replace('萬', '万')}`);
    if (!mark || taken.some(([a, b]) => end - said.length < b && end > a)) continue;
    quantities.push({ kind: 'money', value: mark, below: new Decimal(Infinity), text: m[0], start, end });
    taken.push([start, end]);
  }
  for (const m of text.matchAll(RANGE)) {
    const g = m.groups ?? {};
    // (差一万到两千万: what is short of a mark, and the mark, not a range.)
    if (/差\s*$/.test(text.slice(Math.max(0, (m.index ?? 0) - 2), m.index ?? 0))) continue;
    const low = parseNumeralPhrase(`${g.a}${g.as ?? g.bs}${g.at ?? ''}`);
    const high = parseNumeralPhrase(`${g.b}${g.bs}${g.bt ?? ''}`);
    if (!low || !high || !low.lt(high)) continue;
    takeRange(m, low, high);
  }
  for (const m of text.matchAll(DIGIT_PAIR)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    if (DIGIT_VALUE[g.b ?? ''] !== (DIGIT_VALUE[g.a ?? ''] ?? 0) + 1 || taken.some(([a, b]) => start < b && start + m[0].length > a)) continue;
    const low = parseNumeralPhrase(`${g.lead ?? ''}${g.a}${g.place ?? ''}${g.scale}`);
    const high = parseNumeralPhrase(`${g.lead ?? ''}${g.b}${g.place ?? ''}${g.scale}`);
    if (!low || !high) continue;
    takeRange(m, low, high);
  }
  for (const m of text.matchAll(LIST_LEVEL_FIRST.test(text) ? LEVEL_FIRST_LIST : LEVEL_FIRST)) {
    const g = m.groups ?? {};
    const value = parseNumeralPhrase(g.num ?? '');
    if (!value) continue;
    const start = m.index ?? 0;
    quantities.push({ kind: 'headcount', value, level: g.level as SkillLevel, text: m[0], start, end: start + m[0].length });
    taken.push([start, start + m[0].length]);
  }
  // (两万一个人, 五千一台: 一 before a measure word is "per one", not the 一 of 两万一 = 21000; read as a pause.)
  // (1.2w平, 4.5k㎡: chat shorthand for 万 and 千 before an area, read as the Chinese scale, one character for one.)
  const matches = [...text.replace(/(?<=[万千])一(?=个|名|位|人|台|套|家|项)/g, '、')
    .replace(AREA_SHORTHAND, (m) => (/[wW]/.test(m) ? '万' : '千')).matchAll(QUANTITY)];
  // Where each number phrase ends (before its unit too), so a hyphen after one reads as a range.
  const numberEnds = new Set<number>(taken.map(([, end]) => end));
  for (const m of matches) {
    const start = m.index ?? 0;
    numberEnds.add(start + m[0].trimEnd().length);
    const num = m.groups?.num ?? '';
    numberEnds.add(start + m[0].indexOf(num) + num.length);
  }
  for (const m of matches) {
    const g: QuantityGroups = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const numText = (g.num ?? '').trim();
    const kind = kindOf(g, numText);
    // (As typed: the shorthand read as 万 or 千 is shown as written.)
    const raw = text.slice(start, end).trim();
    const arabic = /^[0-9０-９][0-9０-９.,，eE+-]*/.exec(numText)?.[0] ?? '';
    const leadingDot = /[.．]$/.test(text.slice(0, start)) && arabic !== '';
    const malformed = leadingDot ? '小数点前缺少数字' : arabic ? arabicNumeralProblem(arabic) : null;
    if (malformed) {
      // Unitless malformed runs (版本1.2.3, 2026.11.22) are not quantities at all; with a unit they are asked about.
      if (kind !== null && kind !== 'unitless') {
        const from = leadingDot ? start - 1 : start;
        const span = text.slice(from, start + raw.length);
        problems.push({ kind: 'malformed', text: span, start: from, end: start + raw.length, message: malformedMessage(span, malformed) });
      }
      continue;
    }
    if (kind === null) continue;
    // 一家, 一个 are articles (我们是一家做五金的企业, 认定了一个省里的数字化车间): a count of one is every count input's default.
    if (kind === 'count' && /^一\s*[家个项台套]$/.test(raw)) continue;
    // 一平米每个月补几块钱, 租金一平方多少: 一平 is the rent's unit (per square metre), no one's floor area.
    if (kind === 'area' && /^一\s*平/.test(raw)) continue;
    // 两个事, 三个问题, 两方面: the parts of a question counted, nothing of the case.
    // (三个加一起, 两项合计: the things just listed, counted to be added up.)
    if (kind === 'count' && /^\s*(事|件事|问题|方面|点|情况|疑问)/.test(text.slice(start + raw.length))) continue;
    if (kind === 'count' && /^[个項项样樣]$/.test(raw.replace(/^[一二两三四五六七八九十\d\s]+/, '')) && ADDED_UP.test(text.slice(start + raw.length))) continue;
    // 这三块, 哪几块: 块 counts the parts of a question there, it is not 元.
    if (kind === 'money' && /[块塊]$/.test(raw) && /[这這那哪几幾每]$/.test(text.slice(0, start))) continue;
    // "中18 高级技师每人2万": a document's shorthand (中18, 中14) before a level, with no word that counts, counts nobody.
    if (kind === 'headcount' && /^\d+\s+/.test(raw) && /\p{Script=Han}$/u.test(text.slice(0, start))) continue;
    // 10亿级企业, 千亿级集群: a size class named, not an amount.
    if (kind === 'money' && /[级級]/.test(text[start + raw.length] ?? '')) continue;
    const minus = minusBefore(text, start, numberEnds);
    if (minus !== null) {
      const span = text.slice(minus, start + raw.length);
      problems.push({ kind: 'negative', text: span, start: minus, end: start + raw.length, message: negativeMessage(span) });
      continue;
    }
    let value = parseNumeralPhrase(numText);
    if (!value) continue;
    if (kind === 'percent') value = value.div(100);
    else if (g.kwan !== undefined) value = value.mul(10_000_000);
    else if (g.wan !== undefined) value = value.mul(10_000);
    else if (g.yi !== undefined) value = value.mul(100_000_000);
    else if (g.million !== undefined) value = value.mul(1_000_000);
    else if (g.thousand !== undefined) value = value.mul(1_000);
    const level = kind === 'headcount' ? { level: g.level as SkillLevel } : {};
    if (kind === 'money') {
      const after = RENT_AFTER.exec(text.slice(start + raw.length));
      if (after || RENT_BEFORE.test(text.slice(Math.max(0, start - 8), start))) {
        const rentEnd = start + raw.length + (after?.[0].length ?? 0);
        quantities.push({ kind: 'rent', value, text: text.slice(start, rentEnd), start, end: rentEnd });
        taken.push([start, rentEnd]);
        continue;
      }
    }
    // 3名符合紧缺人才导向目录的高级技师: people counted, their level said at the end of the phrase.
    // With 个, only a description that ends right at the level (1个新引进的高级技师, 7个师傅考到了高级工), not 3个项目里的技师.
    const described = kind === 'count' && (/[名位]$/.test(raw) || (/个$/.test(raw) && /^[^，,。；;？?！!\d项企厂]{0,14}(的|(?<!不)是|为|考到了?|考取了?|考上了?|考过了?|评上了?|取得了?)(高级技师|技师|高级工)/u.test(text.slice(end))))
      ? DESCRIBED_LEVEL.exec(text.slice(end)) : null;
    if (described?.groups?.level) {
      quantities.push({ kind: 'headcount', value, level: described.groups.level as SkillLevel, text: raw, start, end });
      continue;
    }
    // 那高级技师呢 也是4个人: people counted after the one level the message names.
    const people = kind === 'count' && (/[名位人]$/.test(raw) || text[end] === '人');
    const levelsNamed = people ? [...new Set([...text.slice(0, start).matchAll(/高级技师|技师|高级工/gu)].map((m) => m[0]))] : [];
    if (levelsNamed.length === 1 && !/高级技师|技师|高级工/u.test(text.slice(end))) {
      quantities.push({ kind: 'headcount', value, level: levelsNamed[0] as SkillLevel, text: raw, start, end });
      continue;
    }
    quantities.push({ kind, value, ...level, text: raw, start, end });
  }
  quantities.sort((a, b) => a.start - b.start);
  // (三笔：叁佰万、1,850,000、0.12亿: a bare number listed among sums of money is one of them, in 元.)
  const listedWith = (q: Quantity | undefined, from: number, to: number) => q?.kind === 'money' && LIST_GAP.test(text.slice(from, to));
  quantities.forEach((q, i) => {
    if (q.kind !== 'unitless' || q.value.lt(1000)) return;
    const before = quantities[i - 1];
    const after = quantities[i + 1];
    if (listedWith(before, before?.end ?? 0, q.start) || listedWith(after, q.end, after?.start ?? 0)) quantities[i] = { ...q, kind: 'money' };
  });
  // (A mark passed as an event, 第一次冲过百亿, beside the exact figure of its order, 大概102亿, is that figure's tier, no
  // figure of its own.)
  const exact = quantities.filter((q) => q.kind === 'money' && q.below === undefined);
  const reached = (q: Quantity) => MARK_REACHED.test(text.slice(Math.max(0, q.start - 4), q.start))
    && exact.some((x) => x.value.gte(q.value) && x.value.lt(q.value.mul(10)));
  const kept = quantities.filter((q) => q.below?.isFinite() !== false || !reached(q));
  return { quantities: kept, problems: problems.sort((a, b) => a.start - b.start) };
}
/** What adds up the things just counted (三个加一起, 两项合计, 这几个一共). */
const ADDED_UP = /^\s*(加(一|在一)?起|加埋|合计|合共|一共|总共|共计|统共)/;
/** What stands between two items of one list of figures. */
const LIST_GAP = /^\s*[、，,和及与加+]\s*$/;

/** Finds every quantity in a question; negative and malformed numbers are left out (see `findNumberProblems`). */
export function findQuantities(text: string): Quantity[] {
  return scanQuantities(text).quantities;
}

/**
 * The numbers in a text that must not be computed on, each with a question to ask back: negative amounts (-200万,
 * 负200万, −200万, 突破-500亿, -3名技师) and malformed numerals (1.2.3万, 2e3万, 1,2,3,4万, 1e308元, .5万).
 */
export function findNumberProblems(text: string): NumberProblem[] {
  return scanQuantities(text).problems;
}

export type AmountReading =
  | { ok: true; yuan: Decimal; quantity: Quantity }
  | { ok: false; reason: 'none' | 'ambiguous' | 'no-unit' | 'not-money' | NumberProblem['kind']; message: string; candidates: Quantity[] };

/**
 * Reads exactly one amount of money (元) from a short text such as a form field: "200万", "¥2,000,000", "2 million".
 * Two amounts, a number without a unit, a negative or a malformed number are reported, not guessed.
 */
export function parseAmount(text: string): AmountReading {
  const { quantities, problems } = scanQuantities(text);
  const [problem] = problems;
  if (problem) return { ok: false, reason: problem.kind, candidates: [], message: problem.message };
  const money = quantities.filter((q) => q.kind === 'money');
  if (money.length === 1 && money[0]) return { ok: true, yuan: money[0].value, quantity: money[0] };
  if (money.length > 1) {
    return { ok: false, reason: 'ambiguous', candidates: money,
      message: `“${text}”里有${money.length}个金额（${money.map((q) => q.text).join('、')}），请只给一个` };
  }
  const unitless = quantities.filter((q) => q.kind === 'unitless');
  if (unitless.length > 0) {
    return { ok: false, reason: 'no-unit', candidates: unitless,
      message: `“${text}”没有单位，请注明是元、万元还是亿元（例如 200万元）` };
  }
  if (quantities.length > 0) {
    return { ok: false, reason: 'not-money', candidates: quantities, message: `“${text}”不是金额（识别为${quantities.map((q) => q.text).join('、')}）` };
  }
  return { ok: false, reason: 'none', candidates: [], message: `“${text}”里没有找到金额` };
}

export type RentReading = { ok: true; yuanPerSquareMetreMonth: Decimal } | { ok: false; message: string };

/** Reads exactly one rent (元/平方米/月) from a form field: "40元/平方米/月", "35元一平"; a bare number is taken as it. */
export function parseRent(text: string): RentReading {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return { ok: true, yuanPerSquareMetreMonth: new Decimal(trimmed) };
  const { quantities, problems } = scanQuantities(trimmed);
  const [problem] = problems;
  if (problem) return { ok: false, message: problem.message };
  const rents = quantities.filter((q) => q.kind === 'rent');
  if (rents.length === 1 && rents[0]) return { ok: true, yuanPerSquareMetreMonth: rents[0].value };
  return { ok: false, message: `“${text}”不是每平方米每月的租金（例如 40元/平方米/月）` };
}
