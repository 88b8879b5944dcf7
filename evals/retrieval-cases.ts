import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const RetrievalCaseSchema = z.object({
  id: z.string(),
  question: z.string().min(1),
  /** Clause ids any of which answers the question. */
  gold: z.array(z.string()).min(1),
});
export type RetrievalCase = z.infer<typeof RetrievalCaseSchema>;

export function readRetrievalCases(path = 'evals/retrieval.jsonl'): RetrievalCase[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, i) => {
      const parsed = RetrievalCaseSchema.safeParse(JSON.parse(line));
      if (!parsed.success) throw new Error(`${path}:${i + 1}: ${parsed.error.message}`);
      return parsed.data;
    });
}
