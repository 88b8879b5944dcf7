import { z } from 'zod';
import {
  NonQuantitativeDocumentSchema, SubsidyRuleSchema, type NonQuantitativeDocument, type SubsidyRule,
} from './rule-schema.js';


/**
 * Every quantitative provision of the corpus, one entry each. A policy officer reviews this file line by line
 * against the documents: `quote` is the verbatim sentence (a test checks it is a substring of `clauseId`'s text),
 * amounts are in 元 and rates are fractions (0.15 = 15%).
 */
const RULES: z.input<typeof SubsidyRuleSchema>[] = [
  // ——— 中山市优势传统产业转型升级行动计划（2018-2022年） 四、政策支持 ———
  {
    id: 'zs2018-tech-renovation', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.一',
    quote: '对技术改造项目，按不超过投资额的10%予以资助，单个项目最高500万元',
    subject: '技术改造项目', triggers: ['技术改造', '技改', '改造项目', '设备', '市外设备', '生产线', '更新设备', '买设备', '购买设备', '购置设备'],
    conditions: ['中山市工业企业实施的技术改造项目', '技术改造普惠性事后奖补范围：主营业务收入1000万元以上工业企业'],
    formula: { type: 'rate', basis: 'investment', rate: '0.10', bound: 'upper' },
    caps: [{ amount: '5000000', scope: 'per-project' }], modifiers: [],
    readingNotes: ['“需要购买市外设备的，按照市技术改造奖补政策给予支持”（四、（三））按本条计算。'],
  },
  {
    id: 'zs2018-smart-manufacturing-demo', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.一',
    quote: '对智能制造示范项目，按不超过投资额的20%予以资助，单个项目最高500万元',
    subject: '智能制造示范项目', triggers: ['智能制造示范', '智能制造试点', '智能化改造示范', '示范项目', '智能制造'],
    specializes: 'zs2018-tech-renovation',
    conditions: ['项目被认定为智能制造示范项目'],
    formula: { type: 'rate', basis: 'investment', rate: '0.20', bound: 'upper' },
    caps: [{ amount: '5000000', scope: 'per-project' }], modifiers: [], readingNotes: [],
  },
  {
    id: 'zs2018-leading-enterprise-renovation', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.一',
    quote: '对于龙头骨干企业的技术改造项目，按不超过投资额的20%予以资助，单个项目最高1000万元',
    subject: '龙头骨干企业技术改造项目', triggers: ['龙头骨干', '龙头企业', '骨干企业'],
    specializes: 'zs2018-tech-renovation',
    conditions: ['企业被认定为龙头骨干企业'],
    formula: { type: 'rate', basis: 'investment', rate: '0.20', bound: 'upper' },
    caps: [{ amount: '10000000', scope: 'per-project' }], modifiers: [], readingNotes: [],
  },
  {
    id: 'zs2018-fiscal-contribution-reward', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.一',
    quote: '对通过技术改造项目完工评价的企业，从完工下一年起连续3年内，按企业技术改造对财政贡献增量额度中省级分成部分的60%、地市级分成部分的50%（市级部分按现行财政分成体制由市镇共同承担，一级财政全额负担）对企业进行事后奖补',
    subject: '技术改造财政贡献增量事后奖补', triggers: ['财政贡献', '税收贡献', '财政增量', '事后奖补', '以奖代补', '完工评价'],
    conditions: ['技术改造项目通过完工评价', '主营业务收入1000万元以上工业企业（普惠性事后奖补范围）'],
    formula: { type: 'fiscal-share', components: [
      { key: 'provincialShareIncrement', label: '财政贡献增量中省级分成部分', rate: '0.60' },
      { key: 'cityShareIncrement', label: '财政贡献增量中地市级分成部分', rate: '0.50' },
    ] },
    caps: [], modifiers: [], duration: { years: 3, meaning: '从完工下一年起连续3年内，每年计算' },
    readingNotes: ['按年计算：每年的奖补 = 当年省级分成增量×60% + 地市级分成增量×50%，共3年。'],
  },
  {
    id: 'zs2018-industrial-internet-platform', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.二',
    quote: '按照平台为企业提供工业互联网服务每个合同额的30%，每年最高补助300万元，补助期限最长为3年',
    subject: '工业互联网公共服务平台服务', triggers: ['工业互联网', '上云', '上平台', '平台服务合同', '云平台'],
    conditions: ['工业互联网类公共服务平台为企业提供工业互联网服务（数字化、网络化、智能化升级，设备上云上平台）'],
    formula: { type: 'rate', basis: 'contractAmount', rate: '0.30', bound: 'exact' },
    caps: [{ amount: '3000000', scope: 'per-platform-per-year' }], modifiers: [],
    duration: { years: 3, meaning: '补助期限最长为3年' },
    readingNotes: ['“每个合同额的30%”按当年各合同额之和×30%计算，再受每年300万元上限约束；补助对象按文意为平台。'],
  },
  {
    id: 'zs2018-machine-tool', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.三',
    quote: '对本地传统优势企业购买“中山市工作母机库”中企业生产的工作母机产品，按不超过购买价格的15%给予补助，同一年度单个企业购买工作母机最高补贴300万元',
    subject: '购买工作母机', triggers: ['工作母机', '母机', '机床', '数控机床', '加工中心设备'],
    conditions: ['本地传统优势企业', '购买“中山市工作母机库”中企业生产的工作母机产品'],
    formula: { type: 'rate', basis: 'purchasePrice', rate: '0.15', bound: 'upper' },
    caps: [{ amount: '3000000', scope: 'per-enterprise-per-year' }], modifiers: [], readingNotes: [],
  },
  {
    id: 'zs2018-output-milestone', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.四',
    quote: '突破50亿元的奖励500万元，突破100亿元的奖励1000万元，突破300亿元的奖励3000万元，突破500亿元的奖励5000万元。商贸流通等工业企业按相应档次金额的50%执行',
    subject: '年产值首次突破', triggers: ['产值', '首次突破', '突破', '做大做强', '营收过', '产值破'],
    conditions: ['年产值首次突破50亿元、100亿元、300亿元或500亿元', '上一年对地方经济贡献不低于企业所属行业全市平均水平'],
    formula: { type: 'tiered', basis: 'annualOutput', tiers: [
      { threshold: '5000000000', amount: '5000000' },
      { threshold: '10000000000', amount: '10000000' },
      { threshold: '30000000000', amount: '30000000' },
      { threshold: '50000000000', amount: '50000000' },
    ] },
    caps: [], modifiers: [{ key: 'commerce', label: '商贸流通等企业', factor: '0.5' }],
    readingNotes: [
      '按当年首次达到的最高档次奖励一次；一年跨越多个档次时是否逐档累计，文件未写明，表中只计最高档。',
      '“商贸流通等工业企业”按商贸流通等类别企业读，按相应档次金额的50%计算。',
    ],
  },
  {
    id: 'zs2018-merger', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.五',
    quote: '对企业并购重组且控股（或为第一大股东）非关联方企业的传统优势企业，并在本市结算的，按企业并购实际交易额的5%给予奖励，每家企业每年最高奖励1000万元',
    subject: '并购重组', triggers: ['并购', '兼并', '重组', '收购', '控股'],
    conditions: ['传统优势企业并购重组且控股（或为第一大股东）非关联方企业', '在本市结算'],
    formula: { type: 'rate', basis: 'transactionAmount', rate: '0.05', bound: 'exact' },
    caps: [{ amount: '10000000', scope: 'per-enterprise-per-year' }], modifiers: [], readingNotes: [],
  },
  {
    id: 'zs2018-quality-award', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.六',
    quote: '对获得中国质量奖、中国质量奖提名奖、广东省政府质量奖、中山市政府质量奖的企业分别给予一次性最高扶持资金200万元、150万元、100万元、50万元',
    subject: '质量奖项', triggers: ['质量奖'],
    conditions: ['企业获得相应质量奖'],
    formula: { type: 'fixed', bound: 'upper', options: [
      { key: 'china', label: '中国质量奖', amount: '2000000' },
      { key: 'china-nomination', label: '中国质量奖提名奖', amount: '1500000' },
      { key: 'guangdong', label: '广东省政府质量奖', amount: '1000000' },
      { key: 'zhongshan', label: '中山市政府质量奖', amount: '500000' },
    ] },
    caps: [], modifiers: [], readingNotes: ['一次性。'],
  },
  {
    id: 'zs2018-famous-brand-product', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.六',
    quote: '对新获得广东省名牌产品的企业，每个产品给予一次性扶持资金5万元',
    subject: '名牌产品', triggers: ['名牌产品', '名牌'],
    conditions: ['新获得广东省名牌产品'],
    formula: { type: 'fixed', bound: 'exact', options: [{ key: 'product', label: '广东省名牌产品（每个产品）', amount: '50000' }] },
    caps: [], modifiers: [], readingNotes: ['一次性，按产品个数计。'],
  },
  {
    id: 'zs2018-brand-demo-zone', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.六',
    quote: '对获得全国知名品牌创建示范区、广东省知名品牌创建示范区，分别给予创建主体一次性扶持资金100万元、50万元',
    subject: '知名品牌创建示范区', triggers: ['品牌创建示范区', '知名品牌创建', '品牌示范区'],
    conditions: ['获得全国或广东省知名品牌创建示范区', '扶持对象为创建主体'],
    formula: { type: 'fixed', bound: 'exact', options: [
      { key: 'national', label: '全国知名品牌创建示范区', amount: '1000000' },
      { key: 'guangdong', label: '广东省知名品牌创建示范区', amount: '500000' },
    ] },
    caps: [], modifiers: [], readingNotes: ['一次性。'],
  },
  {
    id: 'zs2018-excellence-model', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.六',
    quote: '对导入卓越绩效模式并有效运行，经专家评审通过，可给予一次性扶持资金10万元',
    subject: '卓越绩效模式', triggers: ['卓越绩效'],
    conditions: ['导入卓越绩效模式并有效运行', '经专家评审通过'],
    formula: { type: 'fixed', bound: 'exact', options: [{ key: 'adopted', label: '导入卓越绩效模式', amount: '100000' }] },
    caps: [], modifiers: [], readingNotes: ['“可给予”：经评审后给予，并非必然。'],
  },
  {
    id: 'zs2018-iso10012', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.六',
    quote: '企业获得测量管理体系（ISO10012）认证的，给予一次性扶持资金6万元',
    subject: '测量管理体系（ISO10012）认证', triggers: ['ISO10012', '测量管理体系', '10012'],
    conditions: ['企业获得测量管理体系（ISO10012）认证'],
    formula: { type: 'fixed', bound: 'exact', options: [{ key: 'certified', label: 'ISO10012认证', amount: '60000' }] },
    caps: [], modifiers: [], readingNotes: ['一次性。'],
  },
  {
    id: 'zs2018-platform-capital', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.七',
    quote: '经认定为提供工业和工业互联网类服务的市级公共技术服务平台企业，按实缴注册资本给予最高10%的一次性补贴，单个平台最高补贴200万元',
    subject: '公共技术服务平台注册资本', triggers: ['注册资本', '实缴', '公共技术服务平台', '服务平台'],
    conditions: ['经认定为提供工业和工业互联网类服务的市级公共技术服务平台企业'],
    formula: { type: 'rate', basis: 'paidInCapital', rate: '0.10', bound: 'upper' },
    caps: [{ amount: '2000000', scope: 'per-platform' }], modifiers: [], readingNotes: ['一次性补贴。'],
  },
  {
    id: 'zs2018-platform-rent', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.七',
    quote: '对平台企业租赁经营场地，按最高不超过50元/平方米/月给予补助，补助期限最长为3年，单个平台每年补助金额最高150万元',
    subject: '公共技术服务平台场地租金', triggers: ['平台租金', '平台场地', '租赁经营场地', '平台租'],
    conditions: ['经认定的市级公共技术服务平台企业', '租赁经营场地'],
    formula: { type: 'area-month', unitAmount: '50', bound: 'upper' },
    caps: [{ amount: '1500000', scope: 'per-platform-per-year' }], modifiers: [],
    duration: { years: 3, meaning: '补助期限最长为3年' },
    readingNotes: ['实际月租金低于50元/平方米时，按实际租金计（补助不超过实际支出）。'],
  },
  {
    id: 'zs2018-shared-factory-equipment', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.七',
    quote: '对共性工厂、快速加工中心平台，按实际设备购置额最高30%的标准给予一次性补助，补助期限最长为3年，单个平台每年最高补助200万元',
    subject: '共性工厂、快速加工中心设备购置', triggers: ['共性工厂', '快速加工中心'],
    conditions: ['共性工厂或快速加工中心平台'],
    formula: { type: 'rate', basis: 'equipmentPurchase', rate: '0.30', bound: 'upper' },
    caps: [{ amount: '2000000', scope: 'per-platform-per-year' }], modifiers: [],
    duration: { years: 3, meaning: '补助期限最长为3年' },
    readingNotes: ['“一次性补助”与“期限最长为3年”并存：表中按当年设备购置额计算，受每年200万元上限约束。'],
  },
  {
    id: 'zs2018-idle-factory-rent', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.八',
    quote: '对入驻企业给予6元/平方米/月租金资助，一定三年，单个项目年租金最高资助200万元',
    subject: '盘活闲置厂房租金', triggers: ['闲置厂房', '厂房租金', '盘活', '租金资助', '房租', '租厂房'],
    conditions: ['入驻盘活闲置厂房项目的企业', '项目连片面积达10000平方米及以上，或单体闲置厂房盘活面积不小于5000平方米'],
    formula: { type: 'area-month', unitAmount: '6', bound: 'exact' },
    caps: [{ amount: '2000000', scope: 'per-project-per-year' }], modifiers: [],
    duration: { years: 3, meaning: '一定三年' },
    readingNotes: ['上限按“单个项目年租金”计，即整个盘活项目每年200万元；单个入驻企业的计算以其租用面积为准。'],
  },
  {
    id: 'zs2018-skilled-talent', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.九',
    quote: '新培养或引进符合我市紧缺人才导向目录的高级工、技师、高级技师，分别按每人5000元、8000元、10000元标准给予奖补',
    subject: '技能人才引进和培养', triggers: ['技能人才', '高级工', '技师', '高级技师', '引进人才', '培养人才'],
    conditions: ['传统优势企业', '新培养或引进符合中山市紧缺人才导向目录的技能人才'],
    formula: { type: 'per-head', levels: [
      { key: 'seniorWorkers', label: '高级工', amount: '5000' },
      { key: 'technicians', label: '技师', amount: '8000' },
      { key: 'seniorTechnicians', label: '高级技师', amount: '10000' },
    ] },
    caps: [], modifiers: [], readingNotes: [],
  },
  {
    id: 'zs2018-skills-training', docId: 'zhongshan-2018', clauseId: 'zhongshan-2018:四.九',
    quote: '支持传统优势企业在大中专院校或培训机构开班培训技能人才，按照培训人员数量、培训时间、获取职业资格证书等情况最高给予10万元补贴',
    subject: '技能人才培训', triggers: ['培训', '开班', '开班培训', '培训技能人才', '技能培训'],
    conditions: ['传统优势企业在大中专院校或培训机构开班培训技能人才'],
    formula: { type: 'upper-bound', amount: '100000' },
    caps: [], modifiers: [], readingNotes: ['金额按培训人员数量、时间、取证情况核定，文件只给出上限10万元。'],
  },
  // ——— 东源县工业企业技术改造三年行动计划（2018-2020年） 四、保障措施 ———
  {
    id: 'dy2018-equipment-purchase', docId: 'dongyuan-2018', clauseId: 'dongyuan-2018:四.一',
    quote: '按照设备购置额的20%予以事后奖补方式支持规上企业实施提质增效、智能化改造、设备更新和绿色发展的技术改造项目和重大平台建设，单个企业补助不低于10万元，最高不超过300万元',
    subject: '技术改造设备购置（东源）', triggers: ['设备', '设备购置', '买设备', '购置设备', '技术改造', '技改', '生产线'],
    regionalTriggers: ['工作母机', '母机', '机床', '机器人', '智能化改造'],
    conditions: ['规上企业（高成长性、拟培育上规模的中小微企业同样享受）',
      '实施提质增效、智能化改造、设备更新和绿色发展的技术改造项目或重大平台建设', '事后奖补'],
    formula: { type: 'rate', basis: 'equipmentPurchase', rate: '0.20', bound: 'exact' },
    caps: [{ amount: '3000000', scope: 'per-enterprise' }], floor: '100000', modifiers: [],
    readingNotes: ['“不低于10万元”按保底读：按20%不足10万元的，补足至10万元。', '上限300万元按单个企业计，文件未写明是否按年度。'],
  },
  {
    id: 'dy2018-fiscal-contribution', docId: 'dongyuan-2018', clauseId: 'dongyuan-2018:四.五',
    quote: '县财政通过预算安排，从完工下一年起连续三年内，按对财政贡献增量额度中县级分成部分的40%实行以奖代补',
    subject: '财政贡献增量以奖代补（东源）', triggers: ['财政贡献', '税收贡献', '以奖代补', '事后奖补', '财政增量'],
    conditions: ['符合国家产业政策和《广东省工业企业技术改造指导目录》', '在广东省内注册并取得技术改造投资项目备案证',
      '主营业务收入1000万元以上工业企业'],
    formula: { type: 'fiscal-share', components: [{ key: 'countyShareIncrement', label: '财政贡献增量中县级分成部分', rate: '0.40' }] },
    caps: [], modifiers: [], duration: { years: 3, meaning: '从完工下一年起连续三年内，每年计算' }, readingNotes: [],
  },
  {
    id: 'dy2018-relocated-fiscal-contribution', docId: 'dongyuan-2018', clauseId: 'dongyuan-2018:四.五',
    quote: '对珠三角产业转出市转移到我县省级产业园并实施异地技术改造的工业企业，从完工下一年起连续三年内，按对财政贡献增量额度中县级分成部分的50%实行以奖代补',
    subject: '转移企业财政贡献增量以奖代补（东源）', triggers: ['转移', '珠三角', '异地技术改造', '产业园', '搬迁'],
    specializes: 'dy2018-fiscal-contribution',
    conditions: ['从珠三角产业转出市转移到东源县省级产业园', '实施异地技术改造的工业企业'],
    formula: { type: 'fiscal-share', components: [{ key: 'countyShareIncrement', label: '财政贡献增量中县级分成部分', rate: '0.50' }] },
    caps: [], modifiers: [], duration: { years: 3, meaning: '从完工下一年起连续三年内，每年计算' }, readingNotes: [],
  },
  // ——— 六安市规模工业企业技术改造提升行动（征求意见稿） 三、保障措施 ———
  ...luanAwards(),
];

