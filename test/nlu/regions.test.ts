import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCorpus, PlacesNotCoveredSchema } from '../../src/corpus/index.js';
import { compileLexicon } from '../../src/lexicon/index.js';
import { findDocuments, findRegions } from '../../src/nlu/regions.js';
import { understand } from '../../src/nlu/understand.js';
import { loadPolicyRules } from '../../src/policy/index.js';
import { corpusWithFixtureDocument } from '../helpers.js';

const gazetteer = loadCorpus('corpus').gazetteer;

describe('findRegions over the manifest\'s aliases and corpus/places-not-covered.json', () => {
  const cases: [string, string[], string[]][] = [
    ['中山买设备补多少', ['中山市'], []],
    ['火炬开发区的企业', ['中山市'], []],
    // Case-insensitive, pinyin included.
    ['ZhongShan and SHENZHEN', ['中山市', '深圳市'], []],
    ["Lu'an draft", ['六安市'], []],
    // Order of first mention, not manifest order.
    ['霍山和南山区、东源各补多少', ['六安市', '深圳市', '东源县'], []],
    ['东源和中山县里的', ['东源县', '中山市'], []],
    ['广州有技改补贴吗', [], ['广州']],
    ['香港和北京呢', [], ['香港', '北京']],
    // Province and national words are scope, not places.
    ['广东省有什么技改政策', [], []],
    ['全国和国家级的奖励', [], []],
    ['安徽省六安的规定', ['六安市'], []],
    // 河源市本级 names 河源 too, reported first at the same position.
    ['河源市本级配套多少', [], ['河源', '河源市本级']],
    ['中央财政补多少', [], ['国家层面（国家级、中央财政、国家部委）']],
    ['省里给的技改补贴比例是多少', [], ['广东省级']],
    ['东源隔壁的和平县技改补多少', ['东源县'], ['和平县']],
  ];
  it.each(cases)('%s → %j, not covered %j', (text, covered, uncovered) => {
    expect(findRegions(text, gazetteer)).toEqual({ covered, uncovered });
  });

  it('validates the places-not-covered list and rejects a place listed twice', () => {
    const places = PlacesNotCoveredSchema.parse(JSON.parse(readFileSync('corpus/places-not-covered.json', 'utf8')));
    expect(places.places).toContain('台灣');
    expect(PlacesNotCoveredSchema.safeParse({ ...places, places: [...places.places, '北京'] }).success).toBe(false);
  });

  it('lists as not covered only topics and requests no document speaks of', () => {
    const places = PlacesNotCoveredSchema.parse(JSON.parse(readFileSync('corpus/places-not-covered.json', 'utf8')));
    const corpus = loadCorpus('corpus');
    for (const topic of [...places.topics, ...places.requests]) {
      for (const phrase of topic.phrases) {
        expect(corpus.documents.some((d) => d.text.includes(phrase)), `${topic.name}: ${phrase}`).toBe(false);
      }
    }
  });
});

describe('a region added in the manifest is understood with no code change', () => {
  const question = '顺德陶瓷厂辊道窑余热回收改造投了500万能补多少';

  it('recognises the fixture region by a district alias, and 佛山 as covered once a document covers it', () => {
    const corpusDir = corpusWithFixtureDocument({ rules: true });
    const lexicon = compileLexicon(loadCorpus(corpusDir), loadPolicyRules(corpusDir));
    expect(understand(question, lexicon)).toMatchObject({ regions: ['佛山市'], uncoveredPlaces: [] });
    expect(understand('FoShan和中山的设备补贴', lexicon)).toMatchObject({ regions: ['佛山市', '中山市'], uncoveredPlaces: [] });
    expect(understand('佛山有什么扶持', lexicon)).toMatchObject({ regions: ['佛山市'], uncoveredPlaces: [] });
  });

  it('without the fixture, the same words name no covered region, and 顺德 and 佛山 are places not covered', () => {
    const lexicon = compileLexicon(loadCorpus('corpus'), loadPolicyRules('corpus'));
    expect(understand(question, lexicon)).toMatchObject({ regions: [], uncoveredPlaces: ['顺德'] });
    expect(understand('佛山有什么扶持', lexicon)).toMatchObject({ regions: [], uncoveredPlaces: ['佛山'] });
  });
});

describe('documents named by 文号 or title (the manifest\'s docNumber, title and shortTitle)', () => {
  it.each([
    ['中府办〔2014〕30号还在执行吗', ['zhongshan-2014']],
    ['中府办[2014]30号', ['zhongshan-2014']],
    ['深府办（2015）20号 是谁发的', ['shenzhen-2015']],
    ['《中山市优势传统产业转型升级行动计划》的工作目标', ['zhongshan-2018']],
    ['请比较中府办〔2014〕30号与《中山市优势传统产业转型升级行动计划（2018-2022年）》', ['zhongshan-2014', 'zhongshan-2018']],
    ['中山2014年的意见', []],
    // Without its brackets, as callers type it.
    ['深府办2015-20号 牵头单位', ['shenzhen-2015']],
    ['东府办2018年第29号', ['dongyuan-2018']],
    ['中府办14年30号', ['zhongshan-2014']],
  ])('%s → %j', (text, docIds) => {
    expect(findDocuments(text, gazetteer).docIds.sort()).toEqual(docIds);
  });

  it('a document named by title names its region, not the other documents of the region', () => {
    expect(findRegions('《中山市优势传统产业转型升级行动计划（2018-2022年）》提出了哪些目标', gazetteer).covered).toEqual(['中山市']);
  });

  it('the place an enterprise moved from is not a place asked about', () => {
    expect(findRegions('我们是从深圳转移过来的，进了东源的省级产业园', gazetteer).covered).toEqual(['东源县']);
    expect(findRegions('我们从广州搬到东源了', gazetteer)).toEqual({ covered: ['东源县'], uncovered: [] });
  });
});
