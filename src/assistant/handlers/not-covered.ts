import { documentNameText } from '../../corpus/index.js';
import type { UnratedMeasure } from '../../policy/index.js';
import { HELP_SUGGESTIONS, plainReply, unratedSentence } from '../compose.js';
import type { AssistantReply } from '../response.js';
import type { HandlerContext } from './context.js';

/** Places no document covers (北京, 广州, 香港): said so, with no figure. */
export function notCovered(uncoveredPlaces: readonly string[], ctx: HandlerContext): AssistantReply {
  const places = uncoveredPlaces.join('、');
  return plainReply('out_of_scope',
    `收录的文件中没有${places}的技改政策，无法给出${places}的补贴标准或金额。${ctx.lexicon.coverage}如需${places}的政策，请咨询当地工业和信息化主管部门。`,
    [], ['中山买工作母机能补多少', '东源设备购置补贴', '六安技改奖励有哪些']);
}

/** Subjects no document speaks of (增值税税率, 高新技术企业认定奖励): said so, by name, with no figure. */
export function topicsNotCovered(topics: readonly string[], ctx: HandlerContext, mentioned: readonly UnratedMeasure[] = []): AssistantReply {
  const named = topics.join('、');
  // Where a document names the subject without setting it (六安 三、（三）: 落实研发费用加计扣除), its words follow.
  const said = mentioned.map((m) => `\n${unratedSentence(m, ctx)}`).join('');
  return plainReply('out_of_scope',
    `收录的技改政策文件没有规定${named}，无法据此回答。${ctx.lexicon.coverage}相关问题请咨询${departments(topics, ctx)}。${said}`,
    ctx.citations(mentioned.map((m) => m.clauseId)), HELP_SUGGESTIONS);
}

/** A question outside the documents' subject altogether; a request named (天气预报, 写诗) is said by its name. */
export function offTopic(ctx: HandlerContext, requests: readonly string[] = []): AssistantReply {
  const asked = requests.length ? `${requests.join('、')}不在我能回答的范围内：我只按收录的技改政策文件查条款、算补贴。` : '这个问题不在技改政策文件的范围内，我无法回答。';
  return plainReply('out_of_scope', `${asked}${ctx.lexicon.coverage}`, [], HELP_SUGGESTIONS);
}

/** An amount asked of documents that state no rate: their own statement, and their status. */
export function noRates(docIds: string[], ctx: HandlerContext,
  { status: withStatus = true, measures = [] }: { status?: boolean; measures?: readonly UnratedMeasure[] } = {}): AssistantReply {
  const statements = ctx.rules.nonQuantitative.filter((d) => docIds.includes(d.docId));
  const status = withStatus ? docIds.map((id) => ctx.validityLine(id)).join('') : '';
  // The measure asked about (深圳 （五） 设备更新), where the text names it, follows on its own line: the answer (no
  // figure) first, then what the document does say on it.
  const named = (docId: string) => measures.filter((m) => m.docId === docId).map((m) => unratedSentence(m, ctx)).join('');
  // Several documents asked side by side (中山2014跟深圳2015…分别是多少): one block each, as a comparison reads.
  const answer = statements.length > 1
    ? `分别列出各文件的规定：\n${statements.map((s) => `【${ctx.corpus.documentById.get(s.docId)?.shortTitle ?? s.docId}】${named(s.docId)}${s.statement}`).join('\n')}\n因此按这些文件无法计算金额。${status}`
    : `${statements.map((s) => s.statement).join('')}因此按该文件无法计算金额。${statements.map((s) => named(s.docId)).filter(Boolean).map((x) => `\n${x}`).join('')}${status}`;
  const cited = [...measures.filter((m) => docIds.includes(m.docId)).map((m) => m.clauseId), ...statements.flatMap((s) => s.clauseIds)];
  return plainReply('lookup', answer, ctx.citations([...new Set(cited)]), ['中山买工作母机能补多少', '东源设备购置补贴']);
}

