import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gateFailures, readGoldenCases, scoreAnswer, summarize } from '../../evals/golden.js';
import type { ChatResponse } from '../../src/assistant/response.js';

const runEval = (cases: string) => {
  const out = mkdtempSync(join(tmpdir(), 'eval-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--cases', cases, '--out', out, '--quiet'], { encoding: 'utf8', env: process.env });
  return { ...run, report: JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { meta: { gate: string } }, markdown: readFileSync(join(out, 'report.md'), 'utf8') };
};

describe('eval runner', () => {
  it('exits non-zero when a fixture expects a wrong amount, and says which threshold failed', () => {
    const run = runEval('test/fixtures/golden-wrong.jsonl');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ wrong-amount');
    expect(run.stdout).toMatch(/numeric exact-match 0\.0% < 100%/);
    expect(run.report.meta.gate).toMatch(/^FAIL/);
  }, 90_000);

  it('exits 0 on correct expectations and writes the report with the baseline beside ours', () => {
    const run = runEval('test/fixtures/golden-right.jsonl');
    expect(run.status).toBe(0);
    expect(run.report.meta.gate).toBe('pass');
    expect(run.markdown).toContain('| all | 2 | 2 |');
    expect(run.markdown).toMatch(/baseline R@3/);
  }, 90_000);

  it('scores each check separately: amounts in any order, every gold clause cited, forbidden phrases', () => {
    const [c] = readGoldenCases('test/fixtures/golden-right.jsonl');
    if (!c) throw new Error('fixture is empty');
    const reply: ChatResponse = {
      conversationId: 'x', intent: 'calculate', answer: '最高可获30万元', suggestions: [],
      citations: [{ docId: 'zhongshan-2018', docTitle: 't', docNumber: null, clauseId: 'zhongshan-2018:四.三', label: '四、（三）', text: '…' }],
      calculation: { ruleId: 'zs2018-machine-tool', inputs: {}, steps: [], amount: '300000', display: '30万元', capped: false, notes: [] }, total: null,
    };
    expect(scoreAnswer(c, reply, 1).failures).toEqual([]);
    const uncited = scoreAnswer(c, { ...reply, citations: [] }, 1);
    expect(uncited.citation).toBe(false);
    const wrong = scoreAnswer({ ...c, expect: { ...c.expect, amounts: ['300001'], forbidden: ['30万元'] } }, reply, 1);
    expect(wrong.numeric).toBe(false);
    expect(wrong.failures.join(' ')).toContain('forbidden');
    const row = summarize('all', [wrong], new Map());
    expect(gateFailures(row)).toContain('numeric exact-match 0.0% < 100%');
  });
});
