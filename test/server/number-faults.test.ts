import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemoryConversationStore } from '../../src/assistant/conversation.js';
import { buildServer } from '../../src/server/server.js';
import { sharedCore } from '../helpers.js';

// Issue 13 item 7: a negative or malformed number is never computed on, whether typed into the calculator or the chat.
let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer(await sharedCore(), { store: new InMemoryConversationStore() });
});
afterAll(async () => app.close());

const calculate = (purchasePrice: string) =>
  app.inject({ method: 'POST', url: '/api/calculate', payload: { ruleId: 'zs2018-machine-tool', inputs: { purchasePrice } } });

describe('fault battery: negative and malformed numbers', () => {
  it.each([
    ['-200万', /负数/], ['负200万', /负数/], ['−200万', /负数/], ['-2000000', /负数/],
    ['1.2.3万', /小数点/], ['2e3万', /科学计数法/], ['1,2,3,4万', /千分位/], ['1e308元', /科学计数法/],
  ])('/api/calculate refuses purchasePrice %s with a 400 that says why', async (typed, why) => {
    const res = await calculate(typed);
    expect(res.statusCode).toBe(400);
    const { error } = res.json() as { error: { code: string; message: string } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain('purchasePrice');
    expect(error.message).toMatch(why);
  });

  it('still computes a well-formed amount', async () => {
    expect((await calculate('200万')).json()).toMatchObject({ amount: '300000' });
    expect((await calculate('2,000,000元')).json()).toMatchObject({ amount: '300000' });
  });

  it.each(['买了-200万的工作母机能补多少', '买了负200万的工作母机能补多少', '买了1.2.3万的工作母机能补多少', '买了2e3万的工作母机能补多少'])(
    'chat does not compute on %s', async (message) => {
      const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message } });
      expect(res.statusCode).toBe(200);
      const calculations = [res.json().calculation].flat().filter(Boolean) as { amount?: string; inputs?: Record<string, unknown> }[];
      // 30万元 (from 200万) or 4,500元 (from 3万) would be a figure computed on a misread number.
      expect(calculations.map((c) => c.amount)).not.toContain('300000');
      expect(calculations.map((c) => c.amount)).not.toContain('4500');
      expect(calculations.filter((c) => c.inputs?.purchasePrice !== undefined)).toEqual([]);
    });
});
