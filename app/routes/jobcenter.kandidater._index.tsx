import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { shownLabel } from "~/modules/taxonomy/label";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { FacetList } from "~/components/jobcentre/FacetList";
import { Pagination } from "~/components/jobcentre/Pagination";
import { searchCandidates } from "~/portals/jobcentre/candidate-list.server";
import { parseCandidateListQuery } from "~/portals/jobcentre/schema";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatDate, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.candidates.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "JOBCENTRE");
  const query = parseCandidateListQuery(new URL(request.url).searchParams);
  const result = await searchCandidates(getDb(), { organisationId: user.organisation.id, userId: user.id }, query);
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
    <>
      <h1>{t("consultant.candidates.title")}</h1>
      <p className="font-lead">{t("consultant.candidates.lead")}</p>
      {created ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t("consultant.candidates.created")}</p>
        </div>
      ) : null}
      <p>
        <Link to="/jobcenter/kandidater/ny" className="button button-secondary">
          {t("consultant.candidates.create")}
        </Link>
      </p>
      <Form method="get" role="search" className="search-form">
        {query.skills.map((s) => (
          <input key={s} type="hidden" name="skill" value={s} />
        ))}
        {query.available ? <input type="hidden" name="available" value={query.available} /> : null}
        {query.municipality ? <input type="hidden" name="municipality" value={query.municipality} /> : null}
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        <div className="form-group">
          <label className="form-label" htmlFor="candidate-q">
            {t("consultant.candidates.searchLabel")}
          </label>
          <div className="search">
            <input className="form-input input-char-27" type="search" id="candidate-q" name="q" defaultValue={query.q ?? ""} maxLength={100} />
            <button type="submit" className="button button-search">
              {t("consultant.candidates.search")}
            </button>
          </div>
        </div>
      </Form>

      <div className="row">
        <aside className="col-12 col-lg-3" aria-labelledby="candidate-filters">
          <h2 className="h4" id="candidate-filters">
            {t("consultant.candidates.filtersHeading")}
          </h2>
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
          <FacetList
            heading={t("consultant.candidates.filterSkills")}
            name="skill"
            multi
            values={result.facets.skills.map((f) => ({ value: f.value, count: f.count, ...shownLabel(f, language) }))}
          />
          <p>
            <Link to="/jobcenter/kandidater">{t("consultant.candidates.clear")}</Link>
          </p>
        </aside>
        <div className="col-12 col-lg-9">
          <p role="status" data-testid="candidate-count">
            {t("consultant.candidates.resultCount", { count: result.total })}
          </p>
          {result.rows.length === 0 ? (
            <p>{t("consultant.candidates.empty")}</p>
          ) : (
            <div className="table--responsive-scroll">
              <table className="table table--zebra" data-testid="candidate-list">
                <thead>
                  <tr>
                    <th scope="col">{t("consultant.candidates.columns.name")}</th>
                    <th scope="col">{t("consultant.candidates.columns.pseudonym")}</th>
                    <th scope="col">{t("consultant.candidates.columns.status")}</th>
                    <th scope="col">{t("consultant.candidates.columns.place")}</th>
                    <th scope="col">{t("consultant.candidates.columns.available")}</th>
                    <th scope="col" className="text-align-right">
                      {t("consultant.candidates.columns.skills")}
                    </th>
                    <th scope="col" className="text-align-right">
                      {t("consultant.candidates.columns.matches")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((row) => (
                    <tr key={row.id} data-candidate-id={row.id}>
                      <th scope="row">
                        <Link to={`/jobcenter/kandidater/${row.id}`}>{row.name}</Link>
                      </th>
                      <td>{row.pseudonym}</td>
                      <td>{t(`consultant.candidateStatus.${row.status}`)}</td>
                      <td>
                        {row.postalCode} {row.city}
                      </td>
                      <td>{formatDate(row.availableFrom, language)}</td>
                      <td className="text-align-right">{formatNumber(row.skillCount, language)}</td>
                      <td className="text-align-right">{formatNumber(row.matchCount, language)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pagination page={result.page} pageCount={result.pageCount} />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
