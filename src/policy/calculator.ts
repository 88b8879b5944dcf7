import { Decimal } from 'decimal.js';
import { z } from 'zod';
import { describeValidity, type PolicyDocumentManifest } from '../corpus/index.js';
import { formatRate, formatYuan, groupThousands, yuanString } from './money.js';
import { BASIS_LABELS, capLabel, type Cap, type SubsidyRule, type Threshold } from './rule-schema.js';

/** Amounts beyond 10^13 元 are not a real enterprise's figures: refuse rather than compute. */
export const MAX_YUAN = new Decimal('1e13');

export const CalculationSchema = z.object({
  ruleId: z.string(),
  clauseId: z.string(),
  docId: z.string(),
  /** The inputs as validated, amounts as decimal strings in 元. */
  inputs: z.record(z.string(), z.union([z.string(), z.number()])),
  steps: z.array(z.string()),
  /** 元, exact decimal string. */
  amount: z.string(),
  /** 30万元 */
  display: z.string(),
  /** 300,000元 */
  displayYuan: z.string(),
  capped: z.boolean(),
  floored: z.boolean(),
  /** True where the document states an upper bound (不超过/最高): answers say 最高可获. */
  upperBound: z.boolean(),
  /** False when an input falls short of a threshold the text sets; the amount is then 0. */
  eligible: z.boolean(),
  shortOf: z.object({ clauseId: z.string(), label: z.string(), minimum: z.string(), consequence: z.string() }).nullable(),
  conditions: z.array(z.string()),
  notes: z.array(z.string()),
});
export type Calculation = z.infer<typeof CalculationSchema>;

export interface CalculationInputError {
  code: 'unknown_rule' | 'invalid_input';
  /** The input field at fault, e.g. "purchasePrice"; null for an unknown rule. */
  field: string | null;
  message: string;
}

export type CalculationOutcome = { ok: true; calculation: Calculation } | { ok: false; error: CalculationInputError };

export interface CalculationContext {
  /** YYYY-MM-DD; with `documents`, adds the policy period note. */
  today: string;
  documents: ReadonlyMap<string, PolicyDocumentManifest>;
}

class InputError extends Error {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}

type RawInputs = Record<string, unknown>;

/** A money input in 元: a number or a plain numeric string; never negative, zero or beyond MAX_YUAN. */
function money(inputs: RawInputs, field: string, label: string, options: { optional?: boolean; allowZero?: boolean } = {}): Decimal | null {
  const raw = inputs[field];
  if (raw === undefined || raw === null || raw === '') {
    if (options.optional) return null;
    throw new InputError(field, `缺少${label}（${field}），请提供以元为单位的金额`);
  }
  if (typeof raw !== 'number' && typeof raw !== 'string') throw new InputError(field, `${label}（${field}）应为数字（元）`);
  const text = String(raw).trim();
  if (!/^-?\d+(\.\d+)?$/.test(text)) {
    const hint = /平方|㎡|平米|名|人|年|%/.test(text) ? '，看起来不是金额单位' : '';
    throw new InputError(field, `${label}（${field}）应为以元为单位的数字，收到“${text}”${hint}`);
  }
  const value = new Decimal(text);
  if (value.isNegative()) throw new InputError(field, `${label}（${field}）不能为负数`);
  if (value.isZero() && !options.allowZero) throw new InputError(field, `${label}（${field}）不能为0`);
  if (value.gt(MAX_YUAN)) throw new InputError(field, `${label}（${field}）超过10万亿元，不是合理的金额`);
  return value;
}

function count(inputs: RawInputs, field: string, label: string, options: { min: number; max: number; fallback?: number }): number {
  const raw = inputs[field];
  if (raw === undefined || raw === null || raw === '') {
    if (options.fallback !== undefined) return options.fallback;
    throw new InputError(field, `缺少${label}（${field}）`);
  }
  const value = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new InputError(field, `${label}（${field}）应为整数`);
  if (value < options.min || value > options.max) {
    throw new InputError(field, `${label}（${field}）应在${options.min}到${options.max}之间，收到${value}`);
  }
  return value;
}

function positiveQuantity(inputs: RawInputs, field: string, label: string, max: Decimal): Decimal {
  const raw = inputs[field];
  if (raw === undefined || raw === null || raw === '') throw new InputError(field, `缺少${label}（${field}）`);
  const text = String(raw).trim();
  if ((typeof raw !== 'number' && typeof raw !== 'string') || !/^\d+(\.\d+)?$/.test(text)) {
    throw new InputError(field, `${label}（${field}）应为正数，收到“${text}”`);
  }
  const value = new Decimal(text);
  if (value.isZero()) throw new InputError(field, `${label}（${field}）不能为0`);
  if (value.gt(max)) throw new InputError(field, `${label}（${field}）超出合理范围（最大${max.toFixed()}）`);
  return value;
}

