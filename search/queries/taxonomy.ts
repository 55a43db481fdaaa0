// Autocomplete over the taxonomy (skills and occupations) for the pickers. The
// web process asks Meilisearch with its search-only key; when Meilisearch does
// not answer, PostgreSQL answers instead with a plain substring match, so that
// a form can still be filled in (without typo tolerance) while search is down.
import type { Meilisearch } from "meilisearch";
import type { Language } from "~/i18n/config";
import type { Db } from "~/utils/db.server";
import { indexUid } from "../client";
import type { OccupationDocument } from "../indexes/occupations";
import type { SkillDocument } from "../indexes/skills";

export interface TaxonomyOption {
  id: string;
  label: string;
}

export type TaxonomyKind = "skills" | "occupations";

export const MAX_SUGGESTIONS = 20;
export const MAX_QUERY_LENGTH = 100;

interface Labelled {
  id: string;
  labelEn: string;
  labelDa: string | null;
}

/** The label in the reader's language; ESCO has no Danish label for some concepts. */
export function labelFor(row: Labelled, language: Language): string {
  return language === "da" ? (row.labelDa ?? row.labelEn) : row.labelEn;
}

export async function searchTaxonomy(
  deps: { db: Db; search: () => Promise<Meilisearch> },
  kind: TaxonomyKind,
  query: string,
  language: Language,
  limit = 10,
): Promise<{ options: TaxonomyOption[]; source: "search" | "database" }> {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  const take = Math.min(Math.max(1, limit), MAX_SUGGESTIONS);
  if (!q) return { options: [], source: "search" };
  try {
    const client = await deps.search();
    const result = await client.index<SkillDocument | OccupationDocument>(indexUid(kind)).search(q, {
      limit: take,
      attributesToRetrieve: ["id", "labelEn", "labelDa"],
    });
    return { options: result.hits.map((hit) => ({ id: hit.id, label: labelFor(hit, language) })), source: "search" };
  } catch {
    return { options: await databaseFallback(deps.db, kind, q, language, take), source: "database" };
  }
}

async function databaseFallback(db: Db, kind: TaxonomyKind, q: string, language: Language, take: number): Promise<TaxonomyOption[]> {
  const where = { OR: [{ labelDa: { contains: q, mode: "insensitive" as const } }, { labelEn: { contains: q, mode: "insensitive" as const } }] };
  const select = { id: true, labelEn: true, labelDa: true };
  const orderBy = language === "da" ? [{ labelDa: "asc" as const }, { id: "asc" as const }] : [{ labelEn: "asc" as const }, { id: "asc" as const }];
  const rows = kind === "skills" ? await db.skill.findMany({ where, select, orderBy, take }) : await db.occupation.findMany({ where, select, orderBy, take });
  return rows.map((row) => ({ id: row.id, label: labelFor(row, language) }));
}

/** Labels of known ids in the reader's language, in the order asked; unknown ids are left out. */
export async function taxonomyLabels(db: Db, kind: TaxonomyKind, ids: readonly string[], language: Language): Promise<TaxonomyOption[]> {
  if (ids.length === 0) return [];
  const select = { id: true, labelEn: true, labelDa: true };
  const where = { id: { in: [...new Set(ids)] } };
  const rows = kind === "skills" ? await db.skill.findMany({ where, select }) : await db.occupation.findMany({ where, select });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ id, label: labelFor(row, language) }] : [];
  });
}
