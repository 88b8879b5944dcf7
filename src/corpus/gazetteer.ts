import { z } from 'zod';
import type { CorpusManifest } from './manifest.js';

/** corpus/places-not-covered.json: places callers name that no document covers (北京, 广州, 香港 …). */
export const PlacesNotCoveredSchema = z
  .object({
    /** Why the list is as it is, for the maintainer (JSON has no comments). */
    about: z.string(),
    places: z.array(z.string().min(2)).min(1),
  })
  .refine((p) => new Set(p.places).size === p.places.length, { message: 'a place is listed twice', path: ['places'] });
export type PlacesNotCovered = z.infer<typeof PlacesNotCoveredSchema>;

/** Region names compiled once from the manifest and the places-not-covered list; `findRegions` reads nothing else. */
export interface RegionGazetteer {
  /** Each covered region in manifest order, with its aliases lower-cased (matching is case-insensitive). */
  covered: readonly { region: string; aliases: readonly string[] }[];
  /** Places no document covers, in file order; a place that a region's aliases name is covered instead. */
  notCovered: readonly string[];
}

export function compileGazetteer(manifest: CorpusManifest, places: PlacesNotCovered): RegionGazetteer {
  const covered = manifest.regions.map((r) => ({ region: r.region, aliases: r.aliases.map((a) => a.toLowerCase()) }));
  const aliases = new Set(covered.flatMap((r) => r.aliases));
  return { covered, notCovered: places.places.filter((p) => !aliases.has(p.toLowerCase())) };
}
