import { readFileSync } from 'node:fs';
import { z } from 'zod';

/** The case categories of evals/cases/*.jsonl, in report order (see evals/CASES.md for each one). */
export const GOLDEN_CATEGORIES = ['calculation', 'number_format', 'sum', 'multi_part', 'comparison', 'follow_up',
  'clarification', 'threshold', 'lookup', 'overview', 'document_facts', 'validity', 'not_covered', 'out_of_scope',
  'injection'] as const;
export type GoldenCategory = (typeof GOLDEN_CATEGORIES)[number];

const Yuan = z.string().regex(/^\d+(\.\d+)?$/, 'an exact amount in 元, e.g. "300000"');

/** One golden case: a conversation and what its last answer must (and must not) contain. */
export const GoldenCaseSchema = z.object({
  id: z.string().min(1),
  category: z.enum(GOLDEN_CATEGORIES),
  turns: z.array(z.string().min(1)).min(1),
  // Strict: a misspelt check ("amount") would otherwise pass unchecked.
  expect: z.strictObject({
    /** Exact amounts in 元 of the last answer's calculation(s), in any order. */
    amounts: z.array(Yuan).optional(),
    /** Exact 元 of the last answer's `total` (合计 of several awards, or the total over a stated duration). */
    total: Yuan.optional(),
    /** Clause ids the answer must cite (all of them); any of them is the retrieval gold. */
    clauses: z.array(z.string()).optional(),
    phrases: z.array(z.string()).optional(),
    forbidden: z.array(z.string()).optional(),
    calculation: z.enum(['absent', 'present']).optional(),
    /** The answer must say the corpus does not cover this (and give no figure). */
    refusal: z.boolean().optional(),
  }),
});
export type GoldenCase = z.infer<typeof GoldenCaseSchema>;

/** Reads a JSONL case file; a malformed line stops the run with its line number. */
export function readGoldenCases(path: string): GoldenCase[] {
  return readFileSync(path, 'utf8').split('\n').flatMap((line, i) => {
    if (!line.trim()) return [];
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new Error(`${path}:${i + 1}: not JSON (${error instanceof Error ? error.message : String(error)})`);
    }
    const parsed = GoldenCaseSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${path}:${i + 1}: ${z.prettifyError(parsed.error)}`);
    return [parsed.data];
  });
}

/** Ids must be unique across every set run together, or results would be attributed to the wrong case. */
export function duplicateIds(cases: readonly GoldenCase[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const c of cases) (seen.has(c.id) ? duplicates : seen).add(c.id);
  return [...duplicates];
}
