// Vacancy search for consultants across the companies their jobcentre serves:
// Meilisearch finds and counts (typo-tolerant title search, facets by status,
// municipality and required skill); PostgreSQL then loads what is shown, again
// scoped to served companies, so a stale index can never show another
// jobcentre's vacancy. If Meilisearch does not answer, a plain title search in
// PostgreSQL keeps the page usable (without facets).
import type { BilingualLabel } from "~/modules/taxonomy/label";
import { getSearchClient, indexUid } from "../../../search/client";
import { and, inList, quote } from "../../../search/queries/filters";
import type { VacancyStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";
import { createLogger } from "~/lib/logger.server";
import type { VacancySearchQuery } from "./schema";
import {
  countCurrentMatchesByVacancy,
  countVacanciesByTitle,
  findMunicipalityNames,
  findServedCompanyIds,
  findServedVacancyRows,
  findSkillLabels,
  findVacancyIdsByTitle,
} from "./vacancy-search.repository.server";

export const VACANCY_PAGE_SIZE = 20;
const log = createLogger("vacancy-search");

interface Facet {
  value: string;
  label: string;
  count: number;
}

export interface VacancySearchResult {
  total: number;
  page: number;
  pageCount: number;
  degraded: boolean;
  rows: {
    id: string;
    title: string;
    status: VacancyStatus;
    company: string;
    postalCode: string;
    city: string | null;
    startDate: string;
    matchCount: number;
  }[];
  facets: { status: Facet[]; municipalities: Facet[]; skills: (Facet & BilingualLabel)[] };
}

async function meiliSearch(companyIds: string[], query: VacancySearchQuery) {
  const client = await getSearchClient();
  const filter = and(
    inList("organisationId", companyIds),
    query.status && `status = ${quote(query.status)}`,
    query.municipality && `municipalityCode = ${quote(query.municipality)}`,
    ...query.skills.map((s) => `requiredSkillIds = ${quote(s)}`),
  );
  const result = await client.index(indexUid("vacancies")).search(query.q ?? "", {
    filter,
    facets: ["status", "municipalityCode", "requiredSkillIds"],
    hitsPerPage: VACANCY_PAGE_SIZE,
    page: query.page,
    attributesToRetrieve: ["id"],
    sort: ["startDate:asc"],
  });
  return {
    ids: result.hits.map((h) => String(h.id)),
    total: result.totalHits ?? 0,
    facets: result.facetDistribution ?? {},
  };
}

export async function searchVacancies(db: Db, jobcentreId: string, query: VacancySearchQuery): Promise<VacancySearchResult> {
  const companyIds = await findServedCompanyIds(db, jobcentreId);
  const empty: VacancySearchResult = { total: 0, page: 1, pageCount: 1, degraded: false, rows: [], facets: { status: [], municipalities: [], skills: [] } };
  if (companyIds.length === 0) return empty;

  let ids: string[];
  let total: number;
  let distribution: Record<string, Record<string, number>> = {};
  let degraded = false;
  try {
    const found = await meiliSearch(companyIds, query);
    ({ ids, total } = found);
    distribution = found.facets;
  } catch (error) {
    log.warn({ err: error }, "Meilisearch did not answer; falling back to a title search in PostgreSQL");
    degraded = true;
    const fallback = { companyIds, q: query.q, status: query.status };
    total = await countVacanciesByTitle(db, fallback);
    ids = await findVacancyIdsByTitle(db, fallback, { skip: (query.page - 1) * VACANCY_PAGE_SIZE, take: VACANCY_PAGE_SIZE });
  }

  const [vacancies, matchCounts, municipalities, skills] = await Promise.all([
    findServedVacancyRows(db, jobcentreId, ids),
    countCurrentMatchesByVacancy(db, jobcentreId, ids),
    findMunicipalityNames(db, Object.keys(distribution.municipalityCode ?? {})),
    findSkillLabels(db, Object.keys(distribution.requiredSkillIds ?? {})),
  ]);
  const byId = new Map(vacancies.map((v) => [v.id, v]));
  const counts = new Map(matchCounts.map((c) => [c.vacancyId, c._count._all]));
  const top = (entries: Record<string, number> | undefined, n: number) =>
    Object.entries(entries ?? {})
      .sort((a, b) => b[1] - a[1])
      .slice(0, n);
  const municipalityName = new Map(municipalities.map((mu) => [mu.code, mu.name]));
  const skillLabel = new Map(skills.map((s) => [s.id, s]));
  return {
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / VACANCY_PAGE_SIZE)),
    degraded,
    rows: ids.flatMap((vid) => {
      const v = byId.get(vid);
      if (!v) return [];
      return [{ id: v.id, title: v.title, status: v.status, company: v.organisation.name, postalCode: v.postalCode, city: v.city, startDate: v.startDate.toISOString(), matchCount: counts.get(v.id) ?? 0 }];
    }),
    facets: {
      status: top(distribution.status, 10).map(([value, count]) => ({ value, label: value, count })),
      municipalities: top(distribution.municipalityCode, 20).map(([value, count]) => ({ value, label: municipalityName.get(value) ?? value, count })),
      skills: top(distribution.requiredSkillIds, 15).flatMap(([value, count]) => {
        const s = skillLabel.get(value);
        return s ? [{ value, label: s.labelDa ?? s.labelEn, labelDa: s.labelDa, labelEn: s.labelEn, count }] : [];
      }),
    },
  };
}
