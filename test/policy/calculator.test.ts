import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { computeSubsidy, formatYuan, formatYuanWithExact, spanYears, loadPolicyRules, type Calculation, type SubsidyRule } from '../../src/policy/index.js';

const corpus = loadCorpus('corpus');
const context = { today: '2026-11-22', documents: corpus.documentById };
const policy = loadPolicyRules('corpus');
const SUBSIDY_RULES = policy.rules;
function rule(ruleId: string): SubsidyRule {
  const found = policy.find(ruleId);
  if (!found) throw new Error(`no rule ${ruleId}`);
  return found;
}

function calc(ruleId: string, inputs: Record<string, unknown>): Calculation {
  const outcome = computeSubsidy(rule(ruleId), inputs, context);
  if (!outcome.ok) throw new Error(`${ruleId}: ${outcome.error.message}`);
  return outcome.calculation;
}
function error(ruleId: string, inputs: Record<string, unknown>) {
  const outcome = computeSubsidy(rule(ruleId), inputs, context);
  if (outcome.ok) throw new Error(`${ruleId} accepted ${JSON.stringify(inputs)}`);
  return outcome.error;
}

// rule, inputs, expected amount (元), capped — below, at and above each cap; floors; allowances; sums; tiers.
const CASES: [string, Record<string, unknown>, string, boolean][] = [
  ['zs2018-tech-renovation', { investment: 10_000_000 }, '1000000', false],
  ['zs2018-tech-renovation', { investment: 50_000_000 }, '5000000', false],
  ['zs2018-tech-renovation', { investment: 80_000_000 }, '5000000', true],
  ['zs2018-smart-manufacturing-demo', { investment: 20_000_000 }, '4000000', false],
  ['zs2018-smart-manufacturing-demo', { investment: 25_000_000 }, '5000000', false],
  ['zs2018-smart-manufacturing-demo', { investment: 40_000_000 }, '5000000', true],
  ['zs2018-leading-enterprise-renovation', { investment: 30_000_000 }, '6000000', false],
  ['zs2018-leading-enterprise-renovation', { investment: 50_000_000 }, '10000000', false],
  ['zs2018-leading-enterprise-renovation', { investment: 90_000_000 }, '10000000', true],
  ['zs2018-fiscal-contribution-reward', { provincialShareIncrement: 1_000_000, cityShareIncrement: 500_000 }, '850000', false],
  ['zs2018-fiscal-contribution-reward', { cityShareIncrement: 333_333 }, '166666.5', false],
  ['zs2018-industrial-internet-platform', { contractAmount: 5_000_000 }, '1500000', false],
  ['zs2018-industrial-internet-platform', { contractAmount: 10_000_000 }, '3000000', false],
  ['zs2018-industrial-internet-platform', { contractAmount: 12_000_000 }, '3000000', true],
  ['zs2018-machine-tool', { purchasePrice: 2_000_000 }, '300000', false],
  ['zs2018-machine-tool', { purchasePrice: 20_000_000 }, '3000000', false],
  ['zs2018-machine-tool', { purchasePrice: 30_000_000 }, '3000000', true],
  ['zs2018-machine-tool', { purchasePrice: 4_000_000, alreadyReceivedThisYear: 2_800_000 }, '200000', true],
  ['zs2018-machine-tool', { purchasePrice: 1_000_000, alreadyReceivedThisYear: 3_000_000 }, '0', true],
  ['zs2018-output-milestone', { annualOutput: 4_900_000_000 }, '0', false],
  ['zs2018-output-milestone', { annualOutput: 5_000_000_000 }, '5000000', false],
  ['zs2018-output-milestone', { annualOutput: 12_000_000_000 }, '10000000', false],
  ['zs2018-output-milestone', { annualOutput: 60_000_000_000 }, '50000000', false],
  ['zs2018-output-milestone', { annualOutput: 12_000_000_000, enterpriseCategory: 'commerce' }, '5000000', false],
  ['zs2018-merger', { transactionAmount: 100_000_000 }, '5000000', false],
  ['zs2018-merger', { transactionAmount: 200_000_000 }, '10000000', false],
  ['zs2018-merger', { transactionAmount: 300_000_000 }, '10000000', true],
  ['zs2018-merger', { transactionAmount: 100_000_000, alreadyReceivedThisYear: 8_000_000 }, '2000000', true],
  ['zs2018-quality-award', { level: 'china' }, '2000000', false],
  ['zs2018-quality-award', { level: 'zhongshan' }, '500000', false],
  ['zs2018-famous-brand-product', { count: 3 }, '150000', false],
  ['zs2018-brand-demo-zone', { level: 'national' }, '1000000', false],
  ['zs2018-excellence-model', {}, '100000', false],
  ['zs2018-iso10012', {}, '60000', false],
  ['zs2018-platform-capital', { paidInCapital: 10_000_000 }, '1000000', false],
  ['zs2018-platform-capital', { paidInCapital: 20_000_000 }, '2000000', false],
  ['zs2018-platform-capital', { paidInCapital: 50_000_000 }, '2000000', true],
  ['zs2018-platform-rent', { area: 1000 }, '600000', false],
  ['zs2018-platform-rent', { area: 2500 }, '1500000', false],
  ['zs2018-platform-rent', { area: 3000 }, '1500000', true],
  ['zs2018-platform-rent', { area: 1000, monthlyRentPerSquareMetre: 30 }, '360000', false],
  ['zs2018-platform-rent', { area: 1000, months: 6 }, '300000', false],
  ['zs2018-shared-factory-equipment', { equipmentPurchase: 5_000_000 }, '1500000', false],
  ['zs2018-shared-factory-equipment', { equipmentPurchase: 8_000_000 }, '2000000', true],
  ['zs2018-idle-factory-rent', { area: 8000 }, '576000', false],
  ['zs2018-idle-factory-rent', { area: 30000 }, '2000000', true],
  ['zs2018-skilled-talent', { technicians: 3, seniorTechnicians: 2 }, '44000', false],
  ['zs2018-skilled-talent', { seniorWorkers: 10 }, '50000', false],
  ['zs2018-skills-training', {}, '100000', false],
  ['dy2018-equipment-purchase', { equipmentPurchase: 300_000 }, '100000', false],
  ['dy2018-equipment-purchase', { equipmentPurchase: 500_000 }, '100000', false],
  ['dy2018-equipment-purchase', { equipmentPurchase: 5_000_000 }, '1000000', false],
  ['dy2018-equipment-purchase', { equipmentPurchase: 15_000_000 }, '3000000', false],
  ['dy2018-equipment-purchase', { equipmentPurchase: 20_000_000 }, '3000000', true],
  ['dy2018-fiscal-contribution', { countyShareIncrement: 1_000_000 }, '400000', false],
  ['dy2018-relocated-fiscal-contribution', { countyShareIncrement: 1_000_000 }, '500000', false],
  ['luan-demo-project', {}, '500000', false],
  ['luan-demo-project', { count: 2 }, '1000000', false],
  ['luan-smart-factory', { level: 'provincial' }, '500000', false],
  ['luan-smart-factory', { level: 'city', fixedAssetInvestment: 3_000_000 }, '200000', false],
  ['luan-smart-factory', { level: 'provincial', fixedAssetInvestment: 1_500_000 }, '0', false],
  ['luan-green-factory', { level: 'provincial' }, '200000', false],
  ['luan-digital-workshop', { level: 'city' }, '100000', false],
  ['luan-tech-center', { level: 'provincial', fixedAssetInvestment: 1_000_000, projectType: '创新化改造' }, '200000', false],
  ['luan-design-center', { level: 'city' }, '100000', false],
];

