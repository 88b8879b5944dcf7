import { clauseBody, sentencesOf } from '../../corpus/index.js';
import { Decimal } from 'decimal.js';
import type { Quantity } from '../../nlu/quantities.js';
import { EACH, asksEachYear, asksWhichMore, understand, type Understanding } from '../../nlu/understand.js';
import { MAX_YUAN, acceptedInputs, capLabel, computeSubsidy, namedOptions, formatYuan, formatYuanWithExact, saysLacking, overDuration, yuanString, type Calculation, type Cap, type RuleInput, type SubsidyRule } from '../../policy/index.js';
import { awardsInstead, morePlaceVerdict, numbered, plainReply, ruleHeadline, thresholdsSentence, unratedSentence } from '../compose.js';
import { standingAwards, type ConversationSlots } from '../conversation.js';
import { toChatCalculation, type AssistantReply } from '../response.js';
import { calculatorContext, gateThroughRow, namedDocuments, unratedFor, type HandlerContext } from './context.js';
import { departmentLines, fundingLines } from './document-facts.js';
import { carryInputs, inputsFor, levelNotSet, type Inputs } from './slots.js';

/** "分别 / 各…多少": each part of an award asked on its own line. */

/** The input through which a rule's modifier applies (企业类别 → 商贸流通等企业), when the inputs set it. */
function modifierInput(rule: SubsidyRule, inputs: Inputs): RuleInput | undefined {
  return rule.inputs.find((i) => i.dimension === 'level' && i.key !== 'level' && rule.modifiers.some((m) => m.key === inputs[i.key]));
}

/** Words that give figures year by year ("接下来三年…分别是80万、120万、150万", "第一年…第二年…"). */
const YEAR_BY_YEAR = /(逐年|各年|第[一二三]年|[两三]年[^。？?]{0,30}(分别|每年|各)|每年(能|可以)?(拿|补|奖|领|得)?多少)/;
/** Words that give figures project by project ("两个技改项目 一个投资0.3亿 另一个投资6,000万"). */
const PROJECT_BY_PROJECT = /([两三四五六七八九几多]个[^，。]{0,4}项目|另一个|另一项|各个项目)/;

/** An award's total over its years asked (三年一共多少, 3年合计, 每年多少、三年多少): of a yearly provision with a stated duration. */
// (Or said with a figure for the years, put forward to be checked: 每年90万，三年270万，没错吧.)
const YEARS_TOTAL = /[两二三四五\d]\s*年[^，,。；;？?]{0,4}(一共|总共|合计|累计|共计|总计|下来|加起来)|(?<!\d)[两二三四五2-5]\s*年[^，,。；;？?、]{0,2}多少|最长(期限|年限)|整个(补助|扶持|奖补)?期(限)?|(补助|扶持|奖补)期(限)?(内|里)|(拿|享受|领|补)满(期|年限|期限)|(?<!\d)[两二三四五2-5]\s*年(一共|总共|下来|合计|加起来)?(就)?(是|共|拿|能拿)?\s*[\d零一二两三四五六七八九十百]+(\.\d+)?\s*[万亿]/;
/** A total asked of this year alone (今年总共能拿多少): the year's figure, not a total over the clause's years. */
const THIS_YEARS_TOTAL = /(今年|本年度?|当年|这一年|第一年|头一年|首年|第1年)([^，。？?；;]{0,8}|[^，。？?；;]{0,6}分别[^，。？?；;]{0,8})(总共|一共|合计|加起来|累计)/;

/** Each of several figures of one year asked on its own (每个合同补助多少, 分别能补多少): lines, then the year's 合计. */
const ITEM_BY_ITEM = /(每(个|份|笔|单|项|台|批)[^，。？?；;]{0,8}(多少|补|奖)|分别(能|可以)?(补|奖|拿|是)?多少|各(补|奖|拿|能拿|能补)?多少)/;

/**
 * Words that give figures enterprise by enterprise, each its own applicant ("A厂40万，B厂900万，C厂2000万，各能补多少");
 * not 并购了两家企业 (one applicant, two companies bought).
 */
const ENTERPRISE_BY_ENTERPRISE = /([A-Z甲乙丙丁]厂|[A-Z甲乙丙丁]公司|各家|每家|(?<!(并购|收购|兼并|控股|重组)了?)[两三四五六七八九几多]家(规上|规模以上)?(企业|子公司|分公司|厂|工厂))/;

// An enterprise named as one of several (A厂, 乙公司, 另一家, 第二家): the figures said after it are its own.
// (一家是工业企业；另一家是商贸流通企业: the first of two, said at the start of a piece.)
const ENTERPRISE_MENTION = /[A-Z甲乙丙丁]厂|[A-Z甲乙丙丁]公司|另一家|另外一家|第[一二三四五]家|(?<=^|[：:，,；;。\s])一家(?=是|为|属于)/g;

/** Whose each figure is, by the enterprise named last before it; null where one is said before none or only one is named. */
function enterprisesOfFigures(text: string, figures: readonly Quantity[]): string[] | null {
  const mentions = [...text.matchAll(ENTERPRISE_MENTION)].map((m) => ({ at: m.index ?? 0, name: m[0] }));
  const owners = figures.map((q) => mentions.filter((m) => m.at < q.start).at(-1)?.name ?? null);
  return owners.every((o): o is string => o !== null) && new Set(owners).size >= 2 ? owners : null;
}

// Another project of the enterprise's (另一个项目, 第二个项目): its award stands beside the first one's.
const SHARES_POINTED_AT = /(两|这两|这几|几)(块|部分|个部分|笔)/;
// The amount asked of each (分别是多少) of one enterprise's shares; 两边一年各奖多少 asks the places' awards, each summed in
// its own.
const AMOUNT_EACH = /分别(是|为|能|可以|可)?(拿|返|奖|补)?(多少|几多)/;
/** Whether the piece that asks 分别/各 names two or more of the rule's shares by their cue words (省级那块和市级那块分别…). */
function sharesAskedEach(rule: SubsidyRule, text: string): boolean {
  if (rule.formula.type !== 'fiscal-share') return false;
  const { components } = rule.formula;
  const asking = text.split(/[，,。；;？?！!]/).find((piece) => EACH.test(piece)) ?? '';
  const namedIn = (words: string) => components.filter((c) => rule.inputs.find((i) => i.key === c.key)?.cues.some((w) => words.includes(w)));
  // (两块各能奖多少, 这两部分分别多少: the shares pointed at, after the message gave them; so is 这一年事后奖补分别是多少 after
  // 省级分成部分80万，地市级分成部分50万: the amount asked each, of the shares the message gave.)
  return namedIn(asking).length >= 2 || SHARES_POINTED_AT.test(asking) || (namedIn(text).length >= 2 && AMOUNT_EACH.test(asking));
}

// "其中2个其实是技师": part of the head count said before, not all of it.
const PART_OF_THEM = /(其中|当中|里面|里头|有)(的)?\s*([0-9]+|[一二两三四五六七八九十]+)\s*(个|名|位|人)/;

/**
 * "其中2个其实考的是技师证，不是高级工" / "那4个是技师不是高级工": a head count moved from the level the message denies to
 * the level it names; the other levels stay as they were. Null where the message moves none.
 */
function relabelledHeads(rule: SubsidyRule, carried: Inputs, fresh: Inputs, u: Understanding): { carried: Inputs; fresh: Inputs } | null {
  const heads = rule.inputs.filter((i) => i.dimension === 'headcount');
  const denied = u.negated.map(([a, b]) => u.text.slice(a, b));
  // (The longest cue decides: 不是高级工 denies 高级工, not 技师 inside 高级技师.)
  const levelIn = (span: string) => [...heads].sort((a, b) => Math.max(...b.cues.map((c) => c.length)) - Math.max(...a.cues.map((c) => c.length)))
    .find((i) => i.cues.some((c) => span.includes(c)));
  const from = denied.map(levelIn).find((i) => i !== undefined);
  const was = from ? carried[from.key] : undefined;
  if (!from || typeof was !== 'number' || fresh[from.key] !== undefined) return null;
  const named = heads.filter((i) => typeof fresh[i.key] === 'number' && i.key !== from.key);
  // "那个高级技师其实是技师，不是高级技师": no count said, the level said for those counted (all of them) instead.
  if (named.length === 0) {
    let rest = u.text;
    for (const [a, b] of u.negated) rest = rest.slice(0, a) + ' '.repeat(b - a) + rest.slice(b);
    for (const cue of [...from.cues].sort((a, b) => b.length - a.length)) rest = rest.split(cue).join(' '.repeat(cue.length));
    const to = levelIn(rest);
    if (!to || to.key === from.key) return null;
    const kept: Inputs = { ...carried };
    delete kept[from.key];
    delete kept[to.key];
    return { carried: kept, fresh: { [to.key]: (typeof carried[to.key] === 'number' ? (carried[to.key] as number) : 0) + was } };
  }
  if (named.length !== 1) return null;
  const to = named[0] as RuleInput;
  const moved = fresh[to.key] as number;
  const part = PART_OF_THEM.test(u.text) && moved < was;
  const left = part ? was - moved : 0;
  const kept: Inputs = { ...carried };
  delete kept[from.key];
  if (left > 0) kept[from.key] = left;
  const before = typeof carried[to.key] === 'number' ? (carried[to.key] as number) : 0;
  delete kept[to.key];
  return { carried: kept, fresh: { [to.key]: before + moved } };
}

