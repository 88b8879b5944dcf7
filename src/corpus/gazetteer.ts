import { z } from 'zod';
import type { CorpusManifest } from './manifest.js';

/** corpus/places-not-covered.json: places callers name that no document covers (北京, 广州, 香港 …). */
export const PlacesNotCoveredSchema = z
  .object({
    /** Why the list is as it is, for the maintainer (JSON has no comments). */
    about: z.string(),
    places: z.array(z.string().min(2)).min(1),
    /** Policy levels and issuers with no document here: any phrase names the level, `name` is what answers say. */
    sources: z.array(z.object({ name: z.string().min(2), phrases: z.array(z.string().min(2)).min(1) })).default([]),
    /** Subjects no document speaks of (税率, 高新技术企业认定奖励): any phrase names the topic, `name` is what answers say. */
    topics: z.array(z.object({
      name: z.string().min(2), phrases: z.array(z.string().min(2)).min(1),
      /** Whom to ask instead (税务部门 for tax rates). */
      department: z.string().min(2),
    })).default([]),
    /** What callers ask of the assistant that is no policy question at all (天气预报, 写诗): `name` is what answers say. */
    requests: z.array(z.object({ name: z.string().min(2), phrases: z.array(z.string().min(2)).min(1) })).default([]),
    /** Words that hold a place's name and name no place (龙门加工中心 is a gantry machine, not 龙门县). */
    notPlaces: z.array(z.string().min(3)).default([]),
  })
  .refine((p) => new Set(p.places).size === p.places.length, { message: 'a place is listed twice', path: ['places'] });
export type PlacesNotCovered = z.infer<typeof PlacesNotCoveredSchema>;

/** Region names compiled once from the manifest and the places-not-covered list; `findRegions` reads nothing else. */
export interface RegionGazetteer {
  /** Each covered region in manifest order, with its aliases lower-cased (matching is case-insensitive). */
  covered: readonly { region: string; aliases: readonly string[] }[];
  /** Places no document covers, in file order; a place that a region's aliases name is covered instead. */
  notCovered: readonly string[];
  /** Policy levels and issuers no document covers (省里给的, 国家发改委), by the phrases that name them. */
  sourcesNotCovered: readonly { name: string; phrases: readonly string[] }[];
  /** Subjects no document speaks of, by the phrases that name them. */
  topicsNotCovered: readonly { name: string; phrases: readonly string[]; department: string }[];
  /** Requests that are no policy question (天气预报, 写诗), by the phrases that name them. */
  requestsOutside: readonly { name: string; phrases: readonly string[] }[];
  /** Each document by the names a caller may use for it (文号, full and short title), in `documentName` form. */
  documents: readonly { docId: string; region: string; names: readonly string[] }[];
  /** Those names one by one, the longest first: the order they are matched in. */
  /** `placeless`: a title without its place (规模工业企业技术改造提升行动), which another place's title may end with too. */
  documentNames: readonly { docId: string; name: string; placeless: boolean }[];
  /**
   * A hotline's shorthand for a document: its place's first character and the year of its short title (深2015, 深15,
   * 中18), not after another Han character (其中2014年 names nothing) other than a joining one or a preposition (东源和中18,
   * 按中18), nor before another digit.
   */
  documentCodes: readonly { docId: string; code: RegExp }[];
  /**
   * Titles the documents themselves cite in 《》 (《广东省工业企业技术改造指导目录》): quoted in a question they name what a
   * clause requires, not a level of government asked about.
   */
  citedTitles: readonly string[];
  /** Words holding a place's name that name no place (龙门加工中心): read as no place. */
  notPlaces: readonly string[];
}

/**
 * A document name as matched: brackets of every kind as 〔〕 (中府办[2014]30号, 中府办（2014）30号), no spaces, no 《》, and
 * no trailing 号; the text searched is read with `documentNameText`.
 */
function documentName(text: string): string {
  return documentNameText(text).replace(/\s/g, '').replace(/号$/, '');
}

