import { describeValidity, documentStatus, type PolicyDocument } from '../../corpus/index.js';
import { findDocuments } from '../../nlu/regions.js';
import { asksSomething, type Understanding } from '../../nlu/understand.js';
import { yearsIn } from '../../nlu/years.js';
import { chooseRules, namedOnlyByClause } from '../../policy/index.js';
import { dateText, plainReply, ruleHeadline } from '../compose.js';
import type { AssistantReply } from '../response.js';
import { namedDocuments, namedWithRegions, type HandlerContext } from './context.js';

/** Whether the documents asked about are in force, expired or drafts, as of today; by 文号, provision, year or region. */
export function validity(u: Understanding, regions: readonly string[], ctx: HandlerContext, earlierClauseIds: readonly string[] = []): AssistantReply {
  // A question about one provision ("工作母机补贴还能申请吗") speaks of its document and cites its clause.
  const asked = chooseRules(ctx.rules.rules, u.text, { regionOf: ctx.regionOf, regions }).rules;
  const named = namedDocuments(u.text, regions, ctx);
  // (By its name or 文号 however spelled: 中府办2014 30号.)
  const byName = findDocuments(u.text, ctx.corpus.gazetteer).docIds;
  // (A document named by its year, 中山2014年那个, before the provisions its words may name in another: 技改资金.)
  const byYear = /(19|20)\d{2}|\d{2}年/.test(u.text) ? named : [];
  // (A follow-up naming nothing, 这个政策是到哪年为止的 after 工作母机's rate, asks of the clauses the last answer quoted.)
  const earlier = !u.regions.length && !byName.length && !byYear.length && !asked.length
    ? earlierClauseIds.filter((id) => ctx.corpus.clauseById.has(id)) : [];
  const earlierDocs = [...new Set(earlier.map((id) => ctx.corpus.clauseById.get(id)?.docId ?? ''))];
  const scoped = byName.length ? namedWithRegions(byName, regions, ctx) : byYear.length ? byYear : asked.length ? asked.map((r) => r.docId)
    : earlierDocs.length ? earlierDocs : named;
  const docs = ctx.corpus.documents.filter((d) => (scoped.length ? scoped.includes(d.id) : regions.length ? regions.includes(d.region) : true));
  // (With its 文号 and date of issue: 深府办〔2015〕20号 is known by both.)
  const issued = (d: PolicyDocument) => [d.docNumber, d.issueDate ? `${dateText(d.issueDate)}印发` : null].filter(Boolean).join('，');
  const lines = docs.map((d) => `· ${d.title}${issued(d) ? `（${issued(d)}）` : ''}：${describeValidity(d, ctx.today)}`);
  const expired = docs.filter((d) => documentStatus(d, ctx.today) === 'expired').length;
  const head = expired === docs.length ? '所问文件的执行期均已届满。' : '各文件的状态如下。';
  // A provision asked about cites its clause, then its document's preamble (title, 文号, period: what the answer's
  // validity rests on). A provision of another document than the one named (技改 in 中府办〔2014〕30号那个技改实施意见) is
  // not asked about.
  const provisions = asked.filter((r) => docs.some((d) => d.id === r.docId));
  const preambles = docs.flatMap((d) => ctx.corpus.clauses.filter((c) => c.docId === d.id && c.kind === 'preamble').slice(0, 1).map((c) => c.id));
  const cited = [...provisions.map((r) => r.clauseId), ...earlier, ...preambles];
  return plainReply('validity', `${head}\n${lines.join('\n')}\n（判断日期：${ctx.today}）`, ctx.citations(cited), ['买200万的工作母机能补多少']);
}

/** Whether a year is the document's: inside its period, or its year of issue. */
const holdsYear = (d: PolicyDocument, year: string) =>
  Boolean((d.period && d.period.from.slice(0, 4) <= year && year <= d.period.to.slice(0, 4)) || d.issueDate?.startsWith(year));
/** A document's period as years (2018–2020). */
const periodYears = (d: PolicyDocument) => `${d.period?.from.slice(0, 4)}–${d.period?.to.slice(0, 4)}`;

/**
 * "东源2021年的技改目标是多少": every year the question names lies outside the periods of the documents in scope and
 * is none's year of issue, so they say nothing of it; said so with their periods. Null where a year is theirs, where
 * none is named, or where a document in scope states no period (a draft).
 */
// Money asked of the provisions (还有补贴吗, 奖多少).
const MONEY_ASKED = /(补|奖|资助|扶持资金)/;
// Whether the policy still runs, asked (还有补贴吗, 还能申请吗, 继续执行吗).
const STILL_RUNS = /(还(有|能|可以|在|执行|适用|算数)|继续)/;

