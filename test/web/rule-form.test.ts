import { describe, expect, it } from 'vitest';
import { acceptedInputs, computeSubsidy, loadPolicyRules, type SubsidyRule } from '../../src/policy/index.js';
import { formFields, type FormField } from '../../web/console/rule-form.js';

const rules = loadPolicyRules('corpus').rules;

/** A value each kind of field accepts, large enough to pass every tier and threshold. */
function sample(field: FormField): string | number | undefined {
  if (field.control === 'select') return undefined;
  return { money: '100000000000', rent: '40', area: 1000, headcount: 1, count: 1, months: 12, level: undefined, text: undefined }[field.dimension];
}

function requiredInputs(rule: SubsidyRule): Record<string, string | number> {
  const inputs: Record<string, string | number> = {};
  for (const field of formFields(rule)) {
    const value = field.required ? sample(field) : undefined;
    if (value !== undefined) inputs[field.key] = value;
  }
  return inputs;
}

describe('the console form walks every rules row', () => {
  it.each(rules.map((r) => [r.id, r] as const))('%s: a field for every input the calculator accepts, in the row\'s words', (_id, rule) => {
    const fields = formFields(rule);
    expect(new Set(fields.map((f) => f.key))).toEqual(acceptedInputs(rule));
    for (const input of rule.inputs) {
      expect(fields.find((f) => f.key === input.key)).toMatchObject({ label: input.label, required: input.required, dimension: input.dimension });
    }
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s: every choice of every select computes', (_id, rule) => {
    for (const field of formFields(rule).filter((f) => f.control === 'select')) {
      expect(field.choices.length).toBeGreaterThan(1);
      for (const choice of field.choices.filter((c) => c.key)) {
        const outcome = computeSubsidy(rule, { ...requiredInputs(rule), [field.key]: choice.key });
        expect(outcome.ok, `${field.key}=${choice.key}: ${outcome.ok ? '' : outcome.error.message}`).toBe(true);
      }
    }
  });
});
