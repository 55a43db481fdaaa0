// "Matchkørsler": the operator's list of full matching runs with their progress,
// a button that starts one now, and the platform status (/healthz's checks, the
// outbox lag and the workers' heartbeats; ADR 024). The page revalidates every
// 2 s while a run is in progress, or while a run just queued has not been picked up yet.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, timeOf } from "~/components/data";
import { ListPage } from "~/components/ListPage";
import { ErrorNotice, SuccessNotice } from "~/components/notices";
import { PlatformStatusPanel } from "~/components/operator/PlatformStatusPanel";
import { useAutoRefresh } from "~/components/operator/use-auto-refresh";
import { lastRuns } from "~/modules/matching/runs.server";
import { durationParts, progressPercent, runDurationMs } from "~/portals/operator/duration";
import { platformView } from "~/portals/operator/platform-view.server";
import { startManualRun } from "~/portals/operator/service.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { createLogger } from "~/lib/logger.server";
import { pageTitle } from "~/lib/meta";
import { QueueUnavailableError } from "~/lib/queue.server";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operations.runs.title");

/** After this long, a queued run that never appeared is no reason to keep refreshing. */
const WAIT_FOR_QUEUED_MS = 2 * 60 * 1000;
/** Clock slack between the web process that queued the run and the worker that stamps startedAt. */
const CLOCK_SLACK_MS = 5000;

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const db = context.db;
  const [runs, platform] = await Promise.all([lastRuns(db, 20), platformView(db)]);
  const queuedAt = Number(new URL(request.url).searchParams.get("queued"));
  const now = Date.now();
  const justQueued = Number.isFinite(queuedAt) && queuedAt > 0 && now - queuedAt < WAIT_FOR_QUEUED_MS;
  const queuedRunVisible = runs.some((r) => r.kind === "MANUAL" && r.startedAt.getTime() >= queuedAt - CLOCK_SLACK_MS);
  return {
    runs,
    now: new Date(now).toISOString(),
    queued: justQueued,
    refresh: runs.some((r) => r.status === "RUNNING") || (justQueued && !queuedRunVisible),
    platform,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "OPERATOR");
  try {
    await startManualRun(user);
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    createLogger("operations").warn({ operatorId: user.id, err: error.message }, "manual match run not queued");
    return data({ error: "queueUnavailable" as const }, { status: 503 });
  }
  return redirect(`/drift/koersler?queued=${Date.now()}`);
}

export default function MatchRunsPage() {
  const { runs, now, queued, refresh, platform } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const language = useLanguage();
  useAutoRefresh(refresh);
  const submitting = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const number = (value: number) => formatNumber(value, language);

  const duration = (startedAt: Date | string, finishedAt: Date | string | null) => {
    const parts = durationParts(runDurationMs(startedAt, finishedAt, new Date(now)));
    switch (parts.unit) {
      case "hours":
        return t("operations.runs.duration.hours", parts);
      case "minutes":
        return t("operations.runs.duration.minutes", parts);
      default:
        return t("operations.runs.duration.seconds", parts);
    }
  };

  return (
    <ListPage title={t("operations.runs.title")} lead={t("operations.runs.lead")}>
      {actionData?.error ? (
        <ErrorNotice heading={t("operations.runs.unavailableHeading")}>{t("operations.runs.queueUnavailable")}</ErrorNotice>
      ) : (
        <SuccessNotice heading={t("operations.runs.startedHeading")}>{queued ? t("operations.runs.started") : null}</SuccessNotice>
      )}

      <Form method="post">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t("operations.runs.starting") : t("operations.runs.start")}
        </button>
      </Form>

      <h2>{t("operations.runs.listHeading")}</h2>
      {refresh ? <p className="form-hint">{t("operations.runs.refreshing")}</p> : null}
      <DataTable
        rows={runs}
        rowKey={(run) => run.id}
        rowProps={(run) => ({ "data-run-id": run.id, "data-status": run.status })}
        label={t("operations.runs.listHeading")}
        variant="compact"
        testId="match-runs"
        empty={t("operations.runs.empty")}
        columns={[
          { header: t("operations.runs.columns.kind"), cell: (run) => t(`operations.runs.kind.${run.kind}`) },
          { header: t("operations.runs.columns.status"), cell: (run) => t(`operations.runs.status.${run.status}`) },
          { header: t("operations.runs.columns.startedAt"), sort: { key: "start", value: (run) => timeOf(run.startedAt) }, cell: (run) => formatDateTime(run.startedAt, language) },
          {
            header: t("operations.runs.columns.finishedAt"),
            cell: (run) => (run.finishedAt ? formatDateTime(run.finishedAt, language) : t("operations.runs.notFinished")),
          },
          { header: t("operations.runs.columns.duration"), cell: (run) => duration(run.startedAt, run.finishedAt) },
          {
            header: t("operations.runs.columns.progress"),
            cell: (run) => (
              <>
                <progress
                  className="run-progress"
                  max={100}
                  value={progressPercent(run.vacanciesDone, run.vacancyCount)}
                  aria-label={t("operations.runs.progressLabel", { start: formatDateTime(run.startedAt, language) })}
                />{" "}
                {t("operations.runs.progressText", { done: number(run.vacanciesDone), total: number(run.vacancyCount) })}
              </>
            ),
          },
          { header: t("operations.runs.columns.matches"), numeric: true, sort: { key: "matches", value: (run) => run.matchCount }, cell: (run) => number(run.matchCount) },
          { header: t("operations.runs.columns.newMatches"), numeric: true, sort: { key: "new", value: (run) => run.newMatchCount }, cell: (run) => number(run.newMatchCount) },
          { header: t("operations.runs.columns.upskilling"), numeric: true, sort: { key: "upskilling", value: (run) => run.upskillingCount }, cell: (run) => number(run.upskillingCount) },
          { header: t("operations.runs.columns.failures"), numeric: true, sort: { key: "failures", value: (run) => run.failureCount }, cell: (run) => number(run.failureCount) },
        ]}
      />

      <PlatformStatusPanel platform={platform} formatDateTime={(iso) => formatDateTime(iso, language)} />
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
