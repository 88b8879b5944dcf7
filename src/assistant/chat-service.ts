import { PolicyAssistant, type AssistantDeps } from './assistant.js';
import type { LlmAnswerer, LlmVerdict } from './llm/index.js';
import { newConversation, type ConversationStore } from './conversation.js';
import type { ChatRequest, ChatResponse } from './response.js';

export class ConversationNotFoundError extends Error {
  readonly code = 'conversation_not_found';
  constructor(id: string) {
    super(`conversation "${id}" does not exist; omit conversationId to start a new one`);
  }
}

export interface ChatServiceOptions {
  now?: () => Date;
  /** LLM mode (off when absent): the model rewrites answers, the grounded answer is its fallback. */
  llm?: LlmAnswerer | null;
  /** Told whether each turn used the model's answer and, if not, why. */
  onLlmVerdict?: (verdict: LlmVerdict) => void;
}

/** One chat turn end to end: load the conversation, answer, record the turn, save. */
export class ChatService {
  private readonly assistant: PolicyAssistant;
  // Turns of one conversation are answered one after another, so concurrent messages never lose a turn.
  private readonly queues = new Map<string, Promise<unknown>>();
  // Every turn under way, so shutdown can wait for answers already being written.
  private readonly inFlight = new Set<Promise<unknown>>();
  private readonly now: () => Date;

  constructor(deps: AssistantDeps, private readonly store: ConversationStore, private readonly options: ChatServiceOptions = {}) {
    this.assistant = new PolicyAssistant(deps);
    this.now = options.now ?? (() => new Date());
  }

  /** Answers one message. */
  async chat(request: ChatRequest): Promise<ChatResponse> {
    const pending = this.queued(request);
    this.inFlight.add(pending);
    try {
      return await pending;
    } finally {
      this.inFlight.delete(pending);
    }
  }

  /** Resolves once every turn started so far has been answered and stored (graceful shutdown). */
  async drain(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async queued(request: ChatRequest): Promise<ChatResponse> {
    if (!request.conversationId) return this.turn(null, request.message);
    const id = request.conversationId;
    const previous = this.queues.get(id) ?? Promise.resolve();
    const result = previous.catch(() => undefined).then(() => this.turn(id, request.message));
    this.queues.set(id, result);
    try {
      return await result;
    } finally {
      if (this.queues.get(id) === result) this.queues.delete(id);
    }
  }

  private async turn(id: string | null, message: string): Promise<ChatResponse> {
    const conversation = id ? await this.store.get(id) : newConversation(this.now());
    if (!conversation) throw new ConversationNotFoundError(id ?? '');
    const grounded = await this.assistant.reply(message, conversation.slots);
    const { slots } = grounded;
    let { reply } = grounded;
    if (this.options.llm) {
      const history = conversation.turns.map((t) => ({ message: t.message, answer: t.answer }));
      const outcome = await this.options.llm.answer(message, history, reply);
      reply = outcome.reply;
      this.options.onLlmVerdict?.(outcome.verdict);
    }
    conversation.slots = slots;
    conversation.turns.push({ at: this.now().toISOString(), message, ...reply });
    await this.store.save(conversation);
    return { conversationId: conversation.id, ...reply };
  }
}
