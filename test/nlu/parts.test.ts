import { describe, expect, it } from 'vitest';
import { askedParts } from '../../src/nlu/parts.js';

describe('askedParts', () => {
  it.each([
    ['中山2014年的技改意见 在资金扶持、用地保障、融资服务这三块分别是怎么讲的', ['中山2014年的技改意见', '资金扶持', '用地保障', '融资服务']],
    ['东源 技改除了给补贴 金融和用地上还有什么支持', ['东源', '技改除了给补贴', '金融', '用地', '什么支持']],
    ['六安这个技改提升行动 每年要实施多少个技改项目 技改投资年均增长目标多少', ['六安这个技改提升行动', '每年要实施多少个技改项目', '技改投资年均增长目标多少']],
  ])('%s → each thing asked', (text, parts) => {
    expect(askedParts(text).slice(0, parts.length)).toEqual(parts);
  });

  it.each(['深圳技改的工作目标有哪些', '东源县财政三年累计安排多少技改资金', '请问，中山重大技改项目用地有什么保障'])('%s asks one thing', (text) => {
    expect(askedParts(text)).toEqual([]);
  });
});
