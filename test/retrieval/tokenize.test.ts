import { describe, expect, it } from 'vitest';
import { addPolicyWords, jiebaTokenizer } from '../../src/retrieval/index.js';

describe('jieba with the documents\' own terms', () => {
  it('keeps them whole also after the rules data\'s words were taught first, as the server does at start', () => {
    addPolicyWords(['工作母机', '以奖代补']);
    expect(jiebaTokenizer('建立技术改造项目库')).toContain('项目库');
    expect(jiebaTokenizer('推进机器换人')).toContain('机器换人');
  });
});