/** 六安 三、（二）: fixed awards, each conditional on the 三、（一） project library (入库 is 享受技改财政奖补的前提). */
function luanAwards(): z.input<typeof SubsidyRuleSchema>[] {
  const threshold = {
    field: 'fixedAssetInvestment' as const, minimum: '2000000', exemptProjectTypes: ['信息化', '创新化'],
    clauseId: 'luan-draft:三.一',
    quote: '其中固定资产投资200万元以上（信息化、创新化改造项目不限定投资额）的纳入市级技改项目库',
  };
  const base = { docId: 'luan-draft', clauseId: 'luan-draft:三.二', caps: [], modifiers: [], threshold,
    readingNotes: ['征求意见稿，金额以正式印发文件为准。'] };
  const library = '项目纳入市级技改项目库（固定资产投资200万元以上；信息化、创新化改造项目不限定投资额）';
  return [
    { ...base, id: 'luan-demo-project', subject: '市级技改示范项目', quote: '市级技改示范项目，每个奖励50万元',
      triggers: ['技改示范项目', '示范项目', '示范'], conditions: ['被认定为市级技改示范项目', library],
      formula: { type: 'fixed', bound: 'exact', options: [{ key: 'city', label: '市级技改示范项目', amount: '500000' }] } },
    { ...base, id: 'luan-smart-factory', subject: '智能工厂',
      quote: '新认定的省级智能工厂、绿色工厂、数字化车间分别奖励50万元、20万元、20万元，市级智能工厂、绿色工厂、数字化车间分别奖励20万元、10万元、10万元',
      triggers: ['智能工厂', 'smart factory'], conditions: ['新认定的省级或市级智能工厂', library],
      formula: { type: 'fixed', bound: 'exact', options: [
        { key: 'provincial', label: '省级智能工厂', amount: '500000' }, { key: 'city', label: '市级智能工厂', amount: '200000' }] } },
    { ...base, id: 'luan-green-factory', subject: '绿色工厂',
      quote: '新认定的省级智能工厂、绿色工厂、数字化车间分别奖励50万元、20万元、20万元，市级智能工厂、绿色工厂、数字化车间分别奖励20万元、10万元、10万元',
      triggers: ['绿色工厂', 'green factory'], conditions: ['新认定的省级或市级绿色工厂', library],
      formula: { type: 'fixed', bound: 'exact', options: [
        { key: 'provincial', label: '省级绿色工厂', amount: '200000' }, { key: 'city', label: '市级绿色工厂', amount: '100000' }] } },
    { ...base, id: 'luan-digital-workshop', subject: '数字化车间',
      quote: '新认定的省级智能工厂、绿色工厂、数字化车间分别奖励50万元、20万元、20万元，市级智能工厂、绿色工厂、数字化车间分别奖励20万元、10万元、10万元',
      triggers: ['数字化车间', 'digital workshop'], conditions: ['新认定的省级或市级数字化车间', library],
      formula: { type: 'fixed', bound: 'exact', options: [
        { key: 'provincial', label: '省级数字化车间', amount: '200000' }, { key: 'city', label: '市级数字化车间', amount: '100000' }] } },
    { ...base, id: 'luan-tech-center', subject: '企业技术中心',
      quote: '省级企业技术中心、工业设计中心奖励20万元，市级企业技术中心、工业设计中心奖励10万元',
      triggers: ['技术中心', '研发中心'], conditions: ['认定为省级或市级企业技术中心', library],
      formula: { type: 'fixed', bound: 'exact', options: [
        { key: 'provincial', label: '省级企业技术中心', amount: '200000' }, { key: 'city', label: '市级企业技术中心', amount: '100000' }] } },
    { ...base, id: 'luan-design-center', subject: '工业设计中心',
      quote: '省级企业技术中心、工业设计中心奖励20万元，市级企业技术中心、工业设计中心奖励10万元',
      triggers: ['设计中心', '工业设计'], conditions: ['认定为省级或市级工业设计中心', library],
      formula: { type: 'fixed', bound: 'exact', options: [
        { key: 'provincial', label: '省级工业设计中心', amount: '200000' }, { key: 'city', label: '市级工业设计中心', amount: '100000' }] } },
  ];
}

