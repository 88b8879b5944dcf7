/**
 * Policy vocabulary: each group lists words that callers use interchangeably with the documents' own terms.
 * A query token found in a group is expanded to the whole group (lexical retrieval only).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['补贴', '补助', '资助', '奖补', '奖励', '扶持', '扶持资金', '以奖代补', '补', 'subsidy', 'subsidies', 'grant', 'grants',
    'reward', 'rewards', 'award', 'awards', 'incentive', 'incentives', 'support'],
  ['并购', '兼并', '重组', '兼并重组', '并购重组', '收购', 'm&a', 'merger', 'mergers', 'acquisition', 'acquisitions'],
  ['工作母机', '母机', '机床', '数控机床', 'machine tool', 'machine tools', 'machine', 'cnc'],
  ['机器换人', '工业机器人', '机器人', '自动化', 'robot', 'robots', 'automation'],
  ['购买', '购置', '采购', '买', '购买价格', '设备购置额', 'buy', 'buying', 'purchase', 'purchasing'],
  ['设备', '装备', '设备更新', 'equipment'],
  ['技术改造', '技改', '改造', 'technical upgrading', 'technology upgrading', 'technical renovation', 'upgrade', 'upgrading',
    'renovation', 'retrofit'],
  ['工业互联网', '上云', '登云', '云化', '上平台', 'iot', 'cloud', 'internet'],
  ['人工智能', 'ai'],
  ['智能制造', '智能车间', 'smart manufacturing', 'intelligent manufacturing'],
  ['智能工厂', 'smart factory', 'smart factories'],
  ['数字化车间', 'digital workshop', 'digital workshops'],
  ['绿色工厂', 'green factory', 'green factories'],
  ['绿色制造', '节能', '清洁生产', 'green manufacturing', 'energy saving'],
  ['技能人才', '技师', '高级技师', '高级工', '技工', '人才', '培训', 'skilled workers', 'technicians', 'talent', 'training'],
  ['租金', '房租', '租赁', '租', 'rent'],
  ['厂房', '闲置厂房', '场地', 'idle factory', 'idle plant', 'factory building', 'premises'],
  ['用地', '土地', '拿地', '供地', 'land'],
  ['贷款', '融资', '信贷', '金融', '贴息', 'loan'],
  ['产值', '年产值', '营业收入', '主营业务收入', 'output value', 'annual output'],
  // (Revenue is the enterprise's 营业收入, a threshold's figure, not the 年产值 of the output awards.)
  ['主营业务收入', '营业收入', 'revenue', 'sales revenue', 'turnover'],
  ['质量奖', '中国质量奖', '政府质量奖', 'quality award', 'quality awards', 'quality'],
  ['名牌', '名牌产品', '品牌', 'brand'],
  ['电子商务', '电商', '网店', '网上销售', '线上销售', 'e-commerce'],
  ['技术中心', '企业技术中心', '研发中心', 'technology center', 'technology centre', 'r&d center'],
  ['设计中心', '工业设计中心', '工业设计', 'design'],
  ['公共技术服务平台', '公共服务平台', '服务平台', 'service platform', 'platform'],
  ['共性工厂', '快速加工中心', 'shared factory', 'rapid machining center'],
  ['示范项目', '试点示范', '示范', 'demonstration'],
  ['财政贡献', '财政贡献增量', '税收', '地方经济贡献'],
  ['项目库', '入库', '技改项目库'],
  ['龙头骨干企业', '龙头企业', '骨干企业', '龙头'],
  ['规上企业', '规模以上工业企业', '规模以上企业', '规上工业企业', '规模工业企业'],
  ['目标', '工作目标', '任务', 'target', 'goal'],
  ['增速', '增长', '年均增长', '增幅', 'growth'],
  ['组织领导', '领导小组', '牵头', '负责'],
  ['有效期', '期限', '执行期', '过期'],
  ['征求意见稿', '草案', 'draft for comment', 'draft'],
  ['省级', 'provincial-level', 'provincial'],
  ['市级', 'municipal-level', 'city-level', 'municipal'],
  ['ISO10012', '测量管理体系'],
  ['卓越绩效', '卓越绩效模式'],
];

const groupsByTerm = new Map<string, Set<string>>();
for (const group of SYNONYM_GROUPS) {
  for (const term of group) {
    const key = term.toLowerCase();
    const members = groupsByTerm.get(key) ?? new Set<string>();
    for (const other of group) members.add(other.toLowerCase());
    groupsByTerm.set(key, members);
  }
}

/**
 * English terms of each group, longest first, each with its group's policy term (the first Han member). Questions in
 * English are rewritten onto the documents' vocabulary before retrieval, so neither retriever ranks on English words
 * alone (the dense model's English similarities are near-ties that flip between CPUs).
 */
