import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date (YYYY-MM-DD)');

/** One policy document as a maintainer describes it in corpus/manifest.json. */
export const PolicyDocumentManifestSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'ids are lower-case kebab-case'),
  file: z.string().regex(/^[\w.-]+\.txt$/, 'a .txt file name inside corpus/'),
  title: z.string().min(4),
  shortTitle: z.string().min(2),
  /** 文号, e.g. 中府办〔2014〕30号; null where the text gives none. */
  docNumber: z.string().nullable(),
  issuer: z.string().min(2),
  /** 索引号 of the government's open-information page, where the text's header gives one. */
  indexNumber: z.string().min(4).optional(),
  region: z.string().min(2),
  province: z.string().min(2),
  level: z.enum(['省', '市', '县']),
  issueDate: isoDate.nullable(),
  /** The period the document covers; null where it states none (e.g. a draft). */
  period: z.object({ from: isoDate, to: isoDate }).nullable(),
  /** Why the period reads as it does: quoted from the text or the maintainer's inference. */
  periodBasis: z.string().min(2),
  draft: z.boolean(),
  sourceUrl: z.string().url().nullable(),
  /** False where the document states no rates or amounts (the assistant says so instead of computing). */
  hasQuantitativeSubsidies: z.boolean(),
});
export type PolicyDocumentManifest = z.infer<typeof PolicyDocumentManifestSchema>;

/**
 * A region the corpus covers and the names callers use for it: the city or county without its suffix, its districts and
 * towns (火炬开发区 and 翠亨新区 are in 中山), and the pinyin. Matched case-insensitively.
 */
export const RegionManifestSchema = z.object({
  /** The `region` value of the documents that cover it, e.g. 中山市. */
  region: z.string().min(2),
  aliases: z.array(z.string().min(2)).min(1),
});
export type RegionManifest = z.infer<typeof RegionManifestSchema>;

export const CorpusManifestSchema = z
  .object({
    documents: z.array(PolicyDocumentManifestSchema).min(1),
    /** One entry per document `region`: the one place a region's aliases live. */
    regions: z.array(RegionManifestSchema).min(1),
  })
  .superRefine((m, ctx) => {
    const fail = (message: string, path: (string | number)[]) => ctx.addIssue({ code: 'custom', message, path });
    if (new Set(m.documents.map((d) => d.id)).size !== m.documents.length) fail('document ids must be unique', ['documents']);
    const listed = new Set<string>();
    const claimedBy = new Map<string, string>();
    m.regions.forEach((r, i) => {
      if (listed.has(r.region)) fail(`region ${r.region} is listed twice`, ['regions', i, 'region']);
      listed.add(r.region);
      if (!m.documents.some((d) => d.region === r.region)) fail(`region ${r.region} has no document`, ['regions', i, 'region']);
      if (!r.aliases.some((a) => r.region.toLowerCase().includes(a.toLowerCase()))) {
        fail(`region ${r.region}: no alias matches the region's own name (add its name without 市/县)`, ['regions', i, 'aliases']);
      }
      r.aliases.forEach((alias, j) => {
        const key = alias.toLowerCase();
        const owner = claimedBy.get(key);
        if (owner === undefined) claimedBy.set(key, r.region);
        else if (owner === r.region) fail(`alias ${alias} is listed twice for ${r.region}`, ['regions', i, 'aliases', j]);
        else fail(`alias ${alias} is claimed by both ${owner} and ${r.region}`, ['regions', i, 'aliases', j]);
      });
    });
    for (const region of new Set(m.documents.map((d) => d.region))) {
      if (!listed.has(region)) fail(`region ${region} of the documents has no entry in regions (its aliases)`, ['regions']);
    }
  });
export type CorpusManifest = z.infer<typeof CorpusManifestSchema>;

export const DocumentStatusSchema = z.enum(['in-force', 'expired', 'draft']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

/** Status judged against `today` (YYYY-MM-DD), never stored: a plan expires by the calendar, not by an edit. */
export function documentStatus(doc: PolicyDocumentManifest, today: string): DocumentStatus {
  if (doc.draft) return 'draft';
  if (doc.period && doc.period.to < today) return 'expired';
  return 'in-force';
}

/** The sentence an answer states about a document's validity, e.g. "该计划执行期为2018–2022年，已届满，请以现行政策为准". */
export function describeValidity(doc: PolicyDocumentManifest, today: string): string {
  const status = documentStatus(doc, today);
  if (status === 'draft') return `《${doc.title}》为征求意见稿，尚未正式施行，所列标准仅供参考，以正式印发版本为准。`;
  const span = doc.period ? `${doc.period.from.slice(0, 4)}–${doc.period.to.slice(0, 4)}年` : '未载明';
  if (status === 'expired') {
    const [y, m, d] = (doc.period?.to ?? '').split('-').map(Number);
    return `《${doc.shortTitle}》执行期为${span}，已届满，请以现行政策为准（执行期至${y}年${m}月${d}日）。`;
  }
  return `《${doc.shortTitle}》执行期为${span}，目前在有效期内。`;
}
