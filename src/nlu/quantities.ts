import { Decimal } from 'decimal.js';
import { parseNumeralPhrase } from './chinese-numerals.js';

export type QuantityKind = 'money' | 'area' | 'headcount' | 'percent' | 'years' | 'months' | 'count' | 'unitless';
export type SkillLevel = '高级工' | '技师' | '高级技师';

/** A quantity found in what someone typed: money in 元, area in m², percent as a fraction (0.15). */
export interface Quantity {
  kind: QuantityKind;
  value: Decimal;
  /** For head counts: the skill level counted. */
  level?: SkillLevel;
  /** The text as typed, and where it is. */
  text: string;
  start: number;
  end: number;
}

const ARABIC = '[0-9０-９][0-9０-９.,，]*';
const HAN_NUM = '[零〇一二两三四五六七八九十百千]';
// A numeral phrase: Arabic digits with optional Chinese scale (3千万, 1.2亿), or Chinese numerals (一百二十万).
const NUMBER = `(?:${ARABIC}\\s*[十百千万亿]*|${HAN_NUM}(?:${HAN_NUM}|[万亿])*)`;
const UNIT = [
  '(?<pct>%|％|个点|个百分点)',
  '(?<area>平方米|平米|平方|㎡|m²|m2)',
  '(?<head>名|个|位)?(?<level>高级技师|技师|高级工)',
  '(?<people>名|位|人)',
  '(?<months>个月)',
  '(?<years>年)',
  '(?<million>\\s?(?:million|mn|m)(?![a-z]))',
  '(?<thousand>\\s?(?:thousand|k)(?![a-z]))',
  '(?<yuan>元|块钱|块|\\s?(?:yuan|rmb|cny)(?![a-z]))',
  '(?<item>个|项|家|台|套)',
].join('|');
const QUANTITY = new RegExp(
  `(?<cur>[¥￥]\\s*|(?:rmb|cny)\\s*)?(?<pre>百分之)?(?<num>${NUMBER})(?:\\s*(?:${UNIT}))?(?<yuanAfter>\\s*(?:元|yuan|rmb))?`,
  'giu',
);
const LEVEL_FIRST = /(?<level>高级技师|技师|高级工)\s*(?<num>[0-9]+|[一二两三四五六七八九十]+)\s*(?:名|个|位|人)/gu;

const isYear = (digits: string) => /^(19|20)\d\d$/.test(digits);

/** Finds every quantity in a question. Pure; each match is classified by its unit, never guessed from context. */
export function findQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(LEVEL_FIRST)) {
    const g = m.groups ?? {};
    const value = parseNumeralPhrase(g.num ?? '');
    if (!value) continue;
    const start = m.index ?? 0;
    found.push({ kind: 'headcount', value, level: g.level as SkillLevel, text: m[0], start, end: start + m[0].length });
    taken.push([start, start + m[0].length]);
  }
  for (const m of text.matchAll(QUANTITY)) {
    const g = m.groups ?? {};
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (taken.some(([a, b]) => start < b && end > a)) continue;
    const numText = (g.num ?? '').trim();
    const hasHan = /[零〇一二两三四五六七八九十百千万亿]/.test(numText);
    const hasScale = /[十百千万亿]/.test(numText);
    let value = parseNumeralPhrase(g.pre ? `${numText}` : numText);
    if (!value) continue;
    const raw = m[0].trim();
    const base = { text: raw, start, end };
    if (g.pct !== undefined || g.pre !== undefined) {
      found.push({ ...base, kind: 'percent', value: value.div(100) });
    } else if (g.area !== undefined) {
      found.push({ ...base, kind: 'area', value });
    } else if (g.level !== undefined) {
      found.push({ ...base, kind: 'headcount', value, level: g.level as SkillLevel });
    } else if (g.people !== undefined) {
      found.push({ ...base, kind: 'count', value });
    } else if (g.months !== undefined) {
      found.push({ ...base, kind: 'months', value });
    } else if (g.years !== undefined) {
      if (!isYear(numText)) found.push({ ...base, kind: 'years', value });
    } else if (g.million !== undefined || g.thousand !== undefined) {
      value = value.mul(g.million !== undefined ? 1_000_000 : 1_000);
      found.push({ ...base, kind: 'money', value });
    } else if (g.yuan !== undefined || g.yuanAfter !== undefined || g.cur !== undefined || hasScale && /[万亿]/.test(numText)) {
      found.push({ ...base, kind: 'money', value });
    } else if (g.item !== undefined) {
      found.push({ ...base, kind: 'count', value });
    } else if (!hasHan && !isYear(numText)) {
      // A bare Arabic number: no unit, so the caller must ask rather than guess.
      found.push({ ...base, kind: 'unitless', value });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

export type AmountReading =
  | { ok: true; yuan: Decimal; quantity: Quantity }
  | { ok: false; reason: 'none' | 'ambiguous' | 'no-unit' | 'not-money'; message: string; candidates: Quantity[] };

/**
 * Reads exactly one amount of money (元) from a short text such as a form field: "200万", "¥2,000,000", "2 million".
 * Two amounts, or a number without a unit, are reported, not guessed.
 */
export function parseAmount(text: string): AmountReading {
  const quantities = findQuantities(text);
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
