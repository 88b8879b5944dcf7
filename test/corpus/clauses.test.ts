import { describe, expect, it } from 'vitest';
import { loadCorpus, parseClauses } from '../../src/corpus/index.js';

const corpus = loadCorpus('corpus');
const clausesOf = (docId: string) => corpus.clauses.filter((c) => c.docId === docId);

describe('clause parser', () => {
  it.each([
    ['zhongshan-2014', 18],
    ['shenzhen-2015', 19],
    ['zhongshan-2018', 39],
    ['dongyuan-2018', 20],
    ['luan-draft', 14],
  ])('%s has %i clauses', (docId, count) => {
    expect(clausesOf(docId)).toHaveLength(count);
  });

  it('labels 中山2018 四、 as （一）…（十）', () => {
    const labels = clausesOf('zhongshan-2018').filter((c) => c.id.startsWith('zhongshan-2018:四.')).map((c) => c.label);
    expect(labels).toEqual(['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'].map((n) => `四、（${n}）`));
  });

  it('reads the Shenzhen list as （一）…（十八） and the Dongyuan markdown headings as sections', () => {
    const shenzhen = clausesOf('shenzhen-2015').filter((c) => c.kind === 'item');
    expect(shenzhen.map((c) => c.label).at(-1)).toBe('（十八）');
    expect(shenzhen).toHaveLength(18);
    const dongyuan = corpus.clauseById.get('dongyuan-2018:四.一');
    expect(dongyuan?.label).toBe('四、（一）');
    expect(dongyuan?.path).toEqual(['四、保障措施', '（一）加强财政引导支持']);
    expect(corpus.clauseById.get('dongyuan-2018:二.-1')?.text).toContain('完成工业技术改造投资12亿元以上');
  });

  it('gives bullets and section texts their own ids', () => {
    expect(corpus.clauseById.get('zhongshan-2018:一.-4')?.label).toBe('一、——智能制造全面推进');
    expect(corpus.clauseById.get('luan-draft:二')?.text).toContain('“六化”');
    expect(corpus.clauseById.get('zhongshan-2018:四.三')?.title).toBe('支持高端生产设备推广应用');
  });

  it('keeps every clause a verbatim slice of its source at its offsets', () => {
    for (const clause of corpus.clauses) {
      const doc = corpus.documentById.get(clause.docId);
      expect(doc?.text.slice(clause.start, clause.end)).toBe(clause.text);
    }
  });

  it('leaves signatures and distribution lists out of clauses', () => {
    for (const clause of corpus.clauses) {
      expect(clause.text).not.toMatch(/抄送|公开方式/);
    }
    expect(corpus.clauseById.get('zhongshan-2014:四.六')?.text).not.toContain('2014年7月8日');
  });

  it('gives the same clauses for the same input', () => {
    for (const doc of corpus.documents) {
      expect(parseClauses(doc.id, doc.text)).toEqual(clausesOf(doc.id));
    }
    expect(loadCorpus('corpus').contentHash).toBe(corpus.contentHash);
  });
});
