import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/server.js';
import { SqliteConversationStore } from '../../src/store/index.js';
import { runToExit, startServerProcess, type ServerProcess } from '../../scripts/server-process.js';
import { sharedCore } from '../helpers.js';
import { listen, upgrade } from './loopback.js';

// Issue 13 items 2, 6 and 9: one process per data folder, bounded conversations, and a store that says when it
// cannot keep what it is given. Real server processes on loopback, a real SQLite file, a real full disk.

const modelEnv = { EMBEDDING_MODEL_DIR: process.env.EMBEDDING_MODEL_DIR ?? '', POLICY_TODAY: '2026-11-22', RATE_LIMIT_PER_MINUTE: '0' };

interface Reply { status: number; body: { conversationId?: string; error?: { code: string; message: string } } & Record<string, unknown> }

async function chat(url: string, body: object): Promise<Reply> {
  const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() as Reply['body'] };
}

async function getJson(url: string): Promise<Reply> {
  const res = await fetch(url);
  return { status: res.status, body: await res.json() as Reply['body'] };
}

/** Every turn of a conversation, page by page. */
async function allTurns(url: string, id: string): Promise<{ turnIndex: number; message: string }[]> {
  const turns: { turnIndex: number; message: string }[] = [];
  for (let from: number | null = 0; from !== null;) {
    const page = (await getJson(`${url}/api/conversations/${id}?from=${from}&limit=100`)).body as
      { turns: { turnIndex: number; message: string }[]; next: number | null };
    turns.push(...page.turns);
    from = page.next;
  }
  return turns;
}

describe('two processes on one DATA_DIR (item 2)', () => {
  it('refuses to start a second server with one clear line, and the first stores every acknowledged turn', async () => {
    const env = { ...modelEnv, DATA_DIR: mkdtempSync(join(tmpdir(), 'two-servers-')), STORE: 'sqlite' };
    const first = await startServerProcess(env);
    try {
      const second = await runToExit(env);
      expect(second.code).toBe(1);
      const lines = second.log.split('\n').filter((line) => /conversation store/.test(line));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/another server process is already using the conversation store at .*conversations\.sqlite.*DATA_DIR/);
      expect(second.log).not.toMatch(/\n\s+at /);

      const opened = await chat(first.url, { message: '中山买工作母机有补贴吗' });
      const id = opened.body.conversationId ?? '';
      const acknowledged: string[] = [];
      await Promise.all(Array.from({ length: 4 }, async (_, writer) => {
        for (let i = 0; i < 50; i++) {
          const message = `那买了${writer + 1}${i}0万的呢`;
          if ((await chat(first.url, { message, conversationId: id })).status === 200) acknowledged.push(message);
        }
      }));
      expect(acknowledged).toHaveLength(200);
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));

      // The lock went with the killed process: a new server starts and holds all 201 turns, in order of arrival.
      const restarted = await startServerProcess(env);
      try {
        const stored = await allTurns(restarted.url, id);
        expect(stored.map((t) => t.turnIndex)).toEqual(Array.from({ length: 201 }, (_, i) => i));
        const messages = new Set(stored.map((t) => t.message));
        expect(acknowledged.filter((m) => !messages.has(m))).toEqual([]);
      } finally {
        restarted.child.kill('SIGKILL');
      }
    } finally {
      first.child.kill('SIGKILL');
    }
  }, 120_000);
});

describe('long conversations (item 6)', () => {
  let app: FastifyInstance;
  let store: SqliteConversationStore;
  beforeAll(async () => {
    store = new SqliteConversationStore(join(mkdtempSync(join(tmpdir(), 'long-')), 'conversations.sqlite'), { recentTurns: 5, maxTurns: 30 });
    app = await buildServer(await sharedCore(), { store });
  });
  afterAll(async () => app.close());
  const post = (payload: object) => app.inject({ method: 'POST', url: '/api/chat', payload });

  it('caps turns per conversation with an error that suggests a new one, and pages the stored turns', async () => {
    const { conversationId } = (await post({ message: '中山买工作母机有补贴吗' })).json() as { conversationId: string };
    for (let i = 1; i < 30; i++) expect((await post({ message: `那买了${i}00万的呢`, conversationId })).statusCode).toBe(200);
    // Only the last turns are loaded, yet a follow-up still has its context (the slots).
    expect((await store.get(conversationId))?.turns).toHaveLength(5);

    const refused = await post({ message: '那买了3100万的呢', conversationId });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ error: { code: 'conversation_full', message: expect.stringMatching(/新的对话/) } });
    expect((await post({ message: '那买了3100万的呢' })).statusCode).toBe(200);
    // Over the WebSocket the same code, not internal_error.
    const opened = await upgrade(`ws://127.0.0.1:${await listen(app)}/ws`);
    if (!('socket' in opened)) throw new Error(`upgrade refused: ${opened.status}`);
    const event = new Promise((resolve) => opened.socket.once('message', (data: Buffer) => resolve(JSON.parse(String(data)))));
    opened.socket.send(JSON.stringify({ type: 'message', message: '那买了3100万的呢', conversationId }));
    expect(await event).toMatchObject({ type: 'error', code: 'conversation_full', message: expect.stringMatching(/新的对话/) });
    opened.socket.terminate();

    expect((await app.inject({ method: 'POST', url: '/api/feedback', payload: { conversationId, turnIndex: 25, rating: 'up' } })).statusCode).toBe(201);
    const latest = (await app.inject({ url: `/api/conversations/${conversationId}?limit=10` })).json();
    expect(latest).toMatchObject({ conversationId, turnCount: 30, from: 20, limit: 10, previous: 10, next: null });
    expect(latest.turns.map((t: { turnIndex: number }) => t.turnIndex)).toEqual([20, 21, 22, 23, 24, 25, 26, 27, 28, 29]);
    expect(latest.turns[5]).toMatchObject({ turnIndex: 25, message: '那买了2500万的呢', feedback: { rating: 'up' } });
    const first = (await app.inject({ url: `/api/conversations/${conversationId}?from=0&limit=10` })).json();
    expect(first).toMatchObject({ from: 0, previous: null, next: 10 });
    expect(first.turns[0]).toMatchObject({ turnIndex: 0, message: '中山买工作母机有补贴吗', feedback: null });
    const everything = (await app.inject({ url: `/api/conversations/${conversationId}` })).json();
    expect(everything.turns).toHaveLength(30);
    expect((await app.inject({ url: `/api/conversations/${conversationId}?limit=100000` })).statusCode).toBe(400);
  }, 60_000);
});

