import { z } from 'zod';

export const ClauseKindSchema = z.enum(['preamble', 'section', 'item', 'bullet']);

/** One citable unit of a policy document: a numbered item, a bullet, a section's own text or the preamble. */
export const ClauseSchema = z.object({
  /** Stable id: `<docId>:<path>`, e.g. `zhongshan-2018:四.三`, `zhongshan-2018:一.-2` (2nd bullet), `luan-draft:二`. */
  id: z.string(),
  docId: z.string(),
  kind: ClauseKindSchema,
  /** The clause number as printed, e.g. "四、（三）"; "序言" for the preamble. */
  label: z.string(),
  /** The item's own heading sentence, e.g. "支持高端生产设备推广应用"; empty where it has none. */
  title: z.string(),
  /** Headings from the document root down to this clause, e.g. ["四、政策支持", "（三）支持高端生产设备推广应用"]. */
  path: z.array(z.string()),
  /** Verbatim text: exactly `source.slice(start, end)`. */
  text: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});
export type Clause = z.infer<typeof ClauseSchema>;

const NUMERAL = '[一二三四五六七八九十]+';
const SECTION_LINE = new RegExp(`^(?:#+\\s*)?(${NUMERAL})、\\s*(.*)$`);
const ITEM_LINE = new RegExp(`^(?:#+\\s*)?（(${NUMERAL})）\\s*(.*)$`);
const BULLET_LINE = /^——\s*(.+)$/;
/** Lines that close a document (signature, date, distribution) rather than continue a clause. */
const CLOSING_LINE = /^(?:抄送|公开方式|.{2,20}(?:办公室|办公厅|人民政府)$|\d{4}年\d{1,2}月\d{1,2}日)/;
/** Web-page header fields in front of some downloaded texts (索引号, 发布机构 …). */
const HEADER_LINE = /^(?:https?:\/\/|索引号|信息分类|发布机构|发布日期|信息名称|文号|关键词)/;

interface Line {
  text: string;
  start: number;
  end: number;
}

function splitLines(source: string): Line[] {
  const lines: Line[] = [];
  let offset = 0;
  for (const raw of source.split('\n')) {
    const leading = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) lines.push({ text, start: offset + leading, end: offset + leading + text.length });
    offset += raw.length + 1;
  }
  return lines;
}

/** An item's heading: the opening phrase up to its first full stop, when short enough to be one. */
function headingOf(body: string): string {
  const stop = body.search(/[。：:]/);
  return stop > 0 && stop <= 24 ? body.slice(0, stop) : '';
}

interface OpenClause {
  id: string;
  kind: Clause['kind'];
  label: string;
  title: string;
  path: string[];
  start: number;
  end: number;
}

/**
 * Splits a document along its own hierarchy: 一、 sections, （一） items (also at top level, as in the Shenzhen
 * list), —— bullets, markdown headings. Pure and deterministic: the same text always gives the same clauses.
 */
export function parseClauses(docId: string, source: string): Clause[] {
  const clauses: Clause[] = [];
  let section: { numeral: string; heading: string } | null = null;
  let sectionHasChildren = false;
  let bulletCount = 0;
  let open: OpenClause | null = null;
  let closed = false;
  let seenBody = false;
  let preambleCount = 0;

  const flush = () => {
    if (open) {
      clauses.push({ ...open, docId, text: source.slice(open.start, open.end) });
      open = null;
    }
  };
  const sectionPrefix = () => (section ? `${section.numeral}、` : '');
  const sectionPath = () => (section ? [section.heading] : []);

  for (const line of splitLines(source)) {
    const sectionMatch = SECTION_LINE.exec(line.text);
    const itemMatch = ITEM_LINE.exec(line.text);
    const bulletMatch = BULLET_LINE.exec(line.text);

    if (sectionMatch) {
      flush();
      seenBody = true;
      closed = false;
      const [, numeral = '', rest = ''] = sectionMatch;
      const heading = `${numeral}、${rest}`;
      section = { numeral, heading };
      sectionHasChildren = false;
      bulletCount = 0;
      // Headings like "一、工作目标" stand alone; "（十）重特大…" style sections with a body keep it as their text.
      if (rest.length > 24) {
        open = { id: `${docId}:${numeral}`, kind: 'section', label: `${numeral}、`, title: headingOf(rest),
          path: [], start: line.start, end: line.end };
      }
      continue;
    }
    if (itemMatch) {
      flush();
      seenBody = true;
      closed = false;
      const [, numeral = '', body = ''] = itemMatch;
      sectionHasChildren = true;
      const title = headingOf(body);
      const id = section ? `${docId}:${section.numeral}.${numeral}` : `${docId}:${numeral}`;
      open = { id, kind: 'item', label: `${sectionPrefix()}（${numeral}）`, title,
        path: [...sectionPath(), `（${numeral}）${title}`], start: line.start, end: line.end };
      continue;
    }
    if (bulletMatch && section) {
      flush();
      seenBody = true;
      closed = false;
      sectionHasChildren = true;
      bulletCount += 1;
      const title = headingOf(bulletMatch[1] ?? '');
      open = { id: `${docId}:${section.numeral}.-${bulletCount}`, kind: 'bullet',
        label: `${sectionPrefix()}——${title}`, title, path: [...sectionPath(), `——${title}`],
        start: line.start, end: line.end };
      continue;
    }
    if (HEADER_LINE.test(line.text) || line.text.startsWith('#')) continue;
    if (CLOSING_LINE.test(line.text)) {
      flush();
      // A signature before the first section ends a cover notice, not the document.
      closed = seenBody;
      continue;
    }
    if (closed) continue;
    if (open) {
      // A further paragraph of the same clause (or of the section's own text).
      open.end = line.end;
      continue;
    }
    if (section && !sectionHasChildren) {
      open = { id: `${docId}:${section.numeral}`, kind: 'section', label: `${section.numeral}、`, title: '',
        path: [section.heading], start: line.start, end: line.end };
      continue;
    }
    preambleCount += 1;
    // A cover notice and the plan's own preamble are two paragraph groups: 序言, 序言.2.
    const preambleId = preambleCount === 1 ? `${docId}:序言` : `${docId}:序言.${preambleCount}`;
    open = { id: preambleId, kind: 'preamble', label: '序言', title: '', path: [], start: line.start, end: line.end };
  }
  flush();

  const seen = new Set<string>();
  for (const clause of clauses) {
    if (seen.has(clause.id)) throw new Error(`duplicate clause id ${clause.id} in ${docId}`);
    seen.add(clause.id);
  }
  return clauses;
}

/** A clause's text less its heading: a numbered item's title sentence (（三）加强用地保障。) or a bullet's year (——2019年。). */
export function clauseBody(text: string): string {
  return text.replace(/^（[一二三四五六七八九十]+）[^。]{0,30}。/, '').replace(/^——[^。]{0,20}。/, '');
}

/** A passage's sentences as written (each ending 。 or ；), trimmed, six characters or longer. */
export function sentencesOf(body: string): string[] {
  return body.split(/(?<=[。；])/).map((x) => x.trim()).filter((x) => x.length >= 6);
}