const ANOTHER_PROJECT = /(另一个|另外一个|又一个|第二个|还有一个)[^，,。；;？?]{0,8}(项目|厂房|车间)/;

/** A calendar year or a year word said before a figure (2019年买了…, 去年…): the year the figure falls in. */
const YEAR_MENTION = /(?:19|20)\d{2}(?=年|\s*年度)|今年|去年|前年|明年/g;

/** The year each figure falls in, by the last year said before it; null where one is said before none. */
function yearsOfFigures(text: string, figures: readonly Quantity[]): string[] | null {
  const mentions = [...text.matchAll(YEAR_MENTION)];
  const years = figures.map((q) => mentions.filter((m) => (m.index ?? 0) + m[0].length <= q.start).at(-1)?.[0] ?? null);
  return years.every((y): y is string => y !== null) ? years : null;
}

/** Several figures computed one group at a time, each group's figures added: a project, a year, an enterprise. */
interface SeparateFigures {
  key: string;
  groups: { figures: Quantity[]; label: string }[];
  unit: 'project' | 'year' | 'enterprise' | 'item';
  /** The yearly cap the groups share (每个合同多少 under 每年最高300万): the 合计 is capped, not each line alone. */
  sharedCap?: Cap;
}

/**
 * The input whose several figures the row computes one at a time: several projects under a per-project cap, several
 * enterprises under a per-enterprise cap or floor, each capped, and a yearly award (a stated duration) year by year
 * when the message gives the years' figures, or the figures of calendar years said (2019年1500万，2020年又2500万) under
 * a yearly cap, each year's figures added. Null otherwise: several figures of one kind are added (两台母机200万和
 * 300万, 一个项目投资2000万又追加500万).
 */
function separateFigures(rule: SubsidyRule, sums: Map<string, Quantity[]>, text: string): SeparateFigures | null {
  for (const [key, found] of sums) {
    if (found.length < 2) continue;
    // In the order said: the first figure is the first year's or project's.
    const figures = [...found].sort((a, b) => a.start - b.start);
    const each = (unit: SeparateFigures['unit'], name: (i: number) => string): SeparateFigures =>
      ({ key, unit, groups: figures.map((q, i) => ({ figures: [q], label: `${name(i)}（${q.text}）` })) });
    if (rule.caps.some((c) => c.per === 'project') && PROJECT_BY_PROJECT.test(text)) return each('project', (i) => `项目${i + 1}`);
    if (rule.duration && figures.length <= rule.duration.years && YEAR_BY_YEAR.test(text)) return each('year', (i) => `第${i + 1}年`);
    if ((rule.caps.some((c) => c.per === 'enterprise') || rule.floor) && ENTERPRISE_BY_ENTERPRISE.test(text)) {
      // (Each enterprise's figures added, where the message names whose each figure is: A厂…第一批900万，第二批700万；B厂…40万.)
      const owners = enterprisesOfFigures(text, figures);
      if (!owners) return each('enterprise', (i) => `企业${i + 1}`);
      const groups = [...new Set(owners)].map((name) => {
        const own = figures.filter((_, i) => owners[i] === name);
        return { figures: own, label: `${name}（${own.map((q) => q.text).join('、')}）` };
      });
      return { key, unit: 'enterprise', groups };
    }
    const yearly = rule.caps.find((c) => c.period === 'year' && c.per !== 'project');
    const years = yearly ? yearsOfFigures(text, figures) : null;
    if (years && new Set(years).size > 1) {
      const groups = [...new Set(years)].map((year) => {
        const ofYear = figures.filter((_, i) => years[i] === year);
        return { figures: ofYear, label: `${/^\d/.test(year) ? `${year}年` : year}（${ofYear.map((q) => q.text).join('、')}）` };
      });
      return { key, unit: 'year', groups };
    }
    if (yearly && ITEM_BY_ITEM.test(text)) return { ...each('item', (i) => `第${i + 1}笔`), sharedCap: yearly };
  }
  return null;
}

// A figure said of a numbered year of a yearly award (第二年52万, 第三年60万).
const NUMBERED_YEAR = /第([一二三四五1-5])年[^，,。；;0-9０-９一二两三四五六七八九十百千万亿]{0,10}$/;
const YEAR_NUMBER: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5 };

/**
 * "财务把后两年也测了：第二年52万，第三年60万" after a yearly award computed on the first year's figure: each year its
 * line, the first year's figure carried, within the clause's stated years. Null where the message numbers no year.
 */
function laterYears(rule: SubsidyRule, carried: Inputs, u: Understanding): SeparateFigures | null {
  if (!rule.duration) return null;
  // (A share named, 第二年县级分成增量是60万, is one of them too.)
  const money = [...u.amounts.base, ...[u.amounts.provincial, u.amounts.city, u.amounts.county].filter((q): q is Quantity => q !== null)];
  const years = money.map((q) => ({ q, year: YEAR_NUMBER[NUMBERED_YEAR.exec(u.text.slice(Math.max(0, q.start - 14), q.start))?.[1] ?? ''] }))
    .filter((y): y is { q: Quantity; year: number } => y.year !== undefined && y.year <= (rule.duration?.years ?? 0));
  if (!years.length || years.length !== money.length) return null;
  const held = rule.inputs.filter((i) => i.dimension === 'money' && i.required && typeof carried[i.key] === 'string');
  const [input] = held;
  if (held.length !== 1 || !input) return null;
  const firstYear = new Decimal(carried[input.key] as string);
  const first: Quantity = { kind: 'money', value: firstYear, text: `此前${formatYuan(firstYear)}`, start: -1, end: -1 };
  const said = years.some((y) => y.year === 1) ? years : [{ q: first, year: 1 }, ...years];
  return { key: input.key, unit: 'year', groups: [...said].sort((a, b) => a.year - b.year).map(({ q, year }) => ({ figures: [q], label: `第${year}年（${q.text.replace(/^此前/, '')}）` })) };
}

/** How an amount is asked: the regions in play, the turn it follows, and each provision's own part of the message. */
export interface CalculationAsk {
  /** No region named while the rules differ by region: the answer lists each region's standard. */
  regionOpen: boolean;
  /** The earlier turn whose inputs and awards carry over, or null for a fresh question. */
  previous: ConversationSlots | null;
  /** The regions of the conversation, in the order asked (answers keep it). */
  regions: readonly string[];
  /** Per rule id, the part of the message about it (several provisions or regions in one message). */
  parts?: Map<string, Understanding>;
  /** The provisions are alternatives for one project ("普通、示范项目、龙头企业三种情况分别多少"): compared, never added. */
  alternatives?: boolean;
}

/** The reply, and what the conversation remembers of it for the next turn (inputs computed, awards granted). */
export interface CalculationTurn {
  reply: AssistantReply;
  remember: Partial<Pick<ConversationSlots, 'inputs' | 'awards'>>;
}

// Year words, each read as the year it names relative to this one.
const YEAR_WORDS: readonly [RegExp, string][] = [[/(今年|本年度|当年|同一年|同年)/, 'this'], [/(去年|上一年|上年度)/, 'last'], [/前年/, 'before-last'], [/(明年|下一年)/, 'next']];
const yearOf = (text: string): string | null => YEAR_WORDS.find(([pattern]) => pattern.test(text))?.[1] ?? null;

// A figure said as the total of the year's purchases (同一年度加起来2500万): the total itself, not one more purchase.
const SAID_AS_TOTAL = /(加起来|合计|总共|一共|累计|共计)(是|为|有)?$/;

/**
 * The earlier turn's figures joined to this turn's, input by input (money only): the year's total asked after "又…".
 * Null where this turn gives no money figure for an input the earlier turn gave.
 */
function joinedWithEarlier(rule: SubsidyRule, carried: Inputs, fresh: Inputs, sums: Map<string, Quantity[]>, u: Understanding)
  : { inputs: Inputs; sums: Map<string, Quantity[]> } | null {
  const inputs: Inputs = {};
  const shown = new Map(sums);
  for (const [key, value] of Object.entries(fresh)) {
    const before = carried[key];
    if (rule.inputs.find((i) => i.key === key)?.dimension !== 'money' || typeof value !== 'string' || typeof before !== 'string') continue;
    const figures = sums.get(key) ?? u.amounts.base.filter((q) => q.value.eq(value));
    const total = figures.find((q) => SAID_AS_TOTAL.test(u.text.slice(Math.max(0, q.start - 6), q.start)));
    if (total) {
      inputs[key] = yuanString(total.value);
      shown.delete(key);
      continue;
    }
    const earlier: Quantity = { kind: 'money', value: new Decimal(before), text: `此前${formatYuan(new Decimal(before))}`, start: -1, end: -1 };
    inputs[key] = yuanString(new Decimal(before).plus(value));
    shown.set(key, [earlier, ...(figures.length ? figures : [])]);
  }
  return Object.keys(inputs).length ? { inputs, sums: shown } : null;
}

