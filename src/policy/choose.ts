import { negatedWordSpans as negatedSpans } from './negation.js';
import type { InputDimension, SubsidyRule } from './rule-schema.js';

export interface RuleChoice {
  /** The best-matching rules, at most one subject per region, in table order. */
  rules: SubsidyRule[];
  /**
   * Other readings of the same figure (中山 设备: 工作母机 beside 技术改造): rows whose `alsoReads` words are all the
   * message names a chosen row of their region by. Compared with it, never added; also in `rules` when `all` is set.
   */
  readings: SubsidyRule[];
  /** What the question leaves open: the region (rules from several regions match) or the subject (none match). */
  missing: ('region' | 'subject')[];
}

export interface ChoiceContext {
  /** Maps a document id to its region. */
  regionOf: (docId: string) => string | undefined;
  /** Regions the question (or the conversation) names. */
  regions?: readonly string[];
  /** Dimensions of the quantities the question gives (money, area, headcount …): a rule that takes them scores higher. */
  dimensions?: readonly InputDimension[];
  /** Every matching rule (after narrower rules replace general ones), not only the best per region: several awards. */
  all?: boolean;
  /**
   * The message weighs the cases it names (各是多少, 哪个多): rows named by as many words stay side by side; which
   * row's figure the message names breaks no tie between them.
   */
  weighed?: boolean;
}

/** The words that name a rule itself: its triggers, and its regional words where its region is named. */
function ownWords(rule: SubsidyRule, regionNamed: boolean): string[] {
  const { triggers, regionalTriggers } = rule.vocabulary;
  return regionNamed ? [...triggers, ...regionalTriggers] : triggers;
}

/** Where the rule's vocabulary first occurs outside negated spans (-1: nowhere): several awards are split by it. */
export function firstMention(rule: SubsidyRule, text: string, regionNamed: boolean): number {
  const lower = text.toLowerCase();
  const spans = negatedSpans(lower);
  const triggers = [...ownWords(rule, regionNamed), ...rule.vocabulary.broad];
  let first = -1;
  for (const trigger of triggers) {
    const t = trigger.toLowerCase();
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
      if (!spans.some(([a, b]) => at >= a && at < b) && (first < 0 || at < first)) first = at;
    }
  }
  return first;
}

/**
 * Whether the text names the rule only by its clause's subject (its `broad` words: 公共技术服务平台), none of its own:
 * the clause is named, not this provision of it.
 */
export function namedOnlyByClause(rule: SubsidyRule, text: string, regionNamed: boolean): boolean {
  const lower = text.toLowerCase();
  const spans = negatedSpans(lower);
  return vocabularyScore(ownWords(rule, regionNamed), lower, spans) === 0 && vocabularyScore(rule.vocabulary.broad, lower, spans) > 0;
}

/**
 * Where a trigger occurs outside negated spans, and not inside a longer word of a sibling provision (`shadows`); the
 * longest such trigger is the rule's vocabulary score.
 */
function vocabularyScore(triggers: readonly string[], lower: string, spans: [number, number][], shadows: readonly [number, number][] = []): number {
  let best = 0;
  for (const trigger of triggers) {
    const t = trigger.toLowerCase();
    for (let at = lower.indexOf(t); at >= 0; at = lower.indexOf(t, at + 1)) {
      const shadowed = shadows.some(([a, b]) => a <= at && at + t.length <= b && b - a > t.length);
      if (!spans.some(([a, b]) => at >= a && at < b) && !shadowed) best = Math.max(best, t.length);
    }
  }
  return best;
}

/**
 * The spans of the words of a provision's neighbours (the other provisions of its document) in the text: a word said
 * inside a longer one of theirs (技能人才 in 开班培训技能人才, the training row's word; 加工中心设备 in 快速加工中心设备, the
 * shared factory's) names the neighbour, not this provision.
 */
function neighbourWords(rule: SubsidyRule, rules: readonly SubsidyRule[], spansOf: (r: SubsidyRule) => [number, number][]): [number, number][] {
  return (byDocument(rules).get(rule.docId) ?? []).filter((other) => other !== rule).flatMap(spansOf);
}

// The rules of each document, per rules table: asked for every rule of every choice, so kept.
const documentsOfTables = new WeakMap<readonly SubsidyRule[], Map<string, SubsidyRule[]>>();
function byDocument(rules: readonly SubsidyRule[]): Map<string, SubsidyRule[]> {
  let table = documentsOfTables.get(rules);
  if (!table) {
    table = new Map();
    for (const r of rules) table.set(r.docId, [...(table.get(r.docId) ?? []), r]);
    documentsOfTables.set(rules, table);
  }
  return table;
}

