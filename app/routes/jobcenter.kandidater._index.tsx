import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { FacetedResults, SearchBox } from "~/components/jobcentre/FacetedSearch";
import { FacetList, SkillFacet } from "~/components/jobcentre/FacetList";
import { ListPage } from "~/components/ListPage";
import { searchCandidates } from "~/portals/jobcentre/candidate-list.server";
import { parseCandidateListQuery } from "~/portals/jobcentre/schema";
import { requireRole } from "~/modules/auth/guards.server";
import { formatDate, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.candidates.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "JOBCENTRE");
  const query = parseCandidateListQuery(new URL(request.url).searchParams);
  const result = await searchCandidates(context.db, { organisationId: user.organisation.id, userId: user.id }, query);
  return { query, result };
}

export const headers = () => ({ "Cache-Control": "no-store" });

export default function CandidateList() {
  const { query, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const created = params.get("created");
  return (
    <ListPage
      title={t("consultant.candidates.title")}
      lead={t("consultant.candidates.lead")}
      notice={created ? t("consultant.candidates.created") : null}
      actions={
        <Link to="/jobcenter/kandidater/ny" className="button button-secondary">
          {t("consultant.candidates.create")}
        </Link>
      }
    >
      <SearchBox
        id="candidate-q"
        className="search-form"
        label={t("consultant.candidates.searchLabel")}
        submitLabel={t("consultant.candidates.search")}
        defaultValue={query.q ?? ""}
        keep={{ skill: query.skills, available: query.available, municipality: query.municipality, status: query.status }}
      />

      <FacetedResults
        id="candidate-filters"
        filtersHeading={t("consultant.candidates.filtersHeading")}
        clear={{ to: "/jobcenter/kandidater", label: t("consultant.candidates.clear") }}
        count={t("consultant.candidates.resultCount", { count: result.total })}
        countTestId="candidate-count"
        page={result.page}
        pageCount={result.pageCount}
        filters={
          <>
            <FacetList
              heading={t("consultant.candidates.filterStatus")}
              name="status"
              values={result.facets.status.map((f) => ({ ...f, label: t(`consultant.candidateStatus.${f.value}`) }))}
            />
            <FacetList
              heading={t("consultant.candidates.filterAvailability")}
              name="available"
              values={result.facets.availability.map((f) => ({ ...f, label: t(`consultant.candidates.availability.${f.value}`) }))}
            />
            <FacetList heading={t("consultant.candidates.filterMunicipality")} name="municipality" values={result.facets.municipalities} />
            <SkillFacet heading={t("consultant.candidates.filterSkills")} values={result.facets.skills} />
          </>
        }
      >
        <DataTable
          rows={result.rows}
          rowKey={(row) => row.id}
          rowProps={(row) => ({ "data-candidate-id": row.id })}
          label={t("consultant.candidates.title")}
          variant="zebra"
          testId="candidate-list"
          empty={t("consultant.candidates.empty")}
          columns={[
            { header: t("consultant.candidates.columns.name"), rowHeader: true, cell: (row) => <Link to={`/jobcenter/kandidater/${row.id}`}>{row.name}</Link> },
            { header: t("consultant.candidates.columns.pseudonym"), cell: (row) => row.pseudonym },
            { header: t("consultant.candidates.columns.status"), cell: (row) => t(`consultant.candidateStatus.${row.status}`) },
            { header: t("consultant.candidates.columns.place"), cell: (row) => `${row.postalCode} ${row.city ?? ""}` },
            { header: t("consultant.candidates.columns.available"), cell: (row) => formatDate(row.availableFrom, language) },
            { header: t("consultant.candidates.columns.skills"), numeric: true, cell: (row) => formatNumber(row.skillCount, language) },
            { header: t("consultant.candidates.columns.matches"), numeric: true, cell: (row) => formatNumber(row.matchCount, language) },
          ]}
        />
      </FacetedResults>
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
