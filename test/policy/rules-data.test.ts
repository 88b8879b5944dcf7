import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChatService, openPolicyCore, type PolicyCore } from '../../src/app.js';
import { ChatService } from '../../src/assistant/chat-service.js';
import { InMemoryConversationStore } from '../../src/assistant/conversation.js';
import { mentionsPolicy } from '../../src/lexicon/index.js';
import { acceptedInputs, loadPolicyRules } from '../../src/policy/index.js';
import { toPolicyVocabulary } from '../../src/retrieval/index.js';
import { sharedCore, testConfig } from '../helpers.js';

const amounts = (calculation: unknown): string[] => {
  const list = Array.isArray(calculation) ? calculation : calculation ? [calculation] : [];
  return list.map((c: { amount: string }) => c.amount);
};

describe('every row of the rules data, through every view derived from it', () => {
  let core: PolicyCore;
  let chat: ChatService;
  beforeAll(async () => {
    core = await sharedCore();
    chat = createChatService(core, new InMemoryConversationStore());
  });

  it('answers each row\'s own examples with the row\'s amount and clause (Duckling-style: the examples are the tests)', async () => {
    const failures: string[] = [];
    for (const rule of core.rules.rules) {
      expect(rule.examples.length, `${rule.id} has no example`).toBeGreaterThan(0);
      for (const example of rule.examples) {
        const reply = await chat.chat({ message: example.question });
        if (!amounts(reply.calculation).includes(example.amount) || !reply.citations.some((c) => c.clauseId === rule.clauseId)) {
          failures.push(`${rule.id}: ${example.question} → ${JSON.stringify(amounts(reply.calculation))}, expected ${example.amount}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('derives the scope vocabulary, the tokenizer words, the questions and the calculator schema from each row', () => {
    for (const rule of core.rules.rules) {
      for (const trigger of rule.vocabulary.triggers) expect(mentionsPolicy(core.lexicon, trigger), `${rule.id}: ${trigger}`).toBe(true);
      for (const input of rule.inputs) {
        expect(input.ask, `${rule.id}.${input.key}`).toMatch(/？$/);
        expect(acceptedInputs(rule).has(input.key)).toBe(true);
      }
      for (const term of rule.vocabulary.english) expect(toPolicyVocabulary(term), `${rule.id}: ${term}`).not.toMatch(/[a-z]{3}/i);
    }
    expect(core.lexicon.coverage).toContain('六安市（征求意见稿）');
  });
});

describe('adding a provision is a data change', () => {
  it('answers, calculates and cites a sixth document from its text, manifest entry and rules file alone', async () => {
    const corpusDir = mkdtempSync(join(tmpdir(), 'corpus-rules-'));
    cpSync('corpus', corpusDir, { recursive: true });
    cpSync('test/fixtures/foshan-fixture.txt', join(corpusDir, 'foshan-fixture.txt'));
    cpSync('test/fixtures/foshan-fixture.rules.yaml', join(corpusDir, 'rules/foshan-fixture.yaml'));
    const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as { documents: unknown[] };
    manifest.documents.push({
      id: 'foshan-fixture', file: 'foshan-fixture.txt', title: '佛山市测试区技术改造扶持办法（测试夹具）',
      shortTitle: '佛山测试夹具', docNumber: null, issuer: '测试', region: '佛山市', province: '广东省', level: '市',
      issueDate: '2026-01-01', period: { from: '2026-01-01', to: '2028-12-31' }, periodBasis: '测试夹具',
      draft: false, sourceUrl: null, hasQuantitativeSubsidies: true,
    });
    writeFileSync(join(corpusDir, 'manifest.json'), JSON.stringify(manifest));
    const core = await openPolicyCore({ ...testConfig(), corpusDir, indexDir: mkdtempSync(join(tmpdir(), 'idx-')) }, () => {});
    expect(loadPolicyRules(corpusDir).find('fs-kiln-heat-recovery')).toBeDefined();
    const chat = createChatService(core, new InMemoryConversationStore());
    const reply = await chat.chat({ message: '辊道窑余热回收改造投了500万能补多少' });
    expect(amounts(reply.calculation)).toEqual(['400000']);
    expect(reply.citations.map((c) => c.clauseId)).toContain('foshan-fixture:一.一');
    const capped = await chat.chat({ message: '窑炉改造投资2000万呢' });
    expect(amounts(capped.calculation)).toEqual(['800000']);
  }, 300_000);
});