export function yearNotInDocuments(text: string, docs: readonly PolicyDocument[], ctx: HandlerContext): AssistantReply | null {
  // The year inside a 文号 (东府办〔2018〕29号) is part of a name; a year said only in what the message tells before its
  // question (《…通知》（中府办〔2023〕12号）：自2023年起…——先不管这个通知，请问按…行动计划…是多少) is not asked.
  // (Nor is one that names a version claimed in a pasted record, {"source":"2023年修订版"}: the record is a plant, no question.)
  const sentences = findDocuments(text, ctx.corpus.gazetteer).rest.replace(/\{[^{}]*\}/g, ' ').replace(/(?:19|20)\d\d年?(修订|新|最新)?版/g, ' ').split(/(?<=[。！!？?\n])/);
  const asking = sentences.filter(asksSomething);
  const years = yearsIn((asking.length ? asking : sentences).join(''));
  if (!years.length || !docs.length || docs.some((d) => !d.period)) return null;
  if (years.some((y) => docs.some((d) => holdsYear(d, y)))) return null;
  const spans = docs.map((d) => `《${d.shortTitle}》执行期为${periodYears(d)}年`);
  const regions = [...new Set(docs.map((d) => d.region))].join('、');
  // The provisions the question names, as they stood in the period (东源2021年技改还有补贴吗 → 四、（一） to 2020).
  // (A document's general word, 技改, names its general award only where money is asked: 技改目标 names none.)
  const named = chooseRules(ctx.rules.rules, text, { regionOf: ctx.regionOf, all: true }).rules
    .filter((r) => docs.some((d) => d.id === r.docId) && (MONEY_ASKED.test(text) || !namedOnlyByClause(r, text, true)));
  const stood = named.length ? `执行期内的标准：${named.map((r) => `${r.subject}，${ruleHeadline(r)}（${ctx.clauseRef(r.clauseId)}）`).join('；')}。` : '';
  const preambles = docs.map((d) => `${d.id}:序言`).filter((id) => ctx.corpus.clauseById.has(id));
  const last = docs.map((d) => d.period?.to.slice(0, 4)).sort().at(-1);
  // "东源2021年技改还有补贴吗" asks whether the policy still runs: its period first (a validity answer); "东源2021年的目标
  // 是多少" asks what the text does not hold.
  const opening = STILL_RUNS.test(text) && years.every((y) => Number(y) > Number(last))
    ? `${years.join('、')}年已过执行期，文件中的目标和标准只到${last}年：`
    : `收录的${regions}文件没有${years.join('、')}年的规定：${spans.join('；')}，其中的目标和标准只到${last}年。`;
  return plainReply('lookup', `${opening}${docs.map((d) => describeValidity(d, ctx.today)).join('')}${stood}`, ctx.citations([...preambles, ...named.map((r) => r.clauseId)]),
  docs.map((d) => `${d.shortTitle}定了哪些目标`));
}

// A scheme named with its year (2023年的技改倍增专项, 2025年最新的技改奖补标准): the year, then up to ten characters,
// then the kind of document.
// (A sum is no year: 总投资2000万 按政策.)
const DATED_SCHEME = /(?<![\d.])((?:19|20)\d\d)(?![\d万亿千百元多余块wW])年?[^，,。；;？?！!\d]{0,10}?(专项|政策|文件|通知|办法|细则|方案|计划|标准)/u;

/**
 * "深圳2023年的技改倍增专项，资助比例是多少": a scheme named by a year that lies outside every period of the documents in
 * scope and is none's year of issue is not one of them: said so, by the name asked, with what the corpus holds there.
 * Null where no such scheme is named, where the year is theirs, or where a document in scope states no period.
 */
export function schemeNotInCorpus(text: string, docs: readonly PolicyDocument[], ctx: HandlerContext): AssistantReply | null {
  const rest = findDocuments(text, ctx.corpus.gazetteer).rest;
  const m = DATED_SCHEME.exec(rest);
  const year = m?.[1];
  if (!m || !year || !docs.length || docs.some((d) => !d.period)) return null;
  if (docs.some((d) => holdsYear(d, year))) return null;
  const held = docs.map((d) => `《${d.shortTitle}》（执行期${periodYears(d)}年）`).join('、');
  return plainReply('out_of_scope', `收录的文件中没有“${m[0]}”，无法给出它的比例或金额。收录的相关文件是${held}，`
    + `${docs.length > 1 ? '都' : ''}不是${year}年的政策。如需${year}年的政策，请咨询当地工业和信息化主管部门。`, [], docs.map((d) => `${d.shortTitle}有哪些支持`));
}
