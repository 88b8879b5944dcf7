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

export const CorpusManifestSchema = z
  .object({ documents: z.array(PolicyDocumentManifestSchema).min(1) })
  .refine((m) => new Set(m.documents.map((d) => d.id)).size === m.documents.length, {
    message: 'document ids must be unique',
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
