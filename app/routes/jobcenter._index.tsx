import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { OUTCOME_KINDS, PIPELINE_STATUSES } from "~/portals/jobcentre/dashboard-figures";
import { getJobcentreOverview } from "~/portals/jobcentre/dashboard.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "jobcentre.heading", { name: data?.organisationName ?? "" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "JOBCENTRE");
  const overview = await getJobcentreOverview(context.db, user.organisation.id);
  return { organisationName: user.organisation.name, overview };
}

export default function JobcentreHome() {
  const { organisationName, overview } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const figures = [
    { key: "activeCandidates", label: t("jobcentre.activeCandidates"), value: overview.activeCandidates, to: "/jobcenter/kandidater?status=ACTIVE" },
    { key: "openVacancies", label: t("jobcentre.openVacancies"), value: overview.openVacancies, to: "/jobcenter/stillinger?status=OPEN" },
    { key: "openContactRequests", label: t("jobcentre.openContactRequests"), value: overview.openContactRequests, to: "/jobcenter/henvendelser" },
  ];
  return (
    <>
      <h1>{t("jobcentre.heading", { name: organisationName })}</h1>
      <h2>{t("jobcentre.overviewHeading")}</h2>
      <dl className="figures">
        {figures.map((figure) => (
          <div key={figure.key} data-figure={figure.key}>
            <dt>
              <Link to={figure.to}>{figure.label}</Link>
            </dt>
            <dd className="h2">{formatNumber(figure.value, language)}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("consultant.overview.pipelineHeading")}</h2>
      <dl className="figures" data-testid="pipeline-figures">
        {PIPELINE_STATUSES.map((status) => (
          <div key={status} data-figure={`pipeline-${status}`}>
            <dt>{t(`consultant.pipelineStatus.${status}`)}</dt>
            <dd className="h2">{formatNumber(overview.pipeline[status], language)}</dd>
          </div>
        ))}
      </dl>

      <h2>{t("consultant.overview.outcomesHeading")}</h2>
      <DataTable
        rows={OUTCOME_KINDS}
        rowKey={(kind) => kind}
        rowProps={(kind) => ({ "data-outcome": kind })}
        label={t("consultant.overview.outcomesHeading")}
        testId="outcome-figures"
        columns={[
          { header: t("consultant.overview.kind"), rowHeader: true, cell: (kind) => t(`consultant.outcomeKind.${kind}`) },
          { header: t("consultant.overview.month"), numeric: true, cellProps: { "data-period": "month" }, cell: (kind) => formatNumber(overview.outcomes.month[kind], language) },
          { header: t("consultant.overview.year"), numeric: true, cellProps: { "data-period": "year" }, cell: (kind) => formatNumber(overview.outcomes.year[kind], language) },
        ]}
      />
      <p>
        <Link to="/jobcenter/resultater">{t("nav.outcomes")}</Link>
      </p>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
