import type { RegionGazetteer } from '../corpus/index.js';
import { findRegions } from '../nlu/regions.js';
import { toPolicyVocabulary, type SearchHit } from '../retrieval/index.js';

/** Words that occur all over the corpus (补贴, 企业) or in any question (什么): a match on them says nothing. */
export const GENERIC_TERMS: ReadonlySet<string> = new Set(['补贴', '补助', '奖励', '奖补', '资助', '扶持', '支持', '政策', '企业',
  '工厂', '项目', '什么', '有', '吗', '多少', '开', '上', '能', '可以', '怎么', '哪些', '分别', '哪几', '哪几个', '地方', '文件']);

// A stretch that is only a courtesy or urgency (您好, 谢谢, 急, 麻烦问下).
const COURTESY = /^(您好|你好|谢谢|多谢|感谢|谢了|急|急急急|在线等|麻烦(问下|问一下|了|您)?|请问|拜托了?)+[~～。.！!]*$/;

// The asking part of a question (是什么意思, 有哪些, 吗): not content the corpus could match.
const ASKING = /(这方面|方面|这块|相关|是什么意思|什么意思|是什么|是多少|有哪些|有什么|有没有|是否|请问|怎么样|怎么|如何|哪些|哪个|哪只|多少|什么|一下|可以|能|会|吗|呢|吧|啊|了|的|是|有|要|我们|我|你|帮|几)/g;

/**
 * The question's terms that the retrieved clauses share and that say more than 补贴 or a place name: 淘汰, 落后, 产能 for
 * 深圳对淘汰落后产能有什么要求; nothing for 中山明天会下雨吗 (only 中山).
 */
export function distinctiveTerms(hits: readonly SearchHit[], gazetteer: RegionGazetteer): string[] {
  const terms = new Set(hits.flatMap((h) => h.matchedTerms));
  return [...terms].filter((t) => t.length >= 2 && !GENERIC_TERMS.has(t) && !isPlaceName(t, gazetteer));
}

const placeNames = new WeakMap<RegionGazetteer, Map<string, boolean>>();
/** Whether a term names a place, covered or not; remembered per gazetteer, as the same terms recur in every search. */
function isPlaceName(term: string, gazetteer: RegionGazetteer): boolean {
  let known = placeNames.get(gazetteer);
  if (!known) placeNames.set(gazetteer, (known = new Map()));
  let place = known.get(term);
  if (place === undefined) {
    const { covered, uncovered } = findRegions(term, gazetteer);
    place = covered.length > 0 || uncovered.length > 0;
    if (known.size < 10_000) known.set(term, place);
  }
  return place;
}

/**
 * Whether a question none of the rules' words name is still about the documents: the clauses retrieved for it share
 * its content words. With a covered region named, one distinctive shared term is enough (六安高端化改造围绕哪些产业);
 * without one, the shared terms must cover half of what the question asks about, so that 人工智能会取代人类吗 or a tax
 * question that shares 专项 with a clause stays out of scope while 关键装备要达到什么水平 is answered.
 */
export function aboutTheDocuments(asked: string, hits: readonly SearchHit[], regionNamed: boolean, gazetteer: RegionGazetteer): boolean {
  // The hits' terms are those of the question as searched (技术改造 read as 技改): compare with that spelling; courtesies
  // (…，谢谢) are no part of what is asked.
  const question = toPolicyVocabulary(asked.split(/[，,。！!？?\s]+/).filter((part) => !COURTESY.test(part)).join('，'));
  const terms = distinctiveTerms(hits, gazetteer);
  if (terms.length === 0) return false;
  if (regionNamed) return true;
  const content = [...question.replace(ASKING, '').matchAll(/\p{Script=Han}/gu)].length;
  return content > 0 && coveredChars(question, terms) / content >= 0.5;
}

/** How many characters of the question the terms cover (overlaps counted once). */
export function coveredChars(question: string, terms: readonly string[]): number {
  const covered = new Set<number>();
  for (const term of terms) {
    for (let at = question.indexOf(term); at >= 0; at = question.indexOf(term, at + 1)) {
      for (let i = at; i < at + term.length; i++) covered.add(i);
    }
  }
  return covered.size;
}

/** Two adjacent-rank swaps in one ranking move a fused score by about this much: closer scores are a tie. */
const NEAR_TIE = 2 * (1 / 61 - 1 / 62);

/** How many characters of the question the hit's distinctive shared words cover (not 补贴, 支持 or a place). */
export function evidenceCover(hit: SearchHit, asked: string, gazetteer: RegionGazetteer): number {
  const question = toPolicyVocabulary(asked);
  return coveredChars(question, distinctiveTerms([hit], gazetteer).filter((t) => question.includes(t)));
}

/**
 * The hit to quote first: of the hits that tie with the top one (within two rank swaps), the one whose distinctive
 * shared words cover most of the question (数控化率 decides between two target paragraphs that both say 目标); below
 * them, the one that shares most where those share none.
 * Deterministic: equal cover keeps the ranking's order.
 */
export function bestEvidence<H extends SearchHit>(hits: readonly H[], asked: string, gazetteer: RegionGazetteer): H | undefined {
  const [top] = hits;
  if (!top) return undefined;
  const cover = (h: H) => evidenceCover(h, asked, gazetteer);
  const best = hits.filter((h) => top.score - h.score <= NEAR_TIE).reduce((b, h) => (cover(h) > cover(b) ? h : b), top);
  // A clause sharing none of the question's own words is no evidence while a lower one shares some (机器换人 in 中山2014
  // ranked below 中山2018's clauses that share only 支持).
  return cover(best) > 0 ? best : hits.reduce((b, h) => (cover(h) > cover(b) ? h : b), best);
}
