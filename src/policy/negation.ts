// What a message negates, in one place. A span that negates drops what lies inside it: a provision's words for rule
// choice (不是龙头企业, 非示范项目), a figure or a place for reading the case (不是200万, 不是东源县的).

// A recognition not (yet) obtained, up to the next pause: 还没认定龙头骨干, 没评上智能制造示范.
const NOT_OBTAINED = String.raw`(还没有?|没有|没|尚未|未)被?(认定|评上|评为|评|获得|拿到|入选)([^，,。；;？?！!\s（）()]{0,10})`;
const DENIALS = ['不是', '并非', '不属于', '不在', '不算', '算不上', '不再是'];

// Of a provision's words: also 非 (非示范项目) and a recognition denied (未被认定为); the span runs over 是
// (不是高新技术企业 names no 高新技术企业).
// (And what a case leaves out, 不含母机: never of a figure, since 不含税500万 still gives its 500万.)
const OF_WORDS = new RegExp(`(${[...DENIALS, '没有被认定为', '未被认定为', '非', '不含', '不包含', '不包括'].join('|')})([^，,。；;？?！!（）()]{0,12})|${NOT_OBTAINED}`, 'g');
// Of a figure or a place: also a correction (不对, 而不是) and a floor (不止); the span stops at 是, where the corrected
// figure begins (不是200万是300万). No 非: 非关联方采购500万 gives its figure. A bracket closes what it denies:
// "（不是示范项目，也不是龙头骨干企业）投了800万" denies no figure. (对不对, 对或不对 ask yes or no: no correction.)
const OF_FIGURES = new RegExp(`(${[...DENIALS, '(?<!对|对或|对还是)不对', '不止', '而不是'].join('|')})([^，,。；;？?！!是（）()]{0,10})|${NOT_OBTAINED}`, 'g');
// "智能工厂那个还在评": a recognition still pending, said after what it names (back to the previous pause).
const PENDING = /[^，,。；;？?！!（）()]{1,10}?(那个|这个|那项|这项)?(还在|正在|仍在)(评|评审|申报|申请|审核|认定|审批)/g;

const spans = (matches: Iterable<RegExpMatchArray>): [number, number][] =>
  [...matches].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);

/** Spans where a provision's words do not count for it: negated, or a recognition still pending. */
export function negatedWordSpans(text: string): [number, number][] {
  return [...spans(text.matchAll(OF_WORDS)), ...spans(text.matchAll(PENDING))];
}

/** Spans where a figure or a place is not the user's own (不是200万，是300万; 不是东源县的). */
export function negatedFigureSpans(text: string): [number, number][] {
  return spans(text.matchAll(OF_FIGURES));
}

// A condition said not to be met, before its word in the same piece: 没有备案证, 冇攞備案證 (read as 没有拿), 未取得, 不在中山,
// 贡献低于…全市平均水平.
// (A bare 不 only right before the word: 不在中山 denies 在中山; 不清楚在中山… does not.)
const DENIED_BEFORE = /((没有|没|未|尚未|还没|无|不是|不在|并非|不属于|不具备|不符合|不算|算不上|(?<!不)低于|(?<!不)低过|达不到|不到)[^，,。；;？?！!]{0,10}|不)$/;

/** Whether the text says, of one of the words, that the case lacks it (没有拿技改投资项目备案证 → 备案证). */
export function saysLacking(text: string, words: readonly string[]): boolean {
  return words.some((word) => {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      const piece = text.slice(0, at).split(/[，,。；;？?！!]/).at(-1) ?? '';
      if (DENIED_BEFORE.test(piece)) return true;
    }
    return false;
  });
}
