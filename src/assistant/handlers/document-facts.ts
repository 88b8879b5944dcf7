import { sentencesOf, type PolicyDocument } from '../../corpus/index.js';
import { findDocuments } from '../../nlu/regions.js';
import { documentsOfYears } from '../../nlu/years.js';
import type { SearchHit } from '../../retrieval/index.js';
import { bestEvidence, coveredChars, distinctiveTerms } from '../evidence.js';
import { dateText, plainReply } from '../compose.js';
import { searchPolicy } from '../policy-search.js';
import type { AssistantReply } from '../response.js';
import { DOCUMENT_ASKS as ASKS, asksFunds, asksResponsible } from '../../nlu/document-asks.js';
import type { SubsidyRule } from '../../policy/index.js';
import { namedWithRegions, type HandlerContext } from './context.js';



function facts(doc: PolicyDocument, text: string, ctx: HandlerContext, contactUnit: string | null): string[] {
  const lines: string[] = [];
  const any = Object.values(ASKS).some((r) => r.test(text));
  if (ASKS.number.test(text) || !any) lines.push(doc.docNumber ? `文号：${doc.docNumber}` : '文号：文件没有载明文号');
  if (ASKS.index.test(text)) lines.push(doc.indexNumber ? `索引号：${doc.indexNumber}` : '索引号：文件没有载明索引号');
  if (ASKS.issuer.test(text) || !any) lines.push(`发文单位：${doc.issuer}`);
  if (ASKS.date.test(text) || !any) lines.push(doc.issueDate ? `成文日期：${dateText(doc.issueDate)}` : '成文日期：文件没有载明');
  if (ASKS.period.test(text) || !any) {
    lines.push(doc.period ? `执行期：${dateText(doc.period.from)}至${dateText(doc.period.to)}（${doc.periodBasis}）` : `执行期：${doc.draft ? '征求意见稿，尚未正式印发，' : ''}文件没有载明`);
  }
  if (ASKS.contact.test(text)) lines.push(`联系方式：文件没有给出联系电话、邮箱或地址，请向${contactUnit ?? '发文单位或当地工业和信息化主管部门'}咨询。`);
  lines.push(ctx.validityLine(doc.id));
  return lines;
}

export { asksResponsible, asksInForce, asksOfPreamble, DOCUMENT_FACT_CUE } from '../../nlu/document-asks.js';

/**
 * The department a clause assigns its measure to, in the clause's own words: its closing note （市质监局）, else the
 * sentence that says 负责 / 牵头 / 设在 or 由 a department, or whose subject is a department (市统计局、市经信局要…; 各镇区、各有关部门要…),
 * the one sharing most words with the question where several do. Null where the clause names none.
 */
export function responsibleUnit(clauseText: string, question = ''): string | null {
  const closing = closingDepartment(clauseText);
  if (closing) return closing;
  const sentences = clauseText.split(/(?<=[。；])/).map((x) => x.trim())
    .filter((x) => /(负责|牵头|办公室设在)/.test(x) || DEPARTMENT_SUBJECT.test(x) || BY_DEPARTMENT.test(x));
  const pairs = Array.from({ length: Math.max(0, question.length - 1) }, (_, i) => question.slice(i, i + 2)).filter((p) => /^\p{Script=Han}{2}$/u.test(p));
  const shared = (x: string) => pairs.filter((p) => x.includes(p)).length;
  const best = sentences.reduce<string | null>((top, x) => (top === null || shared(x) > shared(top) ? x : top), null);
  return best ? best.replace(/[。；]$/, '') : null;
}

/**
 * "…能补多少？另外这个是哪个部门负责的": each provision's department as its clause names it, in its words; where the
 * clause names none, the document's own sentence on who leads the whole (领导小组办公室设在县经商信局…牵头), cited.
 */
