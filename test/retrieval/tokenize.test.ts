import { describe, expect, it } from 'vitest';
import { addPolicyWords, jiebaTokenizer } from '../../src/retrieval/index.js';

describe('jieba with the documents\' own terms', () => {
  it('keeps them whole also after the rules data\'s words were taught first, as the server does at start', () => {
    addPolicyWords(['工作母机', '以奖代补']);
    expect(jiebaTokenizer('建立技术改造项目库')).toContain('项目库');
    expect(jiebaTokenizer('推进机器换人')).toContain('机器换人');
  });
});

describe('the documents\' quoted coinages', () => {
  it('are tokenizer words, so jieba keeps “助保贷” and “容缺” whole', async () => {
    const { loadCorpus } = await import('../../src/corpus/index.js');
    const { loadPolicyRules } = await import('../../src/policy/index.js');
    const { compileLexicon } = await import('../../src/lexicon/index.js');
    const lexicon = compileLexicon(loadCorpus('corpus'), loadPolicyRules('corpus'));
    expect(lexicon.tokenizerWords).toEqual(expect.arrayContaining(['助保贷', '一群一策', '容缺', '腾笼换鸟']));
    addPolicyWords(lexicon.tokenizerWords);
    expect(jiebaTokenizer('听说有个助保贷')).toContain('助保贷');
  });
});

describe('the lexical retriever remembers recent searches', () => {
  it('answers a repeated search with the same hits, and a changed scope afresh', async () => {
    const { loadCorpus } = await import('../../src/corpus/index.js');
    const { LexicalRetriever } = await import('../../src/retrieval/lexical.js');
    const corpus = loadCorpus('corpus');
    const retriever = new LexicalRetriever(corpus.clauses);
    const first = retriever.searchSync('工作母机 补贴', { k: 3 });
    first.pop();
    expect(retriever.searchSync('工作母机 补贴', { k: 3 }).map((h) => h.clause.id)).toHaveLength(3);
    const scoped = retriever.searchSync('工作母机 补贴', { k: 3, docIds: ['dongyuan-2018'] });
    expect(scoped.every((h) => h.clause.docId === 'dongyuan-2018')).toBe(true);
  });
});

describe('one spelling for words callers use interchangeably', () => {
  it('reads the generic words for the money asked about as one, and keeps the documents\' terms that contain one', async () => {
    const { toPolicyVocabulary } = await import('../../src/retrieval/index.js');
    const spelled = ['补贴', '补助', '资助', '奖补', '扶持资金'].map((w) => toPolicyVocabulary(`各地对企业买设备都有些什么${w}政策`));
    expect(new Set(spelled).size).toBe(1);
    expect(toPolicyVocabulary('东源事后奖补和以奖代补')).toBe('东源事后奖补和以奖代补');
    expect(toPolicyVocabulary('技术改造资助')).toBe('技改补贴');
  });
});