/** Where each rule's triggers occur in the text, computed once per text. */
function triggerSpans(lower: string): (rule: SubsidyRule) => [number, number][] {
  const found = new Map<SubsidyRule, [number, number][]>();
  return (rule) => {
    const known = found.get(rule);
    if (known) return known;
    const out: [number, number][] = [];
    // (Its broad words too: 工业互联网类公共技术服务平台 is the platform clause's, not the 工业互联网 row's.)
    for (const word of [...rule.vocabulary.triggers, ...rule.vocabulary.broad].map((w) => w.toLowerCase())) {
      for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) out.push([at, at + word.length]);
    }
    found.set(rule, out);
    return out;
  };
}

/**
 * Half a point when the message gives a figure and names the row's required figure by one of its cue words (合同 of a
 * contract sum): never more than a tie-break, as every other part of the score is whole.
 */
function figureNamed(rule: SubsidyRule, lower: string, spans: [number, number][], dimensions: readonly InputDimension[]): number {
  const measured = measuredOf(dimensions);
  const named = rule.inputs.some((i) => i.required && (measured as readonly string[]).includes(i.dimension) && vocabularyScore(i.cues, lower, spans) > 0);
  return named ? 0.5 : 0;
}

const takenDimensions = (rule: SubsidyRule) => new Set<string>([...rule.inputs.map((i) => i.dimension), ...rule.thresholds.map((t) => t.dimension)]);
const measuredOf = (dimensions: readonly InputDimension[]) => dimensions.filter((d) => d !== 'level' && d !== 'text');

/**
 * The fit of the quantities given: +2 when the rule takes every kind given, +1 when it takes some, −10 when it takes
 * none (an area and a rent are not a registered capital, whatever words the message shares with that provision).
 */
export function unitScore(rule: SubsidyRule, dimensions: readonly InputDimension[]): number {
  const measured = measuredOf(dimensions);
  if (measured.length === 0) return 0;
  const takes = takenDimensions(rule);
  const fitting = measured.filter((d) => takes.has(d)).length;
  return fitting === measured.length ? 2 : fitting > 0 ? 1 : -10;
}

// A case the message is unsure of (不确定…算不算, 两种情况): each of the cases it may be is asked.
const DOUBTED = /(不确定|不知道|不清楚|说不准|拿不准|还没定|未定|待定)[^，,。；;？?]{0,16}(算不算|是不是|属不属于|能不能算|够不够)|两种情况|两种可能|两种都算/;
/** Whether the message is unsure which of the cases it may be (不确定…算不算, 两种情况). */
export const caseInDoubt = (text: string) => DOUBTED.test(text);

/**
 * Picks the rules a question is about by score: vocabulary (longest trigger outside a negation, regional words only
 * where the region is named), then the fit of the quantities given, with negatives ruling a rule out. Deterministic:
 * ties keep table order.
 */
