import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/** Splits Chinese (and mixed English) text into index terms. */
export type Tokenizer = (text: string) => string[];

/** Function words and question words that carry no policy meaning. */
const STOPWORDS = new Set(
  ('的 了 和 与 及 或 对 按 在 是 等 有 我 我们 你 你们 他 能 可以 可 吗 呢 啊 吧 么 呀 哪些 哪个 什么 怎么 怎样 如何 多少 ' +
    '一个 这个 那个 这 那 请问 请 想 要 就 也 都 还 又 给 让 被 把 从 为 以 之 其 中 上 下 将 并 且 而 the a an of to for in on is are what how much does do')
    .split(' '),
);
const TERM = /[\p{Script=Han}\p{L}\p{N}%]/u;

let jieba: Jieba | null = null;
function sharedJieba(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

// Words jieba should keep whole: the documents' own policy terms.
const POLICY_WORDS = ['工作母机', '机器换人', '技术改造', '以奖代补', '事后奖补', '共性工厂', '快速加工中心', '闲置厂房',
  '兼并重组', '并购重组', '龙头骨干企业', '工业互联网', '公共技术服务平台', '智能工厂', '绿色工厂', '数字化车间',
  '技术中心', '工业设计中心', '项目库', '征求意见稿', '高级技师', '高级工', '名牌产品', '质量奖', '火炬开发区', '翠亨新区',
  '规上企业', '规模以上工业企业', '规模以上企业', '规上工业企业', '规模工业企业'];

const loadedWords = new Set<string>();
/** Teaches jieba words to keep whole (the rules data's triggers and subjects); call before building an index. */
export function addPolicyWords(words: readonly string[]): void {
  const fresh = words.filter((w) => !loadedWords.has(w));
  if (!fresh.length) return;
  sharedJieba().loadDict(Buffer.from(fresh.map((w) => `${w} 100000 n`).join('\n')));
  for (const w of fresh) loadedWords.add(w);
}

let documentWordsLoaded = false;
function policyJieba(): Jieba {
  // The documents' own terms, also where the rules data's words were taught first (the server teaches those at start).
  if (!documentWordsLoaded) {
    documentWordsLoaded = true;
    addPolicyWords(POLICY_WORDS);
  }
  return sharedJieba();
}

function keep(term: string): boolean {
  return TERM.test(term) && !STOPWORDS.has(term);
}

/**
 * Spellings the tokenizers would break apart (M&A → m, a), and a topic said with a locative after it (用地上, 融资里),
 * which jieba would cut as 用, 地上.
 */
function normalizeSpellings(text: string): string {
  return text.replace(/m\s*&\s*a/gi, ' 并购 ').replace(/(用地|融资|资金|人才|用工|金融|品牌|质量|税收|土地|财政)(?=上(?![市线网班规])|里)/g, '$1 ');
}

/** The text from its first word that is not a function word on: 请问中山… → 中山… (a courtesy says nothing to match). */
export function trimLeadingFunctionWords(text: string): string {
  const words = policyJieba().cut(text, true);
  let at = 0;
  for (const word of words) {
    if (keep(word.toLowerCase())) break;
    at += word.length;
  }
  return at < text.length ? text.slice(at) : text;
}

/** jieba in search mode (both 中山 and 中山市), lower-cased, stopwords dropped. */
export const jiebaTokenizer: Tokenizer = (text) =>
  policyJieba()
    .cutForSearch(normalizeSpellings(text), true)
    .map((t) => t.trim().toLowerCase())
    .filter(keep);

/** Overlapping Han character bigrams plus whole Latin words and numbers. */
export const bigramTokenizer: Tokenizer = (text) => {
  const terms: string[] = [];
  for (const run of normalizeSpellings(text).toLowerCase().match(/\p{Script=Han}+|[\p{L}\p{N}.%]+/gu) ?? []) {
    if (/^\p{Script=Han}+$/u.test(run)) {
      if (run.length === 1) terms.push(run);
      for (let i = 0; i + 1 < run.length; i += 1) terms.push(run.slice(i, i + 2));
    } else {
      terms.push(run);
    }
  }
  return terms.filter(keep);
};
