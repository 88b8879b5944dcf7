import { Decimal } from 'decimal.js';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const BIG_UNITS: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** Characters a numeral phrase may contain: Arabic digits (with . and thousands commas) and Chinese numerals. */
export const NUMERAL_PHRASE = /[0-9０-９][0-9０-９.,，]*|[零〇一二两三四五六七八九十百千万亿]/;

// Financial (大写) numerals as written on contracts and invoices, and their traditional forms.
const FINANCIAL: Record<string, string> = {
  壹: '一', 贰: '二', 貳: '二', 叁: '三', 參: '三', 肆: '四', 伍: '五', 陆: '六', 陸: '六', 柒: '七', 捌: '八', 玖: '九',
  拾: '十', 佰: '百', 仟: '千', 萬: '万', 億: '亿', 兩: '两',
};
const FINANCIAL_RUN = new RegExp(`[${Object.keys(FINANCIAL).join('')}零〇万亿]{2,}`, 'g');

/**
 * The text with financial numerals (贰佰万元, 壹仟伍佰万) in their everyday forms, character for character so that
 * positions hold. Only runs of two or more: 陆续 keeps its 陆; 萬, 億 and 兩 everywhere.
 */
export function plainNumerals(text: string): string {
  // 萬, 億 and 兩 are never anything but numerals, alone too (一百億零三千萬: the 萬 after 千 ends the number; 兩億).
  return text.replace(/[萬億兩]/g, (c) => FINANCIAL[c] ?? c).replace(FINANCIAL_RUN, (run) => [...run].map((c) => FINANCIAL[c] ?? c).join(''));
}

const toHalfWidth = (text: string) => text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * What is wrong with a run of Arabic digits as typed (1.2.3, 2e3, 1,2,3,4), in Chinese; null when it is a plain
 * number (200, 1.5) or one with thousands separators in their places (1,500,000.5). Such runs are reported, never
 * reinterpreted: 1.2.3 is not 1.2 or 3, and 1e308 is not 308.
 */
export function arabicNumeralProblem(run: string): string | null {
  const digits = toHalfWidth(run);
  if (/[eE]/.test(digits)) return '用了科学计数法（e）';
  if ((digits.match(/\./g) ?? []).length > 1) return '有不止一个小数点';
  if (/[,，]/.test(digits) && !/^\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?$/.test(digits)) return '千分位逗号的位置不对';
  return null;
}

/**
 * Reads a numeral phrase such as 200万, 两百万, 一百二十万, 3千万, 0.8亿, 1,500,000, 2百万 into an exact value.
 * Returns null when the phrase holds no digit at all (万 alone). Callers reading what people type check
 * `arabicNumeralProblem` first: this reads 1.2.3万 as 3万.
 */
export function parseNumeralPhrase(phrase: string): Decimal | null {
  const normalized = toHalfWidth(plainNumerals(phrase)).replace(/[,，]/g, '');
  const tokens = normalized.match(/\d+(?:\.\d+)?|[零〇一二两三四五六七八九十百千万亿]/g);
  if (!tokens || !tokens.some((t) => /\d/.test(t) || t in DIGITS || t === '十')) return null;
  let result = new Decimal(0);
  let section = new Decimal(0);
  let number: Decimal | null = null;
  for (const token of tokens) {
    if (/^\d/.test(token)) {
      number = new Decimal(token);
    } else if (token in DIGITS) {
      number = new Decimal(DIGITS[token] ?? 0);
    } else if (token in SMALL_UNITS) {
      section = section.plus((number ?? new Decimal(1)).mul(SMALL_UNITS[token] ?? 1));
      number = null;
    } else if (token === '万') {
      section = section.plus(number ?? 0);
      result = result.plus(section.mul(BIG_UNITS.万 ?? 1));
      section = new Decimal(0);
      number = null;
    } else if (token === '亿') {
      section = section.plus(number ?? 0);
      result = result.plus(section).mul(BIG_UNITS.亿 ?? 1);
      section = new Decimal(0);
      number = null;
    }
  }
  // A digit said right after a unit is a digit of the next place down, as people say it (一万五 is 15000, 一亿五 is
  // 1.5亿, 三千五 is 3500); after 零 it is a unit digit (一万零五 is 10005), after 十 a units digit (十五).
  const [before, last] = tokens.slice(-2);
  const nextPlace: Record<string, number> = { 百: 10, 千: 100, 万: 1000, 亿: 10_000_000 };
  if (number !== null && last !== undefined && last in DIGITS && last !== '零' && last !== '〇' && before !== undefined && before in nextPlace) {
    number = number.mul(nextPlace[before] ?? 1);
  }
  return result.plus(section).plus(number ?? 0);
}
