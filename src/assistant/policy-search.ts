import type { Corpus, PolicyDocument } from '../corpus/index.js';
import { findDocuments, findRegions, withoutRegionNames } from '../nlu/regions.js';
import { asksOfPreamble, asksOnlyStatus } from '../nlu/document-asks.js';
import { saysWhatItIs } from '../nlu/parts.js';
import { findQuantities } from '../nlu/quantities.js';
import { toSimplified } from '../nlu/script.js';
import { documentsOfYears } from '../nlu/years.js';
import { jiebaTokenizer, synonymsOf, toPolicyVocabulary, trimLeadingFunctionWords, type Retriever, type SearchHit } from '../retrieval/index.js';
import { GENERIC_TERMS } from './evidence.js';

export interface PolicySearchRequest {
  query: string;
  k?: number;
  /** Restrict to one document; otherwise the regions the question names restrict the search. */
  docId?: string;
  /** Restrict to these documents (a document the question names by year). */
  docIds?: string[];
  /** Match words only (no embedding): see SearchOptions.wordsOnly. */
  wordsOnly?: boolean;
}

/** The documents of the regions a question names; undefined where it names none (search everything). */
export function docIdsForQuestion(corpus: Corpus, query: string): string[] | undefined {
  // A document named by 文号 or title is searched alone; a region named by its place names, all its documents.
  const named = findDocuments(query, corpus.gazetteer);
  const { covered } = findRegions(named.rest, corpus.gazetteer);
  if (covered.length === 0 && named.docIds.length === 0) return undefined;
  const regional = corpus.documents.filter((d) => covered.includes(d.region));
  // A region's document named by its year (中山2014年那个意见): that one of the region's documents.
  const byYear = documentsOfYears(named.rest, regional);
  const ofRegions = (d: PolicyDocument) => (byYear.length && byYear.some((y) => y.region === d.region) ? byYear.includes(d) : true);
  return corpus.documents.filter((d) => (covered.includes(d.region) && ofRegions(d)) || named.docIds.includes(d.id)).map((d) => d.id);
}

const termsOfCorpus = new WeakMap<Corpus, ReadonlySet<string>>();
/** Every term the clauses use (jieba, as the lexical index reads them), computed once per corpus. */
function corpusTerms(corpus: Corpus): ReadonlySet<string> {
  let terms = termsOfCorpus.get(corpus);
  if (!terms) {
    terms = new Set(corpus.clauses.flatMap((c) => jiebaTokenizer(c.text)));
    termsOfCorpus.set(corpus, terms);
  }
  return terms;
}

/**
 * What the search should match: the question without the parts no clause could share. A stretch between punctuation
 * that uses no word of the documents (您好, 谢谢, 急) goes, as does a self-introduction before the question (我们是一家做
 * 五金的企业), and so do the names of the regions once the search is already narrowed to their documents (中山 and 中山市
 * then rank alike). The lexical ranking ignored
 * these words already; the embedding did not, and a courtesy could reorder two near clauses.
 */
export function questionFocus(query: string, corpus: Corpus, narrowedByRegion: boolean): string {
  const known = corpusTerms(corpus);
  const content = (t: string) => t.length >= 2 && !GENERIC_TERMS.has(t) && (known.has(t) || synonymsOf(t).some((s) => known.has(s)));
  const speaks = (part: string) => /\d/.test(part) || findRegions(part, corpus.gazetteer).covered.length > 0 || jiebaTokenizer(part).some(content);
  const parts = query.split(/[，,。；;！!？?\s]+/).filter((part) => part && speaks(part));
  // A self-introduction before the question (我们是一家做五金的企业，…) is context for the figures, not what to search.
  const asked = parts.length > 1 ? parts.filter((part, i) => i === parts.length - 1 || !saysWhatItIs(part)) : parts;
  let focus = asked.map(trimLeadingFunctionWords).join('，');
  if (narrowedByRegion) focus = withoutTitleWords(withoutRegionNames(findDocuments(focus, corpus.gazetteer).rest, corpus.gazetteer), corpus);
  return /[\p{Script=Han}\p{L}]{2}/u.test(focus) ? focus : query;
}

/** A stretch of a document's title said to name the document (六安那个技改提升行动, 东源技改三年行动计划): this long or more. */
const TITLE_STRETCH = 6;

interface TitleWords {
  /** Titles and short titles in the one spelling retrieval reads (技术改造 → 技改). */
  titles: readonly string[];
  /**
   * Every character a stretch that names a title can hold: the spelled titles' own, those the one spelling replaces
   * (术, 造, 助 …) and Latin letters (English terms become policy words). A stretch with any other character names no
   * title, which spares most of the quadratic search.
   */
  characters: ReadonlySet<string>;
}

const titleWordsOfCorpus = new WeakMap<Corpus, TitleWords>();
/** The documents' titles and short titles in the one spelling retrieval reads, computed once per corpus. */
function titleWords(corpus: Corpus): TitleWords {
  let words = titleWordsOfCorpus.get(corpus);
  if (!words) {
    const raw = corpus.documents.flatMap((d) => [d.title, d.shortTitle]);
    const titles = raw.map(toPolicyVocabulary);
    words = { titles, characters: new Set([...titles.join(''), ...raw.join(''), ...SPELLED_AWAY, ...LATIN]) };
    titleWordsOfCorpus.set(corpus, words);
  }
  return words;
}
const SPELLED_AWAY = '技术改造补助资助扶持资金奖补';
const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ &-';

