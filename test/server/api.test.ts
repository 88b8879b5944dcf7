import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ChatResponseSchema } from '../../src/assistant/response.js';
import { buildServer } from '../../src/server/server.js';
import { sharedCore } from '../helpers.js';

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer(await sharedCore());
});
afterAll(async () => app.close());

const chat = async (message: string, conversationId?: string) => {
  const res = await app.inject({ method: 'POST', url: '/api/chat', payload: { message, conversationId } });
  expect(res.statusCode).toBe(200);
  return ChatResponseSchema.parse(res.json());
};

describe('POST /api/chat', () => {
  it('answers the 工作母机 question with 30万元, the formula and 中山2018 四、（三）', async () => {
    const body = await chat('How much for buying a 工作母机 worth 2M?');
    expect(body.intent).toBe('calculate');
    expect(body.answer).toContain('30万元');
    expect(body.answer).toContain('购买价格 200万元 × 不超过15% = 30万元');
    expect(body.citations[0]).toMatchObject({ docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.三', label: '四、（三）', docNumber: null });
    expect(body.calculation).toMatchObject({ ruleId: 'zs2018-machine-tool', amount: '300000', display: '30万元', capped: false });
  });

  it.each([
    [{}, 400, 'validation_error'],
    [{ message: '' }, 400, 'validation_error'],
    [{ message: '   ' }, 400, 'validation_error'],
    [{ message: 42 }, 400, 'validation_error'],
    [{ message: 'x'.repeat(2001) }, 400, 'validation_error'],
    [{ message: '你好', conversationId: 'forged-id' }, 404, 'conversation_not_found'],
  ])('rejects %j with %i %s', async (payload, status, code) => {
    const res = await app.inject({ method: 'POST', url: '/api/chat', payload });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ error: { code } });
    expect(res.body).not.toMatch(/at .*\.ts/);
  });

  it('rejects malformed JSON with 400 and a body over the limit with 413', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/chat', headers: { 'content-type': 'application/json' }, payload: '{"message": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('malformed_json');
    const huge = await app.inject({ method: 'POST', url: '/api/chat', payload: { message: 'x'.repeat(1024 * 1024) } });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('keeps a conversation across turns by its server-issued id', async () => {
    const first = await chat('中山买工作母机有补贴吗？');
    const second = await chat('那我买了400万的呢？', first.conversationId);
    expect(second.conversationId).toBe(first.conversationId);
    expect(second.calculation).toMatchObject({ amount: '600000' });
  });
});

describe('search, calculate, rules, documents, clauses, health', () => {
  it('GET /api/search ranks 四、（三） first with a score and matched terms', async () => {
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent('买工作母机有什么补贴')}&k=3` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.results).toHaveLength(3);
    expect(body.results[0]).toMatchObject({ clauseId: 'zhongshan-2018:四.三', label: '四、（三）' });
    expect(body.results[0].matchedTerms).toContain('工作母机');
    const filtered = await app.inject({ url: `/api/search?q=${encodeURIComponent('补贴')}&docId=dongyuan-2018` });
    expect(filtered.json().results.every((r: { docId: string }) => r.docId === 'dongyuan-2018')).toBe(true);
    expect((await app.inject({ url: '/api/search?q=' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/search?q=a&k=999' })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/search?q=a&docId=nope' })).statusCode).toBe(404);
  });

  it.each([['中山优势传统产业行动计划执行期是哪几年', 'zhongshan-2018:序言'], ['六安技改提升行动的文号是多少', 'luan-draft:序言'],
    ['深圳那个技改意见是贯彻落实哪个文件的', 'shenzhen-2015:序言']])('GET /api/search puts the preamble first for a document fact: %s', async (q, preamble) => {
    const res = await app.inject({ url: `/api/search?q=${encodeURIComponent(q)}&k=3` });
    expect(res.json().results[0].clauseId).toMatch(new RegExp(`^${preamble}`));
  });

  it('POST /api/calculate computes with amounts in any form the parser reads, and names a bad field', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/calculate', payload: { ruleId: 'zs2018-machine-tool', inputs: { purchasePrice: '两百万' } } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ amount: '300000', display: '30万元', clauseId: 'zhongshan-2018:四.三' });
    const negative = await app.inject({ method: 'POST', url: '/api/calculate', payload: { ruleId: 'zs2018-machine-tool', inputs: { purchasePrice: -1 } } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.message).toContain('purchasePrice');
    const unitless = await app.inject({ method: 'POST', url: '/api/calculate', payload: { ruleId: 'zs2018-machine-tool', inputs: { purchasePrice: '8000平方米' } } });
    expect(unitless.statusCode).toBe(400);
    // Areas and rents as the form's placeholders show them.
    const rent = await app.inject({ method: 'POST', url: '/api/calculate',
      payload: { ruleId: 'zs2018-platform-rent', inputs: { area: '2000平方米', months: 12, monthlyRentPerSquareMetre: '40元/平方米/月' } } });
    expect(rent.json()).toMatchObject({ amount: '960000' });
    const notAnArea = await app.inject({ method: 'POST', url: '/api/calculate', payload: { ruleId: 'zs2018-platform-rent', inputs: { area: '200万' } } });
    expect(notAnArea.statusCode).toBe(400);
    expect(notAnArea.json().error.message).toContain('area');
    const unknown = await app.inject({ method: 'POST', url: '/api/calculate', payload: { ruleId: 'nope', inputs: {} } });
    expect(unknown.statusCode).toBe(404);
  });

  it('GET /api/rules, /api/documents, /api/documents/:id, /api/clauses/:id', async () => {
    const rules = (await app.inject({ url: '/api/rules' })).json();
    expect(rules.rules.length).toBeGreaterThanOrEqual(25);
    expect(rules.documentsWithoutRates).toHaveLength(2);
    const docs = (await app.inject({ url: '/api/documents' })).json();
    expect(docs.documents.map((d: { id: string; status: string }) => [d.id, d.status])).toContainEqual(['luan-draft', 'draft']);
    const doc = await app.inject({ url: '/api/documents/dongyuan-2018' });
    expect(doc.json()).toMatchObject({ docNumber: '东府办〔2018〕29号', status: 'expired' });
    expect((await app.inject({ url: '/api/documents/nope' })).statusCode).toBe(404);
    const clause = await app.inject({ url: `/api/clauses/${encodeURIComponent('zhongshan-2018:四.三')}` });
    expect(clause.json()).toMatchObject({ label: '四、（三）', document: { id: 'zhongshan-2018' } });
    expect((await app.inject({ url: '/api/clauses/nope' })).statusCode).toBe(404);
    expect((await app.inject({ url: '/nothing-here' })).json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('GET /healthz and /readyz', async () => {
    expect((await app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await app.inject({ url: '/readyz' })).json()).toMatchObject({ status: 'ready', retrieval: 'hybrid' });
  });
});

describe('WebSocket /ws on loopback', () => {
  it('streams delta pieces, then final with the /api/chat payload; errors as error events', async () => {
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const socket = new WebSocket(`${address.replace('http', 'ws')}/ws`);
    const events: { type: string; [key: string]: unknown }[] = [];
    await new Promise<void>((resolve, reject) => {
      socket.on('error', reject);
      socket.on('open', () => {
        socket.send('not json');
        socket.send(JSON.stringify({ type: 'message', message: '' }));
        socket.send(JSON.stringify({ type: 'message', message: '买台200万的工作母机能补多少' }));
      });
      socket.on('message', (data: Buffer) => {
        const event = JSON.parse(data.toString()) as { type: string };
        events.push(event);
        if (event.type === 'final') resolve();
      });
    });
    socket.close();
    expect(events[0]).toMatchObject({ type: 'error', code: 'malformed_json' });
    expect(events[1]).toMatchObject({ type: 'error', code: 'validation_error' });
    const rest = events.slice(2);
    const final = rest.at(-1);
    expect(rest.slice(0, -1).every((e) => e.type === 'delta')).toBe(true);
    expect(rest.length).toBeGreaterThan(2);
    const { type: _type, ...payload } = final ?? { type: '' };
    const parsed = ChatResponseSchema.parse(payload);
    expect(rest.slice(0, -1).map((e) => e.text).join('')).toBe(parsed.answer);
    expect(parsed.calculation).toMatchObject({ amount: '300000' });
  });
});
