import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { shownLabel } from "~/modules/taxonomy/label";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { FacetList } from "~/components/jobcentre/FacetList";
import { Pagination } from "~/components/jobcentre/Pagination";
import { parseVacancySearchQuery } from "~/portals/jobcentre/schema";
import { searchVacancies } from "~/portals/jobcentre/vacancy-search.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatDate, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.vacancies.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "JOBCENTRE");
  const query = parseVacancySearchQuery(new URL(request.url).searchParams);
  const result = await searchVacancies(getDb(), user.organisation.id, query);
  return { query, result };
}

export default function VacancySearch() {
  const { query, result } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h1>{t("consultant.vacancies.title")}</h1>
      <p className="font-lead">{t("consultant.vacancies.lead")}</p>
      <Form method="get" role="search">
        {query.skills.map((s) => (
          <input key={s} type="hidden" name="skill" value={s} />
        ))}
        {query.status ? <input type="hidden" name="status" value={query.status} /> : null}
        {query.municipality ? <input type="hidden" name="municipality" value={query.municipality} /> : null}
        <div className="form-group">
          <label className="form-label" htmlFor="vacancy-q">
            {t("consultant.vacancies.searchLabel")}
          </label>
          <div className="search">
            <input className="form-input input-char-27" type="search" id="vacancy-q" name="q" defaultValue={query.q ?? ""} maxLength={100} />
            <button type="submit" className="button button-search">
              {t("consultant.vacancies.search")}
            </button>
          </div>
        </div>
      </Form>
      {result.degraded ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-text">{t("consultant.vacancies.degraded")}</p>
        </div>
      ) : null}
      <div className="row">
        <aside className="col-12 col-lg-3" aria-labelledby="vacancy-filters">
          <h2 className="h4" id="vacancy-filters">
            {t("consultant.vacancies.filtersHeading")}
          </h2>
          <FacetList
            heading={t("consultant.vacancies.filterStatus")}
            name="status"
            values={result.facets.status.map((f) => ({ ...f, label: t(`vacancyStatus.${f.value as "OPEN"}`) }))}
          />
          <FacetList heading={t("consultant.vacancies.filterMunicipality")} name="municipality" values={result.facets.municipalities} />
          <FacetList
            heading={t("consultant.vacancies.filterSkills")}
            name="skill"
            multi
            values={result.facets.skills.map((f) => ({ value: f.value, count: f.count, ...shownLabel(f, language) }))}
          />
          <p>
            <Link to="/jobcenter/stillinger">{t("consultant.vacancies.clear")}</Link>
          </p>
        </aside>
        <div className="col-12 col-lg-9">
          <p role="status" data-testid="vacancy-count">
            {t("consultant.vacancies.resultCount", { count: result.total })}
          </p>
          {result.rows.length === 0 ? (
            <p>{t("consultant.vacancies.empty")}</p>
          ) : (
            <div className="table--responsive-scroll">
              <table className="table table--zebra" data-testid="vacancy-list">
                <thead>
                  <tr>
                    <th scope="col">{t("consultant.vacancies.columns.title")}</th>
                    <th scope="col">{t("consultant.vacancies.columns.company")}</th>
                    <th scope="col">{t("consultant.vacancies.columns.place")}</th>
                    <th scope="col">{t("consultant.vacancies.columns.start")}</th>
                    <th scope="col">{t("consultant.vacancies.columns.status")}</th>
                    <th scope="col" className="text-align-right">
                      {t("consultant.vacancies.columns.matches")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {result.rows.map((v) => (
                    <tr key={v.id} data-vacancy-id={v.id}>
                      <th scope="row">
                        <Link to={`/jobcenter/stillinger/${v.id}`}>{v.title}</Link>
                      </th>
                      <td>{v.company}</td>
                      <td>
                        {v.postalCode} {v.city}
                      </td>
                      <td>{formatDate(v.startDate, language)}</td>
                      <td>{t(`vacancyStatus.${v.status}`)}</td>
                      <td className="text-align-right">{formatNumber(v.matchCount, language)}</td>
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
