import { Decimal } from 'decimal.js';
import type { Quantity } from '../../nlu/quantities.js';
import { saysOutside, type Understanding } from '../../nlu/understand.js';
import { BasisFieldSchema, acceptedInputs, yuanString, type InputDimension, type RuleInput, type SubsidyRule } from '../../policy/index.js';

/** A rule's inputs as the calculator takes them: amounts as 元 strings, counts and months as numbers. */
export type Inputs = Record<string, string | number>;

/** Quantity kinds that fill a rule input (percentages, years and bare numbers do not). */
const MEASURED: readonly string[] = ['money', 'rent', 'area', 'headcount', 'count', 'months'];

/** The input dimensions the message's quantities measure, each once: what rule choice fits rows to. */
export function measuredDimensions(quantities: readonly Quantity[]): InputDimension[] {
  return [...new Set(quantities.map((q): string => q.kind))].filter((k): k is InputDimension => MEASURED.includes(k));
}

/** The words just before a quantity, back to the previous separator or typed pause: where its cue words are. */
function cueText(text: string, q: Quantity): string {
  const before = text.slice(Math.max(0, q.start - 14), q.start);
  const cut = Math.max(...['，', ',', '。', '；', '、', '和', '及'].map((d) => before.lastIndexOf(d)));
  const cue = before.slice(cut + 1);
  // A pause typed as a space parts what was said before it (年营收过亿 准备买1800万的设备: 营收 is not the 1800万's);
  // a space right before the figure does not (营收 3亿).
  const pause = cue.trimEnd().search(/\s\S*$/);
  return pause >= 0 ? cue.slice(pause + 1) : cue;
}

const NOT_REACHED = /(差一点到|差点到|快到|接近|不到|没到|未到|没有到)$/;
const THIS_YEAR = /(今年|本年|当年|今年度)/;
// A figure said as a mark (1000万元以上的企业): the text's threshold, not the enterprise's figure.
const MARK_AFTER = /^元?\s*(以上|及以上|以下|(?:或|及)?以上的)/;
// Between two equal figures, a word that makes the second another one (又租了2000平, 2000平和2000平).
const ADDS_ANOTHER = /(又|另|再|还有|还租|和|及|与|、|加上|各)/;
// The award asked per person (每人多少, 一个人给多少), not for a number of people.
const PER_HEAD = /(每人|每个人|每名|每位|每一个人|一个人|一人)/;

/** A sum said roughly (800多万) for an input it cannot fill exactly: asked back, never computed on. */
export interface RoughFigure {
  input: RuleInput;
  quantity: Quantity;
  /** The threshold or tier step inside its range (主营业务收入1000万元): which side it falls decides the answer. */
  boundary?: Decimal;
  /** The boundary is where the rate reaches the cap or the floor, not a figure the text sets. */
  limitReached?: '上限' | '保底';
}

/** Whether a rough figure's whole range (800万 up to 900万) lies on one side of every threshold on the input. */
function settlesThreshold(rule: SubsidyRule, key: string, q: Quantity): boolean {
  const on = boundariesOn(rule, key);
  return on.length > 0 && on.every((minimum) => (q.below ?? q.value).lte(minimum) || q.value.gte(minimum));
}

/**
 * How far a hedged figure may be off: a tenth of it, or less where it is said to more digits (大概102亿 is within 1亿,
 * 一百亿左右 within 10亿).
 */
function roughness(value: Decimal): Decimal {
  let unit = new Decimal(1);
  while (value.mod(unit.mul(10)).isZero() && unit.mul(10).lte(value)) unit = unit.mul(10);
  return Decimal.min(value.div(10), unit);
}

/** The figures an input is checked against: the thresholds the text sets on it and the steps of a tiered award on it. */
function boundariesOn(rule: SubsidyRule, key: string): Decimal[] {
  const steps = rule.formula.type === 'tiered' && rule.formula.basis === key ? rule.formula.tiers.map((t) => new Decimal(t.threshold)) : [];
  return [...rule.thresholds.filter((t) => t.input === key).map((t) => new Decimal(t.minimum)), ...steps];
}

/**
 * Where a rate's cap or floor starts to hold on the input (交易额2亿 × 5% = the 1000万 cap): a figure hedged around it
 * may be paid in full or capped, so which side it falls is asked.
 */
