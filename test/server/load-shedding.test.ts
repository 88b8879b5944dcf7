// Fault battery, CPU exhaustion (issue 13 item 5): long queries cost the model little, a backlog is shed, probes answer.
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/server-process.js';
import { sharedCore } from '../helpers.js';

/** A distinct 500-character question (distinct so that no cache answers it). */
const longQuery = (seed: number) => `${seed}号问题：`.concat('企业购买工作母机和技术改造设备的补贴比例与上限是多少'.repeat(30)).slice(0, 500);

interface RawResponse { status: number; headers: Map<string, string>; body: string }

/**
 * Sends GET requests on raw sockets, all but each request's last byte first, then every last byte in one turn, so the
 * server reads the whole burst at once whatever the machine's load (fetch would let a slow client trickle them in).
 */
async function burst(url: string, paths: string[]): Promise<RawResponse[]> {
  const { hostname, port } = new URL(url);
  const sockets = await Promise.all(paths.map(() => new Promise<Socket>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once('error', reject);
  })));
  const responses = sockets.map((socket) => new Promise<RawResponse>((resolve, reject) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.once('error', reject);
    socket.once('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n', 2);
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers = new Map(headerLines.map((line) => {
        const colon = line.indexOf(':');
        return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as const;
      }));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
  }));
  const requests = paths.map((path) => `GET ${path} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`);
  await Promise.all(sockets.map((socket, i) => new Promise<void>((resolve) => socket.write(requests[i]!.slice(0, -1), () => resolve()))));
  await new Promise((resolve) => setTimeout(resolve, 200));
  sockets.forEach((socket) => socket.write('\n'));
  return Promise.all(responses);
}

describe('issue 13 item 5: bounded embedding work', () => {
  it('gives the embedding model only the head of a long query', async () => {
    const { embedder } = (await sharedCore()).retrieval;
    if (!embedder) throw new Error('tests run with the embedding model');
    const query = longQuery(1);
    const head = Array.from(query).slice(0, 128).join('');
    expect(Array.from(await embedder.embedQuery(query))).toEqual(Array.from(await embedder.embedQuery(head)));
  });

  it('sheds searches beyond the embedding queue with 503 and Retry-After, while probes keep answering', async () => {
    const server = await startServerProcess({
      EMBEDDING_MODEL_DIR: process.env.EMBEDDING_MODEL_DIR ?? '', STORE: 'memory', RATE_LIMIT_PER_MINUTE: '0', EMBEDDING_QUEUE_SIZE: '1',
    });
    try {
      const searchPath = (seed: number) => `/api/search?q=${encodeURIComponent(longQuery(seed))}`;
      const [searches, probes] = await Promise.all([
        burst(server.url, Array.from({ length: 16 }, (_, i) => searchPath(100 + i))),
        Promise.all(Array.from({ length: 8 }, () => fetch(`${server.url}/healthz`))),
      ]);
      const statuses = searches.map((res) => res.status);
      expect(statuses.filter((status) => status !== 200 && status !== 503), `statuses ${statuses.join(' ')}`).toEqual([]);
      expect(statuses).toContain(200);
      const shed = searches.filter((res) => res.status === 503);
      expect(shed.length, `statuses ${statuses.join(' ')}`).toBeGreaterThan(0);
      for (const res of shed) {
        expect(res.headers.get('retry-after')).toBe('1');
        expect(JSON.parse(res.body)).toMatchObject({ error: { code: 'overloaded' } });
      }
      expect(probes.map((res) => res.status)).toEqual(Array(8).fill(200));
      // Once the backlog is gone, the same question is answered.
      expect((await fetch(`${server.url}${searchPath(100 + statuses.indexOf(503))}`)).status).toBe(200);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 90_000);
});
