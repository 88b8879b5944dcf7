// The calculator form as a rules row declares it: the row's typed inputs (labels, required marks, chips) and the inputs
// its thresholds read that it does not list. Pure (no DOM), so a test can walk every row through it.
import type { InputDimension, RuleInput, SubsidyRule } from '../shared/api.js';

/** How a field is entered: text the server reads (200万, 40元/平方米/月), a number, a whole number, or a choice. */
export type FieldControl = 'text' | 'decimal' | 'integer' | 'select';

export interface FieldChoice {
  key: string;
  label: string;
}

export interface FormField {
  key: string;
  dimension: InputDimension;
  label: string;
  required: boolean;
  control: FieldControl;
  placeholder: string;
  /** For a select: the choices in order, a blank one first (the calculator's default, or "choose one"). */
  choices: FieldChoice[];
}

// Money and rent go as typed: /api/calculate reads 200万, 2,000,000元 and 40元/平方米/月 by the row's dimensions.
const CONTROLS: Record<InputDimension, FieldControl> = {
  money: 'text', rent: 'text', text: 'text',
  area: 'decimal',
  headcount: 'integer', count: 'integer', months: 'integer',
  level: 'select',
};

/**
 * A level's choices: a fixed award's categories, otherwise the row's modifiers (企业类别). A row with both would need
 * its input to say which it picks; none has.
 */
function choicesOf(rule: SubsidyRule, input: RuleInput): FieldChoice[] {
  const options = rule.formula.type === 'fixed' ? rule.formula.options.map(({ key, label }) => ({ key, label })) : [];
  if (options.length) return [{ key: '', label: input.required ? `请选择${input.label}` : '（未选择）' }, ...options];
  return [{ key: '', label: '一般企业' }, ...rule.modifiers.map(({ key, label }) => ({ key, label }))];
}

/** The row's inputs, then each threshold input the row does not list (with the threshold's label). */
export function formInputs(rule: SubsidyRule): RuleInput[] {
  const inputs = [...rule.inputs];
  for (const t of rule.thresholds) {
    if (inputs.some((i) => i.key === t.input)) continue;
    inputs.push({ key: t.input, dimension: t.dimension, label: t.label, ask: '', cues: [], chips: [], required: false, onlyWhenNamed: false, notCues: [] });
  }
  return inputs;
}

export function formFields(rule: SubsidyRule): FormField[] {
  return formInputs(rule).map((input) => {
    const control = CONTROLS[input.dimension];
    return {
      key: input.key, dimension: input.dimension, label: input.label, required: input.required, control,
      placeholder: input.chips.length ? `如 ${input.chips.join('、')}` : input.ask,
      choices: control === 'select' ? choicesOf(rule, input) : [],
    };
  });
}

/** A field's value as /api/calculate takes it: numbers for areas and counts, the typed text otherwise; blank is absent. */
export function fieldValue(control: FieldControl, typed: string): string | number | undefined {
  const value = typed.trim();
  if (!value) return undefined;
  return (control === 'decimal' || control === 'integer') && /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}