/** "如果是去年买的呢" after "今年买了…": another year, whose cap the earlier purchases do not use. */
function namesOtherYear(text: string, earlier: string | null): boolean {
  const year = yearOf(text);
  return year !== null && year !== ((earlier ? yearOf(earlier) : null) ?? 'this');
}

/**
 * Computes each rule on its inputs (this turn's, plus those carried from the previous turn) and answers with the
 * figures, the per-level breakdown and the 合计 where asked; asks for a missing input, or says which threshold is not met.
 */
export function calculate(u: Understanding, rules: SubsidyRule[], ask: CalculationAsk, ctx: HandlerContext): CalculationTurn {
  const { regionOpen, previous, regions, parts } = ask;
  type Result = {
    rule: SubsidyRule; calculation: Calculation | null; missing: RuleInput | null; message: string | null; sums: Map<string, Quantity[]>;
    part?: string;
    /** One of several readings of the same case (with and without a modifier): compared, not added. */
    alternative?: boolean;
    /** A yearly cap this line shares with the other lines of its rule: their 合计 is capped. */
    sharedCap?: Cap;
    /** The case is one the row's own words exclude (关联方 where the clause says 非关联方): it does not qualify. */
    excluded?: boolean;
  };
  // "评上国家级智能工厂奖多少" where the text sets 省级 and 市级 only: the level asked is not in the text, said so.
  const unset = rules.flatMap((rule) => { const level = levelNotSet(rule, u); return level ? [{ rule, level }] : []; });
  if (rules.length && unset.length === rules.length) return { reply: levelNotInText(unset, ctx), remember: {} };
  const results: Result[] = [];
  // What each rule was given: remembered whole, also when a threshold stopped the calculation before the formula read it.
  const fed = new Map<string, Inputs>();
  const context = calculatorContext(ctx);
  const awards = [...(previous?.awards ?? [])];
  const together = new Set<string>();
  // Rules whose award this turn is more of the same, beside the earlier one (又买了…: counted against the cap), not it
  // again with its inputs carried (还有2名技师: the whole head count computed anew).
  const addsToEarlier = new Set<string>();
  for (const rule of rules) {
    const { inputs: fresh, sums: freshSums, rough, hedged } = inputsFor(rule, parts?.get(rule.id) ?? u);
    // "设备投了800多万": no exact figure, no figure computed; the range said and the exact figure asked. Unless the
    // whole range gives one amount (三千多万 at 20% is over the 300万 cap anywhere in it): then that amount, said so.
    const [roughly] = rough;
    let roughNote: string | null = null;
    if (roughly && rough.length === 1) {
      const { input, quantity: q } = roughly;
      const at = (value: Decimal) => computeSubsidy(rule, { ...fresh, [input.key]: yuanString(value) }, context);
      const low = at(q.value);
      // (A mark passed with no upper end, 投资过亿, settles only where the cap is reached at the mark itself: probed at the most the calculator takes.)
      const high = at(q.below?.isFinite() === false ? MAX_YUAN : (q.below ?? q.value).minus(1));
      if (low.ok && high.ok && low.calculation.amount === high.calculation.amount && low.calculation.eligible === high.calculation.eligible) {
        fresh[input.key] = yuanString(q.value);
        roughNote = `“${q.text}”不是确切的数，但${input.label}${rangeSaid(q)}，结果都相同。`;
      }
    }
    // "申报材料里写了两个数：1800万和600万": which figure is the input (or whether both are, to be added) is asked.
    const unnamed = u.figuresUnnamed ? rule.inputs.find((i) => i.dimension === 'money' && (freshSums.get(i.key)?.length ?? 0) >= 2) : undefined;
    if (unnamed) {
      const figures = (freshSums.get(unnamed.key) ?? []).map((q) => q.text);
      results.push({ rule, calculation: null, missing: null, sums: freshSums,
        message: `您给了${figures.length === 2 ? '两' : figures.length}个金额（${figures.join('、')}），没有说明各是什么：哪一个是${unnamed.label}？如果都是${unnamed.label}、需要相加，请说明。` });
      continue;
    }
    if (roughly && roughNote === null) {
      const { input, quantity: q } = roughly;
      const range = rangeSaid(q).replace(/^在/, '');
      // (Where a threshold or a tier's step lies inside the range, it is said: which side the figure falls decides.)
      const decides = !roughly.boundary ? ''
        : roughly.limitReached ? `，而${input.label}为${formatYuan(roughly.boundary)}时按比例算出的金额正好是${roughly.limitReached}，高于或低于它结果不同`
        : `，而文件以${input.label}${formatYuan(roughly.boundary)}为界，达到与否结果不同`;
      results.push({ rule, calculation: null, missing: null, sums: freshSums,
        message: `“${q.text}”不是确切的数（${input.label}在${range}）${decides}，金额无法据此计算。请告诉我确切的${input.label}。` });
      continue;
    }
    let sums = freshSums;
    // (Another project under a per-project cap carries none of the first one's figures.)
    const another = ANOTHER_PROJECT.test(u.text);
    const anotherProject = another && rule.caps.length > 0 && rule.caps.every((c) => c.per === 'project');
    const carried = previous && !anotherProject ? carryInputs(previous.inputs, rule) : {};
    // (Under a cap of the enterprise's, another project said without its sum has its own sum asked: 还有一个智能化改造项目，
    // 它能补多少. The enterprise's revenue and kind stand; a sum said for it is added to the first under the cap.)
    if (another && !anotherProject) {
      for (const input of rule.inputs) if (input.required && input.dimension === 'money' && fresh[input.key] === undefined) delete carried[input.key];
    }
    // "再多买20万设备，1520万呢" after 1500万: the sum added and the new whole said together; the whole is the figure, and
    // nothing of the earlier award is spent.
    let additive = u.additive;
    for (const [key, said] of freshSums) {
      const was = carried[key];
      const [more, whole] = [...said].sort((a, b) => a.value.comparedTo(b.value));
      if (said.length !== 2 || was === undefined || !more || !whole || !new Decimal(String(was)).plus(more.value).eq(whole.value)) continue;
      fresh[key] = yuanString(whole.value);
      sums = new Map([...sums].filter(([k]) => k !== key));
      additive = false;
    }
    // "同样这个项目要是放中山做呢" after 东源's equipment award: the earlier question read again with this row's own cues
    // (中山's 投资额 is the 总投资1550万, not 东源's 设备1350万), where this row was not the one computed.
    const earlierText = previous?.lastQuestion ?? previous?.subjectText;
    if (previous && !anotherProject && earlierText && !previous.awards.some((a) => a.ruleId === rule.id)) {
      const reread = inputsFor(rule, understand(earlierText, ctx.lexicon)).inputs;
      for (const input of rule.inputs) {
        const value = reread[input.key];
        if (input.dimension === 'money' && value !== undefined) carried[input.key] = value;
      }
    }
    // "那家公司其实是…关联方": a word the earlier figure must not be (关联方, not 非关联方) said of it now takes it back.
    for (const input of rule.inputs) {
      if (carried[input.key] !== undefined && input.notCues.some((w) => u.text.replaceAll(`非${w}`, '').includes(w))) delete carried[input.key];
    }
    // A correction's or follow-up's headcounts or counts replace the earlier ones of their kind (3个技师 → 说错了，是3个
    // 高级技师; 那高级技师呢 也是4个人), unless it adds to them (技师是3个，另外还有1个高级技师: each level by its own key);
    // sums of money are distinct inputs (revenue, purchase), each replaced by its own key.
    // "哦不对…今年新评上的就另外3个" after 4个名牌产品: a correction's one count (area, months), said without the word
    // for what it counts, is the one the earlier turn gave.
    if (u.corrects || u.followUp) {
      for (const dimension of ['count', 'area', 'months'] as const) {
        const held = rule.inputs.filter((i) => i.dimension === dimension && carried[i.key] !== undefined);
        const said = u.quantities.filter((q) => q.kind === dimension);
        const [q] = said;
        // (One earlier figure that filled several inputs, 单体厂房6000平方米 全部租给入驻企业 as the rented area and the
        // building's, is replaced in each: 如果这栋厂房只有4000平方米呢.)
        // (Not where the new figure says which it is, 只租了其中4500平: the rented area alone.)
        const oneFigure = held.length > 1 && held.every((i) => String(carried[i.key]) === String(carried[held[0]?.key ?? '']));
        if (said.length !== 1 || !q) continue;
        const piece = u.text.slice(0, q.start).split(/[，,。；;！!？?\s]/).at(-1) ?? '';
        const cued = held.some((i) => i.cues.some((c) => piece.includes(c)));
        const value = dimension === 'area' ? yuanString(q.value) : q.value.toNumber();
        if (oneFigure && !cued) {
          for (const input of held) fresh[input.key] ??= value;
        } else if (held.length === 1 && held[0] && !rule.inputs.some((i) => i.dimension === dimension && fresh[i.key] !== undefined)) {
          fresh[held[0].key] = value;
        }
      }
    }
    // "不好意思打错了，是1900万" after 主营业务收入900万: a corrected sum said without the word for what it is replaces the
    // one earlier sum it can stand for (the one carried sum this turn does not fill).
    if (u.corrects) {
      const moneyKeys = new Set([...rule.inputs.filter((i) => i.dimension === 'money').map((i) => i.key),
        ...rule.thresholds.filter((t) => t.dimension === 'money').map((t) => t.input)]);
      const filled = new Set([...Object.values(fresh).map(String), ...[...freshSums.values()].flat().map((q) => yuanString(q.value))]);
      const unfilled = u.amounts.base.filter((q) => !filled.has(yuanString(q.value)));
      const open = Object.keys(carried).filter((key) => moneyKeys.has(key) && fresh[key] === undefined);
      const [figure] = unfilled;
      const [key] = open;
      if (unfilled.length === 1 && open.length === 1 && figure && key) fresh[key] = yuanString(figure.value);
    }
    const relabelled = (u.corrects || u.followUp) ? relabelledHeads(rule, carried, fresh, u) : null;
    if (relabelled) {
      Object.assign(fresh, relabelled.fresh);
      for (const key of Object.keys(carried)) delete carried[key];
      Object.assign(carried, relabelled.carried);
    } else if ((u.corrects || u.followUp) && !additive) {
      const dimensionOf = (key: string): string | undefined => rule.inputs.find((i) => i.key === key)?.dimension;
      // (A correction of one level's count, 技师是2名不是3名 after 2名高级工 and 3名技师, keeps the other levels: only
      // its own key changes. A level the earlier turn did not have, 是3个高级技师 after 3个技师, or the only counts that
      // stand, 淨係計返3個技師, replace them all.)
      const ownLevels = u.corrects && !u.countsOnlySaid && Object.keys(fresh).every((key) => dimensionOf(key) === 'money' || carried[key] !== undefined);
      const corrected = new Set(Object.keys(fresh).map(dimensionOf).filter((d) => d !== 'money'));
      if (!ownLevels) for (const key of Object.keys(carried)) if (corrected.has(dimensionOf(key))) delete carried[key];
    }
    const inputs: Inputs = { ...carried, ...fresh };
    fed.set(rule.id, inputs);
    // "又买了…": what this conversation already computed for the rule counts against its cap (yearly, or the
    // enterprise's own where the text gives no period), through the input the row declares for it.
    // (As the conversation stands: an award corrected since counts once, as corrected.)
    const earlier = standingAwards(awards).filter((a) => a.ruleId === rule.id).reduce((sum, a) => sum.plus(a.amount), new Decimal(0));
    const spentKey = rule.caps.some((c) => c.period === 'year') ? 'alreadyReceivedThisYear'
      : rule.caps.some((c) => c.per === 'enterprise') ? 'alreadyReceived' : null;
    const sameYear = additive && earlier.gt(0) && !namesOtherYear(u.text, previous?.subjectText ?? null) && spentKey !== null;
    const joined = sameYear && u.asksTotal ? joinedWithEarlier(rule, carried, fresh, sums, u) : null;
    if (joined) {
      // "两个加起来这一年能补多少": the year's total, on the figures together, the cap applied once; it replaces the
      // earlier award in what the conversation remembers.
      Object.assign(inputs, joined.inputs);
      sums = joined.sums;
      together.add(rule.id);
    } else if (sameYear && spentKey && acceptedInputs(rule).has(spentKey) && inputs[spentKey] === undefined) {
      inputs[spentKey] = yuanString(earlier);
      addsToEarlier.add(rule.id);
    } else if (earlier.gt(0) && anotherProject) {
      // "我们另一个项目…这个项目每年多少": a second project under a per-project cap is an award beside the first, its
      // cap its own.
      addsToEarlier.add(rule.id);
    }
    // Several figures for one input that the row computes one by one: projects under a per-project cap (两个项目 0.3亿 和
    // 6,000万), or the years of a yearly award (三年分别80万 120万 150万). Each its own line, then the 合计.
    const byFigures = separateFigures(rule, sums, u.text);
    const later = byFigures ? null : laterYears(rule, carried, u);
    const separate = byFigures ?? later;
    // (The years' lines replace the first year's award, and stand together: 三年加起来 adds them.)
    if (later) { together.add(rule.id); addsToEarlier.add(rule.id); }
    if (separate) {
      for (const { figures, label: part } of separate.groups) {
        const value = figures.reduce((sum, q) => sum.plus(q.value), new Decimal(0));
        const groupSums = figures.length > 1 ? new Map([[separate.key, figures]]) : new Map<string, Quantity[]>();
        const one = computeSubsidy(rule, { ...inputs, [separate.key]: yuanString(value) }, context);
        if (one.ok) results.push({ rule, calculation: one.calculation, missing: null, message: null, sums: groupSums, part, sharedCap: separate.sharedCap });
        else results.push({ rule, calculation: null, missing: rule.inputs.find((x) => x.key === one.error.field) ?? null, message: one.error.message, sums: new Map(), part });
      }
      continue;
    }
    // "收购了…关联方…" / "那家其实是关联方": a case the row's input excludes by its own words (notCues) does not
    // qualify; said so with the clause, never a question for the figure.
    const excluded = rule.inputs.find((i) => i.required && inputs[i.key] === undefined
      && i.notCues.some((w) => u.text.replaceAll(`非${w}`, '').includes(w) && rule.quote.includes(`非${w}`)));
    const excludedWord = excluded?.notCues.find((w) => u.text.replaceAll(`非${w}`, '').includes(w));
    if (excluded && excludedWord) {
      results.push({ rule, calculation: null, missing: null, sums, excluded: true,
        message: `不符合${rule.subject}的条件：您说的是${excludedWord}，而${ctx.clauseRef(rule.clauseId)}规定：“${rule.quote}”，只适用于非${excludedWord}，因此不能获得该奖励。${ctx.validityLine(rule.docId)}` });
      continue;
    }
    // "没有技改投资项目备案证": a condition the clause sets in words, said not to be met, does not qualify either.
    const lacking = rule.requirements.find((r) => saysLacking(u.text, r.words) && !r.unless.some((w) => u.text.includes(w) && !saysLacking(u.text, [w])));
    if (lacking) {
      results.push({ rule, calculation: null, missing: null, sums, excluded: true,
        message: `不符合${rule.subject}的条件：${ctx.clauseRef(lacking.clauseId)}要求“${lacking.quote}”，您所说的情况不满足“${lacking.label}”，因此不能获得该奖补。${ctx.validityLine(rule.docId)}` });
      continue;
    }
    const outcome = computeSubsidy(rule, inputs, context);
    if (outcome.ok && roughNote) outcome.calculation.notes.push(roughNote);
    if (outcome.ok && hedged.length) outcome.calculation.notes.unshift(`“${hedged.map((q) => q.text).join('、')}”是约数，按所说的数计算；实际金额按准确数字核定。`);
    // "工业企业跟商贸流通企业各多少": both classes; "两项奖励各多少，合计多少" asks the awards, not the classes.
    const modified = outcome.ok && EACH.test(u.text) && !u.asksTotal ? modifierInput(rule, inputs) : undefined;
    // (A fixed award's levels named and weighed, 两种情况分别…, 哪个奖得多: each level computed, compared, never added.)
    const weighedOptions = outcome.ok && (EACH.test(u.text) || asksWhichMore(u.text)) && !u.asksTotal ? namedOptions(rule, u.text) : [];
    // "高级工6人、技师4人…分别多少": each level its own line and figure, then the 合计 (only where no cap spans them).
    // (So are the shares of a fiscal increment where the question names them beside 分别, 省级那块和市级那块分别能返多少:
    // each share its line. 两项各奖多少 asks the awards, each share summed in its own.)
    const levels = rule.formula.type === 'per-head' ? rule.formula.levels.filter((l) => Number(inputs[l.key] ?? 0) > 0)
      : rule.formula.type === 'fiscal-share' && sharesAskedEach(rule, u.text) ? rule.formula.components.filter((c) => Number(inputs[c.key] ?? 0) > 0) : [];
    if (outcome.ok && EACH.test(u.text) && levels.length > 1 && rule.caps.length === 0) {
      for (const level of levels) {
        // (A share computed alone keeps the other inputs, the threshold's among them; only the other shares go.)
        const others = Object.fromEntries(Object.entries(inputs).filter(([k]) => !levels.some((l) => l.key === k)));
        const one = computeSubsidy(rule, { ...others, [level.key]: inputs[level.key] ?? 0 }, context);
        if (one.ok) results.push({ rule, calculation: one.calculation, missing: null, message: null, sums, part: level.label });
      }
    } else if (outcome.ok && weighedOptions.length >= 2) {
      // "可能拿中国质量奖提名奖，也可能只拿到广东省政府质量奖，两种情况分别最高能拿多少": each level one reading of the case.
      for (const key of weighedOptions) {
        const one = computeSubsidy(rule, { ...inputs, level: key }, context);
        const label = rule.formula.type === 'fixed' ? rule.formula.options.find((o) => o.key === key)?.label : undefined;
        if (one.ok) results.push({ rule, calculation: one.calculation, missing: null, message: null, sums, part: label, alternative: true });
      }
    } else if (outcome.ok && modified) {
      // "工业企业跟商贸流通企业的奖励各多少": the case computed without and with the modifier the message names.
      const modifier = rule.modifiers.find((m) => m.key === inputs[modified.key]);
      const plain = computeSubsidy(rule, Object.fromEntries(Object.entries(inputs).filter(([k]) => k !== modified.key)), context);
      if (plain.ok) results.push({ rule, calculation: plain.calculation, missing: null, message: null, sums, part: `非${modifier?.label ?? ''}`, alternative: true });
      results.push({ rule, calculation: outcome.calculation, missing: null, message: null, sums, part: modifier?.label, alternative: true });
    } else if (outcome.ok) {
      results.push({ rule, calculation: outcome.calculation, missing: null, message: null, sums });
    } else {
      results.push({ rule, calculation: null, missing: rule.inputs.find((i) => i.key === outcome.error.field) ?? null, message: outcome.error.message, sums });
    }
  }
  const computed = results.filter((r): r is Result & { calculation: Calculation } => r.calculation !== null);
  if (computed.length === 0 && results.length > 0 && results.every((r) => r.excluded)) {
    return { reply: plainReply('calculate', results.map((r) => r.message ?? '').join('\n'), ctx.citations(results.map((r) => r.rule.clauseId)), ['需要满足什么条件？']), remember: {} };
  }
  if (computed.length === 0) {
    // Asked of several regions with no figure yet (深圳、中山、东源…分别按多少比例奖): each region without the provision is
    // named too, before the question back.
    const asked = askForInput(results, rules, regionOpen, ctx);
    const without = regionsWithout(regions, new Set(rules.map((r) => ctx.regionOf(r.docId))), u, ctx, rules);
    if (!without.lines.length) return { reply: asked, remember: {} };
    return { reply: { ...asked, answer: `${asked.answer}\n\n${without.lines.join('\n\n')}`, citations: [...asked.citations, ...ctx.citations(without.clauses)] }, remember: {} };
  }
  const last = computed[computed.length - 1];
  const inputsNow: Inputs = { ...(last ? fed.get(last.rule.id) : {}), ...(last?.calculation.inputs ?? {}) };
  // Below a threshold the text sets: the provision does not apply, and the answer says so with the threshold clause.
  const regionRank = (r: { rule: SubsidyRule }) => { const i = regions.indexOf(ctx.regionOf(r.rule.docId) ?? ''); return i < 0 ? 99 : i; };
  const eligible = computed.filter((r) => r.calculation.eligible).sort((a, b) => regionRank(a) - regionRank(b));
  if (eligible.length === 0) return { reply: notEligible(computed, ctx), remember: { inputs: inputsNow } };
  // "500亿那档我们之前已经拿过了": a tier reached once, the award is not paid again for it, nor is there a tier above the top.
  const tiersBy = (tierOf: typeof tierAlreadyReceived) => eligible.map((r) => ({ rule: r.rule, tier: tierOf(r.rule, r.calculation, u),
    basis: reachedTier(r.rule, r.calculation)?.basis ?? new Decimal(0) }));
  const received = tiersBy(tierAlreadyReceived);
  if (received.every((x) => x.tier)) return { reply: tierReceived(received, ctx), remember: { inputs: inputsNow } };
  // "前年产值就过了100亿，去年掉到95亿，今年又回到108亿": a tier crossed in an earlier year is not crossed for the first
  // time (首次突破) again.
  const crossed = tiersBy(tierCrossedBefore);
  if (crossed.every((x) => x.tier)) return { reply: tierReceived(crossed, ctx, 'crossed'), remember: { inputs: inputsNow } };
  // "上一年对地方经济的贡献比行业平均低一点点": a condition the message itself says is not met, said so, no figure.
  const unmet = eligible.map((r) => ({ rule: r.rule, said: conditionSaidUnmet(r.rule.conditions, u.text) }));
  if (unmet.every((x) => x.said)) return { reply: conditionNotMet(unmet, ctx), remember: { inputs: inputsNow } };
  // Lines under one shared yearly cap count against the next turn's cap as their capped sum.
  const granted = eligible.map((r) => ({ ruleId: r.rule.id, amount: r.calculation.amount, sharedCap: r.sharedCap, calculation: toChatCalculation(r.calculation) }));
  const awardsNow = [...awards.filter((a) => !together.has(a.ruleId)),
    ...granted.filter((g) => !g.sharedCap).map(({ ruleId, amount, calculation }) => ({ ruleId, amount, added: addsToEarlier.has(ruleId), calculation })),
    ...[...new Set(granted.filter((g) => g.sharedCap).map((g) => g.ruleId))].map((ruleId) => {
      const lines = granted.filter((g) => g.ruleId === ruleId);
      const sum = lines.reduce((acc, g) => acc.plus(g.amount), new Decimal(0));
      const cap = new Decimal(lines[0]?.sharedCap?.amount ?? sum);
      return { ruleId, amount: yuanString(Decimal.min(sum, cap)), added: addsToEarlier.has(ruleId) };
    })];

  const regionsOf = new Set(eligible.map((r) => ctx.regionOf(r.rule.docId)));
  // No region said while the regions' rules differ: one question back, each region's standard beside it, no figure
  // (the figure would be a guess at where the enterprise is); the inputs wait for the answer.
  if (regionOpen && regionsOf.size > 1) return { reply: askRegion(eligible.map((r) => r.rule), ctx), remember: { inputs: inputsNow } };
  const comparing = regionsOf.size > 1;
  // Regions side by side are compared, not added, unless the message asks the total (one group's plants: 合计多少).
  // "要么申报省级绿色工厂，要么申报市级智能工厂，哪个奖得多": awards put as options for one enterprise, weighed: compared,
  // never added.
  const options = eligible.length > 1 && !comparing && !u.asksTotal && asksWhichMore(u.text) && OPTIONS.test(u.text);
  if (options) for (const r of eligible) r.alternative = true;
  const summing = eligible.length > 1 && (!comparing || u.asksTotal) && !ask.alternatives && !eligible.some((r) => r.alternative);
  const yearsBlock = (r: (typeof eligible)[number]) => overYears.get(r)?.steps.join('；') ?? '';
  let total: Decimal | null = null;
  let totalLine = '';
  // "租金补助每年最多多少、三年一共多少？全部加起来": an award whose own part asks its total over the clause's years gets
  // that total as a line of its own, and the 合计 counts it.
  const overYears = new Map(summing ? eligible.flatMap((r) => {
    const part = parts?.get(r.rule.id)?.text ?? '';
    const whole = YEARS_TOTAL.test(part) ? overDuration(r.rule, r.calculation) : null;
    return whole ? [[r, whole] as const] : [];
  }) : []);
  if (summing) {
    const counted = eligible.map((r) => overYears.get(r) ?? r.calculation);
    total = counted.reduce((sum, c) => sum.plus(c.amount), new Decimal(0));
    // (Each line gives its amount in whole 元 too, so does the 合计: a figure a hotline reads out digit by digit.)
    totalLine = `合计：${counted.map((c) => c.display).join(' + ')} = ${formatYuanWithExact(total)}（${eligible.some((r) => r.calculation.upperBound) ? '含上限金额，' : ''}各项分别审核）`;
    // Lines under one yearly cap (三个合同 under 每年最高300万): their 合计 is capped once.
    const shared = eligible[0]?.sharedCap;
    if (shared && eligible.every((r) => r.sharedCap === shared) && total.gt(shared.amount)) {
      totalLine = `合计：${eligible.map((r) => r.calculation.display).join(' + ')} = ${formatYuan(total)}；${capLabel(shared)}${formatYuan(new Decimal(shared.amount))}，合计超过上限，取 ${formatYuan(new Decimal(shared.amount))}`;
      total = new Decimal(shared.amount);
    }
  } else if ((u.asksTotal || YEARS_TOTAL.test(u.text) || asksEachYear(u.text)) && eligible.length === 1 && !together.size && !THIS_YEARS_TOTAL.test(u.text)) {
    // (A year's figures asked together, 两个加起来这一年, ask no total over the clause's years.)
    const only = eligible[0];
    const years = only?.rule.duration?.years;
    if (only && years) {
      total = new Decimal(only.calculation.amount).mul(years);
      totalLine = `合计：按每年金额相同、享受满${years}年计算，${years}年合计 ${only.calculation.display} × ${years} = ${formatYuan(total)}（${only.rule.duration?.meaning}；实际以各年核定为准）`;
    }
  }
  // Regions asked about whose documents give no rate, or no matching provision, are named, never dropped.
  const { lines: regionLines, clauses: regionClauses } = regionsWithout(regions, regionsOf, u, ctx, eligible.map((e) => e.rule));
  // "…能补多少？另外这个是哪个部门负责的": the department the clause names, in its words.
  const { lines: departments, clauseIds: departmentClauses } = departmentLines(eligible.map((e) => e.rule), u.text, ctx);
  // "…钱从哪个资金里出": the fund the document pays it from, in its words.
  const { lines: funds, clauseIds: fundClauses } = fundingLines(eligible.map((e) => e.rule), u.text, ctx);
  // Documents named by year ("2014年那个意见和2018年的行动计划") are each answered, those with no rates included.
  const namedDocs = namedDocuments(u.text, regions, ctx);
  if (namedDocs.length > 1) {
    for (const docId of namedDocs.filter((id) => !eligible.some((r) => r.rule.docId === id))) {
      const noRates = ctx.rules.nonQuantitative.find((n) => n.docId === docId);
      const doc = ctx.corpus.documentById.get(docId);
      // (Not twice: a place named beside it says its document's statement in its own block already.)
      if (!noRates || !doc || regionLines.some((line) => line.includes(noRates.statement))) continue;
      regionLines.push(`【${doc.shortTitle}】${noRates.statement}无法计算金额。${ctx.validityLine(docId)}`);
      regionClauses.push(...noRates.clauseIds);
    }
  }
  const readings = ask.alternatives && !comparing && eligible.length > 1;
  // Regions with two readings of the one figure (中山 设备: 技术改造 or 工作母机) say so in the head.
  // (Labelled by region where other regions' lines stand beside it, one computed too: 【六安市·…】 beside 【中山市】.)
  const blocks = eligible.map(({ rule, calculation, sums, part }) => describeCalculation(rule, calculation, eligible.length > 1 || regionLines.length > 0, sums, ctx, part));
  const readRegions = ask.alternatives && comparing
    ? [...regionsOf].filter((r) => eligible.filter((x) => ctx.regionOf(x.rule.docId) === r).length > 1) : [];
  const head = comparing || regionLines.length
    ? `按不同地区的政策分别计算${readRegions.length ? `（${readRegions.join('、')}的几项是同一笔金额的不同情形，只适用其中一种，不相加）` : ''}：`
    : summing ? '您问到的几项分别计算如下：'
      : readings ? '同一笔金额按不同情形分别计算（只适用其中一种，不相加），请按实际情况对应：'
        : eligible.length > 1 && eligible.every((r) => r.alternative) ? '按不同情形分别计算（只适用其中一种，不相加）：' : '';
  // "边度补得多啲", "哪个划算": which place gives more, where each place's awards are one case (no alternatives); or which
  // option, where they are options weighed.
  const optionName = (r: (typeof eligible)[number]) => r.part ?? r.calculation.steps[0]?.split("：")[0] ?? r.rule.subject;
  const verdict = comparing && !readRegions.length && asksWhichMore(u.text)
    ? morePlaceVerdict(eligible.map((r) => ({ place: ctx.regionOf(r.rule.docId) ?? '', amount: r.calculation.amount, ceiling: r.calculation.upperBound })))
    : !comparing && eligible.length > 1 && eligible.every((r) => r.alternative) && asksWhichMore(u.text)
      ? morePlaceVerdict(eligible.map((r) => ({ place: optionName(r), amount: r.calculation.amount, ceiling: r.calculation.upperBound }))) : '';
  const publicCalc = eligible.flatMap((r) => { const y = overYears.get(r); return y ? [r.calculation, y] : [r.calculation]; }).map(toChatCalculation);
  const many = publicCalc.length > 1;
  const reply: AssistantReply = {
    intent: comparing || regionLines.length ? 'compare' : summing ? 'sum' : 'calculate',
    answer: [head, ...blocks.map((b, i) => { const r = eligible[i]; const y = r ? yearsBlock(r) : ''; return y ? `${b}\n${y}` : b; }), totalLine, verdict && `比较：${verdict}`, ...regionLines, ...departments, ...funds].filter(Boolean).join('\n\n'),
    citations: ctx.citations(eligible.map((r) => r.rule.clauseId).concat(eligible.flatMap((r) => r.rule.thresholds.map((t) => t.clauseId)),
      eligible.flatMap((r) => clausesNoted(r.rule, ctx)), regionClauses, departmentClauses, fundClauses)),
    calculation: many ? publicCalc : (publicCalc[0] ?? null),
    total: total ? yuanString(total) : null,
    suggestions: comparing ? eligible.map((r) => `只看${ctx.regionOf(r.rule.docId)}`) : followUpSuggestions(eligible[0]?.rule, ctx),
  };
  return { reply, remember: { inputs: inputsNow, awards: awardsNow } };
}

