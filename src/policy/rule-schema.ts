import { z } from 'zod';

/** A decimal written as a string so that the table holds exactly what the document says ("0.15", "3000000"). */
const DecimalText = z.string().regex(/^\d+(\.\d+)?$/, 'a non-negative decimal written as a string');

/** The quantity a rate applies to, named for what the document calls it. */
export const BasisFieldSchema = z.enum([
  'investment', // 投资额
  'purchasePrice', // 购买价格
  'contractAmount', // 合同额
  'transactionAmount', // 并购实际交易额
  'paidInCapital', // 实缴注册资本
  'equipmentPurchase', // 设备购置额
  'annualOutput', // 年产值
]);
export type BasisField = z.infer<typeof BasisFieldSchema>;

export const BASIS_LABELS: Record<BasisField, string> = {
  investment: '投资额',
  purchasePrice: '购买价格',
  contractAmount: '合同额',
  transactionAmount: '并购实际交易额',
  paidInCapital: '实缴注册资本',
  equipmentPurchase: '设备购置额',
  annualOutput: '年产值',
};

/** "不超过/最高" makes the rate an upper bound (answers say 最高可获); a plain "按…的20%" is exact. */
export const BoundSchema = z.enum(['upper', 'exact']);

export const CapScopeSchema = z.enum([
  'per-project', // 单个项目
  'per-enterprise', // 单个企业
  'per-enterprise-per-year', // 同一年度单个企业 / 每家企业每年
  'per-platform', // 单个平台（一次性）
  'per-platform-per-year', // 单个平台每年
  'per-project-per-year', // 单个项目年
]);
export type CapScope = z.infer<typeof CapScopeSchema>;

export const CAP_SCOPE_LABELS: Record<CapScope, string> = {
  'per-project': '单个项目最高',
  'per-enterprise': '单个企业最高',
  'per-enterprise-per-year': '同一年度单个企业最高',
  'per-platform': '单个平台最高',
  'per-platform-per-year': '单个平台每年最高',
  'per-project-per-year': '单个项目每年最高',
};

export const CapSchema = z.object({ amount: DecimalText, scope: CapScopeSchema });
export type Cap = z.infer<typeof CapSchema>;

const OptionSchema = z.object({ key: z.string(), label: z.string(), amount: DecimalText });

export const FormulaSchema = z.discriminatedUnion('type', [
  /** base × rate, e.g. 购买价格 × 15%. */
  z.object({ type: z.literal('rate'), basis: BasisFieldSchema, rate: DecimalText, bound: BoundSchema }),
  /** area (m²) × months × 元/m²/月; a lower actual rent per m² lowers the rate. */
  z.object({ type: z.literal('area-month'), unitAmount: DecimalText, bound: BoundSchema }),
  /** Σ head count × amount per head, by skill level. */
  z.object({ type: z.literal('per-head'), levels: z.array(OptionSchema).min(1) }),
  /** One fixed amount per category (an award level), times a count. */
  z.object({ type: z.literal('fixed'), options: z.array(OptionSchema).min(1), bound: BoundSchema }),
  /** The highest tier the base reaches gives the amount. */
  z.object({
    type: z.literal('tiered'),
    basis: BasisFieldSchema,
    tiers: z.array(z.object({ threshold: DecimalText, amount: DecimalText })).min(1),
  }),
  /** Σ share of a fiscal-contribution increment × rate (per year). */
  z.object({
    type: z.literal('fiscal-share'),
    components: z.array(z.object({ key: z.string(), label: z.string(), rate: DecimalText })).min(1),
  }),
  /** Only an upper bound is stated; the amount depends on the authority's assessment. */
  z.object({ type: z.literal('upper-bound'), amount: DecimalText }),
]);
export type Formula = z.infer<typeof FormulaSchema>;

export const SubsidyRuleSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  docId: z.string(),
  clauseId: z.string(),
  /** The sentence(s) this rule encodes, copied verbatim from the clause. */
  quote: z.string().min(4),
  /** What is supported, in the document's words (工作母机, 技术改造项目 …). */
  subject: z.string(),
  /** Words callers use for it: the rule chooser matches them. */
  triggers: z.array(z.string()).min(1),
  /** Broader words that pick this rule only when the question names this rule's region (东源 + 工作母机 → 设备购置). */
  regionalTriggers: z.array(z.string()).default([]),
  /**
   * The general rule this one narrows (龙头骨干企业 技改 20% narrows 技改 10%): when a question matches both, the
   * narrower rule is the answer.
   */
  specializes: z.string().optional(),
  /** Eligibility checklist: what the authority will confirm. */
  conditions: z.array(z.string()),
  formula: FormulaSchema,
  caps: z.array(CapSchema),
  floor: DecimalText.optional(),
  /** 商贸流通等 按50%执行: a factor applied when the enterprise is of this category. */
  modifiers: z.array(z.object({ key: z.string(), label: z.string(), factor: DecimalText })),
  duration: z.object({ years: z.number().int().positive(), meaning: z.string() }).optional(),
  /** A precondition on a quantity, e.g. 六安 固定资产投资200万元以上 to enter the project library. */
  threshold: z
    .object({ field: z.literal('fixedAssetInvestment'), minimum: DecimalText, exemptProjectTypes: z.array(z.string()),
      clauseId: z.string(), quote: z.string() })
    .optional(),
  /** How the table reads wording that admits more than one reading. */
  readingNotes: z.array(z.string()),
});
export type SubsidyRule = z.infer<typeof SubsidyRuleSchema>;

/** A document whose subsidy clauses state no rate or amount: the assistant says so instead of computing. */
export const NonQuantitativeDocumentSchema = z.object({
  docId: z.string(),
  clauseIds: z.array(z.string()).min(1),
  statement: z.string(),
});
export type NonQuantitativeDocument = z.infer<typeof NonQuantitativeDocumentSchema>;
