import { randomUUID } from 'node:crypto';
import { z } from 'zod';

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

export const ConversationTurnSchema = z.object({
  at: z.string(),
  message: z.string(),
  intent: z.string(),
  answer: z.string(),
});

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

/** Where conversations live; the in-memory store serves tests and the CLI, a durable one can replace it. */
export interface ConversationStore {
  get(id: string): Promise<Conversation | null>;
  save(conversation: Conversation): Promise<void>;
}

export class InMemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  async get(id: string): Promise<Conversation | null> {
    const found = this.conversations.get(id);
    return found ? structuredClone(found) : null;
  }
  async save(conversation: Conversation): Promise<void> {
    this.conversations.set(conversation.id, structuredClone(conversation));
  }
}