// Options put for one enterprise (要么…要么, 或者, 还是, 可能拿…也可能…): weighed, one of them applies.
const OPTIONS = /(要么|或者|还是|二选一|选哪|可能)/;

/**
 * The document's gate (rules file `documentGate`: 六安's 固定资产投资200万元以上 to enter the project library, the
 * precondition of its awards) that the message's figures fall short of: said also of the measures it names without a
 * rate, since they are awards of the same document. Null where the document has no gate or it is met.
 */
export function documentGateNotMet(docIds: readonly string[], u: Understanding, ctx: HandlerContext): { sentence: string; clauseId: string } | null {
  for (const docId of new Set(docIds)) {
    const through = gateThroughRow(docId, ctx);
    if (!through) continue;
    const { gate, row: gated } = through;
    const outcome = computeSubsidy(gated, inputsFor(gated, u).inputs, calculatorContext(ctx));
    const short = outcome.ok ? outcome.calculation.shortOf : null;
    if (!outcome.ok || !short) continue;
    const threshold = gate.thresholds.find((t) => t.clauseId === short.clauseId) ?? gate.thresholds[0];
    const below = outcome.calculation.steps.filter((x) => x.includes('低于门槛')).join('，');
    return { sentence: `另外，${below}，不符合条件：${short.consequence}（${ctx.clauseRef(short.clauseId)}：“${threshold?.quote ?? ''}”）。`, clauseId: short.clauseId };
  }
  return null;
}

