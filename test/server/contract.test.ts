// Fault battery, contract leaks (issue 13 item 10): every refusal in our shape, ids and metrics kept in their place.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runToExit } from '../../scripts/server-process.js';
import { buildServer } from '../../src/server/server.js';
import { sharedCore } from '../helpers.js';
import { ask, listen, rawHttp, upgrade } from './loopback.js';

let app: FastifyInstance;
let port: number;
beforeAll(async () => {
  app = await buildServer(await sharedCore());
  port = await listen(app);
});
afterAll(async () => app.close());

const errorShape = (code: string) => ({ error: { code, message: expect.any(String) } });

describe('issue 13 item 10: the framework\'s own refusals come in the error shape', () => {
  it.each<[string, string, number, string]>([
    ['bad percent-encoding in the path', '/api/documents/%E0%A4%A', 400, 'bad_request'],
    ['an over-long path parameter', `/api/clauses/${'x'.repeat(500)}`, 414, 'uri_too_long'],
    ['an unknown route', '/api/nothing-here', 404, 'not_found'],
  ])('%s', async (_name, url, status, code) => {
    const res = await app.inject({ url });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual(errorShape(code));
  });

  it.each<[string, string, number, string]>([
    ['two Content-Length headers', 'POST /api/chat HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}', 400, 'bad_request'],
    ['a request line that is not HTTP', 'HELLO THERE\r\n\r\n', 400, 'bad_request'],
    ['headers over the size limit', `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`, 431, 'header_too_large'],
  ])('malformed framing: %s', async (_name, request, status, code) => {
    const res = await rawHttp(port, request);
    expect(res.status).toBe(status);
    expect(JSON.parse(res.body)).toEqual(errorShape(code));
  });

  it.each<[string, string, string]>([
    ['DELETE', '/api/chat', 'POST'],
    ['GET', '/api/chat', 'POST'],
    ['POST', '/api/rules', 'GET, HEAD'],
    ['PUT', '/api/documents/zhongshan-2018', 'GET, HEAD'],
  ])('a wrong method: %s %s is 405 with Allow: %s', async (method, url, allow) => {
    const res = await app.inject({ method: method as 'GET', url });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe(allow);
    expect(res.json()).toEqual(errorShape('method_not_allowed'));
  });
});

describe('issue 13 item 10: request ids, metrics, message text, CSP', () => {
  it('echoes a short UUID-like X-Request-Id and replaces anything else with a fresh one', async () => {
    const uuid = '3f1c2a9e-7b4d-4e8a-9c1f-0a2b3c4d5e6f';
    expect((await app.inject({ url: '/healthz', headers: { 'x-request-id': uuid } })).headers['x-request-id']).toBe(uuid);
    for (const forged of ['x'.repeat(5000), '<script>alert(1)</script>', 'abc', `${uuid} admin=true`]) {
      const echoed = (await app.inject({ url: '/healthz', headers: { 'x-request-id': forged } })).headers['x-request-id'];
      expect(echoed).not.toBe(forged);
      expect(echoed).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    }
  });

  it('serves /metrics only to the addresses in its allow-list (loopback by default)', async () => {
    expect((await app.inject({ url: '/metrics' })).statusCode).toBe(200);
    const outside = await app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json()).toEqual(errorShape('forbidden'));
    expect(outside.body).not.toContain('http_requests_total');
    const scraper = await buildServer(await sharedCore(), { limits: { metricsAllow: ['10.0.0.0/8'] } });
    expect((await scraper.inject({ url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode).toBe(200);
    expect((await scraper.inject({ url: '/metrics' })).statusCode).toBe(403);
    await scraper.close();
  });

  it('does not serve /metrics to the public through a reverse proxy on the same host', async () => {
    const proxied = await buildServer(await sharedCore(), { limits: { trustProxy: ['127.0.0.1'] } });
    const res = await proxied.inject({ url: '/metrics', headers: { 'x-forwarded-for': '198.51.100.20' } });
    expect(res.statusCode).toBe(403);
    await proxied.close();
  });

  it.each<[string, string]>([
    ['zero-width spaces', '\u200b\u200b\u200b'],
    ['a zero-width joiner and a word joiner', '\u200d\u2060'],
    ['a byte-order mark between spaces', ' \ufeff\u200b '],
  ])('refuses a message of only %s (HTTP and WebSocket)', async (_name, message) => {
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(errorShape('validation_error'));
    const opened = await upgrade(`ws://127.0.0.1:${port}/ws`);
    if (!('socket' in opened)) throw new Error(`upgrade refused with ${opened.status}`);
    expect(await ask(opened.socket, message)).toMatchObject({ type: 'error', code: 'validation_error' });
    opened.socket.close();
  });

  it('refuses a lone surrogate with 400 instead of storing something other than what it acknowledged', async () => {
    const body = '{"message":"买设备\\ud800补多少"}';
    const res = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'application/json' }, payload: body });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual(errorShape('validation_error'));
    const { conversationId } = (await app.inject({ method: 'POST', url: '/api/chat', payload: { message: '你好' } })).json();
    const feedback = await app.inject({ method: 'POST', url: '/api/feedback', headers: { 'content-type': 'application/json' },
      payload: `{"conversationId":"${conversationId}","turnIndex":0,"rating":"down","comment":"\\udc00"}` });
    expect(feedback.statusCode).toBe(400);
    const opened = await upgrade(`ws://127.0.0.1:${port}/ws`);
    if (!('socket' in opened)) throw new Error(`upgrade refused with ${opened.status}`);
    const answered = new Promise<{ type: string; code?: string }>((resolve) => opened.socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString()))));
    opened.socket.send('{"type":"message","message":"买设备\\ud800补多少"}');
    expect(await answered).toMatchObject({ type: 'error', code: 'validation_error' });
    opened.socket.close();
    // Emoji (well-formed surrogate pairs) are still welcome.
    expect((await app.inject({ method: 'POST', url: '/api/chat', payload: { message: '😀 买设备补多少' } })).statusCode).toBe(200);
  });

  it('lets pages connect only to their own origin (CSP connect-src)', async () => {
    const csp = (await app.inject({ url: '/' })).headers['content-security-policy'];
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    expect(csp).not.toMatch(/\bwss?:/);
  });
});

describe('issue 13 item 10: start-up messages say what is wrong', () => {
  it('names a corrupt database as such, not as an unwritable folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'corrupt-store-'));
    writeFileSync(join(dataDir, 'conversations.sqlite'), 'this is not a SQLite database, just some bytes '.repeat(200));
    const { code, log } = await runToExit({ EMBEDDING_MODEL_DIR: process.env.EMBEDDING_MODEL_DIR ?? '', DATA_DIR: dataDir, STORE: 'sqlite' });
    expect(code).toBe(1);
    expect(log).toMatch(/corrupt|not a (SQLite )?database/i);
    expect(log).not.toMatch(/writable/);
  }, 60_000);
});
