// Field conversions shared by the index files. Meilisearch filters numbers, not
// dates, so dates become unix seconds; _geo is omitted when we have no point.

export function toUnixSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

export function toGeo(latitude: number | null | undefined, longitude: number | null | undefined): GeoPoint | undefined {
  if (latitude == null || longitude == null || !Number.isFinite(latitude) || !Number.isFinite(longitude)) return undefined;
  return { lat: latitude, lng: longitude };
}

/** The typo settings of our text indexes: short words must match exactly. */
export const TEXT_TYPO_TOLERANCE = {
  enabled: true,
  minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 },
  disableOnNumbers: true,
} as const;

/**
 * Ranking of the taxonomy autocomplete. Exactness comes before attribute: a
 * concept whose title or alternative title IS the query ("lagermedarbejder")
 * beats one whose preferred label merely contains it ("lagermedarbejder for
 * tøj"). `tieBreak` orders what is still equal (e.g. how common a skill is).
 */
export const TAXONOMY_RANKING_RULES = (...tieBreak: string[]): string[] => ["words", "typo", "proximity", "exactness", "attribute", ...tieBreak, "sort"];
