// What a company sees on its home page. Always scoped by the company's id.
import type { Db } from "~/lib/db.server";
import type { VacancyStatus } from "~/generated/prisma/enums";

export interface CompanyVacancyRow {
  id: string;
  title: string;
  status: VacancyStatus;
  startDate: Date;
  currentMatches: number;
  /** Current matches the company has not been told about yet (Match.isNew). */
  newMatches: number;
}

export async function listCompanyVacancies(db: Db, companyId: string): Promise<CompanyVacancyRow[]> {
  const rows = await db.vacancy.findMany({
    where: { organisationId: companyId },
    select: {
      id: true,
      title: true,
      status: true,
      startDate: true,
      _count: { select: { matches: { where: { current: true } } } },
    },
    // Enum order (draft, open, paused, closed): live work first, then by start date.
    orderBy: [{ status: "asc" }, { startDate: "asc" }, { title: "asc" }],
    take: 200,
  });
  const fresh = await db.match.groupBy({
    by: ["vacancyId"],
    where: { current: true, isNew: true, vacancy: { organisationId: companyId } },
    _count: { _all: true },
  });
  const newByVacancy = new Map(fresh.map((g) => [g.vacancyId, g._count._all]));
  return rows.map(({ _count, ...row }) => ({ ...row, currentMatches: _count.matches, newMatches: newByVacancy.get(row.id) ?? 0 }));
}