function optionKey(inputs: RawInputs, field: string, allowed: string[], label: string): string | null {
  const raw = inputs[field];
  if (raw === undefined || raw === null || raw === '') return null;
  if (typeof raw !== 'string' || !allowed.includes(raw)) {
    throw new InputError(field, `${label}（${field}）应为 ${allowed.join(' / ')} 之一`);
  }
  return raw;
}

const toCents = (value: Decimal) => value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

/** The state of a computation as it moves through base → formula → modifier → floor → cap → allowance. */
interface Working {
  amount: Decimal;
  steps: string[];
  inputs: Record<string, string | number>;
  capped: boolean;
  floored: boolean;
  /** The first threshold the inputs fall short of; the amount is then 0. */
  shortOf: Threshold | null;
}

function applyFormula(rule: SubsidyRule, inputs: RawInputs, w: Working): void {
  const f = rule.formula;
  switch (f.type) {
    case 'rate': {
      const label = BASIS_LABELS[f.basis];
      const base = money(inputs, f.basis, label) ?? new Decimal(0);
      w.inputs[f.basis] = yuanString(base);
      const rate = new Decimal(f.rate);
      w.amount = toCents(base.mul(rate));
      w.steps.push(`${label} ${formatYuan(base)} × ${f.bound === 'upper' ? '不超过' : ''}${formatRate(rate)} = ${formatYuan(w.amount)}`);
      return;
    }
    case 'area-month': {
      const area = positiveQuantity(inputs, 'area', '面积（平方米）', new Decimal('1e8'));
      const months = count(inputs, 'months', '月数', { min: 1, max: 12, fallback: 12 });
      const stated = new Decimal(f.unitAmount);
      const actual = money(inputs, 'monthlyRentPerSquareMetre', '实际月租金（元/平方米）', { optional: true });
      const unit = actual && actual.lt(stated) ? actual : stated;
      w.inputs.area = area.toFixed();
      w.inputs.months = months;
      if (actual) w.inputs.monthlyRentPerSquareMetre = yuanString(actual);
      w.amount = toCents(area.mul(months).mul(unit));
      if (actual && actual.lt(stated)) w.steps.push(`实际租金 ${actual.toFixed()}元/平方米/月 低于标准 ${stated.toFixed()}元，按实际租金计`);
      w.steps.push(`${area.toFixed()}平方米 × ${unit.toFixed()}元/平方米/月 × ${months}个月 = ${formatYuan(w.amount)}`);
      return;
    }
    case 'per-head': {
      let total = new Decimal(0);
      const parts: string[] = [];
      for (const level of f.levels) {
        const heads = count(inputs, level.key, `${level.label}人数`, { min: 0, max: 100_000, fallback: 0 });
        if (heads === 0) continue;
        w.inputs[level.key] = heads;
        const subtotal = new Decimal(level.amount).mul(heads);
        parts.push(`${heads}名${level.label} × ${formatYuan(new Decimal(level.amount))}`);
        total = total.plus(subtotal);
      }
      if (parts.length === 0) {
        throw new InputError(f.levels[0]?.key ?? 'headcount', `请提供至少一类人数：${f.levels.map((l) => `${l.label}（${l.key}）`).join('、')}`);
      }
      w.amount = total;
      w.steps.push(`${parts.join(' + ')} = ${formatYuan(total)}`);
      return;
    }
    case 'fixed': {
      const keys = f.options.map((o) => o.key);
      const chosen = optionKey(inputs, 'level', keys, '类别') ?? (f.options.length === 1 ? keys[0] : null);
      const option = f.options.find((o) => o.key === chosen);
      if (!option) throw new InputError('level', `请说明类别（level）：${f.options.map((o) => `${o.key}=${o.label}`).join('，')}`);
      const n = count(inputs, 'count', '数量', { min: 1, max: 1000, fallback: 1 });
      w.inputs.level = option.key;
      w.inputs.count = n;
      const each = new Decimal(option.amount);
      w.amount = each.mul(n);
      w.steps.push(n > 1 ? `${option.label} ${formatYuan(each)} × ${n} = ${formatYuan(w.amount)}`
        : `${option.label}：${f.bound === 'upper' ? '最高' : ''}${formatYuan(each)}`);
      return;
    }
    case 'tiered': {
      const label = BASIS_LABELS[f.basis];
      const base = money(inputs, f.basis, label) ?? new Decimal(0);
      w.inputs[f.basis] = yuanString(base);
      const reached = [...f.tiers].reverse().find((t) => base.gte(t.threshold));
      if (!reached) {
        const lowest = f.tiers[0]?.threshold ?? '0';
        w.amount = new Decimal(0);
        w.steps.push(`${label} ${formatYuan(base)} 低于门槛 ${formatYuan(new Decimal(lowest))}（最低一档）`);
        // Below the lowest tier the award does not apply: an eligibility answer, not a 0元 figure.
        w.shortOf = { input: f.basis, dimension: 'money', label, minimum: lowest, clauseId: rule.clauseId, quote: rule.quote,
          consequence: `不能获得${rule.subject}奖励` };
        return;
      }
      w.amount = new Decimal(reached.amount);
      w.steps.push(`${label} ${formatYuan(base)} 达到“突破${formatYuan(new Decimal(reached.threshold))}”档 → 奖励 ${formatYuan(w.amount)}`);
      return;
    }
    case 'fiscal-share': {
      let total = new Decimal(0);
      const parts: string[] = [];
      for (const c of f.components) {
        const value = money(inputs, c.key, c.label, { optional: f.components.length > 1, allowZero: true });
        if (!value) continue;
        w.inputs[c.key] = yuanString(value);
        const share = toCents(value.mul(c.rate));
        parts.push(`${c.label} ${formatYuan(value)} × ${formatRate(new Decimal(c.rate))} = ${formatYuan(share)}`);
        total = total.plus(share);
      }
      if (parts.length === 0) throw new InputError(f.components[0]?.key ?? 'increment', `请提供${f.components.map((c) => `${c.label}（${c.key}）`).join('或')}`);
      w.amount = total;
      w.steps.push(...parts);
      if (parts.length > 1) w.steps.push(`合计 ${formatYuan(total)}（每年）`);
      return;
    }
    case 'upper-bound': {
      w.amount = new Decimal(f.amount);
      w.steps.push(`文件只规定上限：最高 ${formatYuan(w.amount)}，具体金额由主管部门核定`);
      return;
    }
  }
}

