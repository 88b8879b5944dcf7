import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ChatCalculationSchema, CitationSchema } from './response.js';

/**
 * What a conversation remembers between turns. A follow-up overrides only what it states: a new region replaces
 * the regions, a new amount replaces the amounts, a new subject replaces the subject; everything else carries over.
 */
export const ConversationSlotsSchema = z.object({
  regions: z.array(z.string()),
  /** Every region the conversation has asked about, in the order first asked: "再加个六安，三个地方比一下" sets them all side by side. */
  regionsAsked: z.array(z.string()).default([]),
  /** The words that named the policy item (工作母机, 并购 …), kept so "那400万的呢" knows what 400万 is for. */
  subjectText: z.string().nullable(),
  /** Calculator inputs from earlier turns (amounts as 元 strings). */
  inputs: z.record(z.string(), z.union([z.string(), z.number()])),
  /** Rules proposed in the last turn that still await a region choice. */
  pendingRuleIds: z.array(z.string()),
  /**
   * Amounts this conversation has already computed per rule: a later "又买了…" for the same enterprise counts them
   * against the rule's yearly cap.
   */
  awards: z.array(z.object({
    ruleId: z.string(), amount: z.string(),
    /** Computed as more of the same ("又买了…"): it adds to the earlier awards of its rule instead of replacing them. */
    added: z.boolean().default(false),
    /** The calculation as the turn showed it: "两项合计多少" later lists it beside the others. */
    calculation: ChatCalculationSchema.optional(),
  })).default([]),
  /**
   * The message the last calculation answered, as read: a correction or a changed figure ("不对，租金是每平米30元，其他不变")
   * restates it whole with that figure replaced, so every award it computed is computed again.
   */
  lastQuestion: z.string().nullable().default(null),
  /** The clauses the last answer cited: "这条是哪个文件哪一条" asks their source. */
  lastClauseIds: z.array(z.string()).default([]),
  /**
   * The question the last lookup answered (数控化率要达到多少): "那14年那份意见里定的呢" asks it again of another
   * document or region.
   */
  lastLookup: z.string().nullable().default(null),
  /**
   * What the enterprise last said of itself (我们是中山的龙头骨干企业): a provision a later question names is read with
   * it, so the narrower provision it names (龙头骨干企业的技改项目) is the one computed.
   */
  enterprise: z.string().nullable().default(null),
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

/**
 * A conversation as loaded for a turn: its slots and only its recent turns, so a long conversation costs a turn no
 * more than a short one. Turns pushed onto `turns` are the new ones `save` appends.
 */
export const ConversationSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  slots: ConversationSlotsSchema,
  /** The number of `turns[0]`: earlier turns are stored but not loaded (read them with `turnPage`). */
  firstTurnIndex: z.number().int().min(0),
  /** How many turns the store held when this was loaded (0 when new); `save` numbers new turns from here. */
  storedTurnCount: z.number().int().min(0),
  turns: z.array(ConversationTurnSchema),
});
export type Conversation = z.infer<typeof ConversationSchema>;

export function newConversation(now: Date): Conversation {
  return { id: randomUUID(), createdAt: now.toISOString(), slots: { regions: [], regionsAsked: [], subjectText: null, inputs: {}, pendingRuleIds: [], awards: [], lastQuestion: null, lastClauseIds: [], lastLookup: null, enterprise: null },
    firstTurnIndex: 0, storedTurnCount: 0, turns: [] };
}

/** The turns `save` appends: those pushed after loading. */
export function newTurns(conversation: Conversation): ConversationTurn[] {
  const loaded = conversation.storedTurnCount - conversation.firstTurnIndex;
  if (loaded < 0 || loaded > conversation.turns.length) throw new Error(`conversation ${conversation.id}: turn numbering is inconsistent`);
  return conversation.turns.slice(loaded);
}

/** Turns loaded with a conversation: far more than follow-ups and the LLM's context use, and a fixed cost. */
export const RECENT_TURNS = 50;
/** Turns one conversation may hold; past it the user is asked to start a new one. */
export const MAX_TURNS_PER_CONVERSATION = 1000;
/** Conversations the in-memory store keeps before it lets the least recently saved go. */
export const MEMORY_CONVERSATIONS = 10_000;

export interface ConversationStoreOptions {
  /** Turns `get` loads (default RECENT_TURNS). */
  recentTurns?: number;
  /** Turns a conversation may hold (default MAX_TURNS_PER_CONVERSATION). */
  maxTurns?: number;
  /**
   * Conversations the in-memory store keeps (default MEMORY_CONVERSATIONS): the least recently saved goes first, so a
   * long-running CLI or eval holds a bounded heap. The SQLite store keeps every conversation.
   */
  maxConversations?: number;
}

/** One page of a conversation's turns, each with its number, for review. */
export interface TurnPage {
  conversationId: string;
  createdAt: string;
  turnCount: number;
  turns: (ConversationTurn & { turnIndex: number })[];
}