function levelNotInText(unset: { rule: SubsidyRule; level: string }[], ctx: HandlerContext): AssistantReply {
  const lines = unset.map(({ rule, level }) => `${ctx.regionOf(rule.docId)}的文件没有规定${level}${rule.subject}的奖励，它规定的是：${ruleHeadline(rule)}`
    + `（${ctx.clauseRef(rule.clauseId)}：“${rule.quote}”）。${ctx.validityLine(rule.docId)}`);
  return plainReply('calculate', `${lines.join('\n')}\n${unset[0]?.level ?? ''}的奖励属于其他层级的政策，收录的文件中没有。`,
    ctx.citations(unset.map((x) => x.rule.clauseId)), unset.map((x) => `${x.rule.subject}需要满足什么条件？`));
}

/** The provision does not apply: which threshold the inputs fall short of, quoted, with no figure. */
// Said after a tier's figure: that tier's award was received already (500亿那档我们之前已经拿过了).
const TIER_RECEIVED = /^[^，。；;？?]{0,8}(已经|之前|以前|早就|去年)?[^，。；;？?]{0,6}(拿过|领过|获得过|拿到过|奖过|拿了|领了)/;

/** A tiered row's basis as computed and the highest tier it reaches; null for other rows or where none is reached. */
function reachedTier(rule: SubsidyRule, calculation: Calculation): { basis: Decimal; reached: Decimal } | null {
  if (rule.formula.type !== 'tiered') return null;
  const basis = new Decimal(calculation.inputs[rule.formula.basis] ?? 0);
  const reached = rule.formula.tiers.map((t) => new Decimal(t.threshold)).filter((t) => basis.gte(t)).reduce<Decimal | null>((top, t) => (!top || t.gt(top) ? t : top), null);
  return reached ? { basis, reached } : null;
}