function applyModifiers(rule: SubsidyRule, inputs: RawInputs, w: Working): void {
  if (rule.modifiers.length === 0) return;
  const keys = ['industrial', ...rule.modifiers.map((m) => m.key)];
  const category = optionKey(inputs, 'enterpriseCategory', keys, '企业类别') ?? 'industrial';
  w.inputs.enterpriseCategory = category;
  const modifier = rule.modifiers.find((m) => m.key === category);
  if (!modifier) return;
  const before = w.amount;
  w.amount = toCents(before.mul(modifier.factor));
  w.steps.push(`${modifier.label}按${formatRate(new Decimal(modifier.factor))}执行：${formatYuan(before)} × ${formatRate(new Decimal(modifier.factor))} = ${formatYuan(w.amount)}`);
}

function applyFloor(rule: SubsidyRule, w: Working): void {
  if (!rule.floor) return;
  const floor = new Decimal(rule.floor);
  if (w.amount.lt(floor)) {
    w.steps.push(`不低于 ${formatYuan(floor)}：${formatYuan(w.amount)} 提高至 ${formatYuan(floor)}`);
    const base = rule.formula.type === 'rate' ? w.inputs[rule.formula.basis] : undefined;
    // The document's floor can exceed what was spent (a 100元 purchase): keep the reading, but say so.
    if (base !== undefined && floor.gt(new Decimal(base))) {
      w.steps.push(`注意：保底金额 ${formatYuan(floor)} 高于${BASIS_LABELS[rule.formula.type === 'rate' ? rule.formula.basis : 'equipmentPurchase']} ${formatYuan(new Decimal(base))}，补助将超过实际支出，请与主管部门确认是否适用保底`);
    }
    w.amount = floor;
    w.floored = true;
  } else {
    w.steps.push(`不低于 ${formatYuan(floor)}：已满足`);
  }
}

const isYearly = (cap: Cap) => cap.period === 'year';

