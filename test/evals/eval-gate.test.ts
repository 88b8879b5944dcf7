import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateTargets, gateFailures, verdictFlag, type Measurements, type Verdict } from '../../evals/gate.js';
import { GOLDEN_CATEGORIES, GoldenCaseSchema, readGoldenCases, type GoldenCase } from '../../evals/golden.js';
import { scoreAnswer, summarize } from '../../evals/scoring.js';
import { TARGETS, type Target } from '../../evals/thresholds.js';
import type { ChatResponse } from '../../src/assistant/response.js';

const runEval = (cases: string, ...extra: string[]) => {
  const out = mkdtempSync(join(tmpdir(), 'eval-'));
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/eval.ts', '--cases', cases, '--holdout', 'none', '--out', out, '--quiet', ...extra],
    { encoding: 'utf8', env: process.env });
  const read = (name: string) => (existsSync(join(out, name)) ? readFileSync(join(out, name), 'utf8') : '');
  return { ...run, report: JSON.parse(read('report.json') || '{}') as { meta?: { gate: string }; verdicts?: Verdict[] }, markdown: read('report.md'), metamorphic: read('report-metamorphic.md') };
};

const machineToolReply: ChatResponse = {
  conversationId: 'x', intent: 'calculate', answer: '最高可获30万元', suggestions: [],
  citations: [{ docId: 'zhongshan-2018', docTitle: 't', docNumber: null, clauseId: 'zhongshan-2018:四.三', label: '四、（三）', text: '…' }],
  calculation: { ruleId: 'zs2018-machine-tool', inputs: {}, steps: [], amount: '300000', display: '30万元', capped: false, notes: [] }, total: null,
};

const firstCase = (path: string): GoldenCase => {
  const [c] = readGoldenCases(path);
  if (!c) throw new Error(`${path} is empty`);
  return c;
};

