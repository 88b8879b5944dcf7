// Fault battery, limits that must not be sidestepped: the per-IP budget, slow and numerous connections, WebSockets.
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { buildServer, type ServerLimits } from '../../src/server/server.js';
import { sharedCore } from '../helpers.js';
import { ask, connect, listen, rawHttp, readUntilClose, upgrade } from './loopback.js';

const opened: FastifyInstance[] = [];
/** Raw connections a test holds open; closed even when the test fails, so that closing the server does not wait on them. */
const held: Socket[] = [];
afterEach(async () => {
  for (const socket of held.splice(0)) socket.destroy();
  await Promise.all(opened.splice(0).map((server) => server.close()));
});
const hold = async (port: number) => {
  const socket = await connect(port);
  held.push(socket);
  return socket;
};

async function serve(limits: Partial<ServerLimits>): Promise<{ server: FastifyInstance; port: number }> {
  const server = await buildServer(await sharedCore(), { limits });
  opened.push(server);
  return { server, port: await listen(server) };
}

const get = (target: string, port: number) => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`;
const postChat = (target: string, port: number) => {
  const body = JSON.stringify({ message: '你好' });
  return `POST ${target} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
    `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
};

describe('issue 13 item 1: the per-IP budget counts the route that answers, however its path is spelled', () => {
  it.each<[string, (port: number) => string]>([
    ['GET /api/rules', (port) => get('/api/rules', port)],
    ['GET /%61pi/rules', (port) => get('/%61pi/rules', port)],
    ['POST /%61pi/chat', (port) => postChat('/%61pi/chat', port)],
    ['GET /api/%72ules', (port) => get('/api/%72ules', port)],
    ['an absolute-form target', (port) => get(`http://127.0.0.1:${port}/api/rules`, port)],
    ['an absolute-form target naming another host', (port) => get('http://example.com/%61pi/rules', port)],
  ])('%s: 429 once the budget is spent', async (_name, request) => {
    const { port } = await serve({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await rawHttp(port, request(port))).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const refused = await rawHttp(port, request(port));
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'rate_limited' } });
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('counts WebSocket upgrades at /%77s like those at /ws', async () => {
    const { port } = await serve({ rateLimitPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const result = await upgrade(`ws://127.0.0.1:${port}/%77s`);
      statuses.push(result.status);
      if (result.status === 101 && 'socket' in result) result.socket.close();
    }
    expect(statuses).toEqual([101, 101, 101, 429, 429]);
  });

  it('keeps pages and probes outside the budget', async () => {
    const { port } = await serve({ rateLimitPerMinute: 1 });
    for (const path of ['/healthz', '/readyz', '/', '/assets/widget.js', '/healthz']) {
      expect((await rawHttp(port, get(path, port))).status).toBe(200);
    }
    expect((await rawHttp(port, get('/api/rules', port))).status).toBe(200);
    expect((await rawHttp(port, get('/api/rules', port))).status).toBe(429);
  });
});

describe('issue 13 item 3: slow and numerous connections', () => {
  it('answers 408 in the error shape and closes a request whose body trickles in past the request timeout', async () => {
    const { port } = await serve({ requestTimeoutSeconds: 1 });
    const socket = await connect(port);
    const response = readUntilClose(socket);
    let closed = false;
    void response.then(() => { closed = true; });
    socket.write(`POST /api/chat HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"message":"`);
    // One byte at a time, far fewer than announced: without a request timeout this would hold the socket for ever.
    for (let sent = 0; !closed && sent < 40; sent++) {
      socket.write('买');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(closed).toBe(true);
    const answer = await response;
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'request_timeout' } });
  }, 30_000);

  it('does not apply the request timeout to an open WebSocket', async () => {
    const { port } = await serve({ requestTimeoutSeconds: 1 });
    const opened = await upgrade(`ws://127.0.0.1:${port}/ws`);
    if (!('socket' in opened)) throw new Error(`upgrade refused with ${opened.status}`);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(await ask(opened.socket, '你好')).toMatchObject({ type: 'final' });
    opened.socket.close();
  });

  it('closes connections from one IP beyond the per-IP cap, and serves again once one of them closes', async () => {
    const { server, port } = await serve({ connectionsPerIp: 2 });
    const first = await hold(port);
    await hold(port);
    const third = await rawHttp(port, get('/healthz', port));
    expect(third.status).toBe(0);
    first.destroy();
    // The server notices the close on its next turn of the event loop.
    while ((await new Promise<number>((resolve) => server.server.getConnections((_e, n) => resolve(n)))) > 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect((await rawHttp(port, get('/healthz', port))).status).toBe(200);
    expect((await rawHttp(port, get('/metrics', port))).body).toMatch(/connections_refused_total\{cap="per_ip"\} 1/);
  });

  it('closes connections beyond the total cap', async () => {
    const { server, port } = await serve({ connectionsPerIp: 100, maxConnections: 2 });
    await hold(port);
    await hold(port);
    expect((await rawHttp(port, get('/healthz', port))).status).toBe(0);
    const metrics = await server.inject({ url: '/metrics' });
    expect(metrics.body).toMatch(/connections_refused_total\{cap="total"\} 1/);
  });
});