describe('computeSubsidy', () => {
  it.each(CASES)('%s %j → %s 元', (ruleId, inputs, amount, capped) => {
    const result = calc(ruleId, inputs);
    expect(result.amount).toBe(amount);
    expect(result.capped).toBe(capped);
    expect(result.display).toBe(formatYuan(new Decimal(amount)));
  });

  it('has a below/at/above-cap case for every capped rule and a case for every rule', () => {
    for (const rule of SUBSIDY_RULES) {
      const cases = CASES.filter(([id]) => id === rule.id);
      expect(cases.length, rule.id).toBeGreaterThan(0);
      if (rule.caps.length) expect(cases.some(([, , , capped]) => capped), rule.id).toBe(true);
    }
  });

  it('explains 200万 工作母机 as 30万元 with the formula, cap, clause and caveats', () => {
    const result = calc('zs2018-machine-tool', { purchasePrice: '2000000' });
    expect(result).toMatchObject({ amount: '300000', display: '30万元', displayYuan: '300,000元', upperBound: true,
      clauseId: 'zhongshan-2018:四.三', capped: false });
    expect(result.steps).toEqual(['购买价格 200万元 × 不超过15% = 30万元', '单个企业每年最高300万元：30万元 未超上限']);
    expect(result.conditions).toContain('本地传统优势企业');
    expect(result.notes.join()).toContain('上限');
    expect(result.notes.join()).toContain('已届满');
  });

  it('shows the remaining yearly allowance: 280万 received, 400万 bought → 20万元', () => {
    const result = calc('zs2018-machine-tool', { purchasePrice: 4_000_000, alreadyReceivedThisYear: 2_800_000 });
    expect(result.steps.at(-1)).toBe('本年度已获 280万元，年度剩余额度 300万元 − 280万元 = 20万元，取 20万元');
  });

  it('raises 东源 to its 10万元 floor and says so', () => {
    const result = calc('dy2018-equipment-purchase', { equipmentPurchase: 300_000 });
    expect(result.floored).toBe(true);
    expect(result.steps).toContain('不低于 10万元：6万元 提高至 10万元');
  });

  it.each([
    ['zs2018-machine-tool', {}, 'purchasePrice', /缺少/],
    ['zs2018-machine-tool', { purchasePrice: -5 }, 'purchasePrice', /负数/],
    ['zs2018-machine-tool', { purchasePrice: 0 }, 'purchasePrice', /不能为0/],
    ['zs2018-machine-tool', { purchasePrice: 'abc' }, 'purchasePrice', /数字/],
    ['zs2018-machine-tool', { purchasePrice: '1e20' }, 'purchasePrice', /数字/],
    ['zs2018-machine-tool', { purchasePrice: '20000000000000' }, 'purchasePrice', /10万亿/],
    ['zs2018-machine-tool', { purchasePrice: '8000平方米' }, 'purchasePrice', /不是金额单位/],
    ['zs2018-machine-tool', { purchasePrice: true }, 'purchasePrice', /数字/],
    ['zs2018-platform-rent', { area: 0 }, 'area', /不能为0/],
    ['zs2018-platform-rent', { area: 100, months: 13 }, 'months', /1到12/],
    ['zs2018-skilled-talent', {}, 'seniorWorkers', /至少一类/],
    ['zs2018-skilled-talent', { technicians: 2.5 }, 'technicians', /整数/],
    ['zs2018-quality-award', { level: 'gold' }, 'level', /之一/],
    ['zs2018-quality-award', {}, 'level', /类别/],
    ['zs2018-output-milestone', { annualOutput: 6e9, enterpriseCategory: 'bank' }, 'enterpriseCategory', /之一/],
  ])('%s %j → error on %s', (ruleId, inputs, field, message) => {
    const e = error(ruleId, inputs);
    expect(e.code).toBe('invalid_input');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(message);
  });

  it('refuses an input the row does not declare: no count on a one-off award, counts only on per-item rules', () => {
    expect(error('zs2018-quality-award', { level: 'china', count: 1000 })).toMatchObject({ code: 'invalid_input', field: 'count' });
    expect(error('zs2018-excellence-model', { count: 10 })).toMatchObject({ code: 'invalid_input', field: 'count' });
    expect(calc('zs2018-famous-brand-product', { count: 3 }).amount).toBe('150000');
  });

  it('says so when 东源\'s floor exceeds the purchase itself', () => {
    const result = calc('dy2018-equipment-purchase', { equipmentPurchase: '100' });
    expect(result.amount).toBe('100000');
    expect(result.steps.join('')).toContain('保底金额 10万元 高于设备购置额 100元');
  });

  it('applies the thresholds the text sets: below them the provision does not apply', () => {
    const small = calc('luan-smart-factory', { level: 'provincial', fixedAssetInvestment: '1500000' });
    expect(small).toMatchObject({ amount: '0', eligible: false, shortOf: { clauseId: 'luan-draft:三.一', minimum: '2000000' } });
    expect(calc('luan-smart-factory', { level: 'provincial', fixedAssetInvestment: '1500000', projectType: '信息化' }).eligible).toBe(true);
    expect(calc('zs2018-idle-factory-rent', { area: '2000', singleBuildingArea: '3000' })).toMatchObject({ eligible: false, amount: '0' });
    expect(calc('zs2018-idle-factory-rent', { area: '2000', singleBuildingArea: '6000' }).amount).toBe('144000');
  });

  it('needs one of two alternative thresholds (连片10000 或 单体5000), and needs no other input to refuse', () => {
    const rule = 'zs2018-idle-factory-rent';
    expect(calc(rule, { area: '2000', contiguousArea: '12000', singleBuildingArea: '3000' })).toMatchObject({ eligible: true, amount: '144000' });
    expect(calc(rule, { area: '2000', contiguousArea: '9500', singleBuildingArea: '6000' })).toMatchObject({ eligible: true });
    expect(calc(rule, { contiguousArea: '9500', singleBuildingArea: '3000' })).toMatchObject({
      eligible: false, amount: '0', shortOf: { clauseId: 'zhongshan-2018:四.八', minimum: '10000' } });
    expect(calc(rule, { area: '2000', contiguousArea: '9500' })).toMatchObject({ eligible: false });
  });
});

