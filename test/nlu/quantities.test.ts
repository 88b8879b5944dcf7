import { describe, expect, it } from 'vitest';
import { findNumberProblems, findQuantities, parseAmount } from '../../src/nlu/quantities.js';

// text → the one amount in 元 it states
const AMOUNTS: [string, string][] = [
  ['200万', '2000000'], ['200万元', '2000000'], ['2百万', '2000000'], ['两百万', '2000000'], ['二百万', '2000000'],
  ['一百二十万元', '1200000'], ['1,500,000元', '1500000'], ['1，500，000元', '1500000'], ['¥2,000,000', '2000000'],
  ['￥2000000', '2000000'], ['0.8亿', '80000000'], ['1.2亿', '120000000'], ['1.2亿元', '120000000'], ['3千万', '30000000'],
  ['三千万', '30000000'], ['2M', '2000000'], ['2m', '2000000'], ['2 million', '2000000'], ['5 million yuan', '5000000'],
  ['2.5 million', '2500000'], ['200k', '200000'], ['RMB 300000', '300000'], ['300000元', '300000'], ['30万块', '300000'],
  ['30万块钱', '300000'], ['五十万', '500000'], ['十万', '100000'], ['十五万元', '150000'], ['一千万', '10000000'],
  ['一亿', '100000000'], ['一亿二千万', '120000000'], ['50亿', '5000000000'], ['120亿元', '12000000000'],
  // Financial (大写) numerals, and the 个 of speech before a scale word.
  ['贰佰万元整', '2000000'], ['壹仟伍佰万元', '15000000'], ['伍拾万元', '500000'], ['5个亿', '500000000'], ['两个亿', '200000000'],
  ['１００万', '1000000'], ['4000000元', '4000000'], ['2000元', '2000'], ['5000块', '5000'], ['1.5万', '15000'],
  ['买台200万的工作母机能补多少', '2000000'], ['我们买了两百万的设备', '2000000'], ['投资3千万搞技改', '30000000'],
  ['并购交易额1.2亿', '120000000'], ['合同额 500万元', '5000000'], ['注册资本2000万', '20000000'],
  ['buy a machine tool for 2 million', '2000000'], ['2018年投了3千万', '30000000'], ['设备购置额八十万', '800000'],
  ['产值突破一百亿', '10000000000'], ['花了七十五万元', '750000'], ['去年花了1,234,567.89元', '1234567.89'],
  ['300w', '3000000'], ['1.5W', '15000'], ['买了200w的母机', '2000000'], ['300 w', '3000000'],
  // A digit right after a unit is the next place's, as people say it; after 零 it is a units digit.
  ['一万五', '15000'], ['八万五', '85000'], ['一亿五', '150000000'], ['两亿五千万', '250000000'], ['一万零五元', '10005'],
];

// text → kind:value[:level] of every quantity found
const QUANTITIES: [string, string[]][] = [
  ['8000平方米', ['area:8000']], ['8000㎡', ['area:8000']], ['8千平米', ['area:8000']], ['5000平方', ['area:5000']],
  ['1万平方米', ['area:10000']], ['300m2', ['area:300']], ['3名技师', ['headcount:3:技师']],
  ['2名高级技师', ['headcount:2:高级技师']], ['5个高级工', ['headcount:5:高级工']], ['技师3名', ['headcount:3:技师']],
  ['三名技师和两名高级技师', ['headcount:3:技师', 'headcount:2:高级技师']], ['连续3年', ['years:3']], ['最长3年', ['years:3']],
  ['12个月', ['months:12']], ['6个月', ['months:6']], ['15%', ['percent:0.15']], ['15％', ['percent:0.15']],
  ['百分之十五', ['percent:0.15']], ['百分之二十', ['percent:0.2']], ['5个点', ['percent:0.05']], ['3个产品', ['count:3']],
  ['租了8000平米12个月', ['area:8000', 'months:12']], ['1500000', ['unitless:1500000']], ['2018年', []],
  ['2018-2022年', []], ['一次性奖励', []], ['你好', []], ['今年已拿了280万工作母机补贴，又买了400万的', ['money:2800000', 'money:4000000']],
  ['10人', ['count:10']],
  // People counted after the one level the message names; not where two are named, nor things counted.
  ['那高级技师呢 也是4个人', ['headcount:4:高级技师']], ['高级技师也是4名', ['headcount:4:高级技师']],
  ['技师和高级工一共6人', ['count:6']], ['技师呢 4个项目', ['count:4']],
  // A level with 是 before its count; a count described right up to its level, with 个 too; not things counted.
  ['技师是3个', ['headcount:3:技师']], ['还有1个新引进的高级技师', ['headcount:1:高级技师']], ['3个项目的技师', ['count:3']],
  // Each count to its own level in a list, spaced or not: a count that names its level after it is that level's.
  ['4个高级工 3个技师 还有1个高级技师', ['headcount:4:高级工', 'headcount:3:技师', 'headcount:1:高级技师']],
  ['高级工12人 技师5人 高级技师3人', ['headcount:12:高级工', 'headcount:5:技师', 'headcount:3:高级技师']],
  ['技师1名 高级工1名', ['headcount:1:技师', 'headcount:1:高级工']],
  // A full-width comma groups thousands only before three digits; before a year it is a pause.
  ['一批¥10000000，2021年又买了600万', ['money:10000000', 'money:6000000']], ['1，500，000元', ['money:1500000']],
  ['我们是一家做五金的企业', []], ['营业收入10亿级的企业', []], ['千亿级的产业集群', []], ['收购了两家企业', ['count:2']], ['中山、东源三个地方各补多少', []], ['8000平', ['area:8000']], ['资金扶持、用地保障、融资服务这三块分别怎么讲', []], ['买了个东西花了300块', ['money:300']],
  ['成交金额是1.2亿人民币', ['money:120000000']], ['招了5人', ['count:5']],
  ['年產值係一百億零三千萬', ['money:10030000000']], ['200萬', ['money:2000000']], ['實際交易額兩億六千萬', ['money:260000000']],
  ['月租40元每平方', ['rent:40']], ['每平方米每月20元', ['rent:20']], ['35元一平', ['rent:35']], ['2个平台', ['count:2']],
  // 一平 said as the unit of a rent asked (per square metre) is no floor area; a floor area said in 万 still is one.
  ['入驻企业租金一平米每个月补几块钱', []], ['厂房一万平方米', ['area:10000']], ['1平方米', ['area:1']],
];

