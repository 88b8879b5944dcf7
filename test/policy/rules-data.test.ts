import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Decimal } from 'decimal.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChatService, openPolicyCore, type PolicyCore } from '../../src/app.js';
import { ChatService } from '../../src/assistant/chat-service.js';
import { InMemoryConversationStore } from '../../src/assistant/conversation.js';
import { mentionsPolicy } from '../../src/lexicon/index.js';
import { acceptedInputs, formatYuan, loadPolicyRules } from '../../src/policy/index.js';
import { toPolicyVocabulary } from '../../src/retrieval/index.js';
import { corpusWithFixtureDocument, sharedCore, testConfig } from '../helpers.js';

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
        // A row that states only its ceiling and takes no figure (开班培训 最高10万元) is answered with its standard.
        const ceilingOnly = rule.formula.type === 'upper-bound' && rule.inputs.length === 0;
        const answered = ceilingOnly
          ? reply.calculation === null && reply.answer.includes(formatYuan(new Decimal(example.amount)))
          : amounts(reply.calculation).includes(example.amount);
        if (!answered || !reply.citations.some((c) => c.clauseId === rule.clauseId)) {
          failures.push(`${rule.id}: ${example.question} → ${JSON.stringify(amounts(reply.calculation))}, expected ${example.amount}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers each requirement\'s own unmet example with "does not qualify", the clause and no figure', async () => {
    const failures: string[] = [];
    const rows = core.rules.rules.filter((r) => r.requirements.length);
    expect(rows.length).toBeGreaterThan(1);
    for (const rule of rows) {
      for (const requirement of rule.requirements) {
        const reply = await chat.chat({ message: requirement.unmet });
        if (reply.calculation !== null || !reply.answer.startsWith('不符合') || !reply.answer.includes(requirement.quote)
          || !reply.citations.some((c) => c.clauseId === requirement.clauseId)) failures.push(`${rule.id}: ${requirement.unmet} → ${reply.answer.slice(0, 80)}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers each document gate\'s own examples with its verdict, the consequence where it is not met, and its clause', async () => {
    const failures: string[] = [];
    expect(core.rules.gates.size).toBeGreaterThan(0);
    for (const [docId, gate] of core.rules.gates) {
      for (const example of gate.examples) {
        const reply = await chat.chat({ message: example.question });
        const consequences = gate.thresholds.map((t) => t.consequence);
        const verdictSaid = example.passes ? reply.answer.includes(`可以${gate.subject}`) : consequences.some((c) => reply.answer.includes(c));
        if (!reply.answer.startsWith('要点：按您说的') || !verdictSaid || reply.calculation !== null
          || !gate.thresholds.every((t) => reply.citations.some((c) => c.clauseId === t.clauseId))) failures.push(`${docId}: ${example.question} → ${reply.answer.slice(0, 80)}`);
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
    const corpusDir = corpusWithFixtureDocument({ rules: true });
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

describe('a document\'s gate, written once in its rules file', () => {
  it('applies its condition, inputs and threshold to every row of the document, and to no other document', () => {
    const rules = loadPolicyRules('corpus');
    const gate = rules.gates.get('luan-draft');
    expect(gate?.thresholds.map((t) => t.minimum)).toEqual(['2000000']);
    const luan = rules.rules.filter((r) => r.docId === 'luan-draft');
    expect(luan.length).toBeGreaterThan(1);
    for (const row of luan) {
      expect(row.thresholds.filter((t) => t.clauseId === 'luan-draft:三.一')).toHaveLength(1);
      expect(row.inputs.filter((i) => i.key === 'fixedAssetInvestment')).toHaveLength(1);
      expect(row.conditions.at(-1)).toBe(gate?.condition);
    }
    expect(rules.rules.filter((r) => r.docId !== 'luan-draft').some((r) => r.thresholds.some((t) => t.clauseId === 'luan-draft:三.一'))).toBe(false);
  });

  it('is checked for measures named without a rate (六安 买设备投了150万: below the project library\'s 200万)', async () => {
    const core = await sharedCore();
    const service = createChatService(core, new InMemoryConversationStore());
    const reply = await service.chat({ message: '六安 买设备投了150万 能补多少' });
    expect(reply.calculation).toBeNull();
    expect(reply.answer).toContain('不符合条件');
    expect(reply.citations.map((c) => c.clauseId)).toContain('luan-draft:三.一');
  });
});