describe('calculator properties', () => {
  const rateRules = SUBSIDY_RULES.filter((r) => r.formula.type === 'rate');
  const basisOf = (ruleId: string) => {
    const rule = SUBSIDY_RULES.find((r) => r.id === ruleId);
    return rule?.formula.type === 'rate' ? rule.formula.basis : 'investment';
  };
  const yuan = fc.bigInt({ min: 1n, max: 10_000_000_000_000n }).map((n) => n.toString());

  it('never exceeds a cap, never goes below a floor, never decreases as the base grows', () => {
    fc.assert(fc.property(fc.constantFrom(...rateRules.map((r) => r.id)), yuan, yuan, (ruleId, a, b) => {
      const [low, high] = new Decimal(a).lte(b) ? [a, b] : [b, a];
      const basis = basisOf(ruleId);
      const rule = SUBSIDY_RULES.find((r) => r.id === ruleId);
      const small = new Decimal(calc(ruleId, { [basis]: low }).amount);
      const large = new Decimal(calc(ruleId, { [basis]: high }).amount);
      expect(large.gte(small)).toBe(true);
      for (const cap of rule?.caps ?? []) expect(large.lte(cap.amount)).toBe(true);
      if (rule?.floor) expect(small.gte(rule.floor)).toBe(true);
    }), { numRuns: 400 });
  });

  it('gives the same result for the same inputs', () => {
    fc.assert(fc.property(yuan, (price) => {
      expect(calc('zs2018-machine-tool', { purchasePrice: price })).toEqual(calc('zs2018-machine-tool', { purchasePrice: price }));
    }), { numRuns: 50 });
  });

  it('keeps tier rewards monotonic in output', () => {
    fc.assert(fc.property(yuan, yuan, (a, b) => {
      const [low, high] = new Decimal(a).lte(b) ? [a, b] : [b, a];
      const r = (v: string) => new Decimal(calc('zs2018-output-milestone', { annualOutput: v }).amount);
      expect(r(high).gte(r(low))).toBe(true);
    }), { numRuns: 200 });
  });
});