/**
 * The text less every stretch of TITLE_STRETCH or more characters that some document's title or short title contains,
 * either spelling of a word counting as the same (技术改造实施意见 names 中山2014技改实施意见 as 技改实施意见 does).
 */
function withoutTitleWords(text: string, corpus: Corpus): string {
  const { titles, characters } = titleWords(corpus);
  const inTitle = (words: string) => { const spelled = toPolicyVocabulary(words); return titles.some((t) => t.includes(spelled)); };
  let rest = '';
  let runEnd = 0;
  for (let i = 0; i < text.length;) {
    if (runEnd <= i) for (runEnd = i; runEnd < text.length && characters.has(text[runEnd] ?? ''); runEnd++);
    let end = i;
    for (let j = runEnd; j >= i + TITLE_STRETCH; j--) {
      if (inTitle(text.slice(i, j))) { end = j; break; }
    }
    if (end > i) { rest += ' '; i = end; } else { rest += text[i]; i += 1; }
  }
  return rest;
}

/** How many characters of the text are stretches of TITLE_STRETCH or more of the document's title or short title. */
function titleWordsQuoted(text: string, doc: PolicyDocument | undefined): number {
  if (!doc) return 0;
  const titles = [doc.title, doc.shortTitle].map(toPolicyVocabulary);
  const spelled = toPolicyVocabulary(text);
  let quoted = 0;
  for (let i = 0; i < spelled.length;) {
    let end = i;
    for (let j = spelled.length; j >= i + TITLE_STRETCH; j--) {
      if (titles.some((t) => t.includes(spelled.slice(i, j)))) { end = j; break; }
    }
    if (end > i) { quoted += end - i; i = end; } else i += 1;
  }
  return quoted;
}

/** A span of years written one way (2018到2020年, 2018至2020, 2018～2020 → 2018-2020), as the documents write theirs. */
function yearSpansOneWay(text: string): string {
  return text.replace(/((?:19|20)\d\d)\s*(?:年)?\s*(?:到|至|—|–|~|～|－)\s*((?:19|20)\d\d)/g, '$1-$2');
}

/**
 * The question with every sum of money written one way (一百二十万, 0.012亿, 1.2M → 120万): how a caller writes a figure
 * must not move the clauses found, while the figure itself may still match a clause's (200万元以上).
 */
function figuresOneWay(text: string): string {
  let out = text;
  for (const q of findQuantities(text).filter((x) => x.kind === 'money').sort((a, b) => b.start - a.start)) {
    const wan = q.value.div(10000);
    const written = q.value.gte(10000) && q.value.mod(100).isZero() ? `${wan.toFixed()}万` : `${q.value.toFixed()}元`;
    out = out.slice(0, q.start) + written + out.slice(q.end);
  }
  return out;
}

/** Clause search as hotline agents and the assistant use it: region words in the question narrow the documents. */
export async function searchPolicy(
  corpus: Corpus,
  retriever: Retriever,
  request: PolicySearchRequest,
): Promise<SearchHit[]> {
  const query = toSimplified(request.query);
  const docIds = request.docId ? [request.docId] : request.docIds ?? docIdsForQuestion(corpus, query);
  const k = request.k ?? 5;
  const focus = toPolicyVocabulary(yearSpansOneWay(figuresOneWay(questionFocus(query, corpus, docIds !== undefined))));
  if (!asksOfPreamble(query)) return retriever.search(focus, { k, docIds, wordsOnly: request.wordsOnly });
  // 文号, 发文单位, 执行期 …: the preamble holds them, whatever clause the question's other words match best. The
  // preambles found come first in their order; a document named keeps its preamble in the list even where unfound.
  const hits = await retriever.search(focus, { k: PREAMBLE_SEARCH_DEPTH, docIds, wordsOnly: request.wordsOnly });
  // Of several documents' preambles, the one whose title the question quotes part of (优势传统产业行动计划) first.
  const quoted = (docId: string) => titleWordsQuoted(query, corpus.documentById.get(docId));
  // Of one document's preambles, the cover notice first: its title block holds the 文号, the issuer, the date and status.
  const found = hits.filter((h) => h.clause.kind === 'preamble').sort((a, b) => quoted(b.clause.docId) - quoted(a.clause.docId));
  const docsFound = [...new Set(found.map((h) => h.clause.docId))];
  const preambles = docsFound.flatMap((docId) => corpus.clauses.filter((c) => c.docId === docId && c.kind === 'preamble')
    .map((clause) => found.find((h) => h.clause.id === clause.id) ?? { clause, score: 0, matchedTerms: [], ranks: {} }));
  // (Its status alone asked, 工作母机补贴今年还能申请吗, the best preamble leads and the provision's clause follows.)
  const statusOnly = asksOnlyStatus(query);
  const first = statusOnly ? preambles.slice(0, 1) : preambles;
  const named = statusOnly ? [] : (docIds ?? []).flatMap((id) => corpus.clauses.filter((c) => c.docId === id && c.kind === 'preamble'))
    .filter((c) => !first.some((h) => h.clause.id === c.id)).map((clause) => ({ clause, score: 0, matchedTerms: [], ranks: {} }));
  return [...first, ...named, ...hits.filter((h) => h.clause.kind !== 'preamble')].slice(0, k);
}

/** How deep a search for a document fact looks for the preambles it puts first (every clause of one document). */
const PREAMBLE_SEARCH_DEPTH = 50;
