// "Vedligehold": the operators' view of retention runs and erasure requests.
// Counts only: operators administer Jobbro but never see who was erased.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { ListPage } from "~/components/ListPage";
import { maintenanceOverview } from "~/modules/retention/service.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getEnv } from "~/lib/env.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "citizen.maintenance.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const overview = await maintenanceOverview(context.db);
  return { ...overview, inactiveDays: getEnv().RETENTION_INACTIVE_DAYS };
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
    <ListPage title={t("citizen.maintenance.title")} lead={t("citizen.maintenance.lead", { days: formatNumber(inactiveDays, lang) })}>
      <h2>{t("citizen.maintenance.runs")}</h2>
      <DataTable
        rows={runs}
        rowKey={(run) => run.id}
        rowProps={(run) => ({ "data-failed": run.failed })}
        label={t("citizen.maintenance.runs")}
        variant="zebra"
        testId="maintenance-runs"
        empty={t("citizen.maintenance.noRuns")}
        columns={[
          { header: t("citizen.maintenance.kind"), cell: (run) => label("citizen.maintenance.kinds", run.kind) },
          { header: t("citizen.maintenance.started"), cell: (run) => formatDateTime(run.startedAt, lang) },
          {
            header: t("citizen.maintenance.finished"),
            cell: (run) => (
              <>
                {run.finishedAt ? formatDateTime(run.finishedAt, lang) : t("citizen.maintenance.running")}
                {run.failed ? <span className="badge badge-error ml-3">{t("citizen.maintenance.error")}</span> : null}
              </>
            ),
          },
          {
            header: t("citizen.maintenance.counts"),
            cell: (run) =>
              Object.entries(run.counts)
                .map(([key, value]) => `${formatNumber(value, lang)} ${label("citizen.maintenance.countLabels", key)}`)
                .join(", "),
          },
        ]}
      />

      <h2>{t("citizen.maintenance.erasures")}</h2>
      <DataTable
        rows={SOURCES}
        rowKey={(source) => source}
        label={t("citizen.maintenance.erasures")}
        variant="zebra"
        testId="maintenance-erasures"
        columns={[
          { header: t("citizen.maintenance.source"), rowHeader: true, cell: (source) => t(`citizen.maintenance.sources.${source}`) },
          ...STATUSES.map((status) => ({
            header: t(STATUS_LABEL[status]),
            numeric: true,
            cell: (source: (typeof SOURCES)[number]) => formatNumber(erasureCount(source, status), lang),
          })),
        ]}
      />
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
