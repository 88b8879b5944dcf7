import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/lexicon/index.js';
import { restatedQuestion } from '../../src/nlu/restate.js';
import { understand } from '../../src/nlu/understand.js';
import { sharedCore } from '../helpers.js';

let lexicon: Lexicon;
beforeAll(async () => { lexicon = (await sharedCore()).lexicon; });
const restate = (earlier: string, now: string) => restatedQuestion(understand(earlier, lexicon), understand(now, lexicon));

describe('restatedQuestion', () => {
  it.each([
    // The figure of its kind, written in its kind's unit where the correction typed only a number and 元.
    ['月租45元/平米，租了3000平米，补多少', '不对，租金是每平米30元', '月租30元/平方米/月，租了3000平米，补多少'],
    // Of two sums of money, the one whose words the correction repeats.
    ['注册资本1500万，设备购置额300万，各补多少', '说错了，注册资本是1000万', '注册资本1000万，设备购置额300万，各补多少'],
    // A bare figure where only one of its kind was given.
    ['买了200万的工作母机补多少', '不对，是300万', '买了300万的工作母机补多少'],
    // Two figures corrected at once, each in its place; the negated one is not a figure given.
    ['闲置厂房8000平，租了12个月', '不是12个月，是9个月，面积是6000平', '闲置厂房6000平，租了9个月'],
    // An exact factor said of the figure it names.
    ['投资额3000万 能资助多少', '那投资额减半呢', '投资额15000000元 能资助多少'],
    ['闲置厂房8000平，租了12个月', '面积翻一番呢', '闲置厂房16000平方米，租了12个月'],
  ])('%s + %s → %s', (earlier, now, expected) => {
    expect(restate(earlier, now)).toBe(expected);
  });

  it.each([
    // Two sums of money and a bare figure: either could be meant, so nothing is guessed.
    ['注册资本1500万，设备购置额300万，各补多少', '不对，是1000万'],
    // A figure that says something else adds a fact.
    ['东源 县级分成增量每年60万 以奖代补多少', '补充一下 我们主营业务收入只有800万'],
    ['单体7000平的闲置厂房 租12个月', '不对 我们只租了其中4500平'],
    // The same figure said again changes nothing.
    ['县级分成增量80万，以奖代补多少', '那三年一共能拿多少？假设每年增量都是80万'],
    // No figure of a kind given earlier.
    ['买了200万的工作母机补多少', '不对，是3个技师'],
    ['买了200万的工作母机补多少', '不对，是东源'],
  ])('%s + %s → nothing restated', (earlier, now) => {
    expect(restate(earlier, now)).toBeNull();
  });
});
