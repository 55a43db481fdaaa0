// The taxonomy's Prisma access for the integration API's lookups. Taxonomy
// data is shared by every organisation, so nothing here is tenant-scoped.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Reader = Db | Prisma.TransactionClient;

export const skillDtoSelect = {
  id: true,
  escoUri: true,
  labelDa: true,
  labelEn: true,
  altLabelsDa: true,
  altLabelsEn: true,
  skillType: true,
  description: true,
} satisfies Prisma.SkillSelect;

export const occupationDtoSelect = {
  id: true,
  escoUri: true,
  iscoCode: true,
  labelDa: true,
  labelEn: true,
  altLabelsDa: true,
  altLabelsEn: true,
  description: true,
  group: { select: { code: true, titleDa: true, titleEn: true } },
} satisfies Prisma.OccupationSelect;

export type SkillRow = Prisma.SkillGetPayload<{ select: typeof skillDtoSelect }>;
export type OccupationRow = Prisma.OccupationGetPayload<{ select: typeof occupationDtoSelect }>;

/** Rows for the given ids, in the order of the ids (search order); unknown ids are left out. */
export async function skillsByIds(db: Reader, ids: readonly string[]): Promise<SkillRow[]> {
  const rows = await db.skill.findMany({ where: { id: { in: [...ids] } }, select: skillDtoSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function occupationsByIds(db: Reader, ids: readonly string[]): Promise<OccupationRow[]> {
  const rows = await db.occupation.findMany({ where: { id: { in: [...ids] } }, select: occupationDtoSelect });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/** By our id or by ESCO concept URI. */
export function findSkill(db: Reader, ref: string): Promise<SkillRow | null> {
  return db.skill.findFirst({ where: { OR: [{ id: ref }, { escoUri: ref }] }, select: skillDtoSelect });
}

export function findOccupation(db: Reader, ref: string) {
  return db.occupation.findFirst({
    where: { OR: [{ id: ref }, { escoUri: ref }] },
    select: {
      ...occupationDtoSelect,
      skills: { select: { relation: true, skill: { select: { id: true, labelDa: true, labelEn: true } } }, orderBy: { skillId: "asc" } },
    },
  });
}
