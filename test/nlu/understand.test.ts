import { beforeAll, describe, expect, it } from 'vitest';
import type { Lexicon } from '../../src/lexicon/index.js';
import { understand } from '../../src/nlu/understand.js';
import { sharedCore } from '../helpers.js';

let lexicon: Lexicon;
beforeAll(async () => { lexicon = (await sharedCore()).lexicon; });

describe('follow-ups and corrections, also after a courtesy glued to them', () => {
  it.each([
    ['那投资额减半呢', 'followUp'], ['请问那投资额减半呢', 'followUp'], ['请问补充一下 我们是从深圳转移过来的', 'followUp'],
    ['忘了说 我们是龙头骨干企业', 'followUp'], ['漏说了，我们是商贸流通企业', 'followUp'],
    ['您好其实我们是商贸流通企业', 'corrects'], ['请问不对，是300万', 'corrects'],
  ] as const)('%s → %s', (text, flag) => {
    expect(understand(text, lexicon)[flag]).toBe(true);
  });

  it.each(['请问中山买工作母机补多少', '那个工作母机怎么申请'])('%s is a question of its own', (text) => {
    expect(understand(text, lexicon).corrects).toBe(false);
  });
});