export function departmentLines(rules: readonly SubsidyRule[], asked: string, ctx: HandlerContext): { lines: string[]; clauseIds: string[] } {
  if (!asksResponsible(asked)) return { lines: [], clauseIds: [] };
  const clauseIds: string[] = [];
  const lines = rules.map((rule) => {
    const unit = responsibleUnit(ctx.corpus.clauseById.get(rule.clauseId)?.text ?? '');
    if (unit) return `负责部门：${unit}（${ctx.clauseRef(rule.clauseId)}）`;
    const lead = leadingUnit(rule.docId, ctx);
    if (!lead) return `负责部门：${ctx.clauseRef(rule.clauseId)}没有写明。`;
    clauseIds.push(lead.clauseId);
    return `负责部门：${ctx.clauseRef(rule.clauseId)}没有写明；文件对组织实施的规定：${ctx.clauseRef(lead.clauseId)}：“${lead.sentence}”`;
  });
  return { lines: [...new Set(lines)], clauseIds };
}

// A sentence that says which fund pays (…发展专项资金列支, 安排…专项扶持资金, 产业转型升级资金中安排技术改造专项); one
// that speaks of applying to other levels' funds (优先支持申报省市财政技术改造专项资金) names no fund of the document's.
const FUND_SENTENCE = /(专项(扶持)?资金|资金[^。；]{0,6}列支|资金中安排)/;
const OTHER_FUNDS = /(申报|推荐)/;

/**
 * "…分别奖多少？钱从哪个资金里出": each provision's fund in the document's words: the sentence of its own clause that
 * names it, else the document's first such sentence, cited. None where the message does not ask.
 */
export function fundingLines(rules: readonly SubsidyRule[], asked: string, ctx: HandlerContext): { lines: string[]; clauseIds: string[] } {
  if (!asksFunds(asked)) return { lines: [], clauseIds: [] };
  const fundIn = (clauseId: string) => sentencesOf(ctx.corpus.clauseById.get(clauseId)?.text ?? '').find((x) => FUND_SENTENCE.test(x) && !OTHER_FUNDS.test(x));
  const fundOf = (rule: SubsidyRule) => {
    for (const clauseId of [rule.clauseId, ...ctx.corpus.clauses.filter((c) => c.docId === rule.docId).map((c) => c.id)]) {
      const sentence = fundIn(clauseId);
      if (sentence) return { clauseId, sentence };
    }
    return null;
  };
  const sources = rules.map((rule) => ({ rule, fund: fundOf(rule) }));
  const found = sources.flatMap((s) => (s.fund ? [s.fund] : []));
  const lines = [...found.map((f) => `资金来源：${ctx.clauseRef(f.clauseId)}：“${f.sentence.replace(/[。；]$/, '')}”`),
    ...sources.filter((s) => !s.fund).map((s) => `资金来源：${ctx.corpus.documentById.get(s.rule.docId)?.shortTitle ?? s.rule.docId}没有写明。`)];
  return { lines: [...new Set(lines)], clauseIds: [...new Set(found.map((f) => f.clauseId))] };
}

// A sentence that says who leads a document's whole work (领导小组办公室设在…, 牵头做好…).
const LEADS = /(办公室设在|牵头)/;

/** The document's sentence on who leads its work as a whole, with its clause; null where it has none. */
function leadingUnit(docId: string, ctx: HandlerContext): { clauseId: string; sentence: string } | null {
  for (const clause of ctx.corpus.clauses.filter((c) => c.docId === docId)) {
    const sentence = sentencesOf(clause.text).find((x) => LEADS.test(x));
    if (sentence) return { clauseId: clause.id, sentence: sentence.replace(/[。；]$/, '') };
  }
  return null;
}

/**
 * The source of what was just answered ("这条是哪个文件哪一条", "出处在哪", "依据是什么"): asked of the answer before, with
 * no provision or place of its own.
 */
const ASKS_SOURCE = /(哪个文件|哪份文件|哪个政策|哪一条|哪条|第几条|出处|出自|原文|依据(是|在)?(哪|什么|啥))/g;
// Words that point back at the answer before (这条, 刚才说的).
const POINTS_BACK = /(这条|这个|这项|这笔|这些|这里|这么算|刚才|刚刚|上面|以上|前面|你说的|你刚)/;

