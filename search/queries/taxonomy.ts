// Autocomplete over the taxonomy (skills and occupations) for the pickers. The
// web process asks Meilisearch with its search-only key; when Meilisearch does
// not answer, PostgreSQL answers instead with a plain substring match, so that
// a form can still be filled in (without typo tolerance) while search is down.
import type { Meilisearch } from "meilisearch";
import type { Language } from "~/i18n/config";
import { shownLabel, type ShownLabel } from "~/modules/taxonomy/label";
import { findLabelsByIds, findLabelsContaining } from "~/modules/taxonomy/labels.repository.server";
import type { Db } from "~/lib/db.server";
import { indexUid } from "../client";
import type { OccupationDocument } from "../indexes/occupations";
import { danishVocabulary, longestSplit, words } from "../indexes/danish-terms";
import { SKILL_QUERY_NOISE, type SkillDocument } from "../indexes/skills";
import { rankByWholeLabel } from "./taxonomy-ranking";

export interface TaxonomyOption extends ShownLabel {
  id: string;
}

export type TaxonomyKind = "skills" | "occupations";

export const MAX_SUGGESTIONS = 20;
export const MAX_QUERY_LENGTH = 100;


/**
 * The query without words that name no concept of this kind ("AMU truck" is
 * "truck" among skills), in lower case: Meilisearch compares stop words before
 * folding case, so "AMU" would otherwise count.
 */
function withoutNoise(kind: TaxonomyKind, query: string): string {
  const noise = kind === "skills" ? SKILL_QUERY_NOISE : [];
  const words = query.toLowerCase().split(/\s+/).filter((w) => w && !noise.includes(w));
  return words.length > 0 ? words.join(" ") : query.toLowerCase();
}

/** How many hits are read to re-rank before the first `limit` are kept. */
const RERANK_WINDOW = 40;

export async function searchTaxonomy(
  deps: { db: Db; search: () => Promise<Meilisearch> },
  kind: TaxonomyKind,
  query: string,
  language: Language,
  limit = 10,
): Promise<{ options: TaxonomyOption[]; source: "search" | "database" }> {
  const q = withoutNoise(kind, query.trim().slice(0, MAX_QUERY_LENGTH));
  const take = Math.min(Math.max(1, limit), MAX_SUGGESTIONS);
  if (!q) return { options: [], source: "search" };
  try {
    const client = await deps.search();
    const index = client.index<SkillDocument | OccupationDocument>(indexUid(kind));
    const ask = async (text: string) =>
      (await index.search(text, { limit: RERANK_WINDOW, attributesToRetrieve: ["id", "labelEn", "labelDa", "altLabelsEn", "altLabelsDa"] })).hits;
    let hits = rankByWholeLabel(q, await ask(q), language);
    if (hits.length < take) {
      // A compound nobody wrote as one word ("gaffeltruckcertifikat"): ask again
      // for its parts ("gaffeltruck certifikat") and add what that finds.
      const parts = await queryParts(deps.db, q);
      if (parts) {
        const seen = new Set(hits.map((h) => h.id));
        hits = [...hits, ...(await ask(parts)).filter((h) => !seen.has(h.id))];
      }
    }
    return { options: hits.slice(0, take).map((hit) => ({ id: hit.id, ...shownLabel(hit, language) })), source: "search" };
  } catch {
    return { options: await databaseFallback(deps.db, kind, q, language, take), source: "database" };
  }
}

/** The query with each compound word replaced by its longest known parts, or null when nothing splits. */
async function queryParts(db: Db, q: string): Promise<string | null> {
  const vocabulary = await danishVocabulary(db);
  let changed = false;
  const rewritten = words(q).map((word) => {
    if (vocabulary.has(word)) return word;
    const parts = longestSplit(word, vocabulary);
    if (!parts) return word;
    changed = true;
    return parts.join(" ");
  });
  return changed ? rewritten.join(" ") : null;
}

async function databaseFallback(db: Db, kind: TaxonomyKind, q: string, language: Language, take: number): Promise<TaxonomyOption[]> {
  const rows = await findLabelsContaining(db, kind, q, language === "da" ? "labelDa" : "labelEn", take);
  return rows.map((row) => ({ id: row.id, ...shownLabel(row, language) }));
}

/** Labels of known ids in the reader's language, in the order asked; unknown ids are left out. */
export async function taxonomyLabels(db: Db, kind: TaxonomyKind, ids: readonly string[], language: Language): Promise<TaxonomyOption[]> {
  if (ids.length === 0) return [];
  const rows = await findLabelsByIds(db, kind, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ id, ...shownLabel(row, language) }] : [];
  });
}