const englishPattern = (term: string) =>
  new RegExp(`(?<![a-z])${term.replace(/&/g, '\\s*&\\s*').replace(/\s+/g, '[\\s-]+')}(?![a-z])`, 'gi');
let ENGLISH_TERMS: { pattern: RegExp; policyTerm: string; length: number }[] = SYNONYM_GROUPS.flatMap((group) => {
  const policyTerm = group.find((t) => /\p{Script=Han}/u.test(t));
  if (!policyTerm) return [];
  return group.filter((t) => /^[a-z&\s]+$/i.test(t)).map((term) => ({ pattern: englishPattern(term), policyTerm, length: term.length }));
}).sort((a, b) => b.length - a.length);

/** Adds the rules data's English terms (machine tool → 工作母机); a provision's own term wins over a generic group. */
export function addEnglishTerms(terms: readonly { term: string; policyTerm: string }[]): void {
  const known = new Set(ENGLISH_TERMS.map((t) => t.pattern.source));
  const fresh = terms.map(({ term, policyTerm }) => ({ pattern: englishPattern(term), policyTerm, length: term.length + 0.5 }))
    .filter((t) => !known.has(t.pattern.source));
  ENGLISH_TERMS = [...ENGLISH_TERMS, ...fresh].sort((a, b) => b.length - a.length);
}

/** "M&A reward in Zhongshan" → "并购 奖励 in Zhongshan": English policy terms replaced by the documents' words. */
// One spelling for a term the documents write in full and callers shorten (技改 = 技术改造), so both rankings see the
// same query whichever is typed.
// The generic words for the money asked about (补助, 资助, 扶持资金 …) read as one, so that which a caller picks moves
// neither ranking; the documents' own terms that contain one (事后奖补, 以奖代补) are kept.
const ONE_SPELLING: readonly [RegExp, string][] = [[/技术改造/g, '技改'], [/(补助|资助|扶持资金|(?<![事后以])奖补)/g, '补贴']];

export function toPolicyVocabulary(query: string): string {
  let text = query;
  for (const [pattern, spelling] of ONE_SPELLING) text = text.replace(pattern, spelling);
  // Most messages have no Latin letter: the English patterns (one regular expression each) are then skipped.
  if (/[a-z]/i.test(text)) for (const { pattern, policyTerm } of ENGLISH_TERMS) text = text.replace(pattern, ` ${policyTerm} `);
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * A message written in English read with the documents' words for its policy terms (machine tool → 工作母机, M&A →
 * 并购) and its "not a" as 不是, so that a provision is chosen and a negation honoured as in Chinese. Figures and
 * place names are left as written (80 million yuan and Zhongshan are read as they are).
 */
export function englishAsPolicyWords(text: string): string {
  if (!/[a-z]{3}/i.test(text)) return text;
  let out = text.replace(/(?<![a-z])(?:is |are |we are )?not (?:a |an )?(?=[a-z])/gi, '不是');
  for (const { pattern, policyTerm } of ENGLISH_TERMS) out = out.replace(pattern, policyTerm);
  return out;
}

/** The token itself followed by its synonyms, without duplicates. */
export function synonymsOf(token: string): string[] {
  const key = token.toLowerCase();
  const members = groupsByTerm.get(key);
  if (!members) return [key];
  return [key, ...[...members].filter((m) => m !== key)];
}