/** Whether a message asks where the last answer comes from: it points back at it, or says nothing but the asking. */
export function asksSourceOfAnswer(text: string): boolean {
  if (!text.match(ASKS_SOURCE)) return false;
  const rest = text.replace(ASKS_SOURCE, '').replace(/[那是的在哪里呢吗啊呀请问一下规定说写来源给我看查些？?，,。！!\s]/g, '');
  return POINTS_BACK.test(text) || rest.length <= 2;
}

/** Where each clause is: the document's title and 文号, the clause label and heading, its words verbatim, its status. */
export function answerSource(clauseIds: readonly string[], ctx: HandlerContext): AssistantReply {
  const clauses = clauseIds.map((id) => ctx.corpus.clauseById.get(id)).filter((c): c is NonNullable<typeof c> => Boolean(c));
  const lines = clauses.map((c) => {
    const doc = ctx.corpus.documentById.get(c.docId);
    const number = doc?.docNumber ? `（${doc.docNumber}）` : doc?.draft ? '（征求意见稿）' : '';
    return `出自《${doc?.title ?? c.docId}》${number}${c.label}${c.title ? `（${c.title}）` : ''}：“${c.text}”`;
  });
  const status = [...new Set(clauses.map((c) => c.docId))].map((id) => ctx.validityLine(id)).join('');
  return plainReply('document_facts', `${lines.join('\n')}\n${status}`, ctx.citations(clauses.map((c) => c.id)), []);
}

/** The department a clause's closing note names （市经济和信息化局）, or null. */
export function closingDepartment(clauseText: string): string | null {
  return /（([^（）]{2,40}?(?:局|委|办|部门|政府|管委会)[^（）]{0,20})）[。；]?\s*$/.exec(clauseText)?.[1] ?? null;
}

// A sentence whose subject is one or more departments or local governments.
// A department said as the one who acts (由市经济和信息化局会有关部门定期进行督促).
const BY_DEPARTMENT = /由[^，。；]{0,12}(局|委|办公室|部门)/;
const DEPARTMENT_SUBJECT = /^(?:各?[\p{Script=Han}]{0,8}?(?:局|委|办|部门|政府|镇区|县区|单位)[、和及]?)+(?:要|负责|牵头|应|每年|将|对)/u;

// A document's words on how long it runs (通过3年时间努力, 用3年左右时间).
const OWN_DURATION = /(通过|用)[^，。；]{0,3}[0-9一二两三四五]+年(左右)?时间/;

/** The document's own sentence that answers a question about how it came to be (会议, 依据的上级文件), or null. */
function ownSentence(doc: PolicyDocument, pattern: RegExp, ctx: HandlerContext): { clauseId: string; sentence: string } | null {
  for (const clause of ctx.corpus.clauses.filter((c) => c.docId === doc.id).slice(0, 3)) {
    // (A sentence's own line: the addressee line above the preamble's first sentence is not part of it.)
    const sentence = clause.text.split(/(?<=[。；])|\n/).find((x) => pattern.test(x));
    if (sentence) return { clauseId: clause.id, sentence: sentence.replace(/[。；]$/, '') };
  }
  return null;
}

/**
 * The addressee line of a notice (主送单位), as printed after its title: “各乡镇人民政府，县府直属有关单位：”. Read from the
 * document's preamble: the first line that names units and ends with a full-width colon. Null where there is none (a draft).
 */
function addresseeLine(doc: PolicyDocument, ctx: HandlerContext): { clauseId: string; line: string } | null {
  for (const clause of ctx.corpus.clauses.filter((c) => c.docId === doc.id && c.kind === 'preamble')) {
    const line = clause.text.split('\n').map((x) => x.trim()).find((x) => /^[^。；：:]{2,120}：$/.test(x) && ADDRESSEE_UNIT.test(x));
    if (line) return { clauseId: clause.id, line };
  }
  return null;
}
const ADDRESSEE_UNIT = /(政府|单位|局|委|管委会|办事处|部门)/;

