// The queries behind the consultant's vacancy search (vacancy-search.server.ts).
// Vacancies are read only through the companies the jobcentre serves, so a
// stale search index can never show another jobcentre's vacancy.
import type { VacancyStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

export async function findServedCompanyIds(db: Db, jobcentreId: string): Promise<string[]> {
  return (await db.organisation.findMany({ where: { servedById: jobcentreId, kind: "COMPANY" }, select: { id: true } })).map((c) => c.id);
}

/** The title search used when Meilisearch does not answer: these companies' vacancies, by start date. */
export interface FallbackVacancySearch {
  companyIds: string[];
  q?: string;
  status?: VacancyStatus;
}

function fallbackWhere(search: FallbackVacancySearch) {
  return {
    organisationId: { in: search.companyIds },
    ...(search.q ? { title: { contains: search.q, mode: "insensitive" as const } } : {}),
    ...(search.status ? { status: search.status } : {}),
  };
}

export async function countVacanciesByTitle(db: Db, search: FallbackVacancySearch): Promise<number> {
  return db.vacancy.count({ where: fallbackWhere(search) });
}

export async function findVacancyIdsByTitle(db: Db, search: FallbackVacancySearch, page: { skip: number; take: number }): Promise<string[]> {
  const rows = await db.vacancy.findMany({ where: fallbackWhere(search), orderBy: [{ startDate: "asc" }, { id: "asc" }], skip: page.skip, take: page.take, select: { id: true } });
  return rows.map((v) => v.id);
}

export async function findServedVacancyRows(db: Db, jobcentreId: string, vacancyIds: string[]) {
  return db.vacancy.findMany({
    where: { id: { in: vacancyIds }, organisation: { servedById: jobcentreId } },
    select: { id: true, title: true, status: true, postalCode: true, city: true, startDate: true, organisation: { select: { name: true } } },
  });
}

/** Current matches of the jobcentre's own candidates, per vacancy. */
export async function countCurrentMatchesByVacancy(db: Db, jobcentreId: string, vacancyIds: string[]) {
  return db.match.groupBy({ by: ["vacancyId"], where: { vacancyId: { in: vacancyIds }, current: true, candidate: { jobcentreId } }, _count: { _all: true } });
}

export async function findMunicipalityNames(db: Db, codes: string[]) {
  return db.municipality.findMany({ where: { code: { in: codes } }, select: { code: true, name: true } });
}

export async function findSkillLabels(db: Db, skillIds: string[]) {
  return db.skill.findMany({ where: { id: { in: skillIds } }, select: { id: true, labelDa: true, labelEn: true } });
}