/**
 * The tier of a tiered row the calculation reached, where the message says its award was received already (500亿那档
 * 我们之前已经拿过了): the tier's threshold, or null. Each tier is awarded once, on first crossing it.
 */
function tierAlreadyReceived(rule: SubsidyRule, calculation: Calculation, u: Understanding): Decimal | null {
  const reached = reachedTier(rule, calculation)?.reached;
  if (!reached) return null;
  // (What is said of a figure ends where the next figure starts: 100亿 50亿那档拿过了 received 50亿's, not 100亿's.)
  const saidOf = (q: Quantity) => u.text.slice(q.end, Math.min(...u.quantities.filter((p) => p.start >= q.end).map((p) => p.start), u.text.length));
  const said = u.quantities.some((q) => q.kind === 'money' && q.value.eq(reached) && TIER_RECEIVED.test(saidOf(q)));
  return said ? reached : null;
}

// Said before a figure: an earlier year in which it was reached (前年产值就过了100亿, 2019年就突破了50亿).
const EARLIER_YEAR_REACHED = /(前年|去年|上年|之前|以前|早在|早就|(?:19|20)\d{2}年)[^，,。；;]{0,10}(就|已经|曾经?)?[^，,。；;]{0,4}(过了|突破|超过|达到|破了|到了|冲过|过)\s*$/;

