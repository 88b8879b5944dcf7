import { Decimal } from 'decimal.js';

const WAN = new Decimal(10_000);
const YI = new Decimal(100_000_000);

/** Trims a decimal string's trailing zeros: "12.50" → "12.5", "30.00" → "30". */
function plain(value: Decimal): string {
  return value.toFixed().replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
}

/** "300,000" with thousands separators, keeping any fraction. */
export function groupThousands(value: Decimal): string {
  const [whole = '0', fraction] = value.toFixed().split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction ? `.${fraction}` : ''}`;
}

/** The one way this project writes an amount of 元 for people: 120亿元, 30万元, 12.5万元, 8,000元, 1,234.56元. */
export function formatYuan(value: Decimal): string {
  if (value.abs().gte(YI) && value.mod(1_000_000).isZero()) return `${plain(value.div(YI))}亿元`;
  if (value.abs().gte(WAN) && value.mod(100).isZero()) return `${plain(value.div(WAN))}万元`;
  return `${groupThousands(value)}元`;
}

/** An amount as read out and in whole 元 beside it where the two differ: 7.4万元（74,000元）, 8,000元 (a 合计's form). */
export function formatYuanWithExact(value: Decimal): string {
  const read = formatYuan(value);
  const exact = `${groupThousands(value)}元`;
  return read === exact ? read : `${read}（${exact}）`;
}

/**
 * Amounts read side by side, in one unit: where one is under 1万元 all are written in 元 (每人5,000元、8,000元、10,000元,
 * as the documents write such lists), never 1万元 beside 8,000元.
 */
export function formatYuanAlike(values: readonly Decimal[]): string[] {
  if (values.some((v) => v.abs().lt(WAN))) return values.map((v) => `${groupThousands(v)}元`);
  return values.map(formatYuan);
}

/** The exact form for records and APIs: 300000, 1234.56 (元, no separators, no exponent). */
export function yuanString(value: Decimal): string {
  return plain(value);
}

/** "15%" from 0.15. */
export function formatRate(rate: Decimal): string {
  return `${plain(rate.mul(100))}%`;
}