function limitsReachedAt(rule: SubsidyRule, key: string): { at: Decimal; limit: '上限' | '保底' }[] {
  const rate = rule.formula.type === 'rate' && rule.formula.basis === key ? new Decimal(rule.formula.rate) : null;
  if (!rate || rate.lte(0)) return [];
  return [...rule.caps.map((c) => ({ at: new Decimal(c.amount).div(rate), limit: '上限' as const })),
    ...(rule.floor ? [{ at: new Decimal(rule.floor).div(rate), limit: '保底' as const }] : [])];
}

/**
 * Whether the only figures a message gives are its enterprise's size (去年主营收入大概8000万): a broad question with them
 * still asks what support there is, not a calculation.
 */
export function givesOnlySize(u: Understanding): boolean {
  return u.amounts.base.length > 0 && u.amounts.base.every((q) => SIZE_WORD.test(cueText(u.text, q).trim()))
    && !u.quantities.some((q) => ['rent', 'headcount', 'area', 'months', 'count'].includes(q.kind));
}

/**
 * A size said as the base a provision pays on (实缴注册资本1500万 for the platform's one-off subsidy): the case, not who
 * asks. A revenue or an output (主营收入6000来万) is the base of no provision: only a threshold's or a tier's.
 */
export function sizeIsCase(u: Understanding, rules: readonly SubsidyRule[]): boolean {
  return u.amounts.base.some((q) => rules.some((r) => r.inputs.some((i) => i.required && i.dimension === 'money' && cueText(u.text, q).includes(i.label))));
}

/** The sentence a quantity is said in (between 。；？！ or line breaks). */
function sentenceOf(text: string, q: Quantity): string {
  return enclosing(text, q, /[^。；;？?！!\n]+/g);
}

/** The run of `spans` (a global pattern of what lies between separators) that the quantity is said in. */
function enclosing(text: string, q: Quantity, spans: RegExp): string {
  return [...text.matchAll(spans)].find((m) => (m.index ?? 0) <= q.start && q.start < (m.index ?? 0) + m[0].length)?.[0] ?? '';
}

// People the enterprise already had (现有, 原来就有的, 老员工): no newly trained or recruited head.
const EXISTING = /(现有|原有|原来就有|本来就有|老员工|已有的|在职的|早就有)/;

/** The piece of the text (between pauses and brackets) a quantity is said in. */
function pieceOf(text: string, q: Quantity): string {
  return enclosing(text, q, /[^，,。；;？?！!（）()]+/g);
}

/** The words right after a count, up to the next separator: what it counts. */
function countedText(text: string, q: Quantity): string {
  return text.slice(q.end, q.end + 16).split(/[，,。；;、：:+＋\s]/)[0] ?? '';
}

/**
 * The input a quantity fills: the one whose cue word stands nearest before it (连片加起来9500平 is the contiguous area
 * though 闲置厂房 comes earlier), the longer word among equals; else the rule's first required input.
 */
function inputForQuantity(all: readonly RuleInput[], cue: string, statement: string, context = '', sentence = ''): RuleInput | undefined {
  // (注册资本认缴1800万: 认缴 says the figure is no 实缴注册资本; 非关联方 is the clause's own word, not 关联方. Said anywhere
  // in the sentence of the figure alone: 收购了…另一家公司（关联方）60%股权，交易额2亿.)
  const namesOther = (input: RuleInput) => input.notCues.some((w) => (context || cue).replaceAll(`非${w}`, '').includes(w)
    || (sentence.includes(w) && !sentence.includes(`非${w}`)));
  const candidates = all.filter((i) => !namesOther(i));
  const nearest = (text: string) => {
    let best: RuleInput | undefined;
    let bestEnd = -1;
    let bestLength = 0;
    for (const input of candidates) {
      for (const word of input.cues) {
        // (A cue that describes a later noun, 盘活的闲置厂房, names no figure: 租了镇上盘活的闲置厂房2000平 is what was rented.)
        let at = text.lastIndexOf(word);
        while (at >= 0 && text[at + word.length] === '的') at = at > 0 ? text.lastIndexOf(word, at - 1) : -1;
        if (at < 0) continue;
        const end = at + word.length;
        if (end > bestEnd || (end === bestEnd && word.length > bestLength)) { best = input; bestEnd = end; bestLength = word.length; }
      }
    }
    return best;
  };
  // No cue of its own ("就一栋单体，面积4800平"): the nearest cue since the previous figure says what it is.
  // No cue at all: the required input, or one that takes no cue; never an optional input whose own cues are absent (a
  // 注册资本 is not 本年度已获补助).
  return nearest(cue) ?? nearest(context)
    ?? candidates.find((i) => i.required && (!i.onlyWhenNamed || i.cues.some((c) => statement.includes(c))))
    ?? candidates.find((i) => i.cues.length === 0);
}