/**
 * The tier of a tiered row the calculation reached (首次突破…), where the message says a figure at or above it was
 * reached in an earlier year: not the first time, so no award for it. Null otherwise.
 */
function tierCrossedBefore(rule: SubsidyRule, calculation: Calculation, u: Understanding): Decimal | null {
  const tier = [rule.quote, ...rule.conditions].some((c) => c.includes('首次')) ? reachedTier(rule, calculation) : null;
  if (!tier) return null;
  const { basis, reached } = tier;
  // (Said of the year of the case itself, 去年年产值第一次突破100亿，做到103亿, it is the first time: only an earlier year
  // beside this year's figure, 今年又回到108亿, is one before.)
  const before = /(今年|本年|这一年|现在)/.test(u.text) && u.quantities.some((q) => {
    const said = u.text.slice(Math.max(0, q.start - 20), q.start);
    return q.kind === 'money' && q.value.gte(reached) && !q.value.eq(basis) && EARLIER_YEAR_REACHED.test(said) && !/(第一次|首次|头一次|头回)/.test(said);
  });
  return before ? reached : null;
}

/**
 * Tiers already received (or, `crossed`, reached in an earlier year): no second award for them, and the top tier is the
 * last (1000亿 is no tier of 中山's).
 */
function tierReceived(received: { rule: SubsidyRule; tier: Decimal | null; basis: Decimal }[], ctx: HandlerContext, why: 'received' | 'crossed' = 'received'): AssistantReply {
  const lines = received.map(({ rule, tier, basis }) => {
    const tiers = rule.formula.type === 'tiered' ? rule.formula.tiers : [];
    const top = tiers.at(-1);
    const gotten = why === 'crossed'
      ? `按您所说，此前年份已经突破${formatYuan(tier ?? new Decimal(0))}，今年不是“首次突破”这一档，不能获得这一档的奖励（每一档只在首次突破时奖励一次）。`
      : `按您所说，突破${formatYuan(tier ?? new Decimal(0))}这一档的奖励已经获得过，${rule.subject}每一档只奖励一次，不能再获奖励。`;
    // Asked of a figure above the top tier (1000亿): the text has no such tier, said first.
    const beyond = top && tier?.eq(top.threshold) && basis.gt(top.threshold)
      ? `文件没有突破${formatYuan(basis)}这一档：最高一档是突破${formatYuan(new Decimal(top.threshold))}（奖励${formatYuan(new Decimal(top.amount))}）。` : '';
    return `${beyond}${gotten}${ctx.clauseRef(rule.clauseId)}规定：“${rule.quote}”。${ctx.validityLine(rule.docId)}`;
  });
  return plainReply('calculate', lines.join('\n'), ctx.citations(received.map((x) => x.rule.clauseId)), ['需要满足什么条件？']);
}

/** Words that say a figure falls short of a standard (低于, 不到, 没达到, 比…低). */
const FALLS_SHORT = /(低于|不到|没到|没达到|未达到|达不到|不及|不如|比[^，。；;]{0,20}(低|少|差))/;

/**
 * The condition of a row that sets a floor (上一年对地方经济贡献不低于企业所属行业全市平均水平) which the message says its case
 * falls short of (比我们行业全市平均水平低一点点): the condition, or null. The standard is found in the message by the
 * last words of the condition's own (平均水平), the shortfall within the same stretch of the message.
 */
function conditionSaidUnmet(conditions: readonly string[], text: string): string | null {
  for (const condition of conditions) {
    const standard = /不低于([^，。；;]+)/.exec(condition)?.[1];
    if (!standard) continue;
    // The longest stretch of the standard's words (4 to 2 characters, its end first) that the message says.
    const key = [4, 3, 2].flatMap((n) => Array.from({ length: Math.max(0, standard.length - n + 1) }, (_, i) => standard.slice(standard.length - n - i, standard.length - i)))
      .find((k) => text.includes(k));
    if (!key) continue;
    const stretches = text.split(/[，,。；;！!？?]/).filter((x) => x.includes(key));
    if (stretches.some((x) => FALLS_SHORT.test(x) && !/(不低于|没有低于|并不低于|不比)/.test(x))) return condition;
  }
  return null;
}

/** Each provision whose condition the message says is not met: the condition in the row's words, and the clause. */
function conditionNotMet(unmet: { rule: SubsidyRule; said: string | null }[], ctx: HandlerContext): AssistantReply {
  const lines = unmet.map(({ rule, said }) =>
    `按您所说，不符合${rule.subject}的条件“${said ?? ''}”，不能获得该奖励。${ctx.clauseRef(rule.clauseId)}规定：“${rule.quote}”。${ctx.validityLine(rule.docId)}`);
  return plainReply('calculate', lines.join('\n'), ctx.citations(unmet.map((x) => x.rule.clauseId)), ['需要满足什么条件？']);
}

function notEligible(computed: { rule: SubsidyRule; calculation: Calculation }[], ctx: HandlerContext): AssistantReply {
  const lines = computed.map(({ rule, calculation }) => {
    const short = calculation.shortOf;
    const threshold = rule.thresholds.find((t) => t.clauseId === short?.clauseId && t.label === short?.label);
    const below = calculation.steps.filter((x) => x.includes('低于门槛'));
    return `不符合${rule.subject}的条件：${below.join('，')}，${short?.consequence ?? '不能享受'}。${threshold ? `${ctx.clauseRef(threshold.clauseId)}规定：“${threshold.quote}”。` : ''}${ctx.validityLine(rule.docId)}`;
  });
  const clauses = computed.flatMap(({ rule }) => [...rule.thresholds.map((t) => t.clauseId), rule.clauseId]);
  return plainReply('calculate', lines.join('\n'), ctx.citations(clauses), ['需要满足什么条件？']);
}

/** Where a figure said roughly lies: 在800万元到900万元之间, or 在1亿元以上 for a mark passed (过亿). */
function rangeSaid(q: Quantity): string {
  return q.below?.isFinite() === false ? `在${formatYuan(q.value)}以上` : `在${formatYuan(q.value)}到${formatYuan(q.below ?? q.value)}之间`;
}

/**
 * The regions asked about (two or more) that the provisions computed do not cover: each one's statement that its
 * documents give no rate, the measures they name without one, or that they have no such provision.
 */
function regionsWithout(regions: readonly string[], covered: ReadonlySet<string | undefined>, u: Understanding, ctx: HandlerContext,
  asked: readonly SubsidyRule[]): { lines: string[]; clauses: string[] } {
  const lines: string[] = [];
  const clauses: string[] = [];
  if (regions.length < 2) return { lines, clauses };
  for (const region of regions.filter((r) => !covered.has(r))) {
    // (A document of the region named by its year, 中山2018年那个行动计划有没有对应的奖励, is the one asked.)
    const byYear = namedDocuments(u.text, [region], ctx);
    const docIds = byYear.length ? byYear : ctx.documentsFor([region]).map((d) => d.id);
    const noRates = ctx.rules.nonQuantitative.filter((n) => docIds.includes(n.docId));
    const unrated = unratedFor(docIds, u.text, ctx);
    // (A region with rates elsewhere, 中山 2018 beside 中山 2014, first says what its documents say of the subject.)
    const mention = unrated.length ? null : mentionWithoutRate(docIds, asked, ctx);
    if (noRates.length && (noRates.length === docIds.length || !mention)) {
      // The measure asked about, where the text names it without a rate (深圳 （六） 企业技术中心), before the statement.
      const named = unrated.map((m) => unratedSentence(m, ctx)).join('');
      lines.push(`【${region}】${named}${noRates.map((n) => n.statement).join('')}无法计算金额。${docIds.map((id) => ctx.validityLine(id)).join('')}`);
      clauses.push(...unrated.map((m) => m.clauseId), ...noRates.flatMap((n) => n.clauseIds));
    } else if (unrated.length) {
      const gate = documentGateNotMet(unrated.map((m) => m.docId), u, ctx);
      lines.push(`【${region}】${unrated.map((m) => unratedSentence(m, ctx)).join('')}无法计算金额。${gate?.sentence ?? ''}${[...new Set(unrated.map((m) => m.docId))].map((id) => ctx.validityLine(id)).join('')}`);
      clauses.push(...unrated.map((m) => m.clauseId), ...(gate ? [gate.clauseId] : []));
    } else {
      // (What the region does award instead, 六安's fixed awards for recognised projects, follows: never silence.)
      const instead = awardsInstead(docIds, ctx);
      if (mention) {
        lines.push(`【${region}】${ctx.clauseRef(mention.clauseId)}提到：“${mention.sentence}”，但没有规定补贴比例或金额，无法计算金额。${instead?.line ?? ''}${ctx.validityLine(mention.docId)}`);
        clauses.push(mention.clauseId);
      } else lines.push(`【${region}】收录的${region}文件中没有与此对应的补贴条款。${instead?.line ?? ''}${docIds.map((id) => ctx.validityLine(id)).join('')}`);
      clauses.push(...(instead?.clauseIds ?? []));
    }
  }
  return { lines, clauses };
}