function applyCaps(rule: SubsidyRule, inputs: RawInputs, w: Working): void {
  for (const cap of rule.caps) {
    const limit = new Decimal(cap.amount);
    const label = `${capLabel(cap)}${formatYuan(limit)}`;
    if (w.amount.gt(limit)) {
      w.steps.push(`${label}：${formatYuan(w.amount)} 超过上限，取 ${formatYuan(limit)}`);
      w.amount = limit;
      w.capped = true;
    } else {
      w.steps.push(`${label}：${formatYuan(w.amount)} 未超上限`);
    }
    // What was already received counts against the cap: this year's for a yearly cap, all of it for an enterprise's
    // cap with no period (东源 单个企业最高300万元).
    const spent = isYearly(cap) ? { key: 'alreadyReceivedThisYear', said: '本年度已获', left: '年度剩余额度' }
      : cap.per === 'enterprise' ? { key: 'alreadyReceived', said: '本企业已获', left: '剩余额度' } : null;
    if (!spent) continue;
    const received = money(inputs, spent.key, `${spent.said}补助`, { optional: true, allowZero: true });
    if (!received) continue;
    w.inputs[spent.key] = yuanString(received);
    const left = Decimal.max(limit.minus(received), 0);
    if (w.amount.gt(left)) {
      w.steps.push(`${spent.said} ${formatYuan(received)}，${spent.left} ${formatYuan(limit)} − ${formatYuan(received)} = ${formatYuan(left)}，取 ${formatYuan(left)}`);
      w.amount = left;
      w.capped = true;
    } else {
      w.steps.push(`${spent.said} ${formatYuan(received)}，${spent.left} ${formatYuan(left)}，未超`);
    }
  }
}

/**
 * Eligibility thresholds the text sets (六安 入库 200万; 盘活面积): below one, the provision does not apply → 0元. Among
 * alternatives (连片 or 单体) one met is enough; the provision fails only when every alternative given falls short.
 */
function applyThresholds(rule: SubsidyRule, inputs: RawInputs, w: Working): void {
  const results: { t: Threshold; met: boolean }[] = [];
  for (const t of rule.thresholds) {
    const exemptBy = t.exemptWhen ? inputs[t.exemptWhen.input] : undefined;
    if (exemptBy !== undefined && typeof exemptBy !== 'string') throw new InputError(t.exemptWhen?.input ?? '', `${t.exemptWhen?.input}应为文字`);
    const exempt = typeof exemptBy === 'string' && (t.exemptWhen?.values ?? []).some((v) => exemptBy.includes(v));
    if (typeof exemptBy === 'string' && t.exemptWhen) w.inputs[t.exemptWhen.input] = exemptBy;
    const value = t.dimension === 'money'
      ? money(inputs, t.input, t.label, { optional: true })
      : (inputs[t.input] === undefined ? null : positiveQuantity(inputs, t.input, t.label, new Decimal('1e9')));
    if (exempt) {
      w.steps.push(`${exemptBy}项目不受“${t.label}”门槛限制`);
      continue;
    }
    if (!value) continue;
    w.inputs[t.input] = value.toFixed();
    const minimum = new Decimal(t.minimum);
    const shown = (x: Decimal) => thresholdValue(t, x);
    const met = !value.lt(minimum);
    results.push({ t, met });
    w.steps.push(met ? `${t.label} ${shown(value)} 达到门槛 ${shown(minimum)}` : `${t.label} ${shown(value)} 低于门槛 ${shown(minimum)}`);
  }
  const failed = results.filter(({ t, met }) => !met && !(t.alternative && results.some((o) => o.met && o.t.alternative === t.alternative)));
  const first = failed[0];
  if (first) {
    w.steps.push(`不符合条件（${first.t.consequence}）→ 0元`);
    w.amount = new Decimal(0);
    w.shortOf = first.t;
  }
}

/** A threshold's quantity as answers print it: 1000万元, 5000平方米. */
export function thresholdValue(threshold: Threshold, value: Decimal): string {
  return threshold.dimension === 'money' ? formatYuan(value) : `${value.toFixed()}平方米`;
}

/** Input keys a rule accepts: its typed inputs and the inputs its thresholds read. Anything else is refused. */
export function acceptedInputs(rule: SubsidyRule): Set<string> {
  return new Set([...rule.inputs.map((i) => i.key), ...rule.thresholds.flatMap((t) => [t.input, ...(t.exemptWhen ? [t.exemptWhen.input] : [])])]);
}

/** "不超过/最高" in the document: the amount is a ceiling, and answers say 最高可获. */
export function statesUpperBound(rule: SubsidyRule): boolean {
  const f = rule.formula;
  return ('bound' in f && f.bound === 'upper') || f.type === 'upper-bound';
}

