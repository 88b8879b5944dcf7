import { mkdirSync, statSync, statfsSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import {
  ConversationFullError, ConversationSlotsSchema, ConversationTurnSchema, FeedbackSchema, MAX_TURNS_PER_CONVERSATION,
  RECENT_TURNS, StorageUnavailableError, TurnConflictError, newTurns,
  type Conversation, type ConversationStore, type ConversationStoreOptions, type ConversationTurn, type Feedback,
  type StoreHealth, type TurnPage,
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
  // The turn counter: a turn loads the slots and the last turns only, and new turns are numbered from the counter.
  // store_probe holds one row that start-up and readiness checks rewrite to learn whether the disk takes writes.
  `ALTER TABLE conversations ADD COLUMN turn_count INTEGER NOT NULL DEFAULT 0;
   UPDATE conversations SET turn_count = (SELECT COUNT(*) FROM turns WHERE turns.conversation_id = conversations.id);
   CREATE TABLE store_probe (id INTEGER PRIMARY KEY CHECK (id = 1), at TEXT NOT NULL);`,
];

const errorCode = (error: unknown): string =>
  error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : '';
const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The store cannot be opened; the message is the one line the server prints before it exits. */
export class StoreOpenError extends Error {
  constructor(path: string, cause: unknown) {
    const code = errorCode(cause);
    const detail = errorText(cause);
    // Say what is wrong with the file itself when it is the file: "unwritable folder" would send the operator astray.
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
      super(`the conversation store at ${path} is corrupt or not a SQLite database (${detail}); ` +
        'move it aside or restore it from a backup, then start again');
    } else if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
      super(`cannot open the conversation store at ${path}: the disk is full (${detail}); free space under DATA_DIR`);
    } else {
      super(`cannot open the conversation store at ${path}: ${detail} (set DATA_DIR to a writable folder)`);
    }
  }
}

/** Another process holds the store's lock: two servers on one DATA_DIR would number turns over each other. */
export class StoreLockedError extends StoreOpenError {
  constructor(path: string, lockPath: string) {
    super(path, new Error('locked'));
    this.message = `another server process is already using the conversation store at ${path} (it holds ${lockPath}); ` +
      'stop it, or give this server its own DATA_DIR';
  }
}

const TurnRowSchema = z.object({
  turn_index: z.number(), at: z.string(), message: z.string(), intent: z.string(), answer: z.string(),
  citations_json: z.string(), calculation_json: z.string(), suggestions_json: z.string(),
});
const ConversationRowSchema = z.object({ id: z.string(), created_at: z.string(), slots_json: z.string(), turn_count: z.number() });
const FeedbackRowSchema = z.object({
  conversation_id: z.string(), turn_index: z.number(), rating: z.string(), comment: z.string().nullable(), at: z.string(),
});
const TurnCountRowSchema = z.object({ turn_count: z.number() });

function turnFromRow(row: unknown): ConversationTurn & { turnIndex: number } {
  const t = TurnRowSchema.parse(row);
  return {
    turnIndex: t.turn_index,
    ...ConversationTurnSchema.parse({
      at: t.at, message: t.message, intent: t.intent, answer: t.answer, citations: JSON.parse(t.citations_json),
      calculation: JSON.parse(t.calculation_json), suggestions: JSON.parse(t.suggestions_json),
    }),
  };
}

