// Taxonomy lookups for integrators who hold labels or ESCO URIs, not our ids
// (GET /api/v1/skills, /api/v1/occupations and one concept by id or URI). The
// search is the pickers' own (search/queries/taxonomy.ts), so the API ranks
// exactly as the autocomplete does. Both labels are returned (labelDa, labelEn);
// labelDa is null only for a concept nobody has translated (ADR 021).
import type { Meilisearch } from "meilisearch";
import { NotFoundError } from "~/lib/errors";
import type { Db } from "~/lib/db.server";
import { getSearchClient } from "../client";
import { searchTaxonomy } from "./taxonomy";
import { findOccupation, findSkill, occupationsByIds, skillsByIds, type OccupationRow, type SkillRow } from "~/modules/taxonomy/repository.server";
import type { TaxonomyLookupQuery } from "~/modules/taxonomy/schema";

export type SkillDto = SkillRow;

export interface OccupationDto extends Omit<OccupationRow, "group"> {
  group: { code: string; titleDa: string | null; titleEn: string | null } | null;
}

export interface OccupationDetailDto extends OccupationDto {
  /** The skills ESCO lists for the occupation: ESSENTIAL ones are what a vacancy usually requires. */
  skills: { id: string; relation: "ESSENTIAL" | "OPTIONAL"; labelDa: string | null; labelEn: string }[];
}

interface LookupDeps {
  db: Db;
  search?: () => Promise<Meilisearch>;
}

export async function lookupSkills(deps: LookupDeps, query: TaxonomyLookupQuery): Promise<SkillDto[]> {
  const { options } = await searchTaxonomy({ db: deps.db, search: deps.search ?? getSearchClient }, "skills", query.q, "da", query.limit);
  return skillsByIds(deps.db, options.map((o) => o.id));
}

export async function lookupOccupations(deps: LookupDeps, query: TaxonomyLookupQuery): Promise<OccupationDto[]> {
  const { options } = await searchTaxonomy({ db: deps.db, search: deps.search ?? getSearchClient }, "occupations", query.q, "da", query.limit);
  return occupationsByIds(deps.db, options.map((o) => o.id));
}

export async function getSkill(db: Db, ref: string): Promise<SkillDto> {
  const row = await findSkill(db, ref);
  if (!row) throw new NotFoundError("Skill");
  return row;
}

export async function getOccupation(db: Db, ref: string): Promise<OccupationDetailDto> {
  const row = await findOccupation(db, ref);
  if (!row) throw new NotFoundError("Occupation");
  const { skills, ...rest } = row;
  return { ...rest, skills: skills.map((s) => ({ id: s.skill.id, relation: s.relation, labelDa: s.skill.labelDa, labelEn: s.skill.labelEn })) };
}
