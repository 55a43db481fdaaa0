// The reference data a course catalogue import reads: skills and postal codes,
// which belong to no institution. The courses themselves go through
// repository.server.ts, scoped by institution.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

export interface SkillLabels {
  id: string;
  labelEn: string;
  labelDa: string | null;
}

/** Skills whose id or label is one of `tokens` (lower-cased by the caller), in either language. */
export function findSkillsByToken(db: Client, tokens: string[]): Promise<SkillLabels[]> {
  return db.$queryRaw<SkillLabels[]>`
        SELECT "id", "labelEn", "labelDa" FROM "Skill"
        WHERE lower("id") = ANY(${tokens}::text[])
           OR lower("labelEn") = ANY(${tokens}::text[])
           OR lower("labelDa") = ANY(${tokens}::text[])`;
}

/** Of `codes`, those with a location: matching measures distances from an offering's place. */
export async function findLocatedPostalCodes(db: Client, codes: string[]): Promise<string[]> {
  const rows = await db.postalCode.findMany({ where: { code: { in: codes }, latitude: { not: null }, longitude: { not: null } }, select: { code: true } });
  return rows.map((p) => p.code);
}

/** The first skills by English label, for a sample catalogue. */
export function listFirstSkills(db: Client, take: number): Promise<SkillLabels[]> {
  return db.skill.findMany({ select: { id: true, labelDa: true, labelEn: true }, orderBy: { labelEn: "asc" }, take });
}

/** The lowest postal code with a location, for a sample catalogue. */
export async function findFirstLocatedPostalCode(db: Client): Promise<string | null> {
  const row = await db.postalCode.findFirst({ where: { latitude: { not: null }, longitude: { not: null } }, select: { code: true }, orderBy: { code: "asc" } });
  return row?.code ?? null;
}
