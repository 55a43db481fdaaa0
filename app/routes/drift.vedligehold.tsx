// "Vedligehold": the operators' view of retention runs and erasure requests.
// Counts only: operators administer Jobbro but never see who was erased.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import type { Language } from "~/i18n/config";
import { maintenanceOverview } from "~/modules/retention/service.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "citizen.maintenance.title");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const overview = await maintenanceOverview(getDb());
  return { ...overview, inactiveDays: getEnv().RETENTION_INACTIVE_DAYS };
}

const LOCALES: Record<Language, string> = { da: "da-DK", en: "en-GB" };
function formatMoment(value: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Copenhagen" }).format(new Date(value));
}

const SOURCES = ["CITIZEN", "CONSULTANT", "RETENTION"] as const;
const STATUSES = ["PENDING", "DONE", "FAILED"] as const;
const STATUS_LABEL = { PENDING: "citizen.maintenance.pending", DONE: "citizen.maintenance.done", FAILED: "citizen.maintenance.failed" } as const;

export default function MaintenancePage() {
  const { runs, erasures, inactiveDays } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lang = useLanguage();
  const label = (prefix: string, key: string) => (i18n.exists(`${prefix}.${key}`) ? t(`${prefix}.${key}` as ParseKeys) : key);
  const erasureCount = (source: string, status: string) => erasures.find((e) => e.source === source && e.status === status)?.count ?? 0;
  return (
    <>
      <h1>{t("citizen.maintenance.title")}</h1>
      <p className="font-lead">{t("citizen.maintenance.lead", { days: formatNumber(inactiveDays, lang) })}</p>

      <h2>{t("citizen.maintenance.runs")}</h2>
      {runs.length === 0 ? (
        <p>{t("citizen.maintenance.noRuns")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra" data-testid="maintenance-runs">
            <thead>
              <tr>
                <th scope="col">{t("citizen.maintenance.kind")}</th>
                <th scope="col">{t("citizen.maintenance.started")}</th>
                <th scope="col">{t("citizen.maintenance.finished")}</th>
                <th scope="col">{t("citizen.maintenance.counts")}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.id} data-failed={run.failed}>
                  <td>{label("citizen.maintenance.kinds", run.kind)}</td>
                  <td>{formatMoment(run.startedAt, lang)}</td>
                  <td>
                    {run.finishedAt ? formatMoment(run.finishedAt, lang) : t("citizen.maintenance.running")}
                    {run.failed ? <span className="badge badge-error ml-3">{t("citizen.maintenance.error")}</span> : null}
                  </td>
                  <td>
                    {Object.entries(run.counts)
                      .map(([key, value]) => `${formatNumber(value, lang)} ${label("citizen.maintenance.countLabels", key)}`)
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("citizen.maintenance.erasures")}</h2>
      <div className="table--responsive-scroll">
        <table className="table table--zebra" data-testid="maintenance-erasures">
          <thead>
            <tr>
              <th scope="col">{t("citizen.maintenance.source")}</th>
              {STATUSES.map((status) => (
                <th scope="col" key={status} className="text-align-right">
                  {t(STATUS_LABEL[status])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SOURCES.map((source) => (
              <tr key={source}>
                <th scope="row">{t(`citizen.maintenance.sources.${source}`)}</th>
                {STATUSES.map((status) => (
                  <td key={status} className="text-align-right">
                    {formatNumber(erasureCount(source, status), lang)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
