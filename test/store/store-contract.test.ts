import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ConversationFullError, InMemoryConversationStore, TurnConflictError, newConversation,
  type Conversation, type ConversationStore, type ConversationStoreOptions,
} from '../../src/assistant/conversation.js';
import { SqliteConversationStore } from '../../src/store/index.js';

const turn = (message: string): Conversation['turns'][number] => ({
  at: '2026-11-22T10:00:00.000Z', message, intent: 'calculate', answer: `答：${message}`, citations: [], calculation: null, suggestions: [],
});

// One contract for every store: what the chat service and the routes may rely on.
const STORES: [string, (options?: ConversationStoreOptions) => ConversationStore][] = [
  ['memory', (options) => new InMemoryConversationStore(options)],
  ['sqlite', (options) => new SqliteConversationStore(join(mkdtempSync(join(tmpdir(), 'contract-')), 'c.sqlite'), options)],
];

describe.each(STORES)('%s conversation store', (_name, open) => {
  const opened: ConversationStore[] = [];
  const openStore = (options?: ConversationStoreOptions) => {
    const store = open(options);
    opened.push(store);
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
  });

  /** Answers `count` turns one after another, as the chat service does: load, append one turn, save. */
  async function converse(store: ConversationStore, count: number, id?: string): Promise<string> {
    let conversationId = id;
    for (let i = 0; i < count; i++) {
      const conversation = (conversationId ? await store.get(conversationId) : null) ?? newConversation(new Date());
      conversation.turns.push(turn(`第${conversation.storedTurnCount}轮`));
      await store.save(conversation);
      conversationId = conversation.id;
    }
    return conversationId ?? '';
  }

  it('loads only the last turns of a long conversation, with its turn counter and slots, and appends after them', async () => {
    const store = openStore({ recentTurns: 5 });
    const id = await converse(store, 12);
    const loaded = await store.get(id);
    expect(loaded?.storedTurnCount).toBe(12);
    expect(loaded?.firstTurnIndex).toBe(7);
    expect(loaded?.turns.map((t) => t.message)).toEqual(['第7轮', '第8轮', '第9轮', '第10轮', '第11轮']);
    await converse(store, 1, id);
    expect((await store.get(id))?.storedTurnCount).toBe(13);
    expect((await store.turnPage(id, 11, 10))?.turns.map((t) => [t.turnIndex, t.message])).toEqual([[11, '第11轮'], [12, '第12轮']]);
  });

  it('pages through every turn in order', async () => {
    const store = openStore({ recentTurns: 3 });
    const id = await converse(store, 7);
    const first = await store.turnPage(id, 0, 4);
    expect(first).toMatchObject({ conversationId: id, turnCount: 7 });
    expect(first?.turns.map((t) => t.turnIndex)).toEqual([0, 1, 2, 3]);
    expect((await store.turnPage(id, 4, 4))?.turns.map((t) => t.message)).toEqual(['第4轮', '第5轮', '第6轮']);
    expect((await store.turnPage(id, 9, 4))?.turns).toEqual([]);
    expect(await store.turnPage('missing', 0, 4)).toBeNull();
  });

  it('refuses a turn past the cap with an error that suggests a new conversation, and keeps what it had', async () => {
    const store = openStore({ maxTurns: 3 });
    const id = await converse(store, 3);
    const full = await store.get(id);
    full?.turns.push(turn('第4轮'));
    const refused = full ? store.save(full) : Promise.resolve();
    await expect(refused).rejects.toBeInstanceOf(ConversationFullError);
    await expect(refused).rejects.toThrow(/新的对话|new conversation/);
    expect((await store.get(id))?.storedTurnCount).toBe(3);
  });

  it('refuses turns appended to a stale copy as a conflict, never dropping one silently', async () => {
    const store = openStore();
    const id = await converse(store, 2);
    const [a, b] = [await store.get(id), await store.get(id)];
    if (!a || !b) throw new Error('conversation not stored');
    a.turns.push(turn('甲'));
    b.turns.push(turn('乙'));
    // Saved in the same tick, so the SQLite store's group commit holds both in one transaction.
    const outcomes = await Promise.allSettled([store.save(a), store.save(b)]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected']);
    expect(outcomes[1]?.status === 'rejected' && outcomes[1].reason).toBeInstanceOf(TurnConflictError);
    // The retry: load again, append, save.
    const retry = await store.get(id);
    retry?.turns.push(turn('乙'));
    if (retry) await store.save(retry);
    expect((await store.turnPage(id, 0, 10))?.turns.map((t) => t.message)).toEqual(['第0轮', '第1轮', '甲', '乙']);
  });

  it('keeps other conversations of a batch when one of them is refused', async () => {
    const store = openStore({ maxTurns: 1 });
    const full = await store.get(await converse(store, 1));
    full?.turns.push(turn('多出来的'));
    const fresh = newConversation(new Date());
    fresh.turns.push(turn('新对话'));
    const outcomes = await Promise.allSettled([full ? store.save(full) : Promise.resolve(), store.save(fresh)]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect((await store.get(fresh.id))?.turns.map((t) => t.message)).toEqual(['新对话']);
  });

  it('reports itself healthy', async () => {
    expect(await openStore().health()).toEqual({ ok: true });
  });
});

describe('memory conversation store', () => {
  it('keeps a bounded number of conversations, letting the least recently saved go (a long eval or CLI holds a bounded heap)', async () => {
    const store = new InMemoryConversationStore({ maxConversations: 2 });
    const save = async (existing?: string) => {
      const conversation = (existing ? await store.get(existing) : null) ?? newConversation(new Date());
      conversation.turns.push(turn(`第${conversation.storedTurnCount}轮`));
      await store.save(conversation);
      return conversation.id;
    };
    const first = await save();
    const second = await save();
    await save(first);
    const third = await save();
    expect(await store.get(second)).toBeNull();
    expect((await store.get(first))?.storedTurnCount).toBe(2);
    expect(await store.get(third)).not.toBeNull();
  });
});
