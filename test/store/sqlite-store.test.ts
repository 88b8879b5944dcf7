import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newConversation, type Conversation } from '../../src/assistant/conversation.js';
import { SqliteConversationStore, StoreOpenError } from '../../src/store/index.js';

const turn = (message: string): Conversation['turns'][number] => ({
  at: '2026-11-22T10:00:00.000Z', message, intent: 'calculate', answer: `答：${message}`,
  citations: [{ docId: 'zhongshan-2018', docTitle: 't', docNumber: null, clauseId: 'zhongshan-2018:四.三', label: '四、（三）', text: '原文' }],
  calculation: { ruleId: 'zs2018-machine-tool', inputs: { purchasePrice: '2000000' }, steps: ['s'], amount: '300000', display: '30万元', capped: false, notes: [] },
  suggestions: ['换成东源呢？'],
});

describe('SQLite conversation store', () => {
  it('migrates a new database, round-trips conversations and reopens them from disk', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'c.sqlite');
    const store = new SqliteConversationStore(path);
    expect(store.schemaVersion).toBe(1);
    const conversation = newConversation(new Date('2026-11-22T10:00:00Z'));
    conversation.slots.regions = ['中山市'];
    conversation.turns.push(turn('买台200万的工作母机'), turn("<script>alert(1)</script>'; DROP TABLE turns; --"));
    await store.save(conversation);
    await store.close();

    const reopened = new SqliteConversationStore(path);
    expect(reopened.schemaVersion).toBe(1);
    expect(await reopened.get(conversation.id)).toEqual(conversation);
    expect(await reopened.get('missing')).toBeNull();
    await reopened.close();
  });

  it('keeps one feedback per turn (the latest), and refuses feedback on a turn that does not exist', async () => {
    const store = new SqliteConversationStore(':memory:');
    const conversation = newConversation(new Date());
    conversation.turns.push(turn('a'));
    await store.save(conversation);
    const base = { conversationId: conversation.id, turnIndex: 0, at: '2026-11-22T10:00:00.000Z' };
    expect(await store.saveFeedback({ ...base, rating: 'down', comment: '金额不对' })).toBe(true);
    expect(await store.saveFeedback({ ...base, rating: 'up' })).toBe(true);
    expect(await store.feedbackFor(conversation.id)).toEqual([{ ...base, rating: 'up' }]);
    expect(await store.saveFeedback({ ...base, turnIndex: 5, rating: 'up' })).toBe(false);
    expect(await store.saveFeedback({ ...base, conversationId: 'forged', rating: 'up' })).toBe(false);
  });

  it('reports a store path that cannot be written as a clear StoreOpenError', () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const notADirectory = join(dir, 'file');
    writeFileSync(notADirectory, 'x');
    expect(() => new SqliteConversationStore(join(notADirectory, 'c.sqlite'))).toThrow(StoreOpenError);
    expect(() => new SqliteConversationStore(join(notADirectory, 'c.sqlite'))).toThrow(/cannot open the conversation store at .*DATA_DIR/);
  });
});
