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
  return /[^\x00-\x7f]/.test(text) ? withoutSlips(convert(fromCantonese(text))) : text;
}

// Pinyin input slips on the domain's own words (jigai → 技该, butie → 补帖, muji → 母鸡, lüse → 录色), and a regional word for one
// of them (工场): none is a word of its own here, and
// none occurs in the five documents, so each reads as the word meant.
const SLIPS: readonly [string, string][] = [['技该', '技改'], ['补帖', '补贴'], ['补铁', '补贴'], ['工作母鸡', '工作母机'], ['母鸡库', '母机库'], ['录色', '绿色'],
  // (工场, the Taiwan and Japanese word for 工厂: 绿色工场.)
  ['工场', '工厂']];
function withoutSlips(text: string): string {
  return SLIPS.reduce((t, [slip, word]) => (t.includes(slip) ? t.split(slip).join(word) : t), text);
}

// Hong Kong callers write Cantonese function words (咁上限係幾多 = 那上限是多少); the documents and every cue are
// Mandarin. Read before the character conversion (係 would become 系, as in 体系); none occurs in the five documents.
const CANTONESE: readonly [string, string][] = [
  // (Phrases first: their characters are read one by one below.)
  ['使唔使', '需不需要'], ['駛唔駛', '需不需要'], ['驶唔驶', '需不需要'], ['唔使計', '不用算'], ['唔使计', '不用算'], ['唔使', '不用'], ['唔駛', '不用'], ['舊年', '去年'], ['旧年', '去年'], ['淨係', '只'], ['净係', '只'], ['計返', '算'], ['计返', '算'],
  ['乜嘢', '什么'], ['乜', '什么'], ['點樣', '怎样'], ['点样', '怎样'], ['幾多', '多少'], ['几多', '多少'], ['邊度', '哪里'], ['边度', '哪里'],
  ['係咪', '是不是'], ['有冇', '有没有'], ['咁', '那'], ['係', '是'], ['嘅', '的'], ['咩', '什么'], ['冇', '没有'], ['啲', '些'],
  ['唔系', '不是'], ['唔', '不'], ['佢', '他'], ['邊個', '哪个'], ['边个', '哪个'], ['邊位', '哪位'], ['边位', '哪位'], ['邊間', '哪间'],
  ['边间', '哪间'], ['邊日', '哪天'], ['边日', '哪天'], ['幾時', '什么时候'], ['几时', '什么时候'], ['搵', '找'], ['畀', '给'], ['俾', '给'],
  ['啱唔啱', '对不对'], ['啱晤啱', '对不对'], ['啱啱好', '刚好'], ['啱啱', '刚刚'], ['啱', '对'], ['加埋', '加起来'], ['即系', '就是'], ['即係', '就是'], ['系咪', '是不是'],
  ['隔籬', '隔壁'], ['隔篱', '隔壁'], ['嗰個', '那个'], ['嗰个', '那个'], ['嗰啲', '那些'], ['嗰', '那'], ['而家', '现在'], ['攞', '拿'],
  ['我哋', '我们'], ['你哋', '你们'], ['佢哋', '他们'], ['咗', '了'], ['喺', '在'], ['萬蚊', '万元'], ['万蚊', '万元'], ['蚊', '元'],
];
// (Whether any of the table's words is said at all, derived from the table: a word added there is looked for here.)
const CANTONESE_WORDS = new RegExp(CANTONESE.map(([yue]) => yue).join('|'));
function fromCantonese(typed: string): string {
  // (系 before a figure, 技师系3个, is 是 in any script: no Mandarin word reads 系3.)
  const text = typed.replace(/系(?=\s*[0-9０-９一二两三四五六七八九十])/g, '是');
  return CANTONESE_WORDS.test(text) ? CANTONESE.reduce((t, [yue, cmn]) => t.split(yue).join(cmn), text) : text;
}