const NON_QUANTITATIVE: NonQuantitativeDocument[] = [
  {
    docId: 'shenzhen-2015', clauseIds: ['shenzhen-2015:十', 'shenzhen-2015:十一'],
    statement: '深圳2015年文件只规定了支持方式（贴息、补贴、奖励、财政无息转贷款），没有规定补贴比例或金额；事后奖补待省出台细则后另行制定。',
  },
  {
    docId: 'zhongshan-2014', clauseIds: ['zhongshan-2014:四.二'],
    statement: '中山2014年实施意见只提出加大专项资金支持力度、重点支持“三高”项目，没有规定补贴比例或金额。',
  },
];

/** The validated rules table: parsed once at import, so a malformed entry fails every test and the start-up. */
export const SUBSIDY_RULES: readonly SubsidyRule[] = z.array(SubsidyRuleSchema).parse(RULES);
export const NON_QUANTITATIVE_DOCUMENTS: readonly NonQuantitativeDocument[] =
  z.array(NonQuantitativeDocumentSchema).parse(NON_QUANTITATIVE);

const RULE_BY_ID = new Map(SUBSIDY_RULES.map((r) => [r.id, r]));
if (RULE_BY_ID.size !== SUBSIDY_RULES.length) throw new Error('subsidy rule ids must be unique');

export function findRule(ruleId: string): SubsidyRule | undefined {
  return RULE_BY_ID.get(ruleId);
}
