import { SUBSIDY_RULES } from './rules-table.js';
import type { SubsidyRule } from './rule-schema.js';

export interface RuleChoice {
  /** The best-matching rules, at most one subject per region, in table order. */
  rules: SubsidyRule[];
  /** What the question leaves open: the region (rules from several regions match) or the subject (none match). */
  missing: ('region' | 'subject')[];
}

/** How specific a rule's match is: the longest trigger found (0 = no match). */
function matchLength(rule: SubsidyRule, text: string, regionNamed: boolean): number {
  const lower = text.toLowerCase();
  const triggers = regionNamed ? [...rule.triggers, ...rule.regionalTriggers] : rule.triggers;
  return Math.max(0, ...triggers.filter((t) => lower.includes(t.toLowerCase())).map((t) => t.length));
}

/**
 * Picks the rules a question is about from its words. `regionOf` maps a document id to its region; `regions`
 * are the regions the question (or the conversation) names. Deterministic: ties keep table order.
 */
export function chooseRules(text: string, regionOf: (docId: string) => string | undefined, regions: readonly string[] = []): RuleChoice {
  const inRegion = (rule: SubsidyRule) => regions.length === 0 || regions.includes(regionOf(rule.docId) ?? '');
  const matched = SUBSIDY_RULES.filter(inRegion)
    .map((rule) => ({ rule, score: matchLength(rule, text, regions.includes(regionOf(rule.docId) ?? '')) }))
    .filter((s) => s.score > 0);
  // A narrower rule that matches replaces the general rule it specializes, and inherits its score if higher.
  const scored = matched
    .filter((s) => !matched.some((o) => o.rule.specializes === s.rule.id))
    .map((s) => {
      const general = matched.find((o) => o.rule.id === s.rule.specializes);
      return general ? { ...s, score: Math.max(s.score, general.score) } : s;
    });
  if (scored.length === 0) return { rules: [], missing: ['subject'] };
  // The most specific match per region: 工作母机 beats 设备 within 中山.
  const bestByRegion = new Map<string, number>();
  for (const s of scored) {
    const region = regionOf(s.rule.docId) ?? '';
    bestByRegion.set(region, Math.max(bestByRegion.get(region) ?? 0, s.score));
  }
  const overall = Math.max(...bestByRegion.values());
  const chosen = scored.filter((s) => {
    const best = bestByRegion.get(regionOf(s.rule.docId) ?? '') ?? 0;
    // Without a named region, a region whose best match is less specific drops out.
    return s.score === best && (regions.length > 0 || best === overall);
  });
  const chosenRegions = new Set(chosen.map((s) => regionOf(s.rule.docId)));
  return { rules: chosen.map((s) => s.rule), missing: chosenRegions.size > 1 && regions.length === 0 ? ['region'] : [] };
}