/** An amount asked of measures the documents name without a rate: each quoted, and why no figure follows. */
export function unrated(measures: readonly UnratedMeasure[], ctx: HandlerContext, gate: { sentence: string; clauseId: string } | null = null): AssistantReply {
  const lines = measures.map((m) => unratedSentence(m, ctx));
  const status = [...new Set(measures.map((m) => m.docId))].map((id) => ctx.validityLine(id)).join('');
  const cited = [...measures.map((m) => m.clauseId), ...(gate ? [gate.clauseId] : [])];
  // A figure that is no subsidy (土地出让底价 at 70%) is itself the answer: nothing is said to be missing.
  const computable = measures.every((m) => m.standard) ? '' : '因此无法计算金额。';
  // (A threshold of the document the case falls short of is the answer first: 固定资产投资190万元低于门槛200万元.)
  const verdict = gate ? `${gate.sentence.replace(/^另外，/, '')}\n` : '';
  return plainReply('lookup', `${verdict}${lines.join('\n')}${computable}${status}`, ctx.citations(cited), HELP_SUGGESTIONS);
}

/** Whom to ask about the topics instead, as the data names them (税务部门, 科技主管部门). */
function departments(topics: readonly string[], ctx: HandlerContext): string {
  const named = ctx.lexicon.gazetteer.topicsNotCovered.filter((t) => topics.some((asked) => asked.startsWith(t.name))).map((t) => t.department);
  return [...new Set(named)].join('、') || '相关主管部门';
}

// A 文号 as printed (粤府办〔2014〕51号, 国发[2015]28号): issuer, bracketed year, number.
const DOC_NUMBER = /[\p{Script=Han}]{1,8}[〔\[［【(（]\d{4}[〕\]］】)）]\d{1,4}号/gu;

/**
 * "粤府办〔2014〕51号里省级事后奖补的具体标准": a document named by a 文号 that no document here has is not in the corpus;
 * said so, with the clauses that cite it (深圳 （十一） refers to it), quoted. Null where every 文号 named is ours.
 */
export function documentNotInCorpus(text: string, ctx: HandlerContext): AssistantReply | null {
  const ours = (n: string) => ctx.corpus.documents.some((d) => d.docNumber && documentNameText(n).endsWith(documentNameText(d.docNumber)));
  const others = [...new Set([...text.matchAll(DOC_NUMBER)].map((m) => m[0]).filter((n) => !ours(n)))];
  if (!others.length) return null;
  const numberOf = (n: string) => n.match(/\d{4}[^\d]+\d{1,4}/)?.[0] ?? n;
  const citing = ctx.corpus.clauses.filter((c) => others.some((n) => documentNameText(c.text).includes(documentNameText(numberOf(n)))));
  // The sentence that cites it, not the whole clause.
  const sentenceOf = (t: string) => t.split(/(?<=[。；\n])/).find((x) => others.some((n) => documentNameText(x).includes(documentNameText(numberOf(n)))))?.trim().replace(/[。；]$/, '') ?? t;
  const quoted = citing.slice(0, 2).map((c) => `${ctx.clauseRef(c.id)}提到它：“${sentenceOf(c.text)}”`);
  return plainReply('out_of_scope',
    `收录的文件中没有${others.join('、')}的原文，无法给出其中的标准或金额。${quoted.length ? `\n${quoted.join('\n')}\n` : ''}${ctx.lexicon.coverage}`,
    ctx.citations(citing.slice(0, 2).map((c) => c.id)), HELP_SUGGESTIONS);
}

/**
 * "根据东府办〔2019〕12号东源县…三年行动计划": a 文号 none of ours has, said of a document of ours (the same issuer's
 * prefix, 东府办, of a document in the places named): the document's own 文号 said, its title block cited. Null otherwise.
 */
export function misnumberedDocument(text: string, regions: readonly string[], ctx: HandlerContext): { line: string; clauseId: string } | null {
  const docs = ctx.corpus.documents.filter((d) => d.docNumber && regions.includes(d.region));
  for (const said of new Set([...text.matchAll(DOC_NUMBER)].map((m) => m[0]))) {
    const prefix = documentNameText(said).split('〔')[0] ?? '';
    // (The words before the number may run on into it, 根据东府办〔2019〕12号: the issuer's prefix ends them.)
    const doc = docs.find((d) => {
      const own = documentNameText(d.docNumber ?? '').split('〔')[0] ?? '';
      return own.length >= 2 && prefix.endsWith(own) && !documentNameText(said).endsWith(documentNameText(d.docNumber ?? ''));
    });
    if (doc?.docNumber && prefix) return { line: `（说明：您提到的文号与收录文件的文号不符；收录的《${doc.title}》文号为${doc.docNumber}，以下按该文件回答。）`, clauseId: `${doc.id}:序言` };
  }
  return null;
}