/**
 * "东源厂也评上了省级绿色工厂，东源那边给多少": a subject other places' provisions award (六安's 绿色工厂), asked as an
 * amount of one region whose documents set none for it: said so first, then what its documents do say of the subject.
 * (Null where they name it as a measure without a rate: that answer is `unrated`'s.)
 */
export function noAmountInRegion(region: string, u: Understanding, elsewhere: readonly SubsidyRule[], ctx: HandlerContext): AssistantReply | null {
  const docIds = ctx.documentsFor([region]).map((d) => d.id);
  if (!elsewhere.length || unratedFor(docIds, u.text, ctx).length) return null;
  const mention = mentionWithoutRate(docIds, elsewhere, ctx);
  const subjects = [...new Set(elsewhere.map((r) => r.subject))].join('、');
  if (!mention) {
    // (Nothing said of it there: what the region's documents do award follows, where they are few.)
    const instead = awardsInstead(docIds, ctx);
    return plainReply('lookup', `收录的${region}文件没有关于${subjects}的奖励或补贴规定，无法计算金额。${instead?.line ?? ''}${docIds.map((id) => ctx.validityLine(id)).join('')}`,
      ctx.citations(instead?.clauseIds ?? []), []);
  }
  const answer = `收录的${region}文件没有规定${subjects}的奖励或补贴金额，无法计算金额。\n`
    + `${ctx.clauseRef(mention.clauseId)}提到：“${mention.sentence}”，但没有规定补贴比例或金额。${ctx.validityLine(mention.docId)}`;
  return plainReply('lookup', answer, ctx.citations([mention.clauseId]), []);
}

/**
 * Where a region's documents speak of the subject asked without a rate of their own (中山 三、（五） names 绿色工厂 beside
 * 六安's award for it): the first clause whose text says one of the asked provisions' own words, and its sentence.
 */
function mentionWithoutRate(docIds: readonly string[], asked: readonly SubsidyRule[], ctx: HandlerContext): { clauseId: string; docId: string; sentence: string } | null {
  // (Two-character words, 设备 or 平台, are said in passing by many clauses: only the provision's longer terms count.)
  const words = [...new Set(asked.flatMap((r) => r.vocabulary.triggers).filter((t) => t.length >= 4))];
  // A clause headed by the word (三、（六）推进“工业互联网+”) before one that says it in passing.
  const items = ctx.corpus.clauses.filter((c) => docIds.includes(c.docId) && c.kind === 'item');
  const headed = (c: (typeof items)[number]) => words.some((w) => c.title.includes(w));
  // (A target's bullet last, where no item says it: 中山2018 speaks of 企业技术中心 only in 一、——创新能力明显增强.)
  const bullets = ctx.corpus.clauses.filter((c) => docIds.includes(c.docId) && c.kind === 'bullet');
  for (const clause of [...items.filter(headed), ...items.filter((c) => !headed(c)), ...bullets]) {
    // (Not its heading, （六）推进“工业互联网+”: the sentence that says what is done.)
    const sentence = sentencesOf(clauseBody(clause.text)).find((x) => words.some((w) => x.includes(w)));
    if (sentence) return { clauseId: clause.id, docId: clause.docId, sentence: sentence.replace(/[。；]$/, '') };
  }
  return null;
}

/** Which region: each candidate region's provision with its headline standard and clause, the regions as chips. */
function askRegion(rules: SubsidyRule[], ctx: HandlerContext): AssistantReply {
  const regions = [...new Set(rules.map((r) => ctx.regionOf(r.docId) ?? ''))];
  const lines = rules.map((r) => `· ${ctx.regionOf(r.docId)}：${r.subject}，${ruleHeadline(r)}（${ctx.clauseRef(r.clauseId)}）`);
  return plainReply('calculate', `各地标准不同，请问企业在哪个地区（${regions.join('、')}）？\n${lines.join('\n')}`,
    ctx.citations(rules.map((r) => r.clauseId)), regions.map((r) => `在${r}`));
}

/** Nothing could be computed: say what the rule grants, then ask for the first missing input with its chips. */
function askForInput(results: { rule: SubsidyRule; missing: RuleInput | null; message: string | null }[], rules: SubsidyRule[], regionOpen: boolean,
  ctx: HandlerContext): AssistantReply {
  const first = results[0];
  const question = first?.missing?.ask ?? first?.message ?? '请补充计算所需的信息。';
  const subject = rules.map((r) => `${ctx.regionOf(r.docId)}·${r.subject}`).join('、');
  const regionHint = regionOpen ? `（${[...new Set(rules.map((r) => ctx.regionOf(r.docId)))].join('、')}的标准不同，也请说明企业所在地区）` : '';
  const only = rules.length === 1 ? rules[0] : undefined;
  // Several provisions asked without a figure (东源和中山买设备 哪边比例高 封顶多少): each one's standard first.
  const threshold = only ? thresholdsSentence(only) : null;
  const grant = only ? `有。${ctx.clauseRef(only.clauseId)}规定：“${only.quote}”。${threshold ? `门槛：${threshold}。` : ''}${ctx.validityLine(only.docId)}`
    : `各项标准：\n${rules.map((r) => `· ${ctx.regionOf(r.docId)}·${r.subject}：${ruleHeadline(r)}（${ctx.clauseRef(r.clauseId)}）`).join('\n')}\n`;
  const regions = [...new Set(rules.map((r) => ctx.regionOf(r.docId)))];
  const chips = first?.missing?.chips.length ? first.missing.chips : ['100万', '200万', '500万'];
  return plainReply('calculate', `${grant}${only ? '\n' : ''}要计算${subject}的补贴，还需要知道：${question}${regionHint}`,
    ctx.citations(rules.map((r) => r.clauseId)), regions.length > 1 ? [...chips.slice(0, 2), ...regions.map((r) => `在${r}`)] : chips);
}

/** One award's block: the figure, the steps (sums of several quantities first), the clause, conditions and notes. */
function describeCalculation(rule: SubsidyRule, c: Calculation, several: boolean, sums: Map<string, Quantity[]>, ctx: HandlerContext, part?: string): string {
  const verb = c.upperBound ? '最高可获' : '可获';
  const region = several ? `【${ctx.regionOf(rule.docId)}·${rule.subject}${part ? `·${part}` : ''}】` : '';
  const added = [...sums].map(([key, qs]) => `${rule.inputs.find((i) => i.key === key)?.label ?? key}合计 ${qs.map((q) => q.text).join(' + ')} = ${formatYuan(qs.reduce((sum, q) => sum.plus(q.value), new Decimal(0)))}`);
  const headline = c.amount === '0' ? `${region}按规则计算为0元。` : `${region}${verb}${c.display}（${c.displayYuan}）。`;
  const lines = [
    headline,
    `计算：${[...added, ...c.steps].join('；')}`,
    `依据：${ctx.clauseRef(rule.clauseId)}：“${rule.quote}”`,
    `条件：${numbered(c.conditions)}`,
    `提示：${c.notes.join('')}`,
  ];
  return lines.join('\n');
}

/** What a caller asks after an amount: the conditions, the same provision elsewhere, the validity. */
function followUpSuggestions(rule: SubsidyRule | undefined, ctx: HandlerContext): string[] {
  if (!rule) return [];
  // Another region with a provision sharing this one's words (设备 in 中山 and 东源): the comparison a caller asks next.
  const region = ctx.regionOf(rule.docId);
  const kin = ctx.rules.rules.find((r) => ctx.regionOf(r.docId) !== region
    && r.vocabulary.triggers.some((t) => rule.vocabulary.triggers.includes(t)));
  const kinRegion = kin ? ctx.regionOf(kin.docId) : undefined;
  const other = kinRegion ? `换成${kinRegion.replace(/[市县]$/, '')}呢？` : '还有哪些奖励？';
  return ['需要满足什么条件？', other, '这个政策还有效吗？'];
}

/** The clauses of its own document a row's reading notes quote by label (“…”（四、（三））按本条计算): the answer prints them. */
function clausesNoted(rule: SubsidyRule, ctx: HandlerContext): string[] {
  return ctx.corpus.clauses.filter((c) => c.docId === rule.docId && c.id !== rule.clauseId && rule.readingNotes.some((n) => n.includes(`（${c.label}）`))).map((c) => c.id);
}
