import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/index.js';
import { chooseRules, loadPolicyRules } from '../../src/policy/index.js';

const corpus = loadCorpus('corpus');
const policy = loadPolicyRules('corpus');
const SUBSIDY_RULES = policy.rules;
const NON_QUANTITATIVE_DOCUMENTS = policy.nonQuantitative;
const regionOf = (docId: string) => corpus.documentById.get(docId)?.region;

describe('rules table', () => {
  it('quotes every rule verbatim from the clause it names', () => {
    for (const rule of SUBSIDY_RULES) {
      const clause = corpus.clauseById.get(rule.clauseId);
      expect(clause, rule.id).toBeDefined();
      expect(clause?.docId).toBe(rule.docId);
      expect(clause?.text, rule.id).toContain(rule.quote);
      for (const t of rule.thresholds) expect(corpus.clauseById.get(t.clauseId)?.text, rule.id).toContain(t.quote);
    }
    expect(policy.unrated.length).toBeGreaterThan(0);
    for (const measure of policy.unrated) {
      const clause = corpus.clauseById.get(measure.clauseId);
      expect(clause?.docId, measure.subject).toBe(measure.docId);
      expect(clause?.text, measure.subject).toContain(measure.quote);
    }
  });

  it('still names the only provision a message names when its quantity does not fit (一家 beside 并购)', () => {
    const chosen = chooseRules(SUBSIDY_RULES, '同年还并购控股了一家非关联企业', { regionOf, regions: ['中山市'], dimensions: ['count'] }).rules;
    expect(chosen.map((r) => r.id)).toEqual(['zs2018-merger']);
  });

  it('covers every item of 中山2018 四、（一）–（九）, 东源 四、（一）（五） and 六安 三、（一）（二）', () => {
    const clauses = new Set(SUBSIDY_RULES.flatMap((r) => [r.clauseId, ...r.thresholds.map((t) => t.clauseId)]));
    for (const n of ['一', '二', '三', '四', '五', '六', '七', '八', '九']) expect(clauses).toContain(`zhongshan-2018:四.${n}`);
    for (const id of ['dongyuan-2018:四.一', 'dongyuan-2018:四.五', 'luan-draft:三.一', 'luan-draft:三.二']) expect(clauses).toContain(id);
  });

  it('says the Shenzhen and Zhongshan-2014 documents have no rates, citing real clauses', () => {
    expect(NON_QUANTITATIVE_DOCUMENTS.map((d) => d.docId).sort()).toEqual(['shenzhen-2015', 'zhongshan-2014']);
    for (const doc of NON_QUANTITATIVE_DOCUMENTS) {
      for (const id of doc.clauseIds) expect(corpus.clauseById.has(id), id).toBe(true);
      expect(corpus.documentById.get(doc.docId)?.hasQuantitativeSubsidies).toBe(false);
      expect(SUBSIDY_RULES.some((r) => r.docId === doc.docId)).toBe(false);
    }
  });
});

describe('chooseRules', () => {
  const ids = (text: string, regions: string[] = []) => chooseRules(SUBSIDY_RULES, text, { regionOf, regions }).rules.map((r) => r.id);

  it.each([
    ['我们买了200万元的工作母机，能补多少', [], ['zs2018-machine-tool']],
    ['并购一家企业有多少奖励', [], ['zs2018-merger']],
    ['招了3名技师', [], ['zs2018-skilled-talent']],
    ['智能制造示范项目投了2000万', [], ['zs2018-smart-manufacturing-demo']],
    ['工作母机', ['东源县'], ['dy2018-equipment-purchase']],
    ['省级智能工厂奖多少', ['六安市'], ['luan-smart-factory']],
    ['我们不是龙头骨干企业，技改投了2000万', ['中山市'], ['zs2018-tech-renovation']],
    ['龙头骨干企业技改投了2000万', ['中山市'], ['zs2018-leading-enterprise-renovation']],
  ])('%s (%j) → %j', (text, regions, expected) => {
    expect(ids(text, regions)).toEqual(expected);
  });

  it('offers one candidate per region and asks for the region when a generic purchase names none', () => {
    const choice = chooseRules(SUBSIDY_RULES, '买500万设备', { regionOf });
    expect(choice.rules.map((r) => r.id).sort()).toEqual(['dy2018-equipment-purchase', 'zs2018-tech-renovation']);
    expect(choice.missing).toEqual(['region']);
  });

  it('says the subject is missing when nothing matches', () => {
    expect(chooseRules(SUBSIDY_RULES, '今天天气怎么样', { regionOf })).toEqual({ rules: [], readings: [], missing: ['subject'] });
  });
});