// A place's own policy asked (霍山县有没有自己单独出台的标准): not its region's documents.
// (Or its own level's money: 小榄镇有没有镇级配套, 南山区的区级配套资金, 镇里再补多少, 区里自己对技改项目还有没有配套奖励.)
const OWN_POLICY = /(自己|单独|另外|独立|本身)(单独)?(有没有|有无|有冇)?(出台|制定|发布|出|配套)了?的?|(自己|单独|独立)[^，,。；;？?]{1,12}(配套|出台)|(自己|本地|本身)的(额外)?(政策|标准|文件|细则|配套|奖励|补贴)|(镇|区|县)一?级的?(技改)?(配套|政策|资金|奖励|补贴|扶持|奖补)|(镇|区|县)\s*(技改)?\s*配套|(镇里|区里|县里)(自己)?(再|另外|还|又|按)?(补|奖|给|配套)/;

const CITY_SET_AGAINST = /(市里|市级的|市本级)[^，,。；;？?]{0,24}(又|呢|另外)/;

/** The question of a message set against the city's (…？市里深府办〔2015〕20号的事后奖补标准又是多少？): '' where none is. */
export function cityPartAsked(text: string): string {
  return text.split(/(?<=[？?。！!])/).filter((q) => CITY_SET_AGAINST.test(q)).join('');
}

/** The message less its pieces that ask a place's own policy (小榄镇自己有没有镇级配套，镇里再补多少). */
export function withoutOwnPolicyAsked(text: string): string {
  return text.split(/(?<=[，,。；;？?！!])/).filter((piece) => !OWN_POLICY.test(piece)).join('');
}

// What a place's own policy is called when asked as its (南山区的技改事后奖补, 古镇的补贴政策).
const PLACE_POLICY = /(技改|技术改造|事后奖补|以奖代补|补贴|补助|奖励|奖补|扶持|政策|标准)/;

/**
 * "六安下面的霍山县有没有自己单独出台的技改奖补标准": a place inside a covered region (one of its aliases other than the
 * region's own name) asked for a policy of its own: none of the documents is its own, said so by the place's name,
 * with the region's documents that do apply there. Null where no such place or no such ask. `ofPlace`: the words that
 * ask the region's policy as the place's (南山区的), where that is all the message does; its answer follows `reply`.
 */
export function ownPolicyOfPlaceWithin(text: string, ctx: HandlerContext): { reply: AssistantReply; ofPlace: string | null } | null {
  // (Or set against the city's in the same message, 深圳南山区的技改事后奖补怎么算？市里…的标准又是多少: the place's own.)
  const asked = OWN_POLICY.test(text) || CITY_SET_AGAINST.test(text);
  for (const { region, aliases } of ctx.lexicon.gazetteer.covered) {
    const own = region.replace(/[市县区]$/, '');
    const place = aliases.find((a) => /\p{Script=Han}/u.test(a) && !region.startsWith(a) && !a.startsWith(own) && text.includes(a));
    if (!place) continue;
    // As written down to its county or district (霍山县, 金安区); an alias that says it already is whole (金安区区里 is 金安区).
    const said = /[县区镇市]$/.test(place) ? place : new RegExp(`${place}[县区镇市]?`).exec(text)?.[0] ?? place;
    // (Or its policy spoken of as the place's, 深圳南山区的技改事后奖补是按什么比例: none is its own, and the region's
    // documents answer after; ofPlace is the words to read the question without.)
    const ofPlace = asked ? null : new RegExp(`${said}的(?=${PLACE_POLICY.source})`).exec(text)?.[0] ?? null;
    if (!asked && !ofPlace) continue;
    const docs = ctx.documentsFor([region]).map((d) => `《${d.shortTitle}》`).join('、');
    const reply = ofPlace
      ? plainReply('out_of_scope', `收录的文件中没有${said}自己出台的技改政策或奖补标准。${said}属于${region}，以下按收录的${region}文件${docs}回答；${said}自己的政策请咨询当地工业和信息化主管部门。`, [], [])
      : plainReply('out_of_scope', `收录的文件中没有${said}自己出台的技改政策或奖补标准，无法给出${said}的金额。${said}属于${region}，收录的${region}文件是${docs}；`
        + `${said}自己的政策请咨询当地工业和信息化主管部门。`, [], [`${region.replace(/[市县]$/, '')}技改奖励有哪些`]);
    return { reply, ofPlace };
  }
  return null;
}
