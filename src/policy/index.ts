export { SUBSIDY_RULES, NON_QUANTITATIVE_DOCUMENTS, findRule } from './rules-table.js';
export {
  SubsidyRuleSchema, FormulaSchema, BasisFieldSchema, BASIS_LABELS, type SubsidyRule, type Formula, type BasisField,
  type NonQuantitativeDocument,
} from './rule-schema.js';
export {
  computeSubsidy, CalculationSchema, MAX_YUAN, type Calculation, type CalculationOutcome, type CalculationInputError,
  type CalculationContext,
} from './calculator.js';
export { formatYuan, formatRate, groupThousands, yuanString } from './money.js';
export { chooseRules, type RuleChoice } from './choose.js';
