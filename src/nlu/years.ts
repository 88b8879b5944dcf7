import type { PolicyDocument } from '../corpus/index.js';

/**
 * The years a message names: 2014, and said short, 14年, 14版 or 18-22 (not 3年, not a span such as 10年以上 or 5年内).
 * Two-digit years are read in this century.
 */
export function yearsIn(text: string): string[] {
  // (Never a sum: 每年最高2000万元 names no year 2000.)
  const full = text.match(/(?<![\d.])(?:19|20)\d\d(?![\d.万亿元%％平个台套人名家千百])/g) ?? [];
  const short = [...text.matchAll(/(?<![\d.])(\d{2})(?:年(?![以内来后间期多半度])|版)/g)].map((m) => `20${m[1]}`);
  // A span of years said short (18-22行动计划, 18到20年): both ends, never a span of amounts (10-20万).
  const spans = [...text.matchAll(/(?<![\d.])(1\d|20)\s*[-–—~到至]\s*(1\d|2\d)(?![\d.万亿%％平个人名家台项月天])/g)].flatMap((m) => [`20${m[1]}`, `20${m[2]}`]);
  return [...new Set([...full, ...short, ...spans])];
}

/** The text less its four-digit years and spans of them (2018-2022年, 2018到2020): what it asks, of no year. */
export function withoutYears(text: string): string {
  return text.replace(/(?:19|20)\d\d(?:\s*[-–—到至]\s*(?:19|20)\d\d)?年?/g, ' ');
}

/** The documents among `docs` that a year in the text names: issued, or starting their period, that year. */
export function documentsOfYears(text: string, docs: readonly PolicyDocument[]): PolicyDocument[] {
  const years = yearsIn(text);
  return docs.filter((d) => years.some((y) => d.issueDate?.startsWith(y) || d.period?.from.startsWith(y)));
}
