import type { RegionGazetteer } from '../corpus/index.js';

export interface RegionMention {
  /** Corpus regions named (manifest `region` values), in order of first mention. */
  covered: string[];
  /** Places named that no corpus document covers (e.g. 广州), in order of first mention. */
  uncovered: string[];
}

/**
 * Finds the regions a question names, by the aliases the manifest gives each region (case-insensitive) and the places
 * corpus/places-not-covered.json lists. Pure and deterministic; the gazetteer is compiled once with the corpus.
 */
export function findRegions(text: string, gazetteer: RegionGazetteer): RegionMention {
  const lower = text.toLowerCase();
  const covered: { region: string; at: number }[] = [];
  for (const { region, aliases } of gazetteer.covered) {
    const positions = aliases.map((a) => lower.indexOf(a)).filter((i) => i >= 0);
    if (positions.length) covered.push({ region, at: Math.min(...positions) });
  }
  const uncovered: { place: string; at: number }[] = [];
  for (const place of gazetteer.notCovered) {
    const at = text.indexOf(place);
    if (at >= 0) uncovered.push({ place, at });
  }
  for (const source of gazetteer.sourcesNotCovered) {
    const positions = source.phrases.map((p) => text.indexOf(p)).filter((i) => i >= 0);
    if (positions.length) uncovered.push({ place: source.name, at: Math.min(...positions) });
  }
  return {
    covered: covered.sort((a, b) => a.at - b.at).map((c) => c.region),
    uncovered: uncovered.sort((a, b) => a.at - b.at).map((u) => u.place),
  };
}
