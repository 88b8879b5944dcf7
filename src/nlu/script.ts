import * as OpenCC from 'opencc-js/t2cn';

// Hong Kong traditional → mainland simplified, character by character with OpenCC's variant tables. Not the Taiwan
// phrase table ('twp'): that one rewrites simplified text as well (文件 → 文档, 核心 → 内核), and the questions and the
// corpus are mostly simplified. Checked: it leaves all five documents unchanged.
const convert = OpenCC.Converter({ from: 'hk', to: 'cn' });

/**
 * The message in simplified characters (購買工作母機補貼多少 → 购买工作母机补贴多少; 萬 → 万). Every reading of a message
 * (rules, quantities, regions, retrieval) works on simplified text, because the documents and the rules data are written
 * in it; one step here instead of a traditional spelling next to each word.
 */
export function toSimplified(text: string): string {
  // Pure ASCII (and most simplified text) has nothing to convert; skip the trie walk for it.
  return /[^\x00-\x7f]/.test(text) ? convert(text) : text;
}