// Said as the total of the figures beside it (一共5000平方米, 合计800万).
const SAID_AS_TOTAL = /(加起来|合计|总共|一共|累计|共计)(是|为|有)?\s*$/;
// A figure said as an estimate: 大概/大约/约/差不多 before it, 左右/上下 after it.
const HEDGED_BEFORE = /(大概|大约|约|差不多|估计)$/;
const HEDGED_AFTER = /^\s*(左右|上下|前后)/;

// Between a figure and a part of it said next (总投资2500万元，其中设备购置1800万元; 这1200万里设备是900万).
const PART_OF = /其中|这里面|里面有|当中|^\s*(里|里面|里头|之中|中)(?![山国])/;
// What the input really is, said after other figures (真正买设备的只有500万, 实际设备款才300万).
const REALLY = /(真正|实际|其实|实打实)[^，,。；;0-9]{0,10}(只有|只是|才|仅|仅有)\s*$/;
// The rest of that figure, said after a part of it (其余800万, 剩下的300万).
const REST_OF = /其余|其他|剩下|剩余|余下|另外的/;

// The words of an enterprise's size, not of what it spends.
const SIZE_WORD = /(收入|营收|主营|产值|销售额|营业额|注册资本|注册资金)/;

/** Between figures of one list (80万 120万 150万; 80万、120万和150万). */
const LIST_GLUE = /^[\s、,，和及与跟元]*$/;

/**
 * What the message says a quantity is: the words since the previous pause or figure of its kind, and for a figure
 * of a list, the words before the list ("县级分成的财政贡献增量分别是80万 120万 150万").
 */
function statementOf(u: Understanding, q: Quantity): string {
  let start = q.start;
  const earlier = u.quantities.filter((p) => p.kind === q.kind && p.end <= q.start).sort((a, b) => b.end - a.end);
  let stop = 0;
  for (const p of earlier) {
    if (!LIST_GLUE.test(u.text.slice(p.end, start))) { stop = p.end; break; }
    start = p.start;
  }
  const before = u.text.slice(stop, start);
  return before.slice(Math.max(...['，', ',', '。', '；', ';', '？', '?', '！', '!'].map((d) => before.lastIndexOf(d))) + 1);
}

/** The words right before each place the message uses one of the row's own words (its triggers), `width` long. */
function beforeTriggers(rule: SubsidyRule, text: string, width: number): string[] {
  const before: string[] = [];
  for (const trigger of rule.vocabulary.triggers) {
    for (let at = text.indexOf(trigger); at >= 0; at = text.indexOf(trigger, at + 1)) before.push(text.slice(Math.max(0, at - width), at));
  }
  return before;
}

// A level word said right before a provision's own word (国家级智能工厂, 县级企业技术中心).
const LEVEL_BEFORE = /(国家级|国家|省级|市级|县级|区级)$/;

/**
 * The level the message gives a fixed award whose options are levels (省级, 市级 in the options' cues) when none of
 * them is that level (国家级智能工厂 where the text sets 省级 and 市级): null where it names one of them, or none.
 */
export function levelNotSet(rule: SubsidyRule, u: Understanding): string | null {
  const f = rule.formula;
  if (f.type !== 'fixed') return null;
  const levels = new Set(f.options.flatMap((o) => o.cues).filter((c) => c.endsWith('级')));
  if (!levels.size) return null;
  for (const before of beforeTriggers(rule, u.text, 3)) {
    const said = LEVEL_BEFORE.exec(before)?.[1];
    if (!said) continue;
    const level = said === '国家' ? '国家级' : said;
    if (!levels.has(level)) return level;
  }
  return null;
}

