import { parseArgs } from 'node:util';

/** Parses `<question words…> [--doc id] [--k n]` as the search and chat scripts take them. */
export function parseQuestionArgs(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { doc: { type: 'string' }, k: { type: 'string' }, json: { type: 'boolean' } },
  });
  const k = values.k === undefined ? 5 : Number(values.k);
  if (!Number.isInteger(k) || k < 1 || k > 50) throw new Error('--k must be an integer from 1 to 50');
  return { question: positionals.join(' ').trim(), docId: values.doc, k, json: values.json ?? false };
}
