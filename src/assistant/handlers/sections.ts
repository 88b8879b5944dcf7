import type { Clause } from '../../corpus/index.js';
import { ruleHeadline } from '../compose.js';
import type { AssistantReply } from '../response.js';
import type { HandlerContext } from './context.js';

/** A document's part under one of its own headings (二、工作目标; 四、保障措施): the clauses it holds, in order. */
export interface DocumentSection {
  docId: string;
  /** The heading as printed, e.g. "四、保障措施". */
  heading: string;
  clauses: Clause[];
}

// A heading's words as a caller says them: without the numeral, 实施, and quotation marks (“6+1”技改提升行动).
const headingWords = (heading: string) => heading.replace(/^[一二三四五六七八九十]+、/, '').replace(/^实施/, '').replace(/[“”"]/g, '');

/** Asking for the list of what a part holds (哪些保障措施, 主要工作目标概述一下, 包括哪几个方向), not one figure of it. */
const ASKS_LIST = /(哪些|哪几|有什么|有啥|都是什么|是什么|是啥|概述|概括|梳理|列一下|列出|列个|目录|逐条|按条|包括|介绍|总体上|主要)/;

// A heading said with another qualifier of the same head noun (总体目标, 主要任务 for 工作目标, 重点任务).
const QUALIFIER = /^(工作|总体|主要|整体|重点|具体|保障)/;

/**
 * The sections of these documents whose heading the question names (保障措施, 工作目标), when it asks for their list.
 * Headings come from the documents' own structure: no word list of ours.
 */
export function namedSections(text: string, docIds: readonly string[], ctx: HandlerContext): DocumentSection[] {
  const asked = text.replace(/[“”"]/g, '');
  // The list asked of the heading itself (提出了哪些保障措施, 工作目标有哪些), not of a topic inside it (重点工作里两化融合怎么讲).
  const listedAs = (words: string) => {
    const at = asked.indexOf(words);
    // (Within a few words after it: 在保障措施方面对企业技术改造有哪些支持.)
    const after = asked.slice(at + words.length, at + words.length + 14).split(/[？?。；;！!]/)[0] ?? '';
    return at >= 0 && ASKS_LIST.test(`${asked.slice(Math.max(0, at - 8), at)}${words}${after}`);
  };
  // (A heading said with another word joined in, 保障和扶持措施 for 保障措施, is the heading still.)
  const joinedIn = (words: string) => (words.length === 4
    ? asked.match(new RegExp(`${words.slice(0, 2)}(?:和|与|及|、|跟)[^，,。？?\\s]{1,4}${words.slice(2)}`))?.[0] : undefined);
  const listed = (words: string) => listedAs(words) || listedAs(joinedIn(words) ?? '\u0000') || (words.length === 4 && QUALIFIER.test(words)
    && ['总体', '主要', '整体'].some((q) => listedAs(`${q}${words.slice(2)}`)));
  const sections = new Map<string, DocumentSection>();
  for (const clause of ctx.corpus.clauses) {
    const heading = clause.path[0];
    if (!docIds.includes(clause.docId) || !heading || clause.kind === 'preamble') continue;
    const words = headingWords(heading);
    if (words.length < 4 || !listed(words)) continue;
    const key = `${clause.docId}|${heading}`;
    const section = sections.get(key) ?? { docId: clause.docId, heading, clauses: [] };
    section.clauses.push(clause);
    sections.set(key, section);
  }
  return [...sections.values()];
}

/** A clause as one line of the list: its measure's headline figure where the rules hold one, else its own words. */
function sectionLine(clause: Clause, ctx: HandlerContext): string {
  const rules = ctx.rules.rules.filter((r) => r.clauseId === clause.id);
  // A bullet's label already ends with its title (一、——创新能力明显增强).
  const title = clause.title && !clause.label.endsWith(clause.title) ? `${clause.title}：` : clause.title ? '：' : '';
  if (rules.length) return `· ${clause.label}${title}${rules.map((r) => `${r.subject}，${ruleHeadline(r)}`).join('；')}`;
  const body = clause.title ? clause.text.slice(clause.text.indexOf(clause.title) + clause.title.length).replace(/^[。：:\s]+/, '') : clause.text;
  // Targets and short items whole (their figures are the answer); a long item by its first sentence.
  const first = body.length <= 120 ? body : `${body.split(/(?<=[。；])/)[0] ?? body}…`;
  return `· ${clause.label}${title}${first.replace(/^——/, '')}`;
}

/** The list of what each named section holds, each line with its clause label; every clause cited. */
export function answerSections(sections: readonly DocumentSection[], ctx: HandlerContext): AssistantReply {
  const blocks = sections.map((s) => {
    const doc = ctx.corpus.documentById.get(s.docId);
    const lines = s.clauses.map((c) => sectionLine(c, ctx));
    return `【${doc?.shortTitle ?? s.docId}·${s.heading}】\n${lines.join('\n')}\n${ctx.validityLine(s.docId)}`;
  });
  return {
    intent: 'overview',
    answer: blocks.join('\n\n'),
    citations: ctx.citations(sections.flatMap((s) => s.clauses.map((c) => c.id))),
    calculation: null,
    total: null,
    suggestions: sections.flatMap((s) => s.clauses.filter((c) => c.title).slice(0, 2).map((c) => `${c.title}具体怎么规定`)),
  };
}