/** Which file is at a path (device and inode), or null when none is. */
function fileIdentity(path: string): string | null {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

/**
 * An exclusive lock on `lockPath`, held by an open SQLite connection until it closes. The operating system drops it
 * when the process dies (kill -9 included), so no stale lock is ever left behind. A separate file keeps the
 * database itself open to online backups (`sqlite3 conversations.sqlite ".backup …"`).
 */
function takeLock(path: string, lockPath: string): Database.Database {
  const lock = new Database(lockPath);
  try {
    lock.pragma('busy_timeout = 0');
    lock.pragma('journal_mode = MEMORY');
    lock.pragma('locking_mode = EXCLUSIVE');
    // In exclusive locking mode the first write takes the lock for good; the holder's pid is a note for operators.
    lock.exec(`CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL); DELETE FROM holder; INSERT INTO holder VALUES (${process.pid})`);
    return lock;
  } catch (error) {
    lock.close();
    if (errorCode(error) === 'SQLITE_BUSY' || errorCode(error) === 'SQLITE_LOCKED') throw new StoreLockedError(path, lockPath);
    throw error;
  }
}

/**
 * Conversations and feedback in SQLite (WAL). A turn is acknowledged only after its transaction commits, so it
 * survives a kill -9 of the server; synchronous=NORMAL in WAL mode keeps commits durable across process crashes
 * (a power cut may lose the last few, which a hotline log can accept). One process at a time: start-up takes an
 * exclusive lock. A write that fails, or a database file no longer at its path, makes the store unavailable
 * (StorageUnavailableError) instead of acknowledging turns that will not be there after a restart.
 */
export class SqliteConversationStore implements ConversationStore {
  private readonly db: Database.Database;
  private readonly lock: Database.Database | null = null;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly recentTurns: number;
  private readonly maxTurns: number;
  /** The files this process opened, by identity: a file deleted or replaced under it no longer matches. */
  private readonly files: { path: string; identity: string | null }[] = [];
  /** Why the last write failed, until a write succeeds again. */
  private writeFailure: string | null = null;

  /** Statements are prepared once: preparing per call cost more than the write itself under load. */
  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (!prepared) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  constructor(readonly path: string, options: ConversationStoreOptions = {}) {
    this.recentTurns = options.recentTurns ?? RECENT_TURNS;
    this.maxTurns = options.maxTurns ?? MAX_TURNS_PER_CONVERSATION;
    const lockPath = `${path}.lock`;
    let db: Database.Database | null = null;
    try {
      if (path !== ':memory:') {
        mkdirSync(dirname(path), { recursive: true });
        this.lock = takeLock(path, lockPath);
      }
      db = new Database(path);
      this.db = db;
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('foreign_keys = ON');
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
      // A write at start-up: a store that cannot take one fails now, with one line, not on the first turn.
      this.probe();
    } catch (error) {
      db?.close();
      this.lock?.close();
      if (error instanceof StoreOpenError) throw error;
      throw new StoreOpenError(path, error);
    }
    if (path !== ':memory:') {
      for (const file of [path, `${path}-wal`, lockPath]) this.files.push({ path: file, identity: fileIdentity(file) });
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

  private probe(): void {
    this.statement('INSERT INTO store_probe (id, at) VALUES (1, ?) ON CONFLICT(id) DO UPDATE SET at = excluded.at')
      .run(new Date().toISOString());
  }

  get schemaVersion(): number {
    return Number(this.db.pragma('user_version', { simple: true }));
  }

  /** Why the files at the store's paths are not the ones it has open, or null when they are. */
  private filesMoved(): string | null {
    const moved = this.files.find((f) => fileIdentity(f.path) !== f.identity);
    if (!moved) return null;
    const remedy = moved.path.endsWith('.lock') ? 'restart the server' : 'restore the database from a backup if it is gone, then restart the server';
    return `${basename(moved.path)} was removed or replaced while the server was running; ${remedy}`;
  }

  private assertFilesInPlace(): void {
    const moved = this.filesMoved();
    if (moved) throw new StorageUnavailableError(moved);
  }

  /** A driver error as the error callers see: storage failures become StorageUnavailableError. */
  private storageError(error: unknown): unknown {
    if (error instanceof StorageUnavailableError) return error;
    const code = errorCode(error);
    if (!code.startsWith('SQLITE_') || code.startsWith('SQLITE_CONSTRAINT')) return error;
    const reason = code === 'SQLITE_FULL' ? `the disk is full (${errorText(error)})` : `${code}: ${errorText(error)}`;
    return new StorageUnavailableError(reason);
  }

  /** Runs a read or a synchronous write, turning storage failures into StorageUnavailableError. */
  private guarded<T>(work: () => T, { write = false } = {}): T {
    this.assertFilesInPlace();
    try {
      const result = work();
      if (write) {
        this.assertFilesInPlace();
        this.writeFailure = null;
      }
      return result;
    } catch (error) {
      const translated = this.storageError(error);
      if (write && translated instanceof StorageUnavailableError) this.writeFailure = translated.reason;
      throw translated;
    }
  }

  async get(id: string): Promise<Conversation | null> {
    return this.guarded(() => {
      const row = this.statement('SELECT id, created_at, slots_json, turn_count FROM conversations WHERE id = ?').get(id);
      if (!row) return null;
      const c = ConversationRowSchema.parse(row);
      const firstTurnIndex = Math.max(0, c.turn_count - this.recentTurns);
      const turns = this.turnRows(id, firstTurnIndex, this.recentTurns).map(({ turnIndex: _turnIndex, ...turn }) => turn);
      return { id: c.id, createdAt: c.created_at, slots: ConversationSlotsSchema.parse(JSON.parse(c.slots_json)),
        firstTurnIndex, storedTurnCount: c.turn_count, turns };
    });
  }

  private turnRows(id: string, from: number, limit: number): (ConversationTurn & { turnIndex: number })[] {
    return this.statement(`SELECT turn_index, at, message, intent, answer, citations_json, calculation_json, suggestions_json
      FROM turns WHERE conversation_id = ? AND turn_index >= ? ORDER BY turn_index LIMIT ?`).all(id, from, limit).map(turnFromRow);
  }

  async turnPage(id: string, from: number, limit: number): Promise<TurnPage | null> {
    return this.guarded(() => {
      const row = this.statement('SELECT id, created_at, slots_json, turn_count FROM conversations WHERE id = ?').get(id);
      if (!row) return null;
      const c = ConversationRowSchema.parse(row);
      return { conversationId: c.id, createdAt: c.created_at, turnCount: c.turn_count, turns: this.turnRows(id, from, limit) };
    });
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
    // Each save runs in its own savepoint: a conflict or a full conversation refuses that save, not its batch.
    const refusals = new Map<number, unknown>();
    const writeOne = this.db.transaction((conversation: Conversation) => this.write(conversation));
    try {
      this.guarded(() => this.db.transaction(() => {
        batch.forEach((item, i) => {
          try {
            writeOne(item.conversation);
          } catch (error) {
            if (!(error instanceof TurnConflictError || error instanceof ConversationFullError)) throw error;
            refusals.set(i, error);
          }
        });
      })(), { write: true });
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => (refusals.has(i) ? item.reject(refusals.get(i)) : item.resolve()));
  }

  /** Appends the turns added since the conversation was loaded, numbered from its turn counter, and the slots. */
  private write(conversation: Conversation): void {
    const fresh = newTurns(conversation);
    const row = this.statement('SELECT turn_count FROM conversations WHERE id = ?').get(conversation.id);
    const stored = row ? TurnCountRowSchema.parse(row).turn_count : 0;
    // Another save appended since this copy was loaded: numbering after it would answer out of context.
    if (stored !== conversation.storedTurnCount) throw new TurnConflictError(conversation.id);
    const turnCount = stored + fresh.length;
    if (turnCount > this.maxTurns) throw new ConversationFullError(conversation.id, this.maxTurns);
    const now = new Date().toISOString();
    this.statement(`INSERT INTO conversations (id, created_at, updated_at, slots_json, turn_count) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(id) DO UPDATE SET updated_at = excluded.updated_at, slots_json = excluded.slots_json, turn_count = excluded.turn_count`)
      .run(conversation.id, conversation.createdAt, now, JSON.stringify(conversation.slots), turnCount);
    // A plain INSERT: a turn number already taken is an error (rolled back), never a silently dropped turn.
    const insert = this.statement(`INSERT INTO turns (conversation_id, turn_index, at, message, intent, answer,
      citations_json, calculation_json, suggestions_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    try {
      fresh.forEach((t, i) => insert.run(conversation.id, stored + i, t.at, t.message, t.intent, t.answer,
        JSON.stringify(t.citations), JSON.stringify(t.calculation), JSON.stringify(t.suggestions)));
    } catch (error) {
      if (errorCode(error) === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new TurnConflictError(conversation.id);
      throw error;
    }
  }

  async saveFeedback(feedback: Feedback): Promise<boolean> {
    return this.guarded(() => {
      const turn = this.statement('SELECT 1 FROM turns WHERE conversation_id = ? AND turn_index = ?').get(feedback.conversationId, feedback.turnIndex);
      if (!turn) return false;
      this.statement(`INSERT INTO feedback (conversation_id, turn_index, rating, comment, at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT(conversation_id, turn_index) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, at = excluded.at`)
        .run(feedback.conversationId, feedback.turnIndex, feedback.rating, feedback.comment ?? null, feedback.at);
      return true;
    }, { write: true });
  }

  async feedbackFor(conversationId: string): Promise<Feedback[]> {
    return this.guarded(() => this.statement('SELECT * FROM feedback WHERE conversation_id = ? ORDER BY turn_index').all(conversationId).map((r) => {
      const f = FeedbackRowSchema.parse(r);
      return FeedbackSchema.parse({ conversationId: f.conversation_id, turnIndex: f.turn_index, rating: f.rating,
        comment: f.comment ?? undefined, at: f.at });
    }));
  }

  /**
   * Ready when the files at the store's paths are the ones it has open and, after a failed write, when the disk has
   * room again and a probe write commits (so recovery is seen without waiting for a user's turn).
   */
  async health(): Promise<StoreHealth> {
    const moved = this.filesMoved();
    if (moved) return { ok: false, reason: moved };
    if (this.writeFailure === null) return { ok: true };
    if (this.path !== ':memory:' && statfsSync(dirname(this.path)).bavail === 0) return { ok: false, reason: this.writeFailure };
    try {
      this.guarded(() => this.probe(), { write: true });
      return { ok: true };
    } catch (error) {
      return { ok: false, reason: error instanceof StorageUnavailableError ? error.reason : errorText(error) };
    }
  }

  async close(): Promise<void> {
    if (this.pending.length) this.flush();
    if (this.db.open) this.db.close();
    if (this.lock?.open) this.lock.close();
  }
}
