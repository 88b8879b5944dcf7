import { beforeAll, describe, expect, it } from 'vitest';
import { ChatService } from '../../src/assistant/chat-service.js';
import { InMemoryConversationStore } from '../../src/assistant/conversation.js';
import type { ChatResponse } from '../../src/assistant/response.js';
import { sharedCore } from '../helpers.js';

let service: ChatService;
beforeAll(async () => {
  const core = await sharedCore();
  service = new ChatService({ corpus: core.corpus, rules: core.rules, lexicon: core.lexicon, retriever: core.retrieval.retriever, today: '2026-11-22' }, new InMemoryConversationStore());
});

const ask = (message: string): Promise<ChatResponse> => service.chat({ message });
const cited = (reply: ChatResponse) => reply.citations.map((c) => c.clauseId);
// A telephone number: an area code with a dash, or a run of seven digits or more.
const PHONE = /\d{3,4}-\d{6,8}|\d{7,}/;

describe('document facts: 主送单位 from the notice\'s addressee line', () => {
  it.each([
    ['东源技改三年行动计划主送哪些单位', 'dongyuan-2018:序言', '各乡镇人民政府，县府直属有关单位'],
    ['深府办〔2015〕20号发给哪些单位', 'shenzhen-2015:序言', '各区人民政府，市政府直属各单位'],
    ['中府办〔2014〕30号 主送单位是哪些', 'zhongshan-2014:序言', '火炬开发区管委会，翠亨新区管委会，各镇政府、区办事处，市各有关单位'],
    ['中山2018技改行动计划主送谁', 'zhongshan-2018:序言', '火炬开发区管委会，翠亨新区管委会，各镇政府、区办事处，市各有关单位'],
  ])('%s → quotes the line and cites the preamble', async (question, clauseId, line) => {
    const reply = await ask(question);
    expect(reply.intent).toBe('document_facts');
    expect(reply.answer).toContain(`主送单位：`);
    expect(reply.answer).toContain(`“${line}：”`);
    expect(cited(reply)[0]).toBe(clauseId);
  });

  it('a draft with no addressee line says so and names no units', async () => {
    const reply = await ask('六安技改提升行动 主送哪些单位');
    expect(reply.intent).toBe('document_facts');
    expect(reply.answer).toMatch(/征求意见稿，没有主送单位一行/);
    expect(reply.answer).not.toMatch(/人民政府，|各有关单位/);
  });
});

describe('document facts: where to report problems, in the document\'s own sentence', () => {
  it('quotes the transmittal notice\'s 向…反映 sentence instead of a clause that merely mentions 问题', async () => {
    const reply = await ask('中山2018年的技改行动计划实施中碰到问题向哪个部门反映');
    expect(reply.intent).toBe('document_facts');
    expect(reply.answer).toContain('“实施过程中遇到的问题，请径向市经济和信息化局反映”');
    expect(cited(reply)[0]).toBe('zhongshan-2018:序言');
    expect(cited(reply)).not.toContain('zhongshan-2018:五.五');
  });

  it('a document with no such sentence is said not to state it', async () => {
    const reply = await ask('东源技改三年行动计划执行中遇到问题找谁反映');
    expect(reply.intent).toBe('document_facts');
    expect(reply.answer).toContain('问题反映：《东源县工业企业技术改造三年行动计划（2018-2020年）》没有写明');
  });
});

describe('document facts: the bureau responsible for a named provision, and no invented phone number', () => {
  it.each([
    ['中山质量奖是哪个局管的 电话多少', 'zhongshan-2018:四.六', '市质监局'],
    ['中山盘活闲置厂房 由哪个局受理 有咨询电话吗', 'zhongshan-2018:四.八', '市经济和信息化局、国土资源局'],
  ])('%s → the clause\'s closing note, cited; the text gives no phone', async (question, clauseId, unit) => {
    const reply = await ask(question);
    expect(reply.intent).toBe('document_facts');
    expect(reply.answer).toContain(`负责部门：${unit}`);
    expect(cited(reply)[0]).toBe(clauseId);
    expect(reply.answer).toContain('文件没有给出联系电话');
    expect(reply.answer).toContain(`请向${unit}咨询`);
    expect(reply.answer).not.toMatch(PHONE);
  });

  it('answers only for the document of the provision named, not every document of the region', async () => {
    const reply = await ask('中山质量奖是哪个局管的 电话多少');
    expect(reply.answer).not.toContain('《中山市人民政府办公室关于进一步促进企业技术改造的实施意见》');
    expect(cited(reply)).not.toContain('zhongshan-2014:序言');
  });
});

describe('document facts: the notice\'s closing lines (公开方式, 抄送)', () => {
  it('quotes 公开方式 and 抄送 from the end of the notice, and says so where a document has none', async () => {
    const zhongshan = await ask('中府办〔2014〕30号是主动公开的吗 抄送给谁');
    expect(zhongshan.answer).toContain('“公开方式：主动公开”');
    expect(zhongshan.answer).toMatch(/“抄送：市委有关部委办/);
    const draft = await ask('六安那个征求意见稿抄送了哪些单位');
    expect(draft.answer).toContain('抄送：《六安市规模工业企业技术改造提升行动（征求意见稿）》没有写明。');
  });
});

describe('document facts beside what the text says', () => {
  it('quotes the clause for what else the message asks (领导小组 组长, 成员单位) and invents no phone number', async () => {
    const reply = await ask('东源技改三年行动计划工作领导小组 组长和执行组长是谁 成员单位有哪些 领导小组办公室电话多少');
    expect(reply.citations.map((c) => c.clauseId)).toContain('dongyuan-2018:四.六');
    expect(reply.answer).toContain('县长');
    expect(reply.answer).not.toMatch(/\d{3,4}-?\d{7,8}/);
  });

  it('names the department of each provision asked side by side', async () => {
    const reply = await ask('中山 公共技术服务平台的注册资本补贴 和 技能人才开班培训补贴 分别归哪个部门 有没有咨询电话');
    expect(reply.answer).toContain('市经济和信息化局');
    expect(reply.answer).toContain('市人力资源社会保障局');
  });

  it('adds no clause to a message that asks facts only', async () => {
    const reply = await ask('深圳那个技改文件的文号是多少，谁发的？');
    expect(reply.answer).not.toContain('相关条款');
  });
});

describe('document facts: who does the act asked about', () => {
  it('"市级部分由谁承担" quotes the clause\'s own words for it beside the department', async () => {
    const reply = await ask('中山行动计划的财政贡献增量事后奖补归哪个部门负责 市级部分由谁承担');
    expect(reply.answer).toContain('负责部门：市经济和信息化局');
    expect(reply.answer).toContain('由市镇共同承担');
    // An act the clause does not speak of adds nothing.
    const other = await ask('中山行动计划的财政贡献增量事后奖补归哪个部门负责 由谁审核');
    expect(other.answer).not.toContain('关于“审核”');
  });
});