describe('parseAmount', () => {
  it.each(AMOUNTS)('%s → %s 元', (text, yuan) => {
    const reading = parseAmount(text);
    expect(reading.ok && reading.yuan.toFixed()).toBe(yuan);
  });

  it.each([
    ['今年已拿了280万，又买了400万', 'ambiguous'],
    ['200万和300万', 'ambiguous'],
    ['1500000', 'no-unit'],
    ['买了200的设备', 'no-unit'],
    ['8000平方米', 'not-money'],
    ['3名技师', 'not-money'],
    ['多少钱', 'none'],
    ['', 'none'],
  ])('%s → %s, not a guess', (text, reason) => {
    const reading = parseAmount(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toBe(reason);
  });
});

describe('findQuantities', () => {
  it.each(QUANTITIES)('%s → %j', (text, expected) => {
    expect(findQuantities(text).map((q) => [q.kind, q.value.toFixed(), q.level].filter(Boolean).join(':'))).toEqual(expected);
  });

  it('has at least 80 table-driven cases', () => {
    expect(AMOUNTS.length + QUANTITIES.length + 8).toBeGreaterThanOrEqual(80);
  });

  it('reports where each quantity is, for highlighting', () => {
    const [q] = findQuantities('买台200万的工作母机');
    expect(q?.text).toBe('200万');
    expect(q?.start).toBe(2);
  });
});

// text → the problem reported (kind and the span as typed); such a number is never read as a quantity.
const PROBLEMS: [string, 'negative' | 'malformed', string][] = [
  ['-200万', 'negative', '-200万'], ['负200万', 'negative', '负200万'], ['−200万', 'negative', '−200万'],
  ['－200万元', 'negative', '－200万元'], ['-3名技师', 'negative', '-3名技师'], ['产值突破-500亿', 'negative', '-500亿'],
  ['买了-200万的工作母机', 'negative', '-200万'], ['¥-2,000,000', 'negative', '-2,000,000'], ['-¥2,000,000', 'negative', '-¥2,000,000'],
  ['负两百万', 'negative', '负两百万'], ['技师-3名', 'negative', '-3名'], ['-15%', 'negative', '-15%'],
  ['租了-8000平米', 'negative', '-8000平米'],
  ['1.2.3万', 'malformed', '1.2.3万'], ['2e3万', 'malformed', '2e3万'], ['1,2,3,4万', 'malformed', '1,2,3,4万'],
  ['1e308元', 'malformed', '1e308元'], ['2E6元', 'malformed', '2E6元'], ['买了.5万的设备', 'malformed', '.5万'],
  ['12,34万元', 'malformed', '12,34万元'],
];

describe('negative and malformed numbers are reported, never read as something else', () => {
  it.each(PROBLEMS)('%s → %s (%s)', (text, kind, span) => {
    const problems = findNumberProblems(text);
    expect(problems.map((p) => [p.kind, p.text])).toEqual([[kind, span]]);
    expect(problems[0]?.message).toContain(span);
    expect(text.slice(problems[0]?.start, problems[0]?.end)).toBe(span);
    expect(findQuantities(text)).toEqual([]);
    const reading = parseAmount(text);
    expect(reading.ok).toBe(false);
    if (!reading.ok) expect(reading.reason).toBe(kind);
  });

  // Ranges, dates, debts and thousands separators are not negative or malformed.
  it.each<[string, string[]]>([
    ['2018-2022年', []], ['2026-11-22', ['unitless:11', 'unitless:22']], ['100万-200万', ['money:1000000']],
    ['负债200万', ['money:2000000']], ['1,500,000元', ['money:1500000']], ['1.5万', ['money:15000']],
    ['20%-30%', ['percent:0.2', 'percent:0.3']], ['版本1.2.3', []], ['- 200万的设备', ['money:2000000']],
    ['2018年-2020年投了3千万', ['money:30000000']],
  ])('%s: no problem, reads %j', (text, expected) => {
    expect(findNumberProblems(text)).toEqual([]);
    expect(findQuantities(text).map((q) => [q.kind, q.value.toFixed()].join(':'))).toEqual(expected);
  });

  it('says in Chinese what is wrong and asks for the number again', () => {
    const [negative] = findNumberProblems('买了-200万的设备');
    expect(negative?.message).toMatch(/负数/);
    const [malformed] = findNumberProblems('1.2.3万');
    expect(malformed?.message).toMatch(/小数点/);
  });
});

describe('words that are not quantities', () => {
  it.each([
    ['两项各多少，合计？', []],
    ['两项奖励各多少', []],
    ['陆续买了设备300万', ['money:3000000']],
    ['买了3台设备', ['count:3']],
    // The things just listed, counted to be added up, are no count of the case.
    ['还有个车间认定为市级数字化车间，三个加一起能奖多少', []],
    ['评上两个省级名牌产品，两个加起来奖多少', ['count:2']],
  ])('%s → %j', (text, expected) => {
    expect(findQuantities(text).map((q) => `${q.kind}:${q.value.toString()}`)).toEqual(expected);
  });
});

describe('sums said roughly', () => {
  it.each([
    ['主营收入800多万', '8000000', '9000000'],
    ['八百来万', '8000000', '9000000'],
    ['十几万', '100000', '200000'],
    ['几十万', '100000', '1000000'],
    ['1000多万块', '10000000', '20000000'],
    ['一个亿多', '100000000', '200000000'],
    // Two neighbouring digits for one place: the lower to the higher.
    ['一千四五百万', '14000000', '15000000'],
    ['两三千万', '20000000', '30000000'],
    ['一亿五六千万', '150000000', '160000000'],
    // A higher place said exactly before 几: 两千几百万.
    ['两千几百万', '21000000', '30000000'],
    ['三四十万元', '300000', '400000'],
    // A range from one figure to another, the lower taking the higher's scale where it says none.
    ['100万-200万', '1000000', '2000000'],
    ['500到600万之间', '5000000', '6000000'],
    ['一亿几到两亿之间', '100000000', '200000000'],
    ['八十万出头', '800000', '900000'],
    ['一亿五到两亿五之间', '150000000', '250000000'],
    ['十几个亿', '1000000000', '2000000000'],
  ])('%s lies from %s up to %s', (text, from, below) => {
    const [q] = findQuantities(text);
    expect(q?.kind).toBe('money');
    expect(q?.value.toFixed()).toBe(from);
    expect(q?.below?.toFixed()).toBe(below);
  });
  it.each([['主营过亿', '100000000'], ['营收过千万', '10000000'], ['产值上百亿', '10000000000'], ['破亿', '100000000'], ['主營收入過億', '100000000']])(
    '%s is a mark passed: from %s up, its upper end unsaid', (text, from) => {
      const [q] = findQuantities(text);
      expect(q?.kind).toBe('money');
      expect(q?.value.toFixed()).toBe(from);
      expect(q?.below?.isFinite()).toBe(false);
    });
  it('a mark passed beside the exact figure past it is that figure\'s tier, and 上万 is no mark', () => {
    expect(findQuantities('第一次冲过百亿，大概102亿').map((q) => q.value.toFixed())).toEqual(['10200000000']);
    expect(findQuantities('每台上万元')).toEqual([]);
  });
  it('an exact sum has no range', () => {
    expect(findQuantities('800万')[0]?.below).toBeUndefined();
    // Digits that are not neighbours (一千五百万, 三五万 is no range word) are read as written.
    expect(findQuantities('一千五百万')[0]?.below).toBeUndefined();
    expect(findQuantities('一千五百万')[0]?.value.toFixed()).toBe('15000000');
  });
});

describe('a bare number listed among sums of money', () => {
  it.each([
    ['买设备三笔：叁佰万、1,850,000、0.12亿', ['money:3000000', 'money:1850000', 'money:12000000']],
    ['两笔：1850000和300万', ['money:1850000', 'money:3000000']],
    // Alone, or listed with no sum of money, it has no unit: the caller asks.
    ['买了两台 1850000和2000000', ['count:2', 'unitless:1850000', 'unitless:2000000']],
  ])('%s → %j', (text, expected) => {
    expect(findQuantities(text).map((q) => `${q.kind}:${q.value.toString()}`)).toEqual(expected);
  });
});

describe('head counts: what counts people and what only looks like it', () => {
  it.each([
    ['中18 高级技师每人2万、技师每人1.2万', ['money:20000', 'money:12000']],
    ['我们今年有7个师傅考到了高级工', ['headcount:7:高级工']],
    ['新引进紧缺目录高级技师2名、技师1名', ['headcount:2:高级技师', 'headcount:1:技师']],
  ])('%s → %j', (text, expected) => {
    expect(findQuantities(text).map((q) => [q.kind, q.value.toString(), q.level].filter(Boolean).join(':'))).toEqual(expected);
  });
});