describe('issue 13 item 4: WebSockets keep to the origin allow-list and the per-IP budget', () => {
  it('refuses an upgrade from an origin that is neither this server nor in CORS_ORIGINS', async () => {
    const { port } = await serve({ corsOrigins: ['https://partner.example'] });
    const url = `ws://127.0.0.1:${port}/ws`;
    const refused = await upgrade(url, { origin: 'https://evil.example' });
    expect(refused.status).toBe(403);
    expect('body' in refused && JSON.parse(refused.body)).toMatchObject({ error: { code: 'origin_not_allowed' } });
    // Same origin, an allow-listed origin, and clients that send no Origin (not browsers) are let in.
    const origins: Record<string, string>[] = [{ origin: `http://127.0.0.1:${port}` }, { origin: 'https://partner.example' }, {}];
    for (const headers of origins) {
      const accepted = await upgrade(url, headers);
      expect(accepted.status).toBe(101);
      if ('socket' in accepted) accepted.socket.close();
    }
  });

  it('refuses a cross-origin upgrade when CORS_ORIGINS is empty', async () => {
    const { port } = await serve({ corsOrigins: [] });
    expect((await upgrade(`ws://127.0.0.1:${port}/ws`, { origin: 'http://localhost:9999' })).status).toBe(403);
  });

  it('counts every message against the same per-IP budget as HTTP', async () => {
    const { port } = await serve({ rateLimitPerMinute: 4, wsMessagesPerMinute: 100 });
    const opened = await upgrade(`ws://127.0.0.1:${port}/ws`);
    if (!('socket' in opened)) throw new Error(`upgrade refused with ${opened.status}`);
    const events = [];
    for (let i = 0; i < 5; i++) events.push((await ask(opened.socket, '你好')).type === 'final' ? 'final' : 'refused');
    // The upgrade took one of the four; three messages are answered, then the IP is out of budget on HTTP as well.
    expect(events).toEqual(['final', 'final', 'final', 'refused', 'refused']);
    expect((await ask(opened.socket, '你好'))).toMatchObject({ type: 'error', code: 'rate_limited' });
    expect((await rawHttp(port, get('/api/rules', port))).status).toBe(429);
    opened.socket.close();
  });

  it('caps open sockets per IP, and lets a new one in once one closes', async () => {
    const { port } = await serve({ wsConnectionsPerIp: 2 });
    const url = `ws://127.0.0.1:${port}/ws`;
    const sockets: WebSocket[] = [];
    for (let i = 0; i < 2; i++) {
      const result = await upgrade(url);
      if ('socket' in result) sockets.push(result.socket);
    }
    expect(sockets).toHaveLength(2);
    const refused = await upgrade(url);
    expect(refused.status).toBe(429);
    expect('body' in refused && JSON.parse(refused.body)).toMatchObject({ error: { code: 'too_many_connections' } });
    const [first, second] = sockets;
    await new Promise((resolve) => { first?.once('close', resolve); first?.close(); });
    let again = await upgrade(url);
    // The server sees the close a moment after the client does.
    for (let tries = 0; again.status !== 101 && tries < 50; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await upgrade(url);
    }
    expect(again.status).toBe(101);
    if ('socket' in again) again.socket.close();
    second?.close();
  });
});
