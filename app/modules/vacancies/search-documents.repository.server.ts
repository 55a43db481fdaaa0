// What the vacancies index (search/indexes/vacancies.ts) reads of vacancies:
// every status (queries filter on it), and only what retrieval and the
// consultants' search use. Not tenant-scoped: matching looks across companies,
// and queries that serve one organisation filter on organisationId.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { afterIdWhere } from "~/lib/keyset";

type Reader = Db | Prisma.TransactionClient;

export const vacancyDocumentSelect = {
  id: true,
  organisationId: true,
  status: true,
  title: true,
  occupationId: true,
  startDate: true,
  requiresDrivingLicence: true,
  acceptsUpskilling: true,
  showNearMisses: true,
  languages: true,
  latitude: true,
  longitude: true,
  postalCode: true,
  skills: { select: { skillId: true, requirement: true }, orderBy: { skillId: "asc" } },
} satisfies Prisma.VacancySelect;

export type VacancyDocumentRow = Prisma.VacancyGetPayload<{ select: typeof vacancyDocumentSelect }> & {
  /** Looked up from the postal code table when it knows the code. */
  municipalityCode: string | null;
};

/** Rows of those of `ids` that exist. */
export async function findVacancyDocumentRows(db: Reader, ids: readonly string[]): Promise<VacancyDocumentRow[]> {
  const rows = await db.vacancy.findMany({ where: { id: { in: [...ids] } }, select: vacancyDocumentSelect });
  const municipalities = await municipalityCodes(db, rows.map((r) => r.postalCode));
  return rows.map((row) => ({ ...row, municipalityCode: municipalities.get(row.postalCode) ?? null }));
}

/** postal code → municipality code, for the codes the table knows. */
async function municipalityCodes(db: Reader, postalCodes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(postalCodes)];
  if (unique.length === 0) return new Map();
  const rows = await db.postalCode.findMany({ where: { code: { in: unique } }, select: { code: true, municipalityCode: true } });
  return new Map(rows.flatMap((r) => (r.municipalityCode ? [[r.code, r.municipalityCode] as const] : [])));
}

/** Every vacancy's id after `afterId`, ascending. */
export async function pageVacancyIds(db: Reader, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db.vacancy.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
  return rows.map((r) => r.id);
}
