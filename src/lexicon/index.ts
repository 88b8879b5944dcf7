import type { Clause, Corpus, PolicyDocumentManifest, RegionGazetteer } from '../corpus/index.js';
import type { PolicyRules } from '../policy/index.js';

/**
 * Vocabulary compiled once from the manifest and the rules data. Every module that needs policy words reads them
 * here; none keeps its own list, so a provision added to the rules YAML is understood, searched and gated in scope
 * without a code change.
 */
export interface Lexicon {
  /** Words that make a message about technology-upgrading policy (rule triggers and subjects plus the generic ones). */
  domainWords: readonly string[];
  /** Words jieba must keep whole: rule triggers and subjects, and the documents' quoted coinages (“助保贷”). */
  tokenizerWords: readonly string[];
  /** English term → the rule's policy term, longest first. */
  englishTerms: readonly { term: string; policyTerm: string }[];
  /** 目前收录：… — the coverage sentence, from the manifest. */
  coverage: string;
  /** The regions' aliases (manifest) and the places no document covers, as the corpus compiled them: for `findRegions`. */
  gazetteer: RegionGazetteer;
  /** Words that name a category of a fixed award (its label and cues: 省级, 中国质量奖提名奖) → the option key, longest first. */
  optionWords: readonly { word: string; key: string }[];
  /** Words that pick an enterprise category or project type (the cues of level and text inputs: 商贸, 信息化). */
  choiceWords: readonly string[];
}

/** Generic policy words that belong to no one provision (补贴, 政策, 条件 …). */
const GENERIC_DOMAIN_WORDS = ['技改', '技术改造', '补', '奖', '资助', '扶持', '政策', '文件', '条款', '企业', '项目', '工业',
  '制造', '目标', '领导', '负责', '用地', '土地', '融资', '贷款', '基金', '税', '财政', '申请', '条件', '门槛', '征求意见',
  '有效', '过期', '文号', '发文', '印发', '部门', '联系', '电话', '六化', '入库', '项目库', '机器换人', '机器人', '节能',
  'subsid', 'grant', 'policy', 'factory', 'machine'];

/**
 * The documents' own coinages, the words they put in quotation marks (“助保贷”, “一群一策”, “容缺”): a term of the
 * policy to keep whole, whatever jieba's dictionary would split it into.
 */
function quotedTerms(clauses: readonly Pick<Clause, 'text'>[]): string[] {
  return [...new Set(clauses.flatMap((c) => [...c.text.matchAll(/“(\p{Script=Han}{2,6})”/gu)].map((m) => m[1] ?? '')))].filter(Boolean);
}

export function compileLexicon(corpus: Pick<Corpus, 'documents' | 'gazetteer' | 'clauses'>, rules: PolicyRules): Lexicon {
  const ruleWords = rules.rules.flatMap((r) => [...r.vocabulary.triggers, ...r.vocabulary.broad, ...r.vocabulary.regionalTriggers, r.subject]);
  const english = rules.rules.flatMap((r) => r.vocabulary.english.map((term) => ({ term, policyTerm: r.vocabulary.triggers[0] ?? r.subject })));
  return {
    domainWords: [...new Set([...GENERIC_DOMAIN_WORDS, ...ruleWords, ...english.map((e) => e.term)])],
    tokenizerWords: [...new Set([...ruleWords.filter((w) => /^\p{Script=Han}{2,}$/u.test(w)), ...quotedTerms(corpus.clauses)])],
    englishTerms: english.sort((a, b) => b.term.length - a.term.length),
    coverage: coverageSentence(corpus.documents),
    gazetteer: corpus.gazetteer,
    optionWords: rules.rules.flatMap((r) => (r.formula.type === 'fixed' ? r.formula.options : []))
      .flatMap((o) => [o.label, ...o.cues].map((word) => ({ word, key: o.key })))
      .sort((a, b) => b.word.length - a.word.length),
    choiceWords: [...new Set(rules.rules.flatMap((r) => r.inputs.filter((i) => i.dimension === 'level' || i.dimension === 'text').flatMap((i) => i.cues)))],
  };
}

/** 目前收录：中山市（2014年…、2018–2022年…）、深圳市（…）… from each document's region and short title. */
function coverageSentence(documents: readonly PolicyDocumentManifest[]): string {
  const byRegion = new Map<string, string[]>();
  for (const d of documents) {
    const what = d.draft ? '征求意见稿' : d.period ? `${d.period.from.slice(0, 4)}年${d.shortTitle.replace(/^\p{Script=Han}{2}(市|县)?\d{4}/u, '')}` : d.shortTitle;
    byRegion.set(d.region, [...(byRegion.get(d.region) ?? []), what]);
  }
  return `目前收录：${[...byRegion].map(([region, docs]) => `${region}（${docs.join('、')}）`).join('、')}。`;
}

/** True when the message uses any policy word (case-insensitive). */
export function mentionsPolicy(lexicon: Lexicon, text: string): boolean {
  const lower = text.toLowerCase();
  return lexicon.domainWords.some((w) => lower.includes(w.toLowerCase()));
}
