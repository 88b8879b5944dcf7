// Fault battery, CPU exhaustion (issue 13 item 5): long queries cost the model little, a backlog is shed, probes answer.
import { describe, expect, it } from 'vitest';
import { startServerProcess } from '../../scripts/server-process.js';
import { sharedCore } from '../helpers.js';

/** A distinct 500-character question (distinct so that no cache answers it). */
const longQuery = (seed: number) => `${seed}号问题：`.concat('企业购买工作母机和技术改造设备的补贴比例与上限是多少'.repeat(30)).slice(0, 500);

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
      const search = (seed: number) => fetch(`${server.url}/api/search?q=${encodeURIComponent(longQuery(seed))}`);
      const probe = () => fetch(`${server.url}/healthz`);
      const [searches, probes] = await Promise.all([
        Promise.all(Array.from({ length: 16 }, (_, i) => search(100 + i))),
        Promise.all(Array.from({ length: 8 }, probe)),
      ]);
      const statuses = searches.map((res) => res.status);
      expect(statuses.filter((status) => status !== 200 && status !== 503), `statuses ${statuses.join(' ')}`).toEqual([]);
      expect(statuses).toContain(200);
      const shed = searches.filter((res) => res.status === 503);
      expect(shed.length, `statuses ${statuses.join(' ')}`).toBeGreaterThan(0);
      for (const res of shed) {
        expect(res.headers.get('retry-after')).toBe('1');
        expect(await res.json()).toMatchObject({ error: { code: 'overloaded' } });
      }
      expect(probes.map((res) => res.status)).toEqual(Array(8).fill(200));
      // Once the backlog is gone, the same question is answered.
      expect((await search(100 + statuses.indexOf(503))).status).toBe(200);
    } finally {
      server.child.kill('SIGKILL');
    }
  }, 90_000);
});
