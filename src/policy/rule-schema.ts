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

/** Whom a cap counts per (单个企业 / 单个项目 / 单个平台) and over what period (每年 / 一次性). */
export const CapSchema = z.object({
  amount: DecimalText,
  per: z.enum(['enterprise', 'project', 'platform']),
  period: z.enum(['year', 'once']),
});
export type Cap = z.infer<typeof CapSchema>;

const PER_LABELS: Record<Cap['per'], string> = { enterprise: '单个企业', project: '单个项目', platform: '单个平台' };
/** 同一年度单个企业最高 / 单个项目最高 … as the answers print a cap. */
export function capLabel(cap: Cap): string {
  return cap.period === 'year' ? `${PER_LABELS[cap.per]}每年最高` : `${PER_LABELS[cap.per]}最高`;
}

/** What kind of quantity fills an input: the quantity parser's kinds (rent: 元/平方米/月), plus a level/category word. */
export const InputDimensionSchema = z.enum(['money', 'rent', 'area', 'headcount', 'count', 'months', 'level', 'text']);
export type InputDimension = z.infer<typeof InputDimensionSchema>;

/**
 * One typed input of a rule. Slot filling takes quantities of the input's dimension; where a rule has several inputs
 * of one dimension, the cue words just before a quantity decide which input it fills.
 */
export const RuleInputSchema = z.object({
  key: z.string(),
  dimension: InputDimensionSchema,
  label: z.string(),
  /** The question the assistant asks when this input is missing. */
  ask: z.string(),
  cues: z.array(z.string()).default([]),
  /** Quick replies offered with the question. */
  chips: z.array(z.string()).default([]),
  required: z.boolean().default(false),
  /**
   * Filled only by a figure one of its cue words names, never as the one figure of a message: a tax increase of 500万
   * is not the county's share of it (县级分成部分), so the answer asks for that share.
   */
  onlyWhenNamed: z.boolean().default(false),
  /**
   * Words that say a figure is another quantity though a cue word names it too (认缴 beside 实缴注册资本; a 关联方 deal
   * beside the 非关联方 one the clause rewards): a figure said with them never fills this input.
   */
  notCues: z.array(z.string()).default([]),
});
export type RuleInput = z.infer<typeof RuleInputSchema>;

/** An eligibility threshold the text sets on an input (六安 固定资产投资200万元以上; 盘活面积不小于5000平方米). */
export const ThresholdSchema = z.object({
  input: z.string(),
  dimension: z.enum(['money', 'area']),
  label: z.string(),
  minimum: DecimalText,
  /**
   * Thresholds that share this name are alternatives: meeting any one of those given is enough (连片10000平方米及以上，
   * 或单体不小于5000平方米).
   */
  alternative: z.string().optional(),
  /** The threshold does not apply when this input holds one of these words (信息化、创新化改造项目不限定投资额). */
  exemptWhen: z.object({ input: z.string(), values: z.array(z.string()).min(1) }).optional(),
  clauseId: z.string(),
  quote: z.string(),
  /** What falling short means, in the document's terms. */
  consequence: z.string(),
});
export type Threshold = z.infer<typeof ThresholdSchema>;

/** A question and the amount (元) the assistant must answer with: a test runs every example. */
export const RuleExampleSchema = z.object({ question: z.string(), amount: DecimalText });

/**
 * A condition the clause sets in words, not figures (取得技术改造投资项目备案证, 本地传统优势企业): a case that says it is
 * not met (没有备案证, 注册在东莞，不在中山) does not qualify, said with the clause. `unmet` is a question that says so.
 */
export const RequirementSchema = z.object({
  label: z.string(),
  /** Words that name it in a message; said after a denial in the same piece (冇攞…備案證), it is not met. */
  words: z.array(z.string().min(2)).min(1),
  /** Words that say the case is one the clause admits anyway (拟培育上规模 beside 规上企业): then it is not unmet. */
  unless: z.array(z.string().min(2)).default([]),
  clauseId: z.string(),
  /** Verbatim from the clause: where it is set. */
  quote: z.string(),
  unmet: z.string(),
});
export type Requirement = z.infer<typeof RequirementSchema>;

/** One category of a fixed award; `cues` are the other words that name it (省级, 提名奖), its label always does. */
const OptionSchema = z.object({ key: z.string(), label: z.string(), amount: DecimalText, cues: z.array(z.string().min(1)).default([]) });

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

