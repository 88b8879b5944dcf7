export { PolicyRules, buildPolicyRules, loadPolicyRules } from './rules-data.js';
export {
  SubsidyRuleSchema, RulesFileSchema, FormulaSchema, BasisFieldSchema, BASIS_LABELS, capLabel, type SubsidyRule, type UnratedMeasure, type Formula,
  type BasisField, type NonQuantitativeDocument, type RuleInput, type InputDimension, type Threshold, type Cap, type Requirement, type DocumentGate,
} from './rule-schema.js';
export {
  computeSubsidy, overDuration, spanYears, acceptedInputs, statesUpperBound, thresholdValue, CalculationSchema, MAX_YUAN, type Calculation, type CalculationOutcome, type CalculationInputError,
  type CalculationContext,
} from './calculator.js';
export { formatYuan, formatYuanAlike, formatYuanWithExact, formatRate, groupThousands, yuanString } from './money.js';
export { caseInDoubt, chooseRules, firstMention, namedOnlyByClause, namedOptions, unitScore, type RuleChoice } from './choose.js';
export { negatedFigureSpans, negatedWordSpans, saysLacking } from './negation.js';