function caveats(rule: SubsidyRule, w: Working, context: CalculationContext | undefined): string[] {
  const notes: string[] = [];
  if (statesUpperBound(rule)) notes.push(`文件表述为“不超过/最高”，${formatYuan(w.amount)}是可获金额的上限，实际金额由主管部门核定。`);
  if (rule.duration) notes.push(`期限：${rule.duration.meaning}。`);
  notes.push('是否符合条件（见条件清单）以主管部门审核为准。');
  notes.push(...rule.readingNotes);
  const doc = context?.documents.get(rule.docId);
  if (doc && context) notes.push(describeValidity(doc, context.today));
  return notes;
}

/**
 * Computes a subsidy from the rules table, exactly (decimal.js): formula → modifier → floor → caps → yearly
 * allowance → library threshold. Pure: the same rule and inputs always give the same result.
 */
export function computeSubsidy(rule: SubsidyRule, inputs: RawInputs, context?: CalculationContext): CalculationOutcome {
  const w: Working = { amount: new Decimal(0), steps: [], inputs: {}, capped: false, floored: false, shortOf: null };
  try {
    const accepted = acceptedInputs(rule);
    const unknown = Object.keys(inputs).filter((key) => !accepted.has(key));
    // A count on a one-off award (一次性200万 × 1000) would multiply a fixed sum: only inputs the row declares count.
    if (unknown.length) throw new InputError(unknown[0] ?? '', `规则“${rule.subject}”不接受输入 ${unknown.join('、')}；可用输入：${[...accepted].join('、')}`);
    // Below a threshold the provision does not apply at all: no other input is needed to say so.
    applyThresholds(rule, inputs, w);
    if (w.shortOf === null) {
      const checks = w.steps.splice(0);
      applyFormula(rule, inputs, w);
      applyModifiers(rule, inputs, w);
      applyFloor(rule, w);
      applyCaps(rule, inputs, w);
      w.steps.push(...checks);
    }
  } catch (error) {
    if (error instanceof InputError) return { ok: false, error: { code: 'invalid_input', field: error.field, message: error.message } };
    throw error;
  }
  return {
    ok: true,
    calculation: {
      ruleId: rule.id, clauseId: rule.clauseId, docId: rule.docId, inputs: w.inputs, steps: w.steps,
      amount: yuanString(w.amount), display: formatYuan(w.amount), displayYuan: `${groupThousands(w.amount)}元`,
      capped: w.capped, floored: w.floored,
      upperBound: statesUpperBound(rule),
      eligible: w.shortOf === null,
      shortOf: w.shortOf ? { clauseId: w.shortOf.clauseId, label: w.shortOf.label, minimum: w.shortOf.minimum, consequence: w.shortOf.consequence } : null,
      conditions: rule.conditions, notes: caveats(rule, w, context),
    },
  };
}


/**
 * A yearly award over the clause's stated duration (租金补助每年150万元, 补助期限最长3年 → 450万元), assuming each year's
 * amount is the same: its own line beside the yearly one, so a 合计 of several awards can count it.
 */
export function overDuration(rule: SubsidyRule, yearly: Calculation): Calculation | null {
  const years = rule.duration?.years;
  if (!years || years < 2) return null;
  const amount = new Decimal(yearly.amount).mul(years);
  return {
    ...yearly,
    steps: [`${years}年合计：${yearly.display} × ${years} = ${formatYuan(amount)}（按每年金额相同、享受满${years}年计算）`],
    amount: yuanString(amount), display: formatYuan(amount), displayYuan: `${groupThousands(amount)}元`,
    notes: [`${rule.duration?.meaning ?? ''}；实际以各年核定为准。`],
  };
}

/**
 * The years a span opened by an event covers (从完工下一年起连续三年内), where the message gives the event's year
 * (2019年技改项目完工了 → 2020–2022): the row's own words for the event, its year said before it in the same clause.
 * Null where the row's span opens otherwise or no such year is said.
 */
export function spanYears(rule: SubsidyRule, text: string): { event: string; year: number; first: number; last: number } | null {
  const words = rule.duration?.startsYearAfter;
  const years = rule.duration?.years;
  if (!words?.length || !years) return null;
  for (const word of words) {
    const said = new RegExp(`((?:19|20)\\d\\d)\\s*年[^，,。；;？?！!]{0,12}${word}`).exec(text);
    if (!said) continue;
    const year = Number(said[1]);
    return { event: words[0] ?? word, year, first: year + 1, last: year + years };
  }
  return null;
}