describe('store health (item 9)', () => {
  const ready = (server: ServerProcess) => getJson(`${server.url}/readyz`);

  it('answers 503 storage_unavailable and fails /readyz once the database file is deleted under it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deleted-'));
    const server = await startServerProcess({ ...modelEnv, DATA_DIR: dataDir, STORE: 'sqlite' });
    try {
      const opened = await chat(server.url, { message: '买台200万的工作母机能补多少' });
      expect(opened.status).toBe(200);
      expect(await ready(server)).toMatchObject({ status: 200, body: { storage: 'ok' } });
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `conversations.sqlite${suffix}`), { force: true });

      const next = await chat(server.url, { message: '那买了300万的呢', conversationId: opened.body.conversationId });
      expect(next).toMatchObject({ status: 503, body: { error: { code: 'storage_unavailable' } } });
      expect(await chat(server.url, { message: '你好' })).toMatchObject({ status: 503, body: { error: { code: 'storage_unavailable' } } });
      const probe = await ready(server);
      expect(probe.status).toBe(503);
      expect(probe.body).toMatchObject({ storage: 'unavailable', reason: expect.stringMatching(/conversations\.sqlite was removed or replaced/) });
      expect((await getJson(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60_000);

  it('says a corrupt database is corrupt when it refuses to start', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corrupt-'));
    writeFileSync(join(dataDir, 'conversations.sqlite'), 'SQLite format 2 — a broken copy, not a database '.repeat(100));
    const { code, log } = await runToExit({ ...modelEnv, DATA_DIR: dataDir, STORE: 'sqlite' });
    expect(code).toBe(1);
    expect(log).toMatch(/conversation store at .*conversations\.sqlite is corrupt or not a SQLite database/);
    expect(log).not.toMatch(/writable/);
  }, 60_000);

  // A real full disk: a 4 MiB tmpfs as DATA_DIR. Mounting needs CAP_SYS_ADMIN; where it is missing the test says so.
  const mountPoint = mkdtempSync(join(tmpdir(), 'small-disk-'));
  let mounted = false;
  beforeAll(() => {
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint], { stdio: 'ignore' });
      mounted = true;
    } catch {
      mounted = false;
    }
  });
  afterAll(() => {
    if (mounted) execFileSync('umount', [mountPoint], { stdio: 'ignore' });
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('answers 503 storage_unavailable on a full disk, fails /readyz, and recovers when space is freed', async (context) => {
    if (!mounted) context.skip('cannot mount a tmpfs here (needs CAP_SYS_ADMIN), so no real full disk to test on');
    const server = await startServerProcess({ ...modelEnv, DATA_DIR: mountPoint, STORE: 'sqlite' });
    const ballast = join(mountPoint, 'ballast');
    try {
      const opened = await chat(server.url, { message: '买台200万的工作母机能补多少' });
      expect(opened.status).toBe(200);
      // Fill the disk to the last byte.
      const fd = openSync(ballast, 'w');
      for (const size of [65_536, 4_096, 1]) {
        try {
          for (;;) writeSync(fd, Buffer.alloc(size));
        } catch {
          // ENOSPC: go on with smaller writes.
        }
      }
      closeSync(fd);

      const refused = await chat(server.url, { message: '那买了300万的呢', conversationId: opened.body.conversationId });
      expect(refused).toMatchObject({ status: 503, body: { error: { code: 'storage_unavailable', message: expect.stringMatching(/disk is full/) } } });
      expect(await ready(server)).toMatchObject({ status: 503, body: { storage: 'unavailable' } });

      rmSync(ballast);
      expect(await ready(server)).toMatchObject({ status: 200, body: { storage: 'ok' } });
      const again = await chat(server.url, { message: '那买了300万的呢', conversationId: opened.body.conversationId });
      expect(again.status).toBe(200);
      const stored = await allTurns(server.url, opened.body.conversationId ?? '');
      expect(stored.map((t) => t.message)).toEqual(['买台200万的工作母机能补多少', '那买了300万的呢']);
    } finally {
      server.child.kill('SIGKILL');
      await new Promise((resolve) => server.child.once('exit', resolve));
    }
  }, 60_000);

});
