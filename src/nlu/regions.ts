import { documentNameText, type RegionGazetteer } from '../corpus/index.js';

export interface RegionMention {
  /** Corpus regions named (manifest `region` values), in order of first mention. */
  covered: string[];
  /** Places named that no corpus document covers (e.g. 广州), in order of first mention. */
  uncovered: string[];
}

// The district or county right after a place (浦东新区, 固始县, 市天河区): name characters, then the administrative word.
const DISTRICT = /^[^\s，,。；;：:？?！!的那边和跟与及在里有是要个]{1,4}?(?:新区|自治县|县|区|市|镇)/;

// "从深圳转移过来的", "从广州搬到东源": the place an enterprise moved from is where it was, not the place asked about.
const MOVED_FROM = /^.{0,6}?(转移|搬迁|搬到|搬过来|搬来|迁到|迁来|迁过来|转过来|过来)/;

/** Where `name` occurs in `text` other than as the place an enterprise moved from; -1 when nowhere else. */
function placeAt(text: string, name: string): number {
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
    const origin = text[at - 1] === '从' && MOVED_FROM.test(text.slice(at + name.length));
    if (!origin) return at;
  }
  return -1;
}

/**
 * The documents a text names by 文号 or title (中府办〔2014〕30号, 《中山市优势传统产业转型升级行动计划（2018-2022年）》),
 * and the text in `documentNameText` form with those names blanked, for the place names left in it.
 */
export function findDocuments(text: string, gazetteer: RegionGazetteer): { docIds: string[]; rest: string; at: Map<string, number> } {
  let rest = documentNameText(text);
  const at = new Map<string, number>();
  for (const { docId, name, placeless } of gazetteer.documentNames) {
    const i = rest.indexOf(name);
    if (i < 0) continue;
    // (《广东省工业企业技术改造三年行动计划》 is the province's: a title without its place, said right after another
    // place's name, is that place's.)
    if (placeless && /[省市县区]$/.test(rest.slice(0, i))) continue;
    if (!at.has(docId)) at.set(docId, i);
    // The 号 a 文号 ends with goes with it (names are kept without it: 中府办〔2014〕30 and …30号 alike).
    rest = rest.replace(new RegExp(`${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}号?`, 'g'), (m) => ' '.repeat(m.length));
  }
  for (const { docId, code } of gazetteer.documentCodes) {
    rest = rest.replace(code, (m, i: number) => {
      if (!at.has(docId)) at.set(docId, i);
      return ' '.repeat(m.length);
    });
  }
  return { docIds: [...at.keys()], rest, at };
}

/**
 * Finds the regions a question names, by the aliases the manifest gives each region (case-insensitive) and the places
 * corpus/places-not-covered.json lists. Pure and deterministic; the gazetteer is compiled once with the corpus.
 */