export function chooseRules(rules: readonly SubsidyRule[], text: string, context: ChoiceContext): RuleChoice {
  const { regionOf } = context;
  const regions = context.regions ?? [];
  const lower = text.toLowerCase();
  const spans = negatedSpans(lower);
  const inRegion = (rule: SubsidyRule) => regions.length === 0 || regions.includes(regionOf(rule.docId) ?? '');
  const spansOf = triggerSpans(lower);
  const matched = rules.filter(inRegion)
    .filter((rule) => !rule.vocabulary.negatives.some((n) => lower.includes(n.toLowerCase())))
    .map((rule) => {
      const regionNamed = regions.includes(regionOf(rule.docId) ?? '');
      // A broad word (东源 技术改造) counts as the weakest match: it chooses the row only where no other word does.
      // (Siblings' words are looked for only where the rule's own match: most rules match nothing.)
      const said = ownWords(rule, regionNamed);
      const specific = vocabularyScore(said, lower, spans) > 0 ? vocabularyScore(said, lower, spans, neighbourWords(rule, rules, spansOf)) : 0;
      const broad = specific === 0 ? vocabularyScore(rule.vocabulary.broad, lower, spans) : 0;
      const broadOnly = broad > 0;
      const words = broadOnly ? 1 : specific;
      const unit = unitScore(rule, context.dimensions ?? []);
      // Across regions a broad word is as good a match as any: 技改投了2000万 with no region may be 中山's or 东源's.
      const reach = broadOnly ? broad * 2 + unit : 0;
      // Between rows matched equally, the one whose own figure the message names (签的服务合同800万: a contract sum) fits.
      const cue = figureNamed(rule, lower, spans, context.dimensions ?? []);
      return { rule, words, broadOnly, reach, score: words > 0 ? words * 2 + unit + cue : 0 };
    })
    .filter((s) => s.words > 0);
  // A provision of a clause the message names, taking a kind of quantity its named siblings do not (租了3000平方米 beside
  // 公共技术服务平台 → the platform's rent, not its registered capital): the words find the clause, the quantity the row.
  const measured = measuredOf(context.dimensions ?? []);
  for (const rule of measured.length ? rules.filter(inRegion) : []) {
    if (matched.some((m) => m.rule.id === rule.id) || rule.vocabulary.negatives.some((n) => lower.includes(n.toLowerCase()))) continue;
    const kin = matched.filter((m) => m.rule.clauseId === rule.clauseId);
    const kinTakes = new Set(kin.flatMap((k) => [...takenDimensions(k.rule)]));
    if (!kin.length || !measured.some((d) => takenDimensions(rule).has(d) && !kinTakes.has(d))) continue;
    const words = Math.max(...kin.map((k) => k.words));
    matched.push({ rule, words, broadOnly: false, reach: 0, score: words * 2 + unitScore(rule, context.dimensions ?? []) });
  }
  // "转移企业…按什么比例？跟一般企业的比例有什么不同": the general case named by its plain-case word beside a narrower
  // one that matches is asked too, though none of its own words is said.
  // (So is it where the narrower case is said in doubt, 还不确定落的园区算不算省级产业园…两种情况各能拿多少: both cases.)
  const doubted = caseInDoubt(text);
  const generalAsked = (general: SubsidyRule) => general.vocabulary.plainCase.some((w) => text.includes(w)) || doubted;
  for (const narrower of [...matched]) {
    const general = rules.find((r) => r.id === narrower.rule.specializes);
    if (general && !matched.some((m) => m.rule === general) && generalAsked(general)) {
      matched.push({ ...narrower, rule: general });
    }
  }
  matched.sort((a, b) => rules.indexOf(a.rule) - rules.indexOf(b.rule));
  // A narrower rule that matches replaces the general rule it specializes, and inherits its score if higher.
  // (A plain-case word said against a narrower case denied, 不是智能制造示范那种，就一般技改, contrasts that one: a narrower
  // case still affirmed, 龙头骨干企业, stands.)
  // (The denial right before the plain word, as one breath: a few characters between them.)
  const deniedNarrower = (general: SubsidyRule) => rules.some((r) => r.specializes === general.id
    && r.vocabulary.triggers.some((t) => spans.some(([a, b]) => lower.slice(a, b).includes(t.toLowerCase())
      && general.vocabulary.plainCase.some((w) => { const at = lower.indexOf(w.toLowerCase(), b); return at >= 0 && at - b <= 3; }))));
  const scored = matched
    .filter((s) => !matched.some((o) => o.rule.specializes === s.rule.id)
      || (generalAsked(s.rule) && !deniedNarrower(s.rule)))
    .map((s) => {
      const general = matched.find((o) => o.rule.id === s.rule.specializes);
      // (Weighed, the general case kept by its plain-case word is asked as much as the narrower one beside it: 普通企业和
      // 龙头骨干企业分别多少 weighs both, whichever of the two the message names by more words. Not weighed, 我们算龙头骨干
      // 企业，普通技改项目呢 asks the narrower case's ordinary project.)
      // (Nor where the narrower case is in doubt: each is asked as much.)
      const narrower = context.weighed || doubted ? matched.filter((o) => o.rule.specializes === s.rule.id) : [];
      return { ...s, score: Math.max(s.score, general?.score ?? -Infinity, ...narrower.map((o) => o.score)) };
    });
  if (scored.length === 0) return { rules: [], readings: [], missing: ['subject'] };
  if (context.all) {
    const named = scored.filter((s) => !s.broadOnly || !scored.some((o) => !o.broadOnly && regionOf(o.rule.docId) === regionOf(s.rule.docId)));
    const readings = otherReadings(named.map((s) => s.rule), rules.filter(inRegion), lower, spans, regionOf);
    return { rules: [...named.map((s) => s.rule), ...readings], readings, missing: [] };
  }
  // The best score per region: 工作母机 beats 设备 within 中山.
  const bestByRegion = new Map<string, number>();
  const reachByRegion = new Map<string, number>();
  for (const s of scored) {
    const region = regionOf(s.rule.docId) ?? '';
    bestByRegion.set(region, Math.max(bestByRegion.get(region) ?? -Infinity, s.score));
    // (The half point breaks ties within a region, never between regions: 买500万的设备 may be 中山's or 东源's.)
    reachByRegion.set(region, Math.max(reachByRegion.get(region) ?? -Infinity, Math.floor(s.score), s.reach));
  }
  const overall = Math.max(...reachByRegion.values());
  const chosen = scored.filter((s) => {
    const region = regionOf(s.rule.docId) ?? '';
    const best = bestByRegion.get(region) ?? -Infinity;
    // Without a named region, a region whose best match is weaker drops out.
    // (Weighed, a row named by a word of its own four characters or longer stays too: 工业互联网平台 vs 快速加工中心.)
    const weighed = context.weighed && (Math.floor(s.score) === Math.floor(best) || (s.words >= 4 && !s.broadOnly && s.score > 0));
    return (weighed || s.score === best) && (regions.length > 0 || reachByRegion.get(region) === overall);
  });
  const chosenRegions = new Set(chosen.map((s) => regionOf(s.rule.docId)));
  const readings = otherReadings(chosen.map((s) => s.rule), rules.filter(inRegion), lower, spans, regionOf);
  return { rules: chosen.map((s) => s.rule), readings, missing: chosenRegions.size > 1 && regions.length === 0 ? ['region'] : [] };
}

