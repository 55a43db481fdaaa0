// What the skills and occupations indexes (search/indexes/skills.ts,
// occupations.ts) read of the taxonomy, and the Danish words their compound
// splitting uses (search/indexes/danish-terms.ts). Taxonomy data is shared by
// every organisation, so nothing here is tenant-scoped.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { afterIdWhere } from "~/lib/keyset";

type Reader = Db | Prisma.TransactionClient;

export const skillDocumentSelect = {
  id: true,
  key: true,
  labelEn: true,
  labelDa: true,
  altLabelsEn: true,
  altLabelsDa: true,
} satisfies Prisma.SkillSelect;

export type SkillDocumentRow = Prisma.SkillGetPayload<{ select: typeof skillDocumentSelect }>;

export const occupationDocumentSelect = {
  id: true,
  iscoCode: true,
  labelEn: true,
  labelDa: true,
  altLabelsEn: true,
  altLabelsDa: true,
  group: { select: { titleDa: true } },
} satisfies Prisma.OccupationSelect;

export type OccupationDocumentRow = Prisma.OccupationGetPayload<{ select: typeof occupationDocumentSelect }>;

/** Rows of those of `ids` that exist. */
export async function findSkillDocumentRows(db: Reader, ids: readonly string[]): Promise<SkillDocumentRow[]> {
  return db.skill.findMany({ where: { id: { in: [...ids] } }, select: skillDocumentSelect });
}

/** skill id → how many occupations name it, for those of `skillIds` that any occupation names. */
export async function countOccupationsNamingSkills(db: Reader, skillIds: readonly string[]): Promise<Map<string, number>> {
  const usage = await db.occupationSkill.groupBy({ by: ["skillId"], where: { skillId: { in: [...skillIds] } }, _count: { _all: true } });
  return new Map(usage.map((u) => [u.skillId, u._count._all]));
}

/** Every skill's id after `afterId`, ascending. */
export async function pageSkillIds(db: Reader, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db.skill.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
  return rows.map((r) => r.id);
}

/** Rows of those of `ids` that exist. */
export async function findOccupationDocumentRows(db: Reader, ids: readonly string[]): Promise<OccupationDocumentRow[]> {
  return db.occupation.findMany({ where: { id: { in: [...ids] } }, select: occupationDocumentSelect });
}

/** Every occupation's id after `afterId`, ascending. */
export async function pageOccupationIds(db: Reader, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db.occupation.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
  return rows.map((r) => r.id);
}

/** Every distinct word of at least `minLength` letters in the Danish labels and alternative labels of skills and occupations, in lower case. */
export async function danishLabelWords(db: Reader, minLength: number): Promise<string[]> {
  const rows = await db.$queryRaw<{ w: string }[]>`
    SELECT DISTINCT w FROM (
      SELECT regexp_split_to_table(lower(coalesce("labelDa", '') || ' ' || array_to_string("altLabelsDa", ' ')), '[^[:alnum:]æøåéü]+') AS w FROM "Skill"
      UNION ALL
      SELECT regexp_split_to_table(lower(coalesce("labelDa", '') || ' ' || array_to_string("altLabelsDa", ' ')), '[^[:alnum:]æøåéü]+') AS w FROM "Occupation"
    ) x WHERE length(w) >= ${minLength}`;
  return rows.map((r) => r.w);
}