export function findRegions(text: string, gazetteer: RegionGazetteer): RegionMention {
  // A title the documents cite (《广东省工业企业技术改造指导目录》) names no place: blanked, positions kept.
  // (Nor does a word that only holds a place's name: 龙门加工中心.)
  const cited = [...gazetteer.citedTitles, ...gazetteer.notPlaces].reduce((t, title) => t.split(title).join(' '.repeat(title.length)), text);
  const documents = findDocuments(cited, gazetteer);
  const lower = documents.rest.toLowerCase();
  const covered: { region: string; at: number }[] = [];
  for (const [docId, at] of documents.at) {
    const region = gazetteer.documents.find((d) => d.docId === docId)?.region;
    if (region && !covered.some((c) => c.region === region)) covered.push({ region, at });
  }
  for (const { region, aliases } of gazetteer.covered) {
    const positions = aliases.map((a) => placeAt(lower, a)).filter((i) => i >= 0);
    const named = covered.find((c) => c.region === region);
    if (named && positions.length) named.at = Math.min(named.at, ...positions);
    else if (positions.length) covered.push({ region, at: Math.min(...positions) });
  }
  const uncovered: { place: string; at: number }[] = [];
  // A covered name's characters are its own: 中山东升 names 中山 (its 东升 town), not 山东.
  const coveredSpans = gazetteer.covered.flatMap(({ aliases }) => aliases.flatMap((a) => {
    const spans: [number, number][] = [];
    for (let at = lower.indexOf(a); at >= 0; at = lower.indexOf(a, at + 1)) spans.push([at, at + a.length]);
    return spans;
  }));
  const overlapsCovered = (at: number, length: number) => coveredSpans.some(([a, b]) => at < b && at + length > a);
  for (const place of gazetteer.notCovered) {
    let at = -1;
    for (let from = 0; ;) {
      const found = placeAt(documents.rest.slice(from), place);
      if (found < 0) break;
      if (!overlapsCovered(from + found, place.length)) { at = from + found; break; }
      from += found + 1;
    }
    // Said as written down to its district or county (上海浦东新区, 河南固始县): the answer names what was asked.
    const district = at >= 0 ? DISTRICT.exec(documents.rest.slice(at + place.length))?.[0] : undefined;
    if (at >= 0) uncovered.push({ place: `${place}${district ?? ''}`, at });
  }
  for (const source of gazetteer.sourcesNotCovered) {
    const said = source.phrases.filter((p) => documents.rest.includes(p));
    const positions = said.map((p) => documents.rest.indexOf(p));
    // (Named as asked where the list's name does not hold the caller's word: 国家层面（…）（工信部）.)
    // (Only a body's name is echoed, 工信部 or 发改委; 省里给的 says the level the name already says.)
    if (positions.length) uncovered.push({ place: echoedName(source.name, said, /(部|委|局|厅|署|办)$/), at: Math.min(...positions) });
  }
  return {
    covered: covered.sort((a, b) => a.at - b.at).map((c) => c.region),
    uncovered: adjacentJoined(uncovered.sort((a, b) => a.at - b.at)).map((u) => u.place),
  };
}

/** Places said one inside the next (江西赣州, 佛山顺德) as one place, named as written. */
function adjacentJoined(places: readonly { place: string; at: number }[]): { place: string; at: number }[] {
  const joined: { place: string; at: number }[] = [];
  for (const p of places) {
    const last = joined.at(-1);
    if (last && last.at + last.place.length === p.at) last.place += p.place;
    else joined.push({ ...p });
  }
  return joined;
}

/** The text with every covered region's name and alias taken out (the longest first: 中山市 before 中山). */
export function withoutRegionNames(text: string, gazetteer: RegionGazetteer): string {
  const names = gazetteer.covered.flatMap((r) => [r.region, ...r.aliases]).sort((a, b) => b.length - a.length);
  return names.reduce((rest, name) => rest.split(name).join(''), text);
}

/**
 * A listed name as the caller asked it: where no word said shares two characters with the name (工信部 beside 国家层面
 * （中央财政、国家部委）), the first one is added (国家层面（国家级、中央财政、国家部委：工信部））, if it is of the kind `only`
 * accepts; else the name as listed.
 */
export function echoedName(name: string, said: readonly string[], only: RegExp = /./): string {
  const bigrams = (w: string) => [...w].slice(0, -1).map((c, i) => c + (w[i + 1] ?? ''));
  const echo = (word: string) => (name.endsWith('）') ? name.replace(/）$/, `：${word}）`) : `${name}（${word}）`);
  // (A word said that the name does not hold, 工信部 beside 国家层面, 住房补贴 beside 人才住房和安家补贴, is echoed: the
  // caller asked of it.)
  const body = said.find((w) => only.test(w) && !name.includes(w));
  if (body) return echo(body);
  const [first] = said;
  if (!first || !only.test(first) || said.some((w) => bigrams(w).some((b) => name.includes(b)))) return name;
  return echo(first);
}
