import type { GoldenCase } from '../golden.js';
import { OPERATORS, type Operator } from './operators.js';

/** A case with its last question rewritten by one operator; earlier turns are kept as they were. */
export interface Variant {
  /** `<case id>~<operator>~<n>`, stable for a given case file and operator set. */
  id: string;
  caseId: string;
  category: GoldenCase['category'];
  operator: string;
  detail: string;
  /** The whole conversation to replay: the case's earlier turns, then the rewritten question. */
  turns: string[];
  original: string;
  /** For amount rewrites: the amount in 元 the rewritten text states. */
  yuan?: string;
}

/**
 * Every distinct variant of every case's last turn. Deterministic: the same cases and operators give the same
 * variants in the same order; a rewrite that repeats a case's conversation or an earlier variant is dropped.
 */
export function generateVariants(cases: readonly GoldenCase[], operators: readonly Operator[] = OPERATORS): Variant[] {
  const variants: Variant[] = [];
  // Conversations already asked, by the cases themselves or by an earlier variant (two cases may share a question).
  const key = (turns: readonly string[]) => turns.join('\n');
  const seen = new Set(cases.map((c) => key(c.turns)));
  for (const c of cases) {
    const original = c.turns.at(-1) ?? '';
    const earlier = c.turns.slice(0, -1);
    for (const operator of operators) {
      let n = 0;
      for (const rewrite of operator.apply(original, { category: c.category, clauses: c.expect.clauses ?? [] })) {
        const conversation = key([...earlier, rewrite.text]);
        if (seen.has(conversation)) continue;
        seen.add(conversation);
        n += 1;
        variants.push({
          id: `${c.id}~${operator.name}~${n}`, caseId: c.id, category: c.category, operator: operator.name,
          detail: rewrite.detail, turns: [...earlier, rewrite.text], original, ...(rewrite.yuan ? { yuan: rewrite.yuan } : {}),
        });
      }
    }
  }
  return variants;
}