/** A line of the document that starts with its label ("公开方式：主动公开"): the notice's closing lines, outside any clause. */
function labelledLine(doc: PolicyDocument, label: string): string | null {
  return doc.text.split('\n').map((x) => x.trim()).find((x) => x.startsWith(`${label}：`)) ?? null;
}

/** The documents a question means: by 文号, else by year, else the provision it names, else all of its regions'. */
// A document pointed at by its kind (这个行动计划, 那份实施意见, 该意见).
const KIND_SAID = /(?:这个|那个|这份|那份|该|此|个)(行动计划|实施意见|三年行动计划|征求意见稿|意见|计划)/;

function chosenDocuments(text: string, regions: readonly string[], ctx: HandlerContext, ruleClauses: readonly string[]): PolicyDocument[] {
  const docs = ctx.documentsFor(regions);
  // By 文号 or title (中山优势传统产业转型升级行动计划), then by a year of its own (not the one inside a 文号).
  const { docIds, rest } = findDocuments(text, ctx.corpus.gazetteer);
  const byName = docs.filter((d) => docIds.includes(d.id));
  if (byName.length) return docs.filter((d) => namedWithRegions(byName.map((n) => n.id), regions, ctx).includes(d.id));
  const byYear = documentsOfYears(rest, docs);
  if (byYear.length) return byYear;
  // "这个行动计划的文号" where 中山 has a 实施意见 and a 行动计划: the kind of document said names the one titled so.
  const kind = KIND_SAID.exec(rest)?.[1];
  const byKind = kind ? docs.filter((d) => d.title.includes(kind)) : [];
  if (byKind.length && byKind.length < docs.length) return byKind;
  const ofRules = new Set(ruleClauses.map((id) => ctx.corpus.clauseById.get(id)?.docId));
  const byRule = docs.filter((d) => ofRules.has(d.id));
  return byRule.length ? byRule : docs;
}

/** Characters of the message, beyond its document-fact words and the documents' titles, that a clause must cover. */
const CONTENT_COVER = 4;

/**
 * The clause that answers what a document-facts message asks beside the facts (工作领导小组 组长和执行组长是谁): searched
 * on the message less its fact words, kept when its own words cover enough of it, the documents' title words aside.
 */
async function contentClause(text: string, chosen: readonly PolicyDocument[], ctx: HandlerContext): Promise<SearchHit | null> {
  const rest = Object.values(ASKS).reduce((t, r) => t.replace(new RegExp(r.source, 'g'), ' '), text);
  const titles = chosen.map((d) => `${d.title}${d.shortTitle}`).join('');
  const hits = await searchPolicy(ctx.corpus, ctx.retriever, { query: rest, k: 3, docIds: chosen.map((d) => d.id), wordsOnly: true });
  const best = bestEvidence(hits, rest, ctx.lexicon.gazetteer);
  if (!best || best.clause.kind === 'preamble') return null;
  const own = distinctiveTerms([best], ctx.lexicon.gazetteer).filter((t) => rest.includes(t) && !titles.includes(t));
  return coveredChars(rest, own) >= CONTENT_COVER ? best : null;
}

// What a clause leaves to be set later (待省出台具体实施细则后…另行研究制定, 另行制定).
const DEFERRED = /另行(研究)?(制定|出台|发布|规定)|待[^，。；]{1,20}(出台|印发|发布|明确)[^，。；]{0,4}后/;

// Each of several things asked about (…那条和…那条分别…, A、B各自…): the words before 分别/各自, split where they list.
const EACH_ASKED = /(分别|各自|各是|各归|各由)/;

