// Ordering of taxonomy suggestions after Meilisearch has found them. Meilisearch
// ranks words, typos and attributes well, but it cannot tell "the query is this
// concept's whole title" from "the query is one word of a longer title": for
// "lagermedarbejder" the warehouse worker must come before "lagermedarbejder
// for tøj". So whole-label matches are lifted to the top here, in a stable sort
// that otherwise keeps Meilisearch's order. Pure: unit-tested without services.
import { foldDanish } from "~/lib/text-fold";

export interface RankableConcept {
  labelEn: string;
  labelDa: string | null;
  altLabelsEn?: string[];
  altLabelsDa?: string[];
}

/** Lower-case ASCII with punctuation as single spaces: "VVS'er" ~ "vvs er", "Rengøring" ~ "rengoering". */
export function comparable(text: string): string {
  return foldDanish(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/**
 * 0: a preferred label is the query; 1: an alternative label is the query;
 * 2: a preferred label holds the query as whole words ("føre kran" for "kran",
 * "lagermedarbejder for tøj" for "lagermedarbejder"); 3: a word of it starts or
 * ends with the query, as the part of a compound ("truckfører", "betjene
 * gaffeltruck" for "truck"); 4: anything else.
 */
export function matchTier(query: string, concept: RankableConcept, language: "da" | "en" = "da"): number {
  const q = comparable(query);
  if (!q) return 4;
  // Whole labels count in either language ("forklift operator" typed on a Danish page)…
  const preferred = [concept.labelDa, concept.labelEn].flatMap((l) => (l ? [comparable(l)] : []));
  if (preferred.includes(q)) return 0;
  const alternatives = [...(concept.altLabelsDa ?? []), ...(concept.altLabelsEn ?? [])].map(comparable);
  if (alternatives.includes(q)) return 1;
  // …words and prefixes only in the label the reader sees: "truck" on a Danish
  // page means "truckfører", not the English "truck driving instructor".
  const shown = comparable((language === "da" ? concept.labelDa : null) ?? concept.labelEn);
  if (` ${shown} `.includes(` ${q} `)) return 2;
  if (!q.includes(" ") && shown.split(" ").some((w) => w.startsWith(q) || w.endsWith(q))) return 3;
  return 4;
}

export function rankByWholeLabel<T extends RankableConcept>(query: string, hits: readonly T[], language: "da" | "en" = "da"): T[] {
  return hits
    .map((hit, index) => ({ hit, index, tier: matchTier(query, hit, language) }))
    .sort((a, b) => a.tier - b.tier || a.index - b.index)
    .map((x) => x.hit);
}