/** One quantitative provision as a row of corpus/rules/<docId>.yaml (docId comes from the file). */
export const RuleRowSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  clauseId: z.string(),
  /** The sentence(s) this rule encodes, copied verbatim from the clause. */
  quote: z.string().min(4),
  /** What is supported, in the document's words (工作母机, 技术改造项目 …). */
  subject: z.string(),
  vocabulary: z.object({
    /** Words callers use for it: rule choice scores them. */
    triggers: z.array(z.string()).min(1),
    /**
     * The document's words for technology upgrading as a whole (东源: 技改 → its one equipment award): they choose this
     * row when the message names no other provision of its region, and never add it as a second award beside one it
     * names ("技改完工了…以奖代补能拿多少" asks one award).
     */
    broad: z.array(z.string()).default([]),
    /** Broader words that count only when the question names this rule's region (东源 + 工作母机 → 设备购置). */
    regionalTriggers: z.array(z.string()).default([]),
    /** Words that rule this provision out ("不是示范项目"), or that belong to a neighbour. */
    negatives: z.array(z.string()).default([]),
    /** English terms (machine tool, M&A): rewritten onto the policy vocabulary before retrieval. */
    english: z.array(z.string()).default([]),
    /**
     * Words that name this general case against the rules that specialize it (普通企业, 本地企业): said beside a
     * narrower rule's words, both are asked about ("普通企业和龙头骨干企业分别多少").
     */
    plainCase: z.array(z.string()).default([]),
    /**
     * Words that may mean this provision though another row of its region owns them (设备 for 工作母机: the equipment
     * bought may be a 工作母机库 product): where a message names that row by these words alone, this one is given beside
     * it as another reading of the same figure, compared and never added.
     */
    alsoReads: z.array(z.string()).default([]),
  }),
  /** The general rule this one narrows (龙头骨干企业 20% narrows 技改 10%): when both match, the narrower answers. */
  specializes: z.string().optional(),
  /** Eligibility checklist: what the authority will confirm. */
  conditions: z.array(z.string()),
  inputs: z.array(RuleInputSchema),
  formula: FormulaSchema,
  caps: z.array(CapSchema),
  floor: DecimalText.optional(),
  /** 商贸流通等 按50%执行: a factor applied when the enterprise is of this category. */
  modifiers: z.array(z.object({ key: z.string(), label: z.string(), factor: DecimalText })),
  duration: z.object({
    years: z.number().int().positive(), meaning: z.string(),
    /** The event whose next year opens the span (从完工下一年起): the words that name it, the clause's own first. A
     * year said with one of them (2019年完工) gives the span's years. */
    startsYearAfter: z.array(z.string().min(1)).min(1).optional(),
  }).optional(),
  thresholds: z.array(ThresholdSchema).default([]),
  requirements: z.array(RequirementSchema).default([]),
  /** How the table reads wording that admits more than one reading. */
  readingNotes: z.array(z.string()),
  examples: z.array(RuleExampleSchema).default([]),
});
export const SubsidyRuleSchema = RuleRowSchema.extend({ docId: z.string() });
export type SubsidyRule = z.infer<typeof SubsidyRuleSchema>;

/** One rules file: a document's quantitative provisions, or the statement that it gives no rates. */
/**
 * A measure the text names without a rate or amount (六安's 设备（软件）补贴), or with a figure that is no subsidy (中山's
 * land price at 70%): an answer about it names it, quotes the clause and says that no amount can be computed, instead
 * of passing over the region.
 */
export const UnratedMeasureRowSchema = z.object({
  clauseId: z.string(),
  subject: z.string(),
  /** Words that name the measure in a question. */
  triggers: z.array(z.string().min(1)).min(1),
  /** Verbatim from the clause: where the measure is named. */
  quote: z.string(),
  statement: z.string(),
  /** What the clause sets in short where it sets something other than a subsidy (a land price at 70% of the floor). */
  standard: z.string().optional(),
});

/**
 * What every award of a document requires (六安 三、（一）: the project enters the city's project library, 固定资产投资
 * 200万元以上): written once, applied to each row at load (its inputs, thresholds and condition), and checked against
 * the measures the document names without a rate too.
 */
export const DocumentGateSchema = z.object({
  condition: z.string().min(2),
  /** What passing the gate is, named as asked of itself (能进市级技改项目库吗). */
  subject: z.string().min(2),
  /** Words that name the gate in a question; the gate is answered of itself where one is said and no award is named. */
  triggers: z.array(z.string().min(2)).min(1),
  inputs: z.array(RuleInputSchema).default([]),
  thresholds: z.array(ThresholdSchema).min(1),
  /** Questions asking the gate of itself, and whether the case they state passes it: a test answers each. */
  examples: z.array(z.object({ question: z.string(), passes: z.boolean() })).min(1),
});
export type DocumentGate = z.infer<typeof DocumentGateSchema>;

export const RulesFileSchema = z.object({
  docId: z.string(),
  documentGate: DocumentGateSchema.optional(),
  rules: z.array(RuleRowSchema),
  noRates: z.object({ clauseIds: z.array(z.string()).min(1), statement: z.string() }).optional(),
  unrated: z.array(UnratedMeasureRowSchema).default([]),
});
export const UnratedMeasureSchema = UnratedMeasureRowSchema.extend({ docId: z.string() });
export type UnratedMeasure = z.infer<typeof UnratedMeasureSchema>;

/** A document whose subsidy clauses state no rate or amount: the assistant says so instead of computing. */
export const NonQuantitativeDocumentSchema = z.object({
  docId: z.string(),
  clauseIds: z.array(z.string()).min(1),
  statement: z.string(),
});
export type NonQuantitativeDocument = z.infer<typeof NonQuantitativeDocumentSchema>;
