import { findQuantities, type Quantity } from './quantities.js';
import { findRegions } from './regions.js';

export const INTENTS = ['greeting', 'help', 'calculate', 'sum', 'compare', 'lookup', 'overview', 'document_facts', 'validity', 'not_covered', 'out_of_scope'] as const;
export type Intent = (typeof INTENTS)[number];

/** What a message says, read deterministically: intent cues, regions, quantities and the roles of its amounts. */
export interface Understanding {
  text: string;
  /** The intent the words alone suggest; the assistant refines it with the rules table and retrieval. */
  cue: Intent | null;
  asksAmount: boolean;
  regions: string[];
  uncoveredPlaces: string[];
  quantities: Quantity[];
  /** Money by role: the base of the calculation, what was already received this year, fiscal-share increments. */
  amounts: { base: Quantity[]; alreadyReceived: Quantity | null; provincial: Quantity | null; city: Quantity | null; county: Quantity | null; claimed: Quantity[] };
  /** The message supplies a calculator input (an amount, headcount, area, months or count). */
  suppliesInputs: boolean;
  /** Words that pick an option of a fixed award: 省级 → provincial … */
  level: string | null;
  commerce: boolean;
  projectType: string | null;
  /** "换成/那…呢" style follow-up that changes one thing. */
  followUp: boolean;
  /** Text that tries to instruct the assistant (ignore rules, set a rate): noted, never obeyed. */
  injection: boolean;
}

const GREETING = /^(你好|您好|hi|hello|嗨|在吗|早上好|下午好|晚上好)[！!。.\s]*$/i;
const HELP = /(你能做什么|能帮我什么|怎么用|帮助|help|有哪些功能|你是谁)/i;
const ASKS_AMOUNT = /(多少|怎么补|补不补|有没有补|几成|几个点|能补|能拿|能领|补贴|补助|资助|奖补|奖励|扶持资金|算一下|计算|how much|subsid)/i;
const COMPARE = /(和|与|跟|vs|对比|比较|各补|各自|分别|哪个多|哪边)/i;
const VALIDITY = /(有效|过期|失效|到期|还能申请|还能用|现行|执行期|征求意见稿|正式|草案|还算数|还管用)/;
const FOLLOW_UP = /^(那|如果|换成|改成|要是|假如|再|那如果)|呢[？?]?$/;
const INJECTION = /(忽略|无视|ignore|forget|disregard|不要管|你的规则|system prompt|系统提示|假设比例|比例是\d|rate is)/i;
// Asking about money: a subsidy word or a question about a sum (补多少, 多少钱).
const MONEY_WORD = /(补|奖|资助|扶持|钱|拿|领|给|how much|subsid|grant)/i;
// "多少个/多少家" asks a count (targets), not a subsidy amount.
const COUNT_QUESTION = /多少(个|家|项|名|台|条|年|亩)/;
// Questions about what a document says, not about a sum.
const LOOKUP_QUESTION = /(目标|任务|指标|怎么规定|如何规定|是什么|什么意思|指什么|有哪些|包括|哪些内容|谁负责|哪个部门|由谁)/;
// An amount the message asserts as the subsidy itself ("补贴是500万"): never a calculation base.
const CLAIMED = /(补贴|补助|奖励|资助|奖补|扶持)(就|应该|应当)?(是|为|有|给)$/;
const ALREADY = /(已经?(拿|领|获|收到|得到|享受)|拿了|领了|获得了|收到了|今年.{0,4}(拿|领)过)/;

/** Policy vocabulary: a message with none of these words (and no region) is out of the corpus's scope. */
const DOMAIN = /(技改|技术改造|补|奖|资助|扶持|政策|文件|条款|企业|设备|工作母机|机床|项目|平台|厂房|租金|人才|技师|高级工|并购|兼并|重组|收购|产值|质量|名牌|品牌|智能|工厂|车间|中心|工业|互联网|上云|制造|目标|领导|负责|用地|土地|融资|贷款|基金|税|财政|入库|项目库|六化|申请|条件|门槛|征求意见|有效|过期|绿色|节能|机器换人|机器人|示范|卓越绩效|ISO|subsid|grant|factory|machine|robot|policy|M&A)/i;

function cueBefore(text: string, q: Quantity): string {
  const before = text.slice(0, q.start);
  const clauseStart = Math.max(...['，', ',', '。', '；', '、'].map((d) => before.lastIndexOf(d)));
  return before.slice(clauseStart + 1);
}

function levelOf(text: string): string | null {
  if (/提名/.test(text)) return 'china-nomination';
  if (/中国质量奖/.test(text)) return 'china';
  if (/(全国|国家级)/.test(text)) return 'national';
  if (/(广东省|省政府|省质量奖)/.test(text) && /质量奖/.test(text)) return 'guangdong';
  if (/(广东省|省级).{0,6}品牌/.test(text)) return 'guangdong';
  if (/(中山市|市政府).{0,3}质量奖/.test(text)) return 'zhongshan';
  if (/省级|省里|省认定/.test(text)) return 'provincial';
  if (/市级|市里|市认定/.test(text)) return 'city';
  return null;
}

export function understand(text: string): Understanding {
  const trimmed = text.trim();
  const { covered, uncovered } = findRegions(trimmed);
  const quantities = findQuantities(trimmed);
  const amounts: Understanding['amounts'] = { base: [], alreadyReceived: null, provincial: null, city: null, county: null, claimed: [] };
  for (const q of quantities.filter((x) => x.kind === 'money')) {
    const cue = cueBefore(trimmed, q);
    if (CLAIMED.test(cue)) amounts.claimed.push(q);
    else if (ALREADY.test(cue)) amounts.alreadyReceived = q;
    else if (/省级/.test(cue)) amounts.provincial = q;
    else if (/(地市级|市级)/.test(cue)) amounts.city = q;
    else if (/县级/.test(cue)) amounts.county = q;
    else amounts.base.push(q);
  }
  const asksAmount = amounts.base.length > 0 ||
    (ASKS_AMOUNT.test(trimmed) && MONEY_WORD.test(trimmed) && !COUNT_QUESTION.test(trimmed) && !LOOKUP_QUESTION.test(trimmed));
  let cue: Intent | null = null;
  if (GREETING.test(trimmed)) cue = 'greeting';
  else if (HELP.test(trimmed)) cue = 'help';
  else if (VALIDITY.test(trimmed) && !amounts.base.length) cue = 'validity';
  else if (covered.length > 1 && COMPARE.test(trimmed)) cue = 'compare';
  else if (!DOMAIN.test(trimmed) && covered.length === 0 && quantities.length === 0) cue = 'out_of_scope';
  return {
    text: trimmed, cue, asksAmount, regions: covered, uncoveredPlaces: uncovered, quantities, amounts,
    suppliesInputs: amounts.base.length > 0 || quantities.some((q) => ['headcount', 'area', 'months', 'count'].includes(q.kind)),
    level: levelOf(trimmed), commerce: /(商贸|流通|批发|零售)/.test(trimmed),
    projectType: /信息化/.test(trimmed) ? '信息化' : /创新化/.test(trimmed) ? '创新化' : null,
    followUp: FOLLOW_UP.test(trimmed), injection: INJECTION.test(trimmed),
  };
}
