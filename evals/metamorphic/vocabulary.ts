/**
 * The one place the metamorphic suite reads the assistant's vocabulary: region names (the manifest's `regions`) and the
 * rules data's subjects, quotes and triggers. When those move, only this file changes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusManifestSchema } from '../../src/corpus/index.js';
import { loadPolicyRules } from '../../src/policy/index.js';

export interface RegionNames {
  /** The region as the manifest names it: 中山市, 东源县. */
  official: string;
  /** The name without its 市/县 suffix, as most people say it: 中山, 东源. */
  short: string;
  /** Other places inside the region (火炬开发区, 南山区), in the manifest's order; Latin spellings left out. */
  places: string[];
}

const regionsRead = new Map<string, RegionNames[]>();

/** The regions of `corpusDir`'s manifest (zod-checked by the corpus module) with their aliases; read once per folder. */
export function regionNames(corpusDir = 'corpus'): RegionNames[] {
  const known = regionsRead.get(corpusDir);
  if (known) return known;
  const manifest = CorpusManifestSchema.parse(JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')));
  const names = manifest.regions.map(({ region: official, aliases }) => {
    const short = official.replace(/[市县]$/, '');
    return { official, short, places: aliases.filter((a) => /^\p{Script=Han}+$/u.test(a) && !a.includes(short)) };
  });
  regionsRead.set(corpusDir, names);
  return names;
}

/** A rule's words as the rules table has them. */
export interface RuleTerms {
  ruleId: string;
  clauseId: string;
  /** The document's term for what is supported. */
  subject: string;
  /** The verbatim sentence(s) the rule encodes. */
  quote: string;
  triggers: readonly string[];
}

/** The rules data of `corpusDir` (corpus/rules/*.yaml, zod-checked by the policy module), as the operators need it. */
export function ruleTerms(corpusDir = 'corpus'): RuleTerms[] {
  return loadPolicyRules(corpusDir).rules.map((r) => ({
    ruleId: r.id, clauseId: r.clauseId, subject: r.subject, quote: r.quote, triggers: r.vocabulary.triggers,
  }));
}
