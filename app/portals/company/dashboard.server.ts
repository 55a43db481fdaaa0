// What a company sees on its home page. Always scoped by the company's id.
import type { Db } from "~/lib/db.server";
import type { VacancyStatus } from "~/generated/prisma/enums";
import { countNewMatchesByVacancy, listVacanciesWithMatchCounts } from "./repository.server";

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
  const rows = await listVacanciesWithMatchCounts(db, companyId);
  const newByVacancy = await countNewMatchesByVacancy(db, companyId);
  return rows.map((row) => ({ ...row, newMatches: newByVacancy.get(row.id) ?? 0 }));
}
