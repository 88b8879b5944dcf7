import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { InMemoryConversationStore } from '../../src/assistant/conversation.js';
import { ChatResponseSchema } from '../../src/assistant/response.js';
import { buildServer } from '../../src/server/server.js';
import { sharedCore } from '../helpers.js';
import { runToExit, startServerProcess } from '../../scripts/server-process.js';

let app: FastifyInstance;
const store = new InMemoryConversationStore();
beforeAll(async () => {
  app = await buildServer(await sharedCore(), { store });
});
afterAll(async () => app.close());

const post = (payload: unknown, url = '/api/chat') => app.inject({ method: 'POST', url, payload: payload as object });

describe('fault battery: bad requests get a clear error and the server keeps serving', () => {
  it.each<[string, { headers?: Record<string, string>; payload: string | object }, number, string]>([
    ['malformed JSON', { headers: { 'content-type': 'application/json' }, payload: '{"message": "买设备' }, 400, 'malformed_json'],
    ['JSON that is not an object', { headers: { 'content-type': 'application/json' }, payload: '"hello"' }, 400, 'validation_error'],
    ['wrong types', { payload: { message: ['买设备'], conversationId: 7 } }, 400, 'validation_error'],
    ['a 1 MB body', { payload: { message: 'x'.repeat(1024 * 1024) } }, 413, 'payload_too_large'],
    ['a 10 000-character message', { payload: { message: '买'.repeat(10_000) } }, 400, 'validation_error'],
    ['whitespace only', { payload: { message: ' \n\t　' } }, 400, 'validation_error'],
    ['a plain-text body', { headers: { 'content-type': 'text/plain' }, payload: 'message=hi' }, 400, 'validation_error'],
    ['an XML body', { headers: { 'content-type': 'application/xml' }, payload: '<message>hi</message>' }, 415, 'unsupported_media_type'],
    ['a forged conversation id', { payload: { message: '你好', conversationId: "1' OR '1'='1" } }, 404, 'conversation_not_found'],
  ])('%s', async (_name, request, status, code) => {
    const res = await app.inject({ method: 'POST', url: '/api/chat', ...request });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error: { code, message: expect.any(String) } });
    expect(res.body).not.toMatch(/node_modules|at [\w.]+ \(/);
    expect((await post({ message: '你好' })).statusCode).toBe(200);
  });

  it('answers emoji, control characters and non-Chinese text without crashing', async () => {
    for (const message of ['😀😀 买200万工作母机补多少？🙏', 'abc\u0000\u0007\u001b[31m def', 'What is the weather today?', '١٢٣ مرحبا']) {
      const res = await post({ message });
      expect(res.statusCode).toBe(200);
      ChatResponseSchema.parse(res.json());
    }
    expect((await post({ message: '😀😀 买200万工作母机补多少？🙏' })).json().calculation).toMatchObject({ amount: '300000' });
  });

  it('stores script tags and SQL-looking text as text and returns it unchanged', async () => {
    const message = `<img src=x onerror=alert(1)><script>alert("x")</script>'); DROP TABLE turns; --`;
    const first = await post({ message });
    expect(first.statusCode).toBe(200);
    const { conversationId } = first.json();
    const stored = await app.inject({ url: `/api/conversations/${conversationId}` });
    expect(stored.json().turns[0].message).toBe(message);
    expect(stored.headers['content-type']).toContain('application/json');
  });

  it('does not lose a turn under 50 concurrent writes to one conversation', async () => {
    const { conversationId } = (await post({ message: '中山买工作母机有补贴吗' })).json();
    const replies = await Promise.all(Array.from({ length: 50 }, (_, i) => post({ message: `那买了${i + 1}00万的呢`, conversationId })));
    expect(replies.every((r) => r.statusCode === 200)).toBe(true);
    const conversation = (await app.inject({ url: `/api/conversations/${conversationId}?limit=100` })).json();
    expect(conversation.turns).toHaveLength(51);
    expect(new Set(conversation.turns.map((t: { message: string }) => t.message)).size).toBe(51);
  });

  it('unknown conversations and turns: 404 on read and on feedback; bad feedback: 400', async () => {
    expect((await app.inject({ url: '/api/conversations/nope' })).json()).toMatchObject({ error: { code: 'conversation_not_found' } });
    const { conversationId } = (await post({ message: '你好' })).json();
    expect((await post({ conversationId, turnIndex: 3, rating: 'up' }, '/api/feedback')).statusCode).toBe(404);
    expect((await post({ conversationId, turnIndex: 0, rating: 'meh' }, '/api/feedback')).statusCode).toBe(400);
    expect((await post({ conversationId, turnIndex: -1, rating: 'up' }, '/api/feedback')).statusCode).toBe(400);
    const ok = await post({ conversationId, turnIndex: 0, rating: 'down', comment: '<b>没说清楚</b>' }, '/api/feedback');
    expect(ok.statusCode).toBe(201);
    const turns = (await app.inject({ url: `/api/conversations/${conversationId}` })).json().turns;
    expect(turns[0].feedback).toMatchObject({ rating: 'down', comment: '<b>没说清楚</b>' });
  });
});