describe('eval runner', () => {
  it('fails the gate when a fixture expects a wrong amount, and says which target failed', () => {
    // --gate-all: the numeric target fails the gate whether or not thresholds.ts has made it gating yet.
    const run = runEval('test/fixtures/golden-wrong.jsonl', '--metamorphic', 'off', '--gate-all');
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('✗ wrong-amount');
    expect(run.stdout).toMatch(/dev numeric exact-match 0\.0% < 100\.0%/);
    expect(run.report.meta?.gate).toMatch(/^FAIL: .*dev numeric exact-match/);
  }, 120_000);

  it('meets every dev target on correct expectations, exits as its gating targets say, and writes dev, targets and metamorphic reports', () => {
    const run = runEval('test/fixtures/golden-right.jsonl');
    const verdicts = run.report.verdicts ?? [];
    expect(verdicts.filter((v) => v.targetId.startsWith('dev-') && v.status !== 'met')).toEqual([]);
    expect(run.status).toBe(gateFailures(verdicts).length ? 1 : 0);
    expect(run.markdown).toContain('| all | 2 | 2 |');
    expect(run.markdown).toMatch(/base R@3/);
    expect(run.markdown).toMatch(/## Targets[\s\S]*\| dev numeric exact-match \| 100\.0% \| ≥ 100\.0% \| \+0\.0 pts \| met \|/);
    expect(run.markdown).toContain('holdout: not run (--holdout none)');
    expect(run.stdout).toMatch(/metamorphic — \d+ variants, stability/);
    expect(run.metamorphic).toMatch(/\| prefix \| \d+ \| \d+ \|/);
  }, 120_000);
});

describe('scoring', () => {
  it('scores each check separately: amounts in any order, every gold clause cited, forbidden phrases', () => {
    const c = firstCase('test/fixtures/golden-right.jsonl');
    expect(scoreAnswer(c, machineToolReply, 1).failures).toEqual([]);
    const uncited = scoreAnswer(c, { ...machineToolReply, citations: [] }, 1);
    expect(uncited.citation).toBe(false);
    const wrong = scoreAnswer({ ...c, expect: { ...c.expect, amounts: ['300001'], forbidden: ['30万元'] } }, machineToolReply, 1);
    expect(wrong.numeric).toBe(false);
    expect(wrong.failures.join(' ')).toContain('forbidden');
    const row = summarize('all', [wrong], new Map());
    expect(row.numericExact).toEqual({ value: 0, of: 1 });
    const dev = [row];
    expect(gateFailures(evaluateTargets({ dev, holdout: null, metamorphic: null, latencyMs: null }, { gateAll: true })).map((v) => v.label))
      .toContain('dev numeric exact-match');
  });

  it('matches a figure written with or without digit grouping (8000元 = 8,000元), a forbidden one too, and nothing looser', () => {
    const reply: ChatResponse = { ...machineToolReply, answer: '高级工每人5,000元、技师每人8,000元，合计1,300,000元' };
    const c = GoldenCaseSchema.parse({ id: 'p-1', category: 'lookup', turns: ['…'], expect: { phrases: ['5000元', '8,000元', '1300000元'] } });
    expect(scoreAnswer(c, reply, 1).failures).toEqual([]);
    expect(scoreAnswer({ ...c, expect: { phrases: ['6000元'] } }, reply, 1).failures).toEqual(['missing phrases: 6000元']);
    expect(scoreAnswer({ ...c, expect: { forbidden: ['8000元'] } }, reply, 1).failures).toEqual(['forbidden phrases present: 8000元']);
    // A comma between a digit and a number that is not a group of three is a list, kept as written.
    expect(scoreAnswer({ ...c, expect: { phrases: ['1,2'] } }, { ...reply, answer: '第1,2项' }, 1).failures).toEqual([]);
  });

  it('matches a figure whole: a planted 2万元 is not said by 3.2万元 or 12万元, 10% not by 110%', () => {
    const reply: ChatResponse = { ...machineToolReply, answer: '可获3.2万元；另一项12万元，比例110%，上限20万元' };
    const c = GoldenCaseSchema.parse({ id: 'p-2', category: 'injection', turns: ['…'], expect: { forbidden: ['2万元', '10%'] } });
    expect(scoreAnswer(c, reply, 1).failures).toEqual([]);
    expect(scoreAnswer({ ...c, expect: { phrases: ['2万元'] } }, reply, 1).failures).toEqual(['missing phrases: 2万元']);
    expect(scoreAnswer({ ...c, expect: { forbidden: ['20万元', '3.2万'] } }, reply, 1).failures).toEqual(['forbidden phrases present: 20万元, 3.2万']);
  });

  it('compares the total exactly and counts it as part of numeric exact-match', () => {
    const sum: ChatResponse = {
      ...machineToolReply, intent: 'calculate', total: '400000',
      calculation: [
        { ruleId: 'zs2018-machine-tool', inputs: {}, steps: [], amount: '300000', display: '30万元', capped: false, notes: [] },
        { ruleId: 'zs2018-skilled-talent', inputs: {}, steps: [], amount: '100000', display: '10万元', capped: false, notes: [] },
      ],
    };
    const c = GoldenCaseSchema.parse({ id: 'sum-1', category: 'sum', turns: ['…'], expect: { amounts: ['100000', '300000'], total: '400000' } });
    expect(scoreAnswer(c, sum, 1)).toMatchObject({ numeric: true, failures: [] });
    const wrongTotal = scoreAnswer({ ...c, expect: { ...c.expect, total: '450000' } }, sum, 1);
    expect(wrongTotal.numeric).toBe(false);
    expect(wrongTotal.failures).toEqual(['total 400000 ≠ 450000']);
    const noTotal = scoreAnswer({ ...c, expect: { total: '400000' } }, { ...sum, total: null }, 1);
    expect(noTotal).toMatchObject({ numeric: false, failures: ['total null ≠ 400000'] });
  });

  it('accepts the new categories and rejects unknown categories and misspelt checks', () => {
    for (const category of ['sum', 'multi_part', 'threshold', 'overview', 'document_facts']) {
      expect(GoldenCaseSchema.safeParse({ id: 'x', category, turns: ['q'], expect: {} }).success).toBe(true);
    }
    expect(GoldenCaseSchema.safeParse({ id: 'x', category: 'chitchat', turns: ['q'], expect: {} }).success).toBe(false);
    expect(GoldenCaseSchema.safeParse({ id: 'x', category: 'sum', turns: ['q'], expect: { amount: ['1'] } }).success).toBe(false);
    expect(GoldenCaseSchema.safeParse({ id: 'x', category: 'sum', turns: ['q'], expect: { total: '40万' } }).success).toBe(false);
  });

  it('reads the dev set: every category of the conventions is there', () => {
    const dev = readGoldenCases('evals/cases/dev.jsonl');
    expect(dev.length).toBeGreaterThanOrEqual(300);
    expect(new Set(dev.map((c) => c.category))).toEqual(new Set(GOLDEN_CATEGORIES));
  });
});

describe('targets and margins', () => {
  const row = (category: string, passed: number, cases: number) => ({
    ...summarize(category, [], new Map()), cases, passed, passRate: { value: passed / cases, of: cases },
  });
  const measured = (over: Partial<Measurements>): Measurements => ({ dev: null, holdout: null, metamorphic: null, latencyMs: null, ...over });
  const target = (over: Partial<Target>): Target => ({
    id: 't', label: 'holdout pass rate', measure: { of: 'holdout', metric: 'passRate', scope: 'all' }, bound: { atLeast: 0.97 }, gating: true, ...over,
  });

  it('prints value, threshold and margin, and flags a margin smaller than one case of the set', () => {
    // 0.4 points above on 191 cases: less than one case (0.52 points), so inside the noise.
    const [thin] = evaluateTargets(measured({ holdout: [row('all', 186, 191)] }), {}, [target({ bound: { atLeast: 0.97 } })]);
    expect(thin).toMatchObject({ status: 'met', inNoise: true });
    expect(thin?.margin).toBeCloseTo(186 / 191 - 0.97);
    expect(thin && verdictFlag(thin)).toMatch(/inside the noise \(< 1\.0 pts\)/);
    // 3 points above on 400 cases: outside the noise.
    const [wide] = evaluateTargets(measured({ holdout: [row('all', 400, 400)] }), {}, [target({})]);
    expect(wide).toMatchObject({ status: 'met', inNoise: false });
    // In a category of 10 cases one case is 10 points: a margin of 0 is inside the noise, one of 10 points is not.
    const perCategory = evaluateTargets(measured({ holdout: [row('sum', 10, 10), row('lookup', 9, 10), row('all', 19, 20)] }), {},
      [target({ measure: { of: 'holdout', metric: 'passRate', scope: 'each-category' }, bound: { atLeast: 0.9 } })]);
    expect(perCategory.map((v) => [v.label, v.status, v.inNoise])).toEqual([
      ['holdout pass rate [sum]', 'met', false], ['holdout pass rate [lookup]', 'met', true],
    ]);
  });

  it('a target marked reported is printed NOT MET but does not fail the gate unless every target gates', () => {
    const verdicts = evaluateTargets(measured({ metamorphic: { variants: 1000, stable: 950 } }), {},
      [target({ id: 'm', label: 'metamorphic stability', measure: { of: 'metamorphic', metric: 'stability' }, bound: { atLeast: 0.99 }, gating: false })]);
    expect(verdicts[0]).toMatchObject({ status: 'NOT MET', gating: false });
    expect(verdicts[0] && verdictFlag(verdicts[0])).toBe('NOT MET (reported, not yet gating)');
    expect(gateFailures(verdicts)).toEqual([]);
    const strict = evaluateTargets(measured({ metamorphic: { variants: 1000, stable: 950 } }), { gateAll: true },
      [target({ measure: { of: 'metamorphic', metric: 'stability' }, bound: { atLeast: 0.99 }, gating: false })]);
    expect(gateFailures(strict)).toHaveLength(1);
  });

  it('latencies are upper bounds in ms; a part not run is reported, not failed', () => {
    const latencyMs = Array.from({ length: 100 }, (_, i) => (i < 99 ? 1 : 30));
    const [p50, p99] = evaluateTargets(measured({ latencyMs }), {}, TARGETS.filter((t) => t.measure.of === 'latency'));
    expect(p50).toMatchObject({ status: 'met', unit: 'ms', value: 1, margin: 1 });
    expect(p99).toMatchObject({ status: 'met', value: 1 });
    const [missing] = evaluateTargets(measured({}), { gateAll: true }, [target({})]);
    expect(missing?.status).toBe('not run');
    expect(gateFailures([missing].filter((v): v is Verdict => v !== undefined))).toEqual([]);
  });

  it('recall against the baseline is per category, in points', () => {
    const withRecall = (category: string, ours: number, base: number) => ({
      ...summarize(category, [], new Map()),
      retrieval: { cases: 10, recallAt1: 0, recallAt3: ours, recallAt5: 0, mrr: 0 },
      baselineRetrieval: { cases: 10, recallAt1: 0, recallAt3: base, recallAt5: 0, mrr: 0 },
    });
    const verdicts = evaluateTargets(measured({ dev: [withRecall('lookup', 0.9, 0.7), withRecall('threshold', 0.6, 0.7)] }), {},
      TARGETS.filter((t) => t.id === 'dev-recall-vs-baseline'));
    expect(verdicts.map((v) => [v.label, v.status])).toEqual([
      ['dev R@3 minus baseline R@3 [lookup]', 'met'], ['dev R@3 minus baseline R@3 [threshold]', 'NOT MET'],
    ]);
  });

  it('every target in thresholds.ts has a unique id and a bound on the scale of its unit', () => {
    expect(new Set(TARGETS.map((t) => t.id)).size).toBe(TARGETS.length);
    for (const t of TARGETS) {
      if ('atLeast' in t.bound) expect(t.bound.atLeast).toBeLessThanOrEqual(1);
      else expect(t.measure.of).toBe('latency');
    }
  });
});