/** The words of a rule the message uses outside negations. */
function wordsUsed(rule: SubsidyRule, lower: string, spans: [number, number][]): string[] {
  return [...rule.vocabulary.triggers, ...rule.vocabulary.regionalTriggers, ...rule.vocabulary.broad]
    .filter((t) => vocabularyScore([t], lower, spans) > 0);
}

/**
 * The rows that read the words a chosen row was named by (`alsoReads`), when every word of the chosen row the message
 * uses is one of them (中山买设备500万 → 工作母机 too; 中山技改项目买设备 names 技术改造 by 技改, so no second reading).
 */
function otherReadings(chosen: readonly SubsidyRule[], inRegion: readonly SubsidyRule[], lower: string, spans: [number, number][],
  regionOf: (docId: string) => string | undefined): SubsidyRule[] {
  const readings: SubsidyRule[] = [];
  for (const rule of chosen) {
    const used = wordsUsed(rule, lower, spans);
    if (!used.length) continue;
    for (const other of inRegion) {
      if (other === rule || chosen.includes(other) || readings.includes(other) || regionOf(other.docId) !== regionOf(rule.docId)) continue;
      // Ruled out in words (不在母机库里, 不是工作母机): no second reading.
      const excluded = [...other.vocabulary.triggers, ...other.vocabulary.regionalTriggers].some((t) => {
        const word = t.toLowerCase();
        for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + 1)) if (spans.some(([a, b]) => at >= a && at < b)) return true;
        return false;
      });
      if (excluded) continue;
      const reads = other.vocabulary.alsoReads.map((w) => w.toLowerCase());
      // Each word used must be read by the other row, or lie inside a word it reads (设备 inside 买设备).
      if (reads.length && used.every((w) => reads.some((r) => r.includes(w.toLowerCase()))) && vocabularyScore(reads, lower, spans) > 0) readings.push(other);
    }
  }
  return readings;
}

/**
 * The options of a fixed award the words name (省级…市级, 中国质量奖提名奖…广东省政府质量奖), by label or cue, in table
 * order; one said only inside another's longer label (中国质量奖 in 中国质量奖提名奖) is not named.
 */
export function namedOptions(rule: SubsidyRule, text: string): string[] {
  if (rule.formula.type !== 'fixed') return [];
  // (A cue counts said of this award, 省级的绿色工厂: 市级 in 市级智能工厂 or 市级技改项目库 is another's.)
  const ofThisAward = (after: string) => [0, 1, 2].some((gap) => !/[，,。；;？?\s]/.test(after.slice(0, gap))
    && rule.vocabulary.triggers.some((t) => after.startsWith(t, gap)));
  // (Or said after it, the levels listed: 数字化车间，省级和市级分别奖多少.)
  const optionWords = rule.formula.options.flatMap((o) => [o.label, ...o.cues]).sort((a, b) => b.length - a.length);
  const afterThisAward = (before: string) => {
    const rest = optionWords.reduce((b, w) => b.replaceAll(w, ''), before).replace(/[和、及与跟或，,\s的]+$/, '');
    return rule.vocabulary.triggers.some((t) => rest.endsWith(t));
  };
  const spans = rule.formula.options.map((o) => {
    const found: [number, number][] = [];
    for (const word of [o.label, ...o.cues]) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        if (word === o.label || ofThisAward(text.slice(at + word.length)) || afterThisAward(text.slice(Math.max(0, at - 16), at))) found.push([at, at + word.length]);
      }
    }
    return { key: o.key, found };
  });
  const inside = ([a, b]: [number, number], key: string) => spans.some((s) => s.key !== key && s.found.some(([c, d]) => c <= a && b <= d && d - c > b - a));
  return spans.filter((s) => s.found.some((span) => !inside(span, s.key))).map((s) => s.key);
}
