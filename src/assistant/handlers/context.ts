import { inDocumentTitle, type Corpus, type PolicyDocument } from '../../corpus/index.js';
import type { Lexicon } from '../../lexicon/index.js';
import { findDocuments } from '../../nlu/regions.js';
import { documentsOfYears } from '../../nlu/years.js';
import type { CalculationContext, DocumentGate, PolicyRules, SubsidyRule, UnratedMeasure } from '../../policy/index.js';
import type { Retriever } from '../../retrieval/index.js';
import type { Citation } from '../response.js';

/** What every handler reads: the corpus, the rules data, the lexicon and a few shared phrasings. */
export interface HandlerContext {
  corpus: Corpus;
  rules: PolicyRules;
  lexicon: Lexicon;
  retriever: Retriever;
  today: string;
  /** 《document title》label */
  clauseRef(clauseId: string): string;
  citations(clauseIds: string[]): Citation[];
  /** The document's status sentence (in force / expired / draft) as of today. */
  validityLine(docId: string): string;
  /** Documents in scope: those of the regions named, or all. */
  documentsFor(regions: readonly string[]): PolicyDocument[];
  /** The region a document belongs to (中山, 东源县 …). */
  regionOf(docId: string): string | undefined;
}

/** What the calculator reads beside a rule and its inputs: today's date and the documents, for the status notes. */
export function calculatorContext(ctx: HandlerContext): CalculationContext {
  return { today: ctx.today, documents: ctx.corpus.documentById };
}

/** Documents the message names by 文号 or title, or by region and year (中山 + 2014 → zhongshan-2014); empty when none is. */
export function namedDocuments(text: string, regions: readonly string[], ctx: HandlerContext): string[] {
  const docs = ctx.corpus.documents.filter((d) => regions.length === 0 || regions.includes(d.region));
  // The year inside a 文号 (东府办〔2018〕29号) is part of that name, no year of its own.
  const { docIds: byName, rest } = findDocuments(text, ctx.corpus.gazetteer);
  const named = docs.filter((d) => byName.includes(d.id) || documentsOfYears(rest, [d]).length > 0);
  // With several regions, a year names one region's document; the others keep theirs ("六安、深圳、中山（2014年那个文）").
  if (named.length === 0 || regions.length < 2) return named.map((d) => d.id);
  const yearRegions = new Set(named.map((d) => d.region));
  return docs.filter((d) => named.includes(d) || !yearRegions.has(d.region)).map((d) => d.id);
}

/**
 * The documents named (by title or 文号) and those of the regions asked that no document named belongs to (中山2018那份
 * …行动计划和东源县技改三年行动计划: 东源's too).
 */
export function namedWithRegions(namedIds: readonly string[], regions: readonly string[], ctx: HandlerContext): string[] {
  const regionsNamed = new Set(namedIds.map((id) => ctx.regionOf(id)));
  return [...namedIds, ...ctx.corpus.documents.filter((d) => regions.includes(d.region) && !regionsNamed.has(d.region)).map((d) => d.id)];
}

/**
 * Whether the text names a provision by a word of its own, `minLength` characters or longer, that is no word of a
 * document's title (技改 in 技改实施意见 names a document, not the 技改 row).
 */
export function namedByOwnWord(rule: SubsidyRule, text: string, ctx: HandlerContext, minLength = 1): boolean {
  return rule.vocabulary.triggers.some((t) => t.length >= minLength && text.includes(t) && !inDocumentTitle(ctx.corpus, t));
}

/** Measures of these documents named without a rate whose words the question uses. */
export function unratedFor(docIds: readonly string[], text: string, ctx: HandlerContext): UnratedMeasure[] {
  return ctx.rules.unrated.filter((m) => docIds.includes(m.docId) && m.triggers.some((t) => text.includes(t)));
}

/**
 * A document's gate (rules file `documentGate`) read through a row of the document, its thresholds the gate's: the
 * calculator checks them as it does any row's. Null where the document has no gate.
 */
export function gateThroughRow(docId: string, ctx: HandlerContext): { gate: DocumentGate; row: SubsidyRule } | null {
  const gate = ctx.rules.gates.get(docId);
  const first = ctx.rules.rules.find((r) => r.docId === docId);
  return gate && first ? { gate, row: { ...first, thresholds: gate.thresholds } } : null;
}