describe('spanYears: a span opened by an event, as years', () => {
  it('2019年技改项目完工了 under 从完工下一年起连续三年内 is 2020–2022; 竣工 names the same event', () => {
    const fiscal = policy.rules.find((r) => r.docId === 'dongyuan-2018' && r.duration?.startsYearAfter);
    if (!fiscal) throw new Error('no row with a span opened by completion');
    expect(spanYears(fiscal, '2019年技改项目完工了，从哪年拿到哪年')).toEqual({ event: '完工', year: 2019, first: 2020, last: 2022 });
    expect(spanYears(fiscal, '项目2021年底竣工')?.first).toBe(2022);
    // A year said of something else (2019年投资了800万) opens nothing.
    expect(spanYears(fiscal, '2019年投资了800万，从哪年开始拿')).toBeNull();
  });

  it('a row whose span opens otherwise (补助期限最长为3年) gives no years', () => {
    expect(spanYears(rule('zs2018-platform-rent'), '2019年完工')).toBeNull();
  });
});

describe('formatYuanWithExact: a 合计 read out and in whole 元', () => {
  it('adds the whole-元 form where the read form differs, and only there', () => {
    expect(formatYuanWithExact(new Decimal(74000))).toBe('7.4万元（74,000元）');
    expect(formatYuanWithExact(new Decimal(2700000))).toBe('270万元（2,700,000元）');
    expect(formatYuanWithExact(new Decimal(8000))).toBe('8,000元');
  });
});
