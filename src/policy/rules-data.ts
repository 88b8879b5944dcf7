import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { RulesFileSchema, SubsidyRuleSchema, type DocumentGate, type NonQuantitativeDocument, type SubsidyRule, type UnratedMeasure } from './rule-schema.js';

/**
 * The rules data of a corpus: every quantitative provision (corpus/rules/<docId>.yaml, one row each) and the
 * documents that state no rates. A policy officer reviews the YAML line by line; everything else is derived from it.
 */
export class PolicyRules {
  private readonly byId: ReadonlyMap<string, SubsidyRule>;

  constructor(
    readonly rules: readonly SubsidyRule[],
    readonly nonQuantitative: readonly NonQuantitativeDocument[],
    /** Measures named without a rate (六安 设备（软件）补贴). */
    readonly unrated: readonly UnratedMeasure[] = [],
    /** What every award of a document requires, by document (六安: the project library's 200万元). */
    readonly gates: ReadonlyMap<string, DocumentGate> = new Map(),
  ) {
    this.byId = new Map(rules.map((r) => [r.id, r]));
    if (this.byId.size !== rules.length) throw new Error('subsidy rule ids must be unique');
    for (const rule of rules) {
      if (rule.specializes && !this.byId.has(rule.specializes)) throw new Error(`${rule.id} specializes unknown rule ${rule.specializes}`);
    }
  }

  find(ruleId: string): SubsidyRule | undefined {
    return this.byId.get(ruleId);
  }
}

/** Parses rules files already read (pure): `files` maps a file name to its YAML text. */
export function buildPolicyRules(files: ReadonlyMap<string, string>): PolicyRules {
  const rules: SubsidyRule[] = [];
  const nonQuantitative: NonQuantitativeDocument[] = [];
  const unrated: UnratedMeasure[] = [];
  const gates = new Map<string, DocumentGate>();
  for (const [name, text] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const parsed = RulesFileSchema.safeParse(parse(text));
    if (!parsed.success) throw new Error(`rules file ${name}: ${parsed.error.message}`);
    const file = parsed.data;
    const gate = file.documentGate;
    if (gate) gates.set(file.docId, gate);
    // The document's gate, written once, is each row's too: its condition, its inputs (unless the row has the key) and
    // its thresholds.
    const gated = (row: (typeof file.rules)[number]) => (gate ? {
      ...row,
      conditions: [...row.conditions, gate.condition],
      inputs: [...row.inputs, ...gate.inputs.filter((i) => !row.inputs.some((o) => o.key === i.key))],
      thresholds: [...row.thresholds, ...gate.thresholds],
    } : row);
    rules.push(...file.rules.map((row) => SubsidyRuleSchema.parse({ ...gated(row), docId: file.docId })));
    if (file.noRates) nonQuantitative.push({ docId: file.docId, ...file.noRates });
    unrated.push(...file.unrated.map((m) => ({ ...m, docId: file.docId })));
  }
  return new PolicyRules(rules, nonQuantitative, unrated, gates);
}

/** Reads `<corpusDir>/rules/*.yaml`. A malformed row stops start-up with the file and the field at fault. */
export function loadPolicyRules(corpusDir: string): PolicyRules {
  const dir = join(corpusDir, 'rules');
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
  return buildPolicyRules(new Map(names.map((n) => [n, readFileSync(join(dir, n), 'utf8')])));
}
