import { Decimal } from 'decimal.js';
import { parseNumeralPhrase } from '../../nlu/chinese-numerals.js';

/** One figure as written in a text, with its value in base units (元, or a fraction for percentages). */
export interface StatedFigure {
  text: string;
  value: string;
}

// 百分之十五 | 200万元 | 1,500,000元 | 15% | 三十万 | 0.8亿 | 2018
const FIGURE = /(百分之)?([0-9０-９][0-9０-９.,，]*[千百万亿]*|[零〇一二两三四五六七八九十百千万亿]+)\s*(元|%|％)?/g;

/**
 * The figures a text states. Bare Arabic numbers below 100 with no unit (list numbers, "3名", dates' months) and
 * Chinese numerals with neither 万/亿 nor a unit (三年, 一、) are not figures an answer could get wrong in a way that
 * matters, so they are left out; everything that reads as money, a rate or a year is in.
 */
export function statedFigures(text: string, { all = false }: { all?: boolean } = {}): StatedFigure[] {
  const figures: StatedFigure[] = [];
  for (const match of text.matchAll(FIGURE)) {
    const [, percentWord, rawPhrase = '', unit] = match;
    const phrase = rawPhrase.replace(/[.,，]+$/, '');
    const arabic = /[0-9０-９]/.test(phrase);
    const percent = Boolean(percentWord) || unit === '%' || unit === '％';
    const value = parseNumeralPhrase(phrase);
    if (!value) continue;
    if (!all) {
      if (!arabic && !percent && !unit && !/[万亿]/.test(phrase)) continue;
      if (arabic && !percent && !unit && !/[万亿千百]/.test(phrase) && value.lessThan(100)) continue;
    }
    const scaled = percent ? value.div(100) : value;
    figures.push({ text: match[0], value: new Decimal(scaled).toFixed() });
  }
  return figures;
}

export interface FigureCheck {
  ok: boolean;
  /** Figures in the answer that no source states. */
  unsupported: string[];
}

/** Every figure the answer states must be stated (as the same value) by one of the sources. */
export function checkFigures(answer: string, sources: string[]): FigureCheck {
  const allowed = new Set(sources.flatMap((s) => statedFigures(s, { all: true }).map((f) => f.value)));
  const unsupported = statedFigures(answer).filter((f) => !allowed.has(f.value)).map((f) => f.text.trim());
  return { ok: unsupported.length === 0, unsupported: [...new Set(unsupported)] };
}
