import type { Understanding } from '../../nlu/understand.js';
import type { SearchHit } from '../../retrieval/index.js';
import { HELP_SUGGESTIONS, plainReply } from '../compose.js';
import { GENERIC_TERMS, aboutTheDocuments } from '../evidence.js';
import { searchPolicy } from '../policy-search.js';
import type { AssistantReply } from '../response.js';
import type { HandlerContext } from './context.js';

/**
 * The sentence of the best clause that carries most of the question's matched terms, quoted as a one-line answer
 * an agent can read out before the full clause (extractive: the words are the document's own).
 */
function leadSentence(hit: SearchHit | undefined, ctx: HandlerContext): string {
  if (!hit || hit.matchedTerms.length === 0) return '';
  const body = hit.clause.text.replace(/^（[一二三四五六七八九十]+）[^。]{0,30}。/, '').replace(/^——[^。]{0,20}。/, '');
  const sentences = body.split(/(?<=[。；])/).map((x) => x.trim()).filter((x) => x.length >= 6);
  const score = (x: string) => hit.matchedTerms.filter((t) => !GENERIC_TERMS.has(t) && x.includes(t)).reduce((sum, t) => sum + t.length, 0);
  const best = sentences.reduce<string | null>((top, x) => (top === null || score(x) > score(top) ? x : top), null);
  if (!best || score(best) === 0) return '';
  return `要点：“${best.replace(/[；。]$/, '')}”（${ctx.clauseRef(hit.clause.id)}）。\n`;
}

/**
 * Quotes the clauses retrieved for the question (a second one only when both rankings put it in their first two).
 * `searched`: the hits the caller already has for this very search (the question, k 3, no named documents).
 */
export async function lookup(u: Understanding, ctx: HandlerContext, namedDocIds: string[] = [], searched?: SearchHit[]): Promise<AssistantReply> {
  const hits = searched && namedDocIds.length === 0 ? searched
    : await searchPolicy(ctx.corpus, ctx.retriever, { query: u.text, k: 3, docIds: namedDocIds.length ? namedDocIds : undefined });
  // Words such as 补贴 or 企业 occur everywhere; an answer needs the clauses to share what the question is about.
  if (hits.length === 0 || !aboutTheDocuments(u.text, hits, u.regions.length > 0 || namedDocIds.length > 0, ctx.lexicon.gazetteer)) {
    return plainReply('out_of_scope', `收录的文件中没有找到与此相关的条款。${ctx.lexicon.coverage}`, [], HELP_SUGGESTIONS);
  }
  const [first, second] = hits;
  const chosen = [first, second && (second.ranks.lexical ?? 99) <= 2 && (second.ranks.dense ?? 99) <= 2 ? second : undefined]
    .filter((h): h is NonNullable<typeof h> => Boolean(h));
  const parts = chosen.map((h) => `${ctx.clauseRef(h.clause.id)}${h.clause.title ? `（${h.clause.title}）` : ''}：“${h.clause.text}”`);
  const docIds = [...new Set(chosen.map((h) => h.clause.docId))];
  const status = docIds.map((id) => ctx.validityLine(id)).join('');
  const related = ctx.rules.rules.filter((r) => chosen.some((h) => h.clause.id === r.clauseId)).slice(0, 2);
  return {
    intent: 'lookup',
    answer: `${leadSentence(first, ctx)}相关条款：\n${parts.join('\n')}\n${status}`,
    citations: ctx.citations(chosen.map((h) => h.clause.id)),
    calculation: null,
    total: null,
    suggestions: related.length ? related.map((r) => `${r.subject}能补多少`) : hits.slice(1, 3).map((h) => `${h.clause.title || h.clause.label}是什么`),
  };
}

/**
 * "东源和深圳的规定分别是怎样的": the same lookup in each region's documents, one block per region, so that no region asked
 * about is dropped; a region whose documents share nothing with the question says so.
 */
export async function compareLookup(u: Understanding, regions: readonly string[], ctx: HandlerContext): Promise<AssistantReply> {
  const blocks: string[] = [];
  const cited: string[] = [];
  for (const region of regions) {
    const docIds = ctx.documentsFor([region]).map((d) => d.id);
    const [hit] = await searchPolicy(ctx.corpus, ctx.retriever, { query: u.text, k: 3, docIds });
    if (!hit || !aboutTheDocuments(u.text, [hit], true, ctx.lexicon.gazetteer)) {
      blocks.push(`【${region}】收录的${region}文件中没有找到与此相关的条款。`);
      continue;
    }
    const lead = leadSentence(hit, ctx);
    blocks.push(`【${region}】${lead || `${ctx.clauseRef(hit.clause.id)}：`}“${hit.clause.text}”\n${ctx.validityLine(hit.clause.docId)}`);
    cited.push(hit.clause.id);
  }
  return plainReply(cited.length ? 'compare' : 'out_of_scope', `按地区分别列出相关条款：\n${blocks.join('\n\n')}`, ctx.citations(cited),
    regions.map((r) => `只看${r}`));
}
