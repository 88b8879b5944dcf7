import { Decimal } from 'decimal.js';
import { groupThousands, yuanString } from '../../src/policy/index.js';

/** One way people type an amount of 元; `write` gives null where the format does not suit the amount. */
export interface AmountFormat {
  name: string;
  write(yuan: Decimal): string | null;
}

const WAN = new Decimal(10_000);
const DIGITS = '零一二三四五六七八九';
const UNITS = ['千', '百', '十', ''] as const;

/** 1–9999 in Chinese numerals; `two` is how a leading 2 before 百/千 is said (两百 colloquially, 二百 formally). */
function hanBelowTenThousand(n: number, two: '两' | '二'): string {
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = UNITS[i] ?? '';
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    const leadingTwo = d === 2 && out === '' && (unit === '千' || unit === '百');
    out += (leadingTwo ? two : DIGITS[d]) + unit;
  });
  // 十五, not 一十五, when the number starts at the tens.
  return out.startsWith('一十') ? out.slice(1) : out;
}

/** An amount of whole 万 in Chinese numerals: 两百万, 一千五百万, 一亿五千万; null for fractions of 万. */
export function hanWan(yuan: Decimal, two: '两' | '二'): string | null {
  const wan = yuan.div(WAN);
  if (!wan.isInteger() || wan.lt(1) || wan.gte(100_000_000)) return null;
  const n = wan.toNumber();
  const yi = Math.floor(n / 10_000);
  const rest = n % 10_000;
  if (yi === 0) return `${hanBelowTenThousand(rest, two)}万`;
  const restText = rest === 0 ? '' : `${rest < 1000 ? '零' : ''}${hanBelowTenThousand(rest, two)}万`;
  return `${hanBelowTenThousand(yi, two)}亿${restText}`;
}

/** `yuan / unit` as plain digits when it has at most `decimals` decimals and is not below `min`; else null. */
function scaled(yuan: Decimal, unit: number, decimals: number, min = 0): string | null {
  const v = yuan.div(unit);
  if (v.decimalPlaces() > decimals || v.lt(min) || v.isZero()) return null;
  return yuanString(v);
}

const FULL_WIDTH = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

const YI = new Decimal(100_000_000);

/**
 * The unit people write an amount in: 亿 from 1亿 up (100亿, 1.5亿), else 万 (200万, 12.5万); null below 1万 or
 * where it would need more than two decimals.
 */
function natural(yuan: Decimal): { digits: string; unit: '万' | '亿' } | null {
  const unit = yuan.gte(YI) ? '亿' : '万';
  const digits = yuan.gte(WAN) ? scaled(yuan, unit === '亿' ? 100_000_000 : 10_000, 2) : null;
  return digits === null ? null : { digits, unit };
}

/** 200万-style, with a way to write the digits and the unit. */
function inNaturalUnit(write: (digits: string, unit: '万' | '亿') => string | null) {
  return (yuan: Decimal): string | null => {
    const n = natural(yuan);
    return n === null ? null : write(n.digits, n.unit);
  };
}

const withSuffix = (text: string | null, suffix: string) => (text === null ? null : `${text}${suffix}`);
const TRADITIONAL_UNIT = { 万: '萬', 亿: '億' } as const;

/** The formats of issue 12 and CONVENTIONS.md: 200万 → 200万元, 2,000,000元, ¥2000000, 两百万, 二百万元, 2百万, 0.02亿, 2M, ２００万, 200萬, 200w. */
export const AMOUNT_FORMATS: readonly AmountFormat[] = [
  { name: '万', write: inNaturalUnit((d, u) => `${d}${u}`) },
  { name: '万元', write: inNaturalUnit((d, u) => `${d}${u}元`) },
  { name: '1,000元', write: (y) => `${groupThousands(y)}元` },
  { name: '¥', write: (y) => `¥${yuanString(y)}` },
  { name: '两百万', write: (y) => hanWan(y, '两') },
  { name: '二百万元', write: (y) => withSuffix(hanWan(y, '二'), '元') },
  // 2百万 is said of a few million, not of 10000百万.
  { name: '百万', write: (y) => (y.lt(YI) ? withSuffix(scaled(y, 1_000_000, 1, 0.1), '百万') : null) },
  { name: '亿', write: (y) => (y.lt(YI) ? withSuffix(scaled(y, 100_000_000, 4), '亿') : null) },
  { name: 'M', write: (y) => (y.lt(YI.mul(10)) ? withSuffix(scaled(y, 1_000_000, 3), 'M') : null) },
  { name: '全角', write: inNaturalUnit((d, u) => `${FULL_WIDTH(d)}${u}`) },
  { name: '萬', write: inNaturalUnit((d, u) => `${d}${TRADITIONAL_UNIT[u]}`) },
  // w is 万 only.
  { name: 'w', write: inNaturalUnit((d, u) => (u === '万' ? `${d}w` : null)) },
];
