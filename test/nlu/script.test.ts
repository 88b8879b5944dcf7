import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { toSimplified } from '../../src/nlu/script.js';

describe('toSimplified', () => {
  it.each([
    ['購買工作母機補貼多少', '购买工作母机补贴多少'],
    ['咁上限係幾多', '那上限是多少'],
    ['東源設備更新同綠色化發展 分別要做啲咩', '东源设备更新同绿色化发展 分别要做些什么'],
    ['有冇补贴', '有没有补贴'],
    // Mandarin stays as it is: 体系 keeps its 系, 几个 its 几.
    ['绿色制造体系建设有几个项目', '绿色制造体系建设有几个项目'],
  ])('%s → %s', (typed, read) => {
    expect(toSimplified(typed)).toBe(read);
  });

  it('leaves the five documents unchanged', () => {
    for (const file of ['zhongshan-2014', 'zhongshan-2018', 'shenzhen-2015', 'dongyuan-2018', 'luan-draft']) {
      const text = readFileSync(`corpus/${file}.txt`, 'utf8');
      expect(toSimplified(text) === text, file).toBe(true);
    }
  });
});
