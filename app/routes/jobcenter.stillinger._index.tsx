import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { FacetedResults, SearchBox } from "~/components/jobcentre/FacetedSearch";
import { FacetList, SkillFacet } from "~/components/jobcentre/FacetList";
import { ListPage } from "~/components/ListPage";
import { parseVacancySearchQuery } from "~/portals/jobcentre/schema";
import { searchVacancies } from "~/portals/jobcentre/vacancy-search.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatDate, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.vacancies.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "JOBCENTRE");
  const query = parseVacancySearchQuery(new URL(request.url).searchParams);
  const result = await searchVacancies(context.db, user.organisation.id, query);
  return { query, result };
}

export default function VacancySearch() {
  const { query, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ListPage title={t("consultant.vacancies.title")} lead={t("consultant.vacancies.lead")}>
      <SearchBox
        id="vacancy-q"
        label={t("consultant.vacancies.searchLabel")}
        submitLabel={t("consultant.vacancies.search")}
        defaultValue={query.q ?? ""}
        keep={{ skill: query.skills, status: query.status, municipality: query.municipality }}
      />
      {result.degraded ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-text">{t("consultant.vacancies.degraded")}</p>
        </div>
      ) : null}
      <FacetedResults
        id="vacancy-filters"
        filtersHeading={t("consultant.vacancies.filtersHeading")}
        clear={{ to: "/jobcenter/stillinger", label: t("consultant.vacancies.clear") }}
        count={t("consultant.vacancies.resultCount", { count: result.total })}
        countTestId="vacancy-count"
        page={result.page}
        pageCount={result.pageCount}
        filters={
          <>
            <FacetList
              heading={t("consultant.vacancies.filterStatus")}
              name="status"
              values={result.facets.status.map((f) => ({ ...f, label: t(`vacancyStatus.${f.value as "OPEN"}`) }))}
            />
            <FacetList heading={t("consultant.vacancies.filterMunicipality")} name="municipality" values={result.facets.municipalities} />
            <SkillFacet heading={t("consultant.vacancies.filterSkills")} values={result.facets.skills} />
          </>
        }
      >
        <DataTable
          rows={result.rows}
          rowKey={(v) => v.id}
          rowProps={(v) => ({ "data-vacancy-id": v.id })}
          label={t("consultant.vacancies.title")}
          variant="zebra"
          testId="vacancy-list"
          empty={t("consultant.vacancies.empty")}
          columns={[
            { header: t("consultant.vacancies.columns.title"), rowHeader: true, cell: (v) => <Link to={`/jobcenter/stillinger/${v.id}`}>{v.title}</Link> },
            { header: t("consultant.vacancies.columns.company"), cell: (v) => v.company },
            { header: t("consultant.vacancies.columns.place"), cell: (v) => `${v.postalCode} ${v.city ?? ""}` },
            { header: t("consultant.vacancies.columns.start"), cell: (v) => formatDate(v.startDate, language) },
            { header: t("consultant.vacancies.columns.status"), cell: (v) => t(`vacancyStatus.${v.status}`) },
            { header: t("consultant.vacancies.columns.matches"), numeric: true, cell: (v) => formatNumber(v.matchCount, language) },
          ]}
        />
      </FacetedResults>
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