describe('limits and hygiene', () => {
  it('sends security headers with a CSP, a request id, and no CORS grant to unknown origins', async () => {
    const res = await app.inject({ url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toMatch(/[0-9a-f-]{36}/);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('grants CORS to an allow-listed origin and lets it frame the widget', async () => {
    const allowed = await buildServer(await sharedCore(), { limits: { corsOrigins: ['https://partner.example'] } });
    const res = await allowed.inject({ method: 'OPTIONS', url: '/api/chat', headers: { origin: 'https://partner.example', 'access-control-request-method': 'POST' } });
    expect(res.headers['access-control-allow-origin']).toBe('https://partner.example');
    expect((await allowed.inject({ url: '/healthz' })).headers['content-security-policy']).toContain("frame-ancestors 'self' https://partner.example");
    await allowed.close();
  });

  it('answers 429 with the error shape past the per-IP limit, and keeps probes open', async () => {
    const limited = await buildServer(await sharedCore(), { limits: { rateLimitPerMinute: 3 } });
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push((await limited.inject({ url: '/api/rules' })).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const res = await limited.inject({ url: '/api/rules' });
    expect(res.json()).toMatchObject({ error: { code: 'rate_limited' } });
    expect(res.headers['retry-after']).toBeDefined();
    expect((await limited.inject({ url: '/healthz' })).statusCode).toBe(200);
    await limited.close();
  });

  it('exposes Prometheus metrics: requests, latency, intents, errors, WebSocket connections', async () => {
    await post({ message: '买台200万的工作母机能补多少' });
    await post({ message: '' });
    const text = (await app.inject({ url: '/metrics' })).body;
    expect(text).toMatch(/http_requests_total\{method="POST",route="\/api\/chat",status="200"\} \d+/);
    expect(text).toContain('http_request_duration_seconds_bucket');
    expect(text).toMatch(/chat_intents_total\{intent="calculate",channel="http"\} \d+/);
    expect(text).toMatch(/api_errors_total\{code="validation_error"\} \d+/);
    expect(text).toContain('websocket_connections');
  });
});

describe('WebSocket limits', () => {
  const open = async (server: FastifyInstance) => {
    const address = server.server.listening ? `http://127.0.0.1:${(server.server.address() as { port: number }).port}` : await server.listen({ port: 0, host: '127.0.0.1' });
    const socket = new WebSocket(`${address.replace('http', 'ws')}/ws`);
    await new Promise((resolve, reject) => { socket.on('open', resolve); socket.on('error', reject); });
    return socket;
  };

  it('closes a socket that sends more than the max payload (1009) and keeps serving others', async () => {
    const socket = await open(app);
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.send('x'.repeat(64 * 1024));
    expect(await closed).toBe(1009);
    const res = await post({ message: '你好' });
    expect(res.statusCode).toBe(200);
  });

  it('refuses messages past the per-connection rate with an error event, and closes idle sockets', async () => {
    const server = await buildServer(await sharedCore(), { limits: { wsMessagesPerMinute: 2, wsIdleSeconds: 5 } });
    const socket = await open(server);
    const events: { type: string; code?: string }[] = [];
    socket.on('message', (data: Buffer) => events.push(JSON.parse(data.toString())));
    for (let i = 0; i < 3; i++) socket.send(JSON.stringify({ type: 'message', message: '你好' }));
    const closed = await new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    expect(events.filter((e) => e.type === 'final')).toHaveLength(2);
    expect(events).toContainEqual(expect.objectContaining({ type: 'error', code: 'rate_limited' }));
    expect(closed).toEqual({ code: 1000, reason: 'idle timeout' });
    await server.close();
  }, 15_000);
});

describe('graceful close', () => {
  it('answers a message already under way, then closes open sockets with 1001', async () => {
    // A store whose writes take 300 ms keeps the turn in flight while the server is asked to close.
    class SlowStore extends InMemoryConversationStore {
      override async save(conversation: Parameters<InMemoryConversationStore['save']>[0]): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return super.save(conversation);
      }
    }
    const server = await buildServer(await sharedCore(), { store: new SlowStore() });
    const address = await server.listen({ port: 0, host: '127.0.0.1' });
    const socket = new WebSocket(`${address.replace('http', 'ws')}/ws`);
    await new Promise((resolve) => socket.on('open', resolve));
    const events: string[] = [];
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    socket.on('message', (data: Buffer) => events.push((JSON.parse(data.toString()) as { type: string }).type));
    socket.send(JSON.stringify({ type: 'message', message: '买台200万的工作母机能补多少' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(events).toEqual([]);
    await server.close();
    expect(await closed).toBe(1001);
    expect(events.at(-1)).toBe('final');
  });
});

describe('process faults (real server processes)', () => {
  const modelEnv = { EMBEDDING_MODEL_DIR: process.env.EMBEDDING_MODEL_DIR ?? '', POLICY_TODAY: '2026-11-22' };

  it('keeps every acknowledged turn through kill -9 during writes, and the conversation continues after restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kill9-'));
    const env = { ...modelEnv, DATA_DIR: dataDir, STORE: 'sqlite', RATE_LIMIT_PER_MINUTE: '0' };
    const first = await startServerProcess(env);
    const chat = async (url: string, body: object) => {
      const res = await fetch(`${url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
      return { status: res.status, body: (await res.json()) as { conversationId: string } };
    };
    const { body: opened } = await chat(first.url, { message: '中山买工作母机有补贴吗' });
    const acknowledged: string[] = [];
    let killed = false;
    // Writers keep sending until the process dies; each 200 is a turn the server acknowledged.
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !killed; i++) {
        const message = `那买了${w + 1}${i}0万的呢`;
        try {
          const res = await chat(first.url, { message, conversationId: opened.conversationId });
          if (res.status === 200) acknowledged.push(message);
        } catch {
          return;
        }
      }
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(10);

    const second = await startServerProcess(env);
    try {
      // The conversation is read page by page (GET is paginated).
      const messages = new Set<string>();
      for (let from: number | null = 0; from !== null;) {
        const page = await (await fetch(`${second.url}/api/conversations/${opened.conversationId}?from=${from}&limit=200`)).json() as
          { turns: { message: string }[]; next: number | null };
        page.turns.forEach((t) => messages.add(t.message));
        from = page.next;
      }
      expect(acknowledged.filter((m) => !messages.has(m))).toEqual([]);
      const next = await chat(second.url, { message: '换成东源呢？', conversationId: opened.conversationId });
      expect(next.status).toBe(200);
      expect(next.body).toMatchObject({ conversationId: opened.conversationId, calculation: { ruleId: 'dy2018-equipment-purchase' } });
    } finally {
      second.child.kill('SIGKILL');
    }
  }, 90_000);

  it('finishes an in-flight answer on SIGTERM, then exits 0', async () => {
    const server = await startServerProcess({ ...modelEnv, STORE: 'memory' });
    // The request is under way (headers and half the body sent) when SIGTERM arrives; the body completes after.
    const body = JSON.stringify({ message: '买台200万的工作母机能补多少' });
    const { hostname, port } = new URL(server.url);
    const request = http.request({ hostname, port, path: '/api/chat', method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      request.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => { text += chunk.toString(); });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      });
      request.on('error', reject);
    });
    const half = Buffer.from(body).subarray(0, 10);
    request.write(half);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve));
    server.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    request.end(Buffer.from(body).subarray(10));
    const res = await response;
    expect(res.status).toBe(200);
    expect(JSON.parse(res.text)).toMatchObject({ calculation: { amount: '300000' } });
    expect(await exited).toBe(0);
  }, 60_000);

  it('refuses to start with an unwritable store, with one clear line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'unwritable-'));
    writeFileSync(join(dir, 'file'), 'x');
    const { code, log } = await runToExit({ ...modelEnv, DATA_DIR: join(dir, 'file') });
    expect(code).toBe(1);
    expect(log).toMatch(/cannot open the conversation store at .*DATA_DIR/);
  }, 60_000);

  it('starts lexical-only with a corrupt model and says so in one log line', async () => {
    const { cpSync } = await import('node:fs');
    const broken = mkdtempSync(join(tmpdir(), 'broken-model-'));
    cpSync(join(modelEnv.EMBEDDING_MODEL_DIR, 'BAAI'), join(broken, 'BAAI'), { recursive: true });
    const onnx = join(broken, 'BAAI', 'bge-small-zh-v1.5', 'onnx', 'model_quantized.onnx');
    writeFileSync(onnx, 'not a model');
    const server = await startServerProcess({ ...modelEnv, EMBEDDING_MODEL_DIR: broken, STORE: 'memory' });
    try {
      expect(server.output()).toMatch(/lexical only/);
      const ready = await (await fetch(`${server.url}/readyz`)).json();
      expect(ready).toMatchObject({ retrieval: 'lexical' });
      const res = await (await fetch(`${server.url}/api/chat`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ message: '买台200万的工作母机能补多少' }) })).json();
      expect(res.calculation).toMatchObject({ amount: '300000' });
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 60_000);
});
