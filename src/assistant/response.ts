import { z } from 'zod';
import { CalculationSchema, type Calculation } from '../policy/index.js';
import { INTENTS } from '../nlu/understand.js';

export const CitationSchema = z.object({
  docId: z.string(),
  docTitle: z.string(),
  /** 文号, or null where the document has none. */
  docNumber: z.string().nullable(),
  clauseId: z.string(),
  /** As printed, e.g. "四、（三）". */
  label: z.string(),
  /** The verbatim clause. */
  text: z.string(),
});
export type Citation = z.infer<typeof CitationSchema>;

/** The public calculation shape of /api/chat (a subset of the calculator's result). */
export const ChatCalculationSchema = CalculationSchema.pick({
  ruleId: true, inputs: true, steps: true, amount: true, display: true, capped: true, notes: true,
});
export type ChatCalculation = z.infer<typeof ChatCalculationSchema>;

/** The calculator's result as /api/chat shows it. */
export function toChatCalculation({ ruleId, inputs, steps, amount, display, capped, notes }: Calculation): ChatCalculation {
  return { ruleId, inputs, steps, amount, display, capped, notes };
}

export const ChatResponseSchema = z.object({
  conversationId: z.string(),
  intent: z.enum(INTENTS),
  answer: z.string(),
  citations: z.array(CitationSchema),
  calculation: z.union([ChatCalculationSchema, z.array(ChatCalculationSchema)]).nullable(),
  /** 元, exact: the 合计 of several awards, or the total over a rule's stated duration; null when the answer has none. */
  total: z.string().nullable().default(null),
  suggestions: z.array(z.string()),
});
export type ChatResponse = z.infer<typeof ChatResponseSchema>;
export type AssistantReply = Omit<ChatResponse, 'conversationId'>;

export const ChatRequestSchema = z.object({
  message: z.string().trim().min(1, 'message must not be empty').max(2000, 'message must be at most 2000 characters'),
  conversationId: z.string().min(1).max(100).optional(),
});
export type ChatRequest = z.infer<typeof ChatRequestSchema>;

/** A reply's calculations as a list (none, one, or several). */
export function calculationsOf(reply: Pick<AssistantReply, 'calculation'>): ChatCalculation[] {
  return Array.isArray(reply.calculation) ? reply.calculation : reply.calculation ? [reply.calculation] : [];
}