export type StoreHealth = { ok: true } | { ok: false; reason: string };

/** The store cannot read or write now (disk full, database file removed or replaced); nothing was saved. */
export class StorageUnavailableError extends Error {
  readonly code = 'storage_unavailable';
  constructor(readonly reason: string) {
    super(`对话记录暂时无法保存，请稍后再试（the conversation store is unavailable: ${reason}）`);
  }
}

/** The conversation holds its maximum of turns; the user should start a new one. */
export class ConversationFullError extends Error {
  readonly code = 'conversation_full';
  constructor(id: string, maxTurns: number) {
    super(`这次对话已达${maxTurns}轮上限，请开始新的对话（conversation "${id}" holds its maximum of ${maxTurns} turns; ` +
      'send the message without conversationId to start a new conversation）');
  }
}

/** Another save appended turns since this copy was loaded; nothing was saved, and the turn can be answered again. */
export class TurnConflictError extends Error {
  readonly code = 'turn_conflict';
  constructor(id: string) {
    super(`conversation "${id}" changed while this turn was answered; nothing was saved, send the message again`);
  }
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
 * Every method may throw StorageUnavailableError.
 */
export interface ConversationStore {
  /** The slots and the last `recentTurns` turns; null when the conversation does not exist. */
  get(id: string): Promise<Conversation | null>;
  /**
   * Appends the turns pushed since `get` and replaces the slots. Throws TurnConflictError when another save appended
   * first (load again and retry), ConversationFullError past the cap.
   */
  save(conversation: Conversation): Promise<void>;
  /** Up to `limit` turns from number `from`; null when the conversation does not exist. */
  turnPage(id: string, from: number, limit: number): Promise<TurnPage | null>;
  /** Records feedback; false when the conversation or turn does not exist. */
  saveFeedback(feedback: Feedback): Promise<boolean>;
  feedbackFor(conversationId: string): Promise<Feedback[]>;
  /** Whether the store can take writes now (readiness probes report it). */
  health(): Promise<StoreHealth>;
  close(): Promise<void>;
}

export class InMemoryConversationStore implements ConversationStore {
  private readonly conversations = new Map<string, Conversation>();
  private readonly feedback = new Map<string, Feedback>();
  private readonly recentTurns: number;
  private readonly maxTurns: number;
  private readonly maxConversations: number;
  constructor(options: ConversationStoreOptions = {}) {
    this.recentTurns = options.recentTurns ?? RECENT_TURNS;
    this.maxTurns = options.maxTurns ?? MAX_TURNS_PER_CONVERSATION;
    this.maxConversations = options.maxConversations ?? MEMORY_CONVERSATIONS;
  }
  async get(id: string): Promise<Conversation | null> {
    const found = this.conversations.get(id);
    if (!found) return null;
    const firstTurnIndex = Math.max(0, found.turns.length - this.recentTurns);
    return structuredClone({ ...found, firstTurnIndex, storedTurnCount: found.turns.length, turns: found.turns.slice(firstTurnIndex) });
  }
  async save(conversation: Conversation): Promise<void> {
    const fresh = newTurns(conversation);
    const stored = this.conversations.get(conversation.id);
    if ((stored?.turns.length ?? 0) !== conversation.storedTurnCount) throw new TurnConflictError(conversation.id);
    if (conversation.storedTurnCount + fresh.length > this.maxTurns) throw new ConversationFullError(conversation.id, this.maxTurns);
    const turns = [...(stored?.turns ?? []), ...structuredClone(fresh)];
    // (Saved last is kept longest: the map's order is the order of saving.)
    this.conversations.delete(conversation.id);
    this.conversations.set(conversation.id, { ...structuredClone(conversation), firstTurnIndex: 0, storedTurnCount: turns.length, turns });
    for (const id of this.conversations.keys()) {
      if (this.conversations.size <= this.maxConversations) break;
      this.conversations.delete(id);
      for (const key of [...this.feedback.keys()].filter((k) => k.startsWith(`${id}#`))) this.feedback.delete(key);
    }
  }
  async turnPage(id: string, from: number, limit: number): Promise<TurnPage | null> {
    const found = this.conversations.get(id);
    if (!found) return null;
    const turns = found.turns.slice(from, from + limit).map((t, i) => ({ ...structuredClone(t), turnIndex: from + i }));
    return { conversationId: id, createdAt: found.createdAt, turnCount: found.turns.length, turns };
  }
  async health(): Promise<StoreHealth> {
    return { ok: true };
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

/**
 * The awards a conversation's turns stand at: a rule computed again (a correction, 如果是技师呢) replaces its earlier
 * awards; one computed as more of the same (又买了…) adds to them.
 */
export function standingAwards(awards: ConversationSlots['awards']): ConversationSlots['awards'] {
  return awards.reduce<ConversationSlots['awards']>((kept, award) => [...(award.added ? kept : kept.filter((a) => a.ruleId !== award.ruleId)), award], []);
}
