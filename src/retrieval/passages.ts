import type { Clause } from '../corpus/index.js';

/** A piece of a clause that is embedded on its own; it keeps its clause's id. */
export interface Passage {
  clauseId: string;
  docId: string;
  text: string;
}

const WINDOW_CHARS = 160;

/**
 * Splits a clause into sentence windows of about WINDOW_CHARS characters, each prefixed with the clause's
 * heading path so that a window about "单个项目最高500万元" still knows it belongs to 支持企业实施技术改造.
 */
export function clausePassages(clause: Clause): Passage[] {
  const context = clause.path.join(' ');
  const sentences = clause.text.match(/[^。；！？\n]+[。；！？]?/g) ?? [clause.text];
  const windows: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current && current.length + sentence.length > WINDOW_CHARS) {
      windows.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current) windows.push(current);
  const passages = windows.map((text) => ({ clauseId: clause.id, docId: clause.docId, text: `${context} ${text}`.trim() }));
  // The whole clause as well, when it was split: some questions span its sentences.
  if (windows.length > 1) passages.push({ clauseId: clause.id, docId: clause.docId, text: `${context} ${clause.text}` });
  return passages;
}