// Said right before a level the enterprise obtained (被认定为, 评上了, 拿到).
const OBTAINED_BEFORE = /(认定为|认定了|评上了?|获评|评为|拿到了?|获得了?|被认定)\s*$/;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The option of a fixed award the message names (省级智能工厂 → provincial), by the options' own labels first. */
function optionFor(rule: SubsidyRule, u: Understanding): string | null {
  const f = rule.formula;
  if (f.type !== 'fixed') return null;
  const labelled = f.options.filter((o) => saysOutside(u.text, o.label, u.negated));
  // (Of several said, the one the enterprise says it obtained, 刚被认定为市级企业技术中心, beside a notice listing both.)
  const obtained = labelled.filter((o) => [...u.text.matchAll(new RegExp(escapeRegExp(o.label), 'g'))]
    .some((m) => OBTAINED_BEFORE.test(u.text.slice(Math.max(0, (m.index ?? 0) - 6), m.index ?? 0))));
  const byLabel = (obtained.length === 1 ? obtained : labelled).sort((a, b) => b.label.length - a.label.length)[0];
  if (byLabel) return byLabel.key;
  // "省级设计中心认定下来了…进了市级技改项目库": the level said right before the provision's own word is its level.
  let nearest: { key: string; gap: number } | null = null;
  for (const before of beforeTriggers(rule, u.text, 8)) {
    for (const o of f.options) {
      for (const cue of o.cues) {
        const end = before.lastIndexOf(cue);
        if (end < 0) continue;
        const gap = before.length - end - cue.length;
        if (!nearest || gap < nearest.gap) nearest = { key: o.key, gap };
      }
    }
  }
  if (nearest) return nearest.key;
  return u.level && f.options.some((o) => o.key === u.level) ? u.level : null;
}

/**
 * Typed slot filling: each quantity goes to the rule input of its dimension whose cue words precede it; several
 * quantities for one input are added (两台母机200万和300万 → 500万). Returns the inputs and what was added up.
 */