/** The department of each provision the message lists before 分别 (two or more), each by the clause its words find. */
async function unitsOfListed(text: string, chosen: readonly PolicyDocument[], ctx: HandlerContext): Promise<{ id: string; unit: string }[]> {
  const at = text.search(EACH_ASKED);
  if (at < 0) return [];
  const listing = text.slice(0, at).split(/[，,。：:]/).filter((p) => p.trim()).at(-1) ?? '';
  const pieces = listing.split(/和|跟|与|以及|、|还有/).map((p) => p.replace(/(那|这)(一)?(条|项|块|个)$/, '').trim()).filter((p) => p.length >= 4);
  if (pieces.length < 2) return [];
  const found: { id: string; unit: string }[] = [];
  for (const piece of pieces) {
    const hits = await searchPolicy(ctx.corpus, ctx.retriever, { query: piece, k: 3, docIds: chosen.map((d) => d.id), wordsOnly: true });
    const hit = hits.map((h) => ({ id: h.clause.id, unit: responsibleUnit(h.clause.text, text) })).find((x) => x.unit);
    if (hit?.unit && !found.some((f) => f.id === hit.id)) found.push({ id: hit.id, unit: hit.unit });
  }
  return found;
}

/** 文号、发文单位、日期、执行期、主送单位、负责部门、联系方式: from the manifest, the document's own sentences, and the clause that assigns a department. */
export async function answerDocumentFacts(text: string, regions: readonly string[], ctx: HandlerContext, ruleClauses: readonly string[] = []): Promise<AssistantReply> {
  const chosen = chosenDocuments(text, regions, ctx, ruleClauses);
  // A provision the words name in another document (技改 names 中山's 技改项目 too) is not asked of the one chosen.
  const ofChosen = (id: string) => chosen.some((d) => d.id === ctx.corpus.clauseById.get(id)?.docId);
  ruleClauses = ruleClauses.filter(ofChosen);
  const heads: string[] = [];
  // Lines after the facts: what the document says in its own words where the fact asked has no line of its own.
  const tails: string[] = [];
  const citations: string[] = [];
  let reportAnswered = false;
  for (const [pattern, label, sentence] of [
    [ASKS.meeting, '审议情况', /会议/],
    [ASKS.basis, '制定依据', /(根据|贯彻|落实|按照).*《/],
    [ASKS.report, '问题反映', /向[^，。；]{2,30}反映/],
  ] as const) {
    if (!pattern.test(text)) continue;
    for (const doc of chosen) {
      const own = ownSentence(doc, sentence, ctx);
      heads.push(own ? `${label}：${ctx.clauseRef(own.clauseId)}：“${own.sentence}”` : `${label}：《${doc.title}》没有写明。`);
      if (own) citations.push(own.clauseId);
      if (own && label === '问题反映') reportAnswered = true;
    }
  }
  // A period asked of a document that states no dates (六安's draft): its own words on how long it runs, where it has them.
  if (ASKS.period.test(text)) {
    for (const doc of chosen.filter((d) => !d.period)) {
      const own = ownSentence(doc, OWN_DURATION, ctx);
      if (own) {
        tails.push(`期限：${ctx.clauseRef(own.clauseId)}：“${own.sentence}”（文件没有写明起止日期）`);
        citations.push(own.clauseId);
      }
    }
  }
  if (ASKS.addressees.test(text)) {
    for (const doc of chosen) {
      const addressees = addresseeLine(doc, ctx);
      heads.push(addressees
        ? `主送单位：${ctx.clauseRef(addressees.clauseId)}：“${addressees.line}”`
        : `主送单位：《${doc.title}》${doc.draft ? '是征求意见稿，' : ''}没有主送单位一行。`);
      if (addressees) citations.push(addressees.clauseId);
    }
  }
  for (const label of ['公开方式', '抄送'] as const) {
    if (!ASKS.footer.test(text) || !text.includes(label === '公开方式' ? '公开' : label)) continue;
    for (const doc of chosen) {
      const line = labelledLine(doc, label);
      heads.push(line ? `${label}：《${doc.title}》文末：“${line}”` : `${label}：《${doc.title}》没有写明。`);
    }
  }
  // The document's own sentence on whom to tell about problems answers "找哪个部门反映"; a clause is searched only without it.
  let contactUnit: string | null = null;
  // "注册资本补贴 和 技能人才开班培训补贴 分别归哪个部门": each provision named, with the department its clause names.
  const unitsOfNamed = [...new Set(ruleClauses)].map((id) => ({ id, unit: responsibleUnit(ctx.corpus.clauseById.get(id)?.text ?? '', text) }));
  // "技能人才引进培养那条和工业产品质量提升那条，分别是哪个部门负责": each provision the user lists, searched on its own.
  const listed = ASKS.responsible.test(text) && !reportAnswered && unitsOfNamed.length < 2 ? await unitsOfListed(text, chosen, ctx) : [];
  if (ASKS.responsible.test(text) && !reportAnswered && unitsOfNamed.length > 1 && unitsOfNamed.every((x) => x.unit)) {
    for (const { id, unit } of unitsOfNamed) heads.push(`负责部门：${unit}（${ctx.clauseRef(id)}）`);
    citations.push(...unitsOfNamed.map((x) => x.id));
  } else if (listed.length > 1) {
    for (const { id, unit } of listed) heads.push(`负责部门：${unit}（${ctx.clauseRef(id)}）`);
    citations.push(...listed.map((x) => x.id));
  } else if (ASKS.responsible.test(text) && !reportAnswered) {
    // The provision the question names first, then the clauses retrieved for it: the first that names a department.
    const hits = await searchPolicy(ctx.corpus, ctx.retriever, { query: text, k: 5, docIds: chosen.map((d) => d.id) });
    const candidates = [...ruleClauses, ...hits.map((h) => h.clause.id)];
    const found = candidates.map((id) => ({ id, unit: responsibleUnit(ctx.corpus.clauseById.get(id)?.text ?? '', text) })).find((x) => x.unit);
    if (found?.unit) {
      heads.push(`负责部门：${found.unit}（${ctx.clauseRef(found.id)}）`);
      citations.push(found.id);
      // A clause's closing note is a department's name; a whole sentence is not one to send the reader to.
      if (!/[，。；]/.test(found.unit) && found.unit.length <= 30) contactUnit = found.unit;
      // "市级那部分由谁承担": the clause's own words for the act asked about (承担), where they say who does it.
      const act = /(?:由谁|谁来?|哪级|哪一级)(\p{Script=Han}{2})/u.exec(text)?.[1];
      const said = act ? (ctx.corpus.clauseById.get(found.id)?.text ?? '').split(/[。；（）]/).filter((x) => x.includes(act)) : [];
      if (said.length) heads.push(`关于“${act}”，原文：“${said.join('；')}”（${ctx.clauseRef(found.id)}）`);
    } else {
      heads.push('文件没有写明负责该事项的部门。');
    }
  }
  // What else the message asks of the text (领导小组组长是谁、成员单位有哪些): the clause that says it, quoted.
  const content = await contentClause(text, chosen, ctx);
  // "事后奖补的具体实施细则什么时候出台": a date asked of what the clause leaves for later (另行研究制定) is a date the
  // text does not give; the document's own date is not it.
  const deferred = content && ASKS.date.test(text) ? sentencesOf(content.clause.text).find((x) => DEFERRED.test(x)) : undefined;
  if (content && deferred) heads.push(`时间：${ctx.clauseRef(content.clause.id)}只说：“${deferred.replace(/[。；]$/, '')}”\n文件没有写明具体时间。`);
  if (content && !citations.includes(content.clause.id)) {
    if (!deferred) heads.push(`相关条款：${ctx.clauseRef(content.clause.id)}：“${content.clause.text}”`);
    citations.push(content.clause.id);
  }
  const blocks = [...heads, ...chosen.map((d) => `《${d.title}》\n${facts(d, text, ctx, contactUnit).map((l) => `· ${l}`).join('\n')}`), ...tails];
  const preambles = chosen.map((d) => ctx.corpus.clauses.find((c) => c.docId === d.id)?.id).filter((id): id is string => Boolean(id));
  return {
    intent: 'document_facts', answer: blocks.join('\n\n'), citations: ctx.citations([...citations, ...preambles.slice(0, 3)]),
    calculation: null, total: null, suggestions: ['这个政策还有效吗？', '有哪些扶持措施？'],
  };
}
