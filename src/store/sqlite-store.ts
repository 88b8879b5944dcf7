import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import {
  ConversationSchema, ConversationSlotsSchema, ConversationTurnSchema, FeedbackSchema,
  type Conversation, type ConversationStore, type Feedback,
} from '../assistant/conversation.js';

/**
 * Schema migrations, applied in order once each; the applied version is kept in `PRAGMA user_version`.
 * Append, never edit: a database in the field has already run the earlier steps.
 */
const MIGRATIONS: string[] = [
  `CREATE TABLE conversations (
     id TEXT PRIMARY KEY,
     created_at TEXT NOT NULL,
     updated_at TEXT NOT NULL,
     slots_json TEXT NOT NULL
   );
   CREATE TABLE turns (
     conversation_id TEXT NOT NULL REFERENCES conversations(id),
     turn_index INTEGER NOT NULL,
     at TEXT NOT NULL,
     message TEXT NOT NULL,
     intent TEXT NOT NULL,
     answer TEXT NOT NULL,
     citations_json TEXT NOT NULL,
     calculation_json TEXT NOT NULL,
     suggestions_json TEXT NOT NULL,
     PRIMARY KEY (conversation_id, turn_index)
   );
   CREATE TABLE feedback (
     conversation_id TEXT NOT NULL,
     turn_index INTEGER NOT NULL,
     rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
     comment TEXT,
     at TEXT NOT NULL,
     PRIMARY KEY (conversation_id, turn_index),
     FOREIGN KEY (conversation_id, turn_index) REFERENCES turns(conversation_id, turn_index)
   );`,
];

export class StoreOpenError extends Error {
  constructor(path: string, cause: unknown) {
    super(`cannot open the conversation store at ${path}: ${cause instanceof Error ? cause.message : String(cause)} ` +
      '(set DATA_DIR to a writable folder)');
  }
}

const TurnRowSchema = z.object({
  at: z.string(), message: z.string(), intent: z.string(), answer: z.string(),
  citations_json: z.string(), calculation_json: z.string(), suggestions_json: z.string(),
});
const ConversationRowSchema = z.object({ id: z.string(), created_at: z.string(), slots_json: z.string() });
const FeedbackRowSchema = z.object({
  conversation_id: z.string(), turn_index: z.number(), rating: z.string(), comment: z.string().nullable(), at: z.string(),
});

/**
 * Conversations and feedback in SQLite (WAL). A turn is acknowledged only after its transaction commits, so it
 * survives a kill -9 of the server; synchronous=NORMAL in WAL mode keeps commits durable across process crashes
 * (a power cut may lose the last few, which a hotline log can accept).
 */
export class SqliteConversationStore implements ConversationStore {
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  /** Statements are prepared once: preparing per call cost more than the write itself under load. */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  constructor(readonly path: string) {
    try {
      if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
      this.db = new Database(path);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
    } catch (error) {
      throw new StoreOpenError(path, error);
    }
  }

  private migrate(): void {
    const version = Number(this.db.pragma('user_version', { simple: true }));
    MIGRATIONS.slice(version).forEach((sql, i) => {
      this.db.transaction(() => {
        this.db.exec(sql);
        this.db.pragma(`user_version = ${version + i + 1}`);
      })();
    });
  }

  get schemaVersion(): number {
    return Number(this.db.pragma('user_version', { simple: true }));
  }

  async get(id: string): Promise<Conversation | null> {
    const row = this.statement('SELECT id, created_at, slots_json FROM conversations WHERE id = ?').get(id);
    if (!row) return null;
    const c = ConversationRowSchema.parse(row);
    const turns = this.statement(`SELECT at, message, intent, answer, citations_json, calculation_json, suggestions_json
      FROM turns WHERE conversation_id = ? ORDER BY turn_index`).all(id).map((r) => {
      const t = TurnRowSchema.parse(r);
      return ConversationTurnSchema.parse({
        at: t.at, message: t.message, intent: t.intent, answer: t.answer, citations: JSON.parse(t.citations_json),
        calculation: JSON.parse(t.calculation_json), suggestions: JSON.parse(t.suggestions_json),
      });
    });
    return ConversationSchema.parse({ id: c.id, createdAt: c.created_at, slots: ConversationSlotsSchema.parse(JSON.parse(c.slots_json)), turns });
  }

  private pending: { conversation: Conversation; resolve: () => void; reject: (error: unknown) => void }[] = [];

  /**
   * Resolves once the conversation's new turns are committed. Saves arriving in the same tick share one transaction
   * (group commit): under load that is one commit for dozens of turns instead of one each, and a turn is still
   * acknowledged only after the commit that holds it.
   */
  save(conversation: Conversation): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ conversation: structuredClone(conversation), resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    try {
      this.db.transaction(() => {
        for (const { conversation } of batch) this.write(conversation);
      })();
      for (const item of batch) item.resolve();
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  }

  /** Writes the slots and the turns not yet stored. */
  private write(conversation: Conversation): void {
    const now = new Date().toISOString();
    this.statement(`INSERT INTO conversations (id, created_at, updated_at, slots_json) VALUES (?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, slots_json = excluded.slots_json`)
      .run(conversation.id, conversation.createdAt, now, JSON.stringify(conversation.slots));
    const insert = this.statement(`INSERT OR IGNORE INTO turns (conversation_id, turn_index, at, message, intent, answer,
      citations_json, calculation_json, suggestions_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    // Turns are append-only: write only those after the last one stored.
    const stored = z.object({ n: z.number() }).parse(this.statement('SELECT COUNT(*) AS n FROM turns WHERE conversation_id = ?').get(conversation.id)).n;
    conversation.turns.slice(stored).forEach((t, i) => insert.run(conversation.id, stored + i, t.at, t.message, t.intent, t.answer,
      JSON.stringify(t.citations), JSON.stringify(t.calculation), JSON.stringify(t.suggestions)));
  }

  async saveFeedback(feedback: Feedback): Promise<boolean> {
    const turn = this.statement('SELECT 1 FROM turns WHERE conversation_id = ? AND turn_index = ?').get(feedback.conversationId, feedback.turnIndex);
    if (!turn) return false;
    this.statement(`INSERT INTO feedback (conversation_id, turn_index, rating, comment, at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(conversation_id, turn_index) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at`)
      .run(feedback.conversationId, feedback.turnIndex, feedback.rating, feedback.comment ?? null, feedback.at);
    return true;
  }

  async feedbackFor(conversationId: string): Promise<Feedback[]> {
    return this.statement('SELECT * FROM feedback WHERE conversation_id = ? ORDER BY turn_index').all(conversationId).map((r) => {
      const f = FeedbackRowSchema.parse(r);
      return FeedbackSchema.parse({ conversationId: f.conversation_id, turnIndex: f.turn_index, rating: f.rating,
        comment: f.comment ?? undefined, at: f.at });
    });
  }

  async close(): Promise<void> {
    if (this.pending.length) this.flush();
    if (this.db.open) this.db.close();
  }
}
