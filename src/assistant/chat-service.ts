import { PolicyAssistant, type AssistantDeps } from './assistant.js';
import { newConversation, type ConversationStore } from './conversation.js';
import type { ChatRequest, ChatResponse } from './response.js';

export class ConversationNotFoundError extends Error {
  readonly code = 'conversation_not_found';
  constructor(id: string) {
    super(`conversation "${id}" does not exist; omit conversationId to start a new one`);
  }
}

/** One chat turn end to end: load the conversation, answer, record the turn, save. */
export class ChatService {
  private readonly assistant: PolicyAssistant;
  // Turns of one conversation are answered one after another, so concurrent messages never lose a turn.
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(deps: AssistantDeps, private readonly store: ConversationStore, private readonly now: () => Date = () => new Date()) {
    this.assistant = new PolicyAssistant(deps);
  }

  async chat(request: ChatRequest): Promise<ChatResponse> {
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
    const { reply, slots } = await this.assistant.reply(message, conversation.slots);
    conversation.slots = slots;
    conversation.turns.push({ at: this.now().toISOString(), message, intent: reply.intent, answer: reply.answer });
    await this.store.save(conversation);
    return { conversationId: conversation.id, ...reply };
  }
}