/** A message in the form document names are matched in: brackets as 〔〕, 《》 blanked; spaces kept, as they part words. */
export function documentNameText(text: string): string {
  // (中府办2014 30号: the space between year and serial is the 〔〕 left out, read as 中府办2014-30号, the same length.)
  return text.replace(/[[【(（]/g, '〔').replace(/[\]】)）]/g, '〕').replace(/[《》]/g, ' ').replace(/((?:办|发|函)(?:19|20)\d\d)\s(\d{1,3}号)/gu, '$1-$2');
}

/**
 * A 文号 as callers type it without its brackets (深府办2015-20号, 深府办2015年20号, 深府办2015年第20号, 深府办15年20号,
 * 中府办2014 30号):
 * the same number, so the same document.
 */
function numberSpellings(docNumber: string | null | undefined): string[] {
  const parts = /^(\p{Script=Han}+)〔((?:19|20)(\d\d))〕(\d+)号$/u.exec(docNumber ?? '');
  if (!parts) return [];
  const [, office, year, short, serial] = parts;
  return [`${office}${year}-${serial}`, `${office}${year}年${serial}`, `${office}${year}年第${serial}`, `${office}${year}第${serial}`, `${office}${short}年${serial}`];
}

/** A shortened title this long or more names its document (shorter ones could be a topic's words). */
const TITLE_VARIANT_LENGTH = 10;

export function compileGazetteer(manifest: CorpusManifest, places: PlacesNotCovered, citedTitles: readonly string[] = []): RegionGazetteer {
  const covered = manifest.regions.map((r) => ({ region: r.region, aliases: r.aliases.map((a) => a.toLowerCase()) }));
  const aliases = new Set(covered.flatMap((r) => r.aliases));
  // The full title also without its bracketed tail (（2018-2022年）, （征求意见稿）), with its place said short (中山优势传统
  // 产业…行动计划) and, for an office's opinion, what follows 关于 (进一步促进企业技术改造的实施意见): callers quote it so.
  const documents = manifest.documents.map((d) => {
    const titles = [d.title, d.title.replace(/（[^）]*）$/, '')];
    // (And without its place: 六安那个规模工业企业技术改造提升行动 names the place apart.)
    const variants = titles.flatMap((t) => [t.replace(/^(\p{Script=Han}{2,3}?)[市县]/u, '$1'), t.replace(/^(\p{Script=Han}{2,3}?)[市县]/u, ''), t.replace(/^.*?关于/, '')])
      .filter((t) => t.length >= TITLE_VARIANT_LENGTH);
    return {
      docId: d.id, region: d.region,
      names: [...new Set([d.docNumber, ...numberSpellings(d.docNumber), ...titles, ...variants, d.shortTitle].filter((n): n is string => Boolean(n)).map(documentName))],
    };
  });
  const startsWithPlace = (name: string) => [...aliases].some((a) => name.toLowerCase().startsWith(a)) || /^\p{Script=Han}{1,3}府/u.test(name);
  const documentNames = documents.flatMap((d) => d.names.map((name) => ({ docId: d.docId, name, placeless: !startsWithPlace(name) })))
    .sort((a, b) => b.name.length - a.name.length);
  const documentCodes = manifest.documents.flatMap((d) => {
    const year = /(?:19|20)(\d\d)/.exec(d.shortTitle);
    if (!year) return [];
    return [{ docId: d.id, code: new RegExp(`(?<!(?![和跟与及同按照依据用对比看查在])\\p{Script=Han})${d.region.slice(0, 1)}\\s?(?:${year[0]}|${year[1]})(?![0-9])`, 'gu') }];
  });
  return { covered, notCovered: places.places.filter((p) => !aliases.has(p.toLowerCase())), sourcesNotCovered: places.sources, topicsNotCovered: places.topics, requestsOutside: places.requests, documents, documentNames, documentCodes, citedTitles: [...new Set(citedTitles)], notPlaces: places.notPlaces };
}
