import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ConversationSlotsSchema, StorageUnavailableError, newConversation, type Conversation } from '../../src/assistant/conversation.js';
import { SqliteConversationStore, StoreLockedError, StoreOpenError } from '../../src/store/index.js';

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
    expect(store.schemaVersion).toBe(2);
    const conversation = newConversation(new Date('2026-11-22T10:00:00Z'));
    conversation.slots.regions = ['中山市'];
    conversation.turns.push(turn('买台200万的工作母机'), turn("<script>alert(1)</script>'; DROP TABLE turns; --"));
    await store.save(conversation);
    await store.close();

    const reopened = new SqliteConversationStore(path);
    expect(reopened.schemaVersion).toBe(2);
    expect(await reopened.get(conversation.id)).toEqual({ ...conversation, slots: ConversationSlotsSchema.parse(conversation.slots), storedTurnCount: 2 });
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

  it('lets one process at a time use a database: a second opening is refused with one clear line', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'c.sqlite');
    const first = new SqliteConversationStore(path);
    expect(() => new SqliteConversationStore(path)).toThrow(StoreLockedError);
    expect(() => new SqliteConversationStore(path)).toThrow(/another server process is already using the conversation store at .*DATA_DIR/);
    await first.close();
    const next = new SqliteConversationStore(path);
    await next.close();
  });

  it('says a corrupt database file is corrupt, not that the folder is unwritable', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'c.sqlite');
    writeFileSync(path, 'this is not a database, it is a broken copy '.repeat(200));
    expect(() => new SqliteConversationStore(path)).toThrow(/c\.sqlite is corrupt or not a SQLite database/);
    expect(() => new SqliteConversationStore(path)).not.toThrow(/writable/);
  });

  it('migrates a version 1 database: the turn counter is filled from the stored turns', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'store-')), 'c.sqlite');
    const v1 = new Database(path);
    v1.exec(`CREATE TABLE conversations (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, slots_json TEXT NOT NULL);
      CREATE TABLE turns (conversation_id TEXT NOT NULL REFERENCES conversations(id), turn_index INTEGER NOT NULL, at TEXT NOT NULL,
        message TEXT NOT NULL, intent TEXT NOT NULL, answer TEXT NOT NULL, citations_json TEXT NOT NULL, calculation_json TEXT NOT NULL,
        suggestions_json TEXT NOT NULL, PRIMARY KEY (conversation_id, turn_index));
      CREATE TABLE feedback (conversation_id TEXT NOT NULL, turn_index INTEGER NOT NULL, rating TEXT NOT NULL, comment TEXT, at TEXT NOT NULL,
        PRIMARY KEY (conversation_id, turn_index));
      INSERT INTO conversations VALUES ('old', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z',
        '{"regions":[],"subjectText":null,"inputs":{},"pendingRuleIds":[]}');
      PRAGMA user_version = 1;`);
    const insert = v1.prepare(`INSERT INTO turns VALUES ('old', ?, '2026-01-01T00:00:00.000Z', ?, 'greeting', '答', '[]', 'null', '[]')`);
    for (let i = 0; i < 3; i++) insert.run(i, `旧${i}`);
    v1.close();
    const store = new SqliteConversationStore(path);
    expect(store.schemaVersion).toBe(2);
    const old = await store.get('old');
    expect(old).toMatchObject({ storedTurnCount: 3, firstTurnIndex: 0 });
    old?.turns.push(turn('新的一轮'));
    if (old) await store.save(old);
    expect((await store.turnPage('old', 0, 10))?.turns.map((t) => t.message)).toEqual(['旧0', '旧1', '旧2', '新的一轮']);
    await store.close();
  });

  it('refuses to acknowledge turns once its database file is removed, and reports why', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'store-'));
    const path = join(dir, 'c.sqlite');
    const store = new SqliteConversationStore(path);
    const conversation = newConversation(new Date());
    conversation.turns.push(turn('删除之前'));
    await store.save(conversation);
    expect(await store.health()).toEqual({ ok: true });
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });

    expect(await store.health()).toMatchObject({ ok: false, reason: expect.stringMatching(/c\.sqlite was removed or replaced/) });
    const next = newConversation(new Date());
    next.turns.push(turn('删除之后'));
    await expect(store.save(next)).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.get(conversation.id)).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.saveFeedback({ conversationId: conversation.id, turnIndex: 0, rating: 'up', at: '2026-11-22T10:00:00.000Z' }))
      .rejects.toBeInstanceOf(StorageUnavailableError);
    await store.close();
  });
});