export function inputsFor(rule: SubsidyRule, u: Understanding): { inputs: Inputs; sums: Map<string, Quantity[]>; rough: RoughFigure[]; hedged: Quantity[] } {
  const inputs: Inputs = {};
  const sums = new Map<string, Quantity[]>();
  const rough: RoughFigure[] = [];
  // Figures said as estimates (差不多一千万) and taken as said: the answer says it computed on an estimate.
  const hedged: Quantity[] = [];
  const thresholdInputs: RuleInput[] = rule.thresholds
    .filter((t) => !rule.inputs.some((i) => i.key === t.input))
    .map((t) => ({ key: t.input, dimension: t.dimension, label: t.label, ask: '', cues: [], chips: [], required: false, onlyWhenNamed: false, notCues: [] }));
  const all = [...rule.inputs, ...thresholdInputs];
  const money = [...u.amounts.base, ...(u.amounts.alreadyReceived ? [u.amounts.alreadyReceived] : []),
    ...[u.amounts.provincial, u.amounts.city, u.amounts.county].filter((q): q is Quantity => q !== null)];
  const byDimension: Record<string, Quantity[]> = {
    money, rent: u.quantities.filter((q) => q.kind === 'rent'), area: u.quantities.filter((q) => q.kind === 'area'),
    months: u.quantities.filter((q) => q.kind === 'months'), count: u.quantities.filter((q) => q.kind === 'count'),
  };
  for (const dimension of ['money', 'rent', 'area', 'months', 'count'] as const) {
    const candidates = all.filter((i) => i.dimension === dimension);
    if (!candidates.length) continue;
    for (const q of byDimension[dimension] ?? []) {
      // An enterprise's size said as such (主营收入大概3个亿) is no spending: it fills only an input of a size.
      // (营收2600万 fills no 实缴注册资本: the size said must be the input's own.)
      const size = cueText(u.text, q).trim().match(SIZE_WORD)?.[0];
      if (dimension === 'money' && size && !candidates.some((i) => i.label.includes(size) || i.cues.some((c) => c.includes(size)))) continue;
      // A count names what it counts after it (两个示范项目, 2个名牌产品): 4个项目都进了库 counts no 示范项目; or, ending its
      // phrase, right before it (名牌产品3个，).
      const cue = dimension === 'count' ? countedText(u.text, q) || cueText(u.text, q) : cueText(u.text, q);
      const since = Math.max(0, ...u.quantities.filter((p) => p.end <= q.start).map((p) => p.end));
      // (The sentence says of the figure what its own words do not only where it is the sentence's one figure of its kind:
      // 注册资本认缴1800万元、实缴1500万元 says 认缴 of the first alone.)
      const sentence = sentenceOf(u.text, q);
      const alone = (byDimension[dimension] ?? []).filter((p) => sentence.includes(p.text)).length === 1;
      // (A share the message named, 地市级分成那部分的财政贡献增量一年大约120万, fills that share's input, however far its word.)
      const share = q === u.amounts.provincial ? '省级' : q === u.amounts.city ? '市级' : q === u.amounts.county ? '县级' : null;
      const shareInput = share ? candidates.find((i) => i.cues.some((c) => c.includes(share))) : undefined;
      const input = shareInput ?? inputForQuantity(candidates, cue, statementOf(u, q), u.text.slice(since, q.start), alone ? sentence : '');
      if (!input) continue;
      // A sum received already (2017年投了500万拿了40万) fills only an input of what was received, never the base.
      if (q === u.amounts.alreadyReceived && !input.cues.some((c) => cue.includes(c) || u.text.slice(since, q.start).includes(c))) continue;
      // A sum said roughly (800多万) fills only a threshold's input its whole range is on one side of. A figure hedged
      // (大概一千万左右) within a tenth of a threshold it is checked against is as rough: which side it falls is asked.
      const hedgedBefore = HEDGED_BEFORE.test(u.text.slice(Math.max(0, q.start - 3), q.start));
      const isHedged = !q.below && (hedgedBefore || HEDGED_AFTER.test(u.text.slice(q.end)));
      const nearOf = (marks: Decimal[]) => (isHedged ? marks.find((minimum) => q.value.minus(minimum).abs().lte(roughness(q.value))) : undefined);
      const near = nearOf(boundariesOn(rule, input.key));
      const limits = limitsReachedAt(rule, input.key);
      const at = near ? undefined : nearOf(limits.map((l) => l.at));
      if (near || at) {
        rough.push({ input, quantity: { ...q, value: q.value.mul(0.9), below: q.value.mul(1.1) }, boundary: near ?? at,
          limitReached: at ? limits.find((l) => l.at.eq(at))?.limit : undefined });
        continue;
      }
      if (isHedged) hedged.push(q);
      // (A range said as an estimate too, 大概一百来亿, that starts right at a step or threshold may fall short of it.)
      const hedgedRange = q.below && hedgedBefore
        ? boundariesOn(rule, input.key).find((minimum) => q.value.eq(minimum)) : undefined;
      if (hedgedRange) { rough.push({ input, quantity: { ...q, value: q.value.mul(0.9) }, boundary: hedgedRange }); continue; }
      if (q.below && !settlesThreshold(rule, input.key, q)) {
        rough.push({ input, quantity: q, boundary: boundariesOn(rule, input.key).find((m) => q.value.lt(m) && (q.below ?? q.value).gt(m)) });
        continue;
      }
      sums.set(input.key, [...(sums.get(input.key) ?? []), q]);
    }
  }

  // "隔壁那2000平方米也一起租下来，一共5000平方米": a figure said as the total of the others is the input, not one more.
  for (const [key, quantities] of sums) {
    if (quantities.length < 2) continue;
    const total = quantities.find((q) => SAID_AS_TOTAL.test(u.text.slice(Math.max(0, q.start - 6), q.start)));
    if (total && quantities.every((q) => q === total || q.value.lt(total.value))) sums.set(key, [total]);
  }
  // "总投资2500万元，其中设备购置1800万元": a figure said with 其中 is part of the one before it, never added to it. The
  // input takes the part where the part is said in its cue words and the whole is not (东源 设备购置额), else the whole.
  for (const [key, quantities] of sums) {
    const input = all.find((i) => i.key === key);
    if (input?.dimension !== 'money' || quantities.length < 2) continue;
    const cued = (q: Quantity) => input.cues.some((c) => cueText(u.text, q).includes(c));
    const dropped = new Set<Quantity>();
    // (The rest said next is a part too: 项目总投资2000万，其中设备购置1200万，其余800万为厂房改造.)
    let whole: Quantity | undefined;
    let parts: Quantity[] = [];
    const settle = () => {
      if (!whole || !parts.length) return;
      const cuedParts = parts.filter(cued);
      for (const q of cuedParts.length && !cued(whole) ? [whole, ...parts.filter((p) => !cued(p))] : parts) dropped.add(q);
    };
    quantities.forEach((q, i) => {
      const before = quantities[i - 1];
      const between = before ? u.text.slice(before.end, q.start) : '';
      if (before && PART_OF.test(between)) { if (!parts.length) whole = before; parts.push(q); return; }
      if (parts.length && REST_OF.test(between)) { parts.push(q); return; }
      settle();
      whole = undefined;
      parts = [];
    });
    settle();
    if (dropped.size) sums.set(key, quantities.filter((q) => !dropped.has(q)));
  }
  // "900万里面有400万是厂房装修…真正买设备的只有500万": a figure said to be what the input really is replaces the others.
  for (const [key, quantities] of sums) {
    if (quantities.length < 2 || all.find((i) => i.key === key)?.dimension !== 'money') continue;
    const really = quantities.filter((q) => REALLY.test(u.text.slice(Math.max(0, q.start - 16), q.start)));
    if (really.length === 1) sums.set(key, really);
  }
  // "我们2000平一年能补192万……租了2000平方米经营场地": an area, rent or duration said again, equal and with no word that
  // adds between (又, 另, 和 …), is the same figure, never a second one.
  for (const [key, quantities] of sums) {
    const input = all.find((i) => i.key === key);
    if (!input || input.dimension === 'money' || input.dimension === 'count' || quantities.length < 2) continue;
    const again = quantities.filter((q, i) => quantities.slice(0, i).some((p) => p.value.eq(q.value) && !ADDS_ANOTHER.test(u.text.slice(p.end, q.start))));
    if (again.length) sums.set(key, quantities.filter((q) => !again.includes(q)));
  }
  // A threshold's figure is a size, never a sum: "收入刚好1000万……文件说放宽到1000万元以上的企业" gives one figure, the
  // enterprise's; the text's own mark (…以上) said beside it is not a second one.
  for (const t of rule.thresholds) {
    const quantities = sums.get(t.input) ?? [];
    if (quantities.length < 2) continue;
    const own = quantities.filter((q) => !MARK_AFTER.test(u.text.slice(q.end)));
    const kept = own.length ? own : quantities;
    // (Of different figures, the one said by the threshold's own name: 营收有1300万，但主营业务收入才950万 → 950万.)
    const named = kept.filter((q) => cueText(u.text, q).includes(t.label));
    sums.set(t.input, kept.every((q) => q.value.eq(kept[0]?.value ?? 0)) ? kept.slice(0, 1) : named.length === 1 ? named : kept);
  }
  // One quantity given for an optional input while the required one of its dimension is empty: it is the required one
  // ("盘活闲置厂房10000平方米，租了12个月" names the area rented, not a second figure). When the optional input is a
  // threshold's, it is both ("单体闲置厂房4000平方米" is checked against the 5000平方米 threshold too). (The one figure may
  // be said twice: 盘活面积8000平方米的项目，整栋8000平方米都是我们租的.)
  // Never for money: a sum cued as revenue, investment or an award received is a different figure from the one a rate
  // applies to (主营收入8000万 is not the 县级分成 increment).
  const thresholdKeys = new Set(rule.thresholds.map((t) => t.input));
  for (const required of all.filter((i) => i.required && i.dimension !== 'money' && !sums.has(i.key))) {
    const optional = [...sums].find(([key, qs]) => qs.length === 1 && all.find((i) => i.key === key)?.dimension === required.dimension
      && new Set((byDimension[required.dimension] ?? []).map((q) => q.value.toFixed())).size === 1);
    if (!optional) continue;
    sums.set(required.key, optional[1]);
    if (!thresholdKeys.has(optional[0])) sums.delete(optional[0]);
  }
  // A tier's basis is a level reached (年产值), not an amount spent: of several figures, this year's (else the highest),
  // never a sum; a figure only approached (差一点到300亿) is not reached.
  if (rule.formula.type === 'tiered') {
    const basis = rule.formula.basis;
    const figures = (sums.get(basis) ?? []).filter((q) => !NOT_REACHED.test(cueText(u.text, q)));
    const highest = figures.reduce<Quantity | undefined>((top, q) => (!top || q.value.gt(top.value) ? q : top), undefined);
    const reached = figures.find((q) => THIS_YEAR.test(cueText(u.text, q))) ?? highest;
    if (reached) sums.set(basis, [reached]);
    else sums.delete(basis);
  }
  for (const [key, quantities] of sums) {
    const input = all.find((i) => i.key === key);
    const total = quantities.reduce((sum, q) => sum.plus(q.value), new Decimal(0));
    inputs[key] = input?.dimension === 'months' || input?.dimension === 'count' ? total.toNumber() : yuanString(total);
  }
  for (const input of all.filter((i) => i.dimension === 'headcount')) {
    const said = u.quantities.filter((q) => q.kind === 'headcount' && q.level !== undefined && input.cues.includes(q.level));
    // ("那2个是高级技师…按3个高级工+2个高级技师算": the people pointed back to, counted again, are the same people.)
    const pointedBack = (q: Quantity) => /(那|这|其中|当中)\s*$/.test(u.text.slice(Math.max(0, q.start - 2), q.start));
    // ("现有技师12名…今年新引进了3名技师…20名高级工都是原来就有的": those the enterprise already had are not new.)
    const existing = (q: Quantity) => EXISTING.test(pieceOf(u.text, q));
    const heads = said.filter((q) => !existing(q) && !(pointedBack(q) && said.some((p) => p !== q && p.value.eq(q.value) && !pointedBack(p))));
    if (heads.length) inputs[input.key] = heads.reduce((n, q) => n + q.value.toNumber(), 0);
  }
  // "技师每人多少钱": the award for one person of the one level named, computed for one head (the rate, with its formula).
  const perHead = all.filter((i) => i.dimension === 'headcount');
  // (Not a per-head standard someone claims, 老板说高级技师每人补1.5万: that is the claim, no head of the case.)
  if (perHead.length && !perHead.some((i) => inputs[i.key] !== undefined) && PER_HEAD.test(u.text) && !u.amounts.claimed.length) {
    let rest = u.text;
    const named = [...perHead].sort((a, b) => Math.max(...b.cues.map((c) => c.length)) - Math.max(...a.cues.map((c) => c.length)))
      .filter((i) => { const word = i.cues.find((c) => rest.includes(c)); if (word) rest = rest.split(word).join(' '); return Boolean(word); });
    if (named.length === 1 && named[0]) inputs[named[0].key] = 1;
  }
  for (const input of all.filter((i) => i.dimension === 'level')) {
    if (input.key === 'level') {
      const option = optionFor(rule, u);
      if (option) inputs.level = option;
    } else if (input.cues.some((c) => u.text.includes(c))) {
      const modifier = rule.modifiers[0];
      if (modifier) inputs[input.key] = modifier.key;
    }
  }
  for (const input of all.filter((i) => i.dimension === 'text')) {
    const word = input.cues.find((c) => u.text.includes(c));
    if (word) inputs[input.key] = word;
  }
  // Each sum's figures in the order said (50万 + 70万 + 30万 would read as a different question).
  return { inputs, rough, hedged, sums: new Map([...sums].filter(([, qs]) => qs.length > 1).map(([key, qs]) => [key, [...qs].sort((a, b) => a.start - b.start)])) };
}

/** Carries earlier inputs into a follow-up: only what this rule accepts, the earlier base renamed to this rule's. */
export function carryInputs(previous: Inputs, rule: SubsidyRule): Inputs {
  const accepted = acceptedInputs(rule);
  const carried: Inputs = {};
  for (const [key, value] of Object.entries(previous)) if (accepted.has(key) && key !== 'alreadyReceivedThisYear' && key !== 'alreadyReceived') carried[key] = value;
  const primary = rule.inputs.find((i) => i.dimension === 'money' && i.required) ?? rule.inputs.find((i) => i.dimension === 'money');
  const bases: string[] = [...BasisFieldSchema.options, 'fixedAssetInvestment'];
  const previousBase = bases.map((k) => previous[k]).find((v) => v !== undefined);
  if (primary && carried[primary.key] === undefined && previousBase !== undefined && bases.includes(primary.key)) carried[primary.key] = previousBase;
  return carried;
}
