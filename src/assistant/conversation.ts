import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ChatCalculationSchema, CitationSchema } from './response.js';

/**
 * What a conversation remembers between turns. A follow-up overrides only what it states: a new region replaces
 * the regions, a new amount replaces the amounts, a new subject replaces the subject; everything else carries over.
 */
export const ConversationSlotsSchema = z.object({
  regions: z.array(z.string()),
  /** The words that named the policy item (工作母机, 并购 …), kept so "那400万的呢" knows what 400万 is for. */
  subjectText: z.string().nullable(),
  /** Calculator inputs from earlier turns (amounts as 元 strings). */
  inputs: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Rules proposed in the last turn that still await a region choice. */
  pendingRuleIds: z.array(z.string()),
});
export type ConversationSlots = z.infer<typeof ConversationSlotsSchema>;

/** One answered turn, kept whole so agents can review exactly what the user was told and on what grounds. */
export const ConversationTurnSchema = z.object({
  at: z.string(),
  message: z.string(),
  intent: z.string(),
  answer: z.string(),
  citations: z.array(CitationSchema),
  calculation: z.union([ChatCalculationSchema, z.array(ChatCalculationSchema)]).nullable(),
  suggestions: z.array(z.string()),
});
export type ConversationTurn = z.infer<typeof ConversationTurnSchema>;

export const ConversationSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  slots: ConversationSlotsSchema,
  turns: z.array(ConversationTurnSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export function newConversation(now: Date): Conversation {
  return { id: randomUUID(), createdAt: now.toISOString(), slots: { regions: [], subjectText: null, inputs: {}, pendingRuleIds: [] }, turns: [] };
}

export const FeedbackRequestSchema = z.object({
  conversationId: z.string().min(1).max(100),
  turnIndex: z.number().int().min(0),
  rating: z.enum(['up', 'down']),
  comment: z.string().trim().max(1000, 'comment must be at most 1000 characters').optional(),
});
export type FeedbackRequest = z.infer<typeof FeedbackRequestSchema>;

/** A rating of one turn; a second rating of the same turn replaces the first (the user changed their mind). */
export const FeedbackSchema = FeedbackRequestSchema.extend({ at: z.string() });
export type Feedback = z.infer<typeof FeedbackSchema>;

/**
 * Where conversations and feedback live. `save` must be durable when it resolves: the caller acknowledges the turn
 * to the user only after it. The in-memory store serves tests and the CLI; SQLite is the server's default.
 */
export interface ConversationStore {
  get(id: string): Promise<Conversation | null>;
  save(conversation: Conversation): Promise<void>;
  /** Records feedback; false when the conversation or turn does not exist. */
  saveFeedback(feedback: Feedback): Promise<boolean>;
  feedbackFor(conversationId: string): Promise<Feedback[]>;
  close(): Promise<void>;
}

export class InMemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly feedback = new Map<string, Feedback>();
  async get(id: string): Promise<Conversation | null> {
    const found = this.conversations.get(id);
    return found ? structuredClone(found) : null;
  }
  async save(conversation: Conversation): Promise<void> {
    this.conversations.set(conversation.id, structuredClone(conversation));
  }
  async saveFeedback(feedback: Feedback): Promise<boolean> {
    const conversation = this.conversations.get(feedback.conversationId);
    if (!conversation || feedback.turnIndex >= conversation.turns.length) return false;
    this.feedback.set(`${feedback.conversationId}#${feedback.turnIndex}`, { ...feedback });
    return true;
  }
  async feedbackFor(conversationId: string): Promise<Feedback[]> {
    return [...this.feedback.values()].filter((f) => f.conversationId === conversationId).sort((a, b) => a.turnIndex - b.turnIndex);
  }
  async close(): Promise<void> {}
}
