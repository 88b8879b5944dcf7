import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CorpusManifestSchema, describeValidity, documentStatus, loadCorpus } from '../../src/corpus/index.js';

const manifestJson = JSON.parse(readFileSync('corpus/manifest.json', 'utf8')) as unknown;
const corpus = loadCorpus('corpus');

describe('corpus manifest', () => {
  it('validates and lists the five documents by their stable ids', () => {
    const manifest = CorpusManifestSchema.parse(manifestJson);
    expect(manifest.documents.map((d) => d.id)).toEqual([
      'zhongshan-2014', 'shenzhen-2015', 'zhongshan-2018', 'dongyuan-2018', 'luan-draft',
    ]);
  });

  it('rejects a manifest with a duplicate id, a bad date or a missing field', () => {
    const manifest = CorpusManifestSchema.parse(manifestJson);
    const first = manifest.documents[0];
    if (!first) throw new Error('empty manifest');
    const regions = manifest.regions.filter((r) => r.region === first.region);
    expect(CorpusManifestSchema.safeParse({ documents: [first], regions }).success).toBe(true);
    expect(CorpusManifestSchema.safeParse({ documents: [first, first], regions }).success).toBe(false);
    expect(CorpusManifestSchema.safeParse({ documents: [{ ...first, issueDate: '2014/7/8' }], regions }).success).toBe(false);
    const { issuer: _issuer, ...withoutIssuer } = first;
    expect(CorpusManifestSchema.safeParse({ documents: [withoutIssuer], regions }).success).toBe(false);
  });

  it('rejects an alias claimed by two regions, and a region without aliases or without a document, saying which', () => {
    const manifest = CorpusManifestSchema.parse(manifestJson);
    const messages = (candidate: unknown): string[] => {
      const result = CorpusManifestSchema.safeParse(candidate);
      return result.success ? [] : result.error.issues.map((i) => i.message);
    };
    const shared = manifest.regions.map((r) => (r.region === '深圳市' ? { ...r, aliases: [...r.aliases, '火炬开发区'] } : r));
    expect(messages({ ...manifest, regions: shared })).toEqual(['alias 火炬开发区 is claimed by both 中山市 and 深圳市']);
    // Matching is case-insensitive, so is the claim.
    const upper = manifest.regions.map((r) => (r.region === '东源县' ? { ...r, aliases: [...r.aliases, 'ZhongShan'] } : r));
    expect(messages({ ...manifest, regions: upper })).toEqual(['alias ZhongShan is claimed by both 中山市 and 东源县']);
    expect(messages({ ...manifest, regions: manifest.regions.filter((r) => r.region !== '六安市') }))
      .toEqual(['region 六安市 of the documents has no entry in regions (its aliases)']);
    expect(messages({ ...manifest, regions: [...manifest.regions, { region: '佛山市', aliases: ['佛山'] }] }))
      .toEqual(['region 佛山市 has no document']);
    const unnamed = manifest.regions.map((r) => (r.region === '东源县' ? { ...r, aliases: ['dongyuan'] } : r));
    expect(messages({ ...manifest, regions: unnamed })).toEqual([
      "region 东源县: no alias matches the region's own name (add its name without 市/县)",
    ]);
  });

  it('records 文号, issuer and dates as the texts print them', () => {
    const byId = corpus.documentById;
    expect(byId.get('zhongshan-2014')?.docNumber).toBe('中府办〔2014〕30号');
    expect(byId.get('shenzhen-2015')?.docNumber).toBe('深府办〔2015〕20号');
    expect(byId.get('dongyuan-2018')?.docNumber).toBe('东府办〔2018〕29号');
    expect(byId.get('zhongshan-2018')?.docNumber).toBeNull();
    for (const doc of corpus.documents) {
      if (doc.docNumber) expect(doc.text).toContain(doc.docNumber);
      if (doc.sourceUrl) expect(doc.text).toContain(doc.sourceUrl);
      if (doc.indexNumber) expect(doc.text).toContain(`索引号: ${doc.indexNumber}`);
    }
    expect(byId.get('shenzhen-2015')?.indexNumber).toBe('043000-10-2015-006878');
    expect(byId.get('dongyuan-2018')?.level).toBe('县');
  });

  it('judges status against the date it is given, not a stored flag', () => {
    const plan = corpus.documentById.get('zhongshan-2018');
    const draft = corpus.documentById.get('luan-draft');
    if (!plan || !draft) throw new Error('documents missing');
    expect(documentStatus(plan, '2020-06-01')).toBe('in-force');
    expect(documentStatus(plan, '2022-12-31')).toBe('in-force');
    expect(documentStatus(plan, '2023-01-01')).toBe('expired');
    expect(documentStatus(draft, '2026-11-22')).toBe('draft');
    expect(describeValidity(plan, '2026-11-22')).toContain('已届满');
    expect(describeValidity(draft, '2026-11-22')).toContain('征求意见稿');
  });

  it('keeps the cleaned texts free of the extraction artefacts', () => {
    const dongyuan = corpus.documentById.get('dongyuan-2018')?.text ?? '';
    expect(dongyuan).toContain('完成工业技术改造投资12亿元以上');
    expect(dongyuan).toContain('2018-2020年工业技术改造年均增长15%左右');
    expect(dongyuan).not.toMatch(/[\u4e00-\u9fff] \d|\d [\u4e00-\u9fff]/);
    expect(dongyuan).not.toContain('**');
  });
});
