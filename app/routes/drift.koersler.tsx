// "Matchkørsler": the operator's list of full matching runs with their progress,
// a button that starts one now, and the platform status (/healthz's checks, the
// outbox lag and the workers' heartbeats; ADR 024). The page revalidates every
// 2 s while a run is in progress, or while a run just queued has not been picked up yet.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { PlatformStatusPanel } from "~/components/operator/PlatformStatusPanel";
import type { Language } from "~/i18n/config";
import { lastRuns } from "~/modules/matching/runs.server";
import { durationParts, progressPercent, runDurationMs } from "~/portals/operator/duration";
import { platformView } from "~/portals/operator/platform-view.server";
import { startManualRun } from "~/portals/operator/service.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatNumber } from "~/lib/format";
import { createLogger } from "~/lib/logger.server";
import { pageTitle } from "~/lib/meta";
import { QueueUnavailableError } from "~/lib/queue.server";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operations.runs.title");

const REFRESH_MS = 2000;
/** After this long, a queued run that never appeared is no reason to keep refreshing. */
const WAIT_FOR_QUEUED_MS = 2 * 60 * 1000;
/** Clock slack between the web process that queued the run and the worker that stamps startedAt. */
const CLOCK_SLACK_MS = 5000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const [runs, platform] = await Promise.all([lastRuns(getDb(), 20), platformView()]);
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

const DATE_TIME_LOCALES: Record<Language, string> = { da: "da-DK", en: "en-GB" };

// A fixed time zone, so the server's rendering and the browser's hydration agree.
function formatDateTime(value: string | Date, language: Language): string {
  return new Intl.DateTimeFormat(DATE_TIME_LOCALES[language], { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Copenhagen" }).format(
    new Date(value),
  );
}

function useAutoRefresh(active: boolean) {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      if (revalidator.state === "idle" && document.visibilityState === "visible") revalidator.revalidate();
    }, REFRESH_MS);
    return () => clearInterval(timer);
  }, [active, revalidator]);
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
    return t(`operations.runs.duration.${parts.unit}`, parts);
  };

  return (
    <>
      <h1>{t("operations.runs.title")}</h1>
      <p className="font-lead">{t("operations.runs.lead")}</p>

      {actionData?.error ? (
        <div className="alert alert-error" role="alert">
          <strong className="alert-heading">{t("operations.runs.unavailableHeading")}</strong>
          <p className="alert-text">{t("operations.runs.queueUnavailable")}</p>
        </div>
      ) : queued ? (
        <div className="alert alert-success" role="status">
          <strong className="alert-heading">{t("operations.runs.startedHeading")}</strong>
          <p className="alert-text">{t("operations.runs.started")}</p>
        </div>
      ) : null}

      <Form method="post">
        <button type="submit" className="button button-primary" disabled={submitting}>
          {submitting ? t("operations.runs.starting") : t("operations.runs.start")}
        </button>
      </Form>

      <h2>{t("operations.runs.listHeading")}</h2>
      {refresh ? <p className="form-hint">{t("operations.runs.refreshing")}</p> : null}
      {runs.length === 0 ? (
        <p>{t("operations.runs.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact" data-testid="match-runs">
            <thead>
              <tr>
                <th scope="col">{t("operations.runs.columns.kind")}</th>
                <th scope="col">{t("operations.runs.columns.status")}</th>
                <th scope="col">{t("operations.runs.columns.startedAt")}</th>
                <th scope="col">{t("operations.runs.columns.finishedAt")}</th>
                <th scope="col">{t("operations.runs.columns.duration")}</th>
                <th scope="col">{t("operations.runs.columns.progress")}</th>
                <th scope="col" className="align-text-right">{t("operations.runs.columns.matches")}</th>
                <th scope="col" className="align-text-right">{t("operations.runs.columns.newMatches")}</th>
                <th scope="col" className="align-text-right">{t("operations.runs.columns.upskilling")}</th>
                <th scope="col" className="align-text-right">{t("operations.runs.columns.failures")}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => {
                const start = formatDateTime(run.startedAt, language);
                return (
                  <tr key={run.id} data-run-id={run.id} data-status={run.status}>
                    <td>{t(`operations.runs.kind.${run.kind}`)}</td>
                    <td>{t(`operations.runs.status.${run.status}`)}</td>
                    <td>{start}</td>
                    <td>{run.finishedAt ? formatDateTime(run.finishedAt, language) : t("operations.runs.notFinished")}</td>
                    <td>{duration(run.startedAt, run.finishedAt)}</td>
                    <td>
                      <progress
                        className="run-progress"
                        max={100}
                        value={progressPercent(run.vacanciesDone, run.vacancyCount)}
                        aria-label={t("operations.runs.progressLabel", { start })}
                      />{" "}
                      {t("operations.runs.progressText", { done: number(run.vacanciesDone), total: number(run.vacancyCount) })}
                    </td>
                    <td className="align-text-right">{number(run.matchCount)}</td>
                    <td className="align-text-right">{number(run.newMatchCount)}</td>
                    <td className="align-text-right">{number(run.upskillingCount)}</td>
                    <td className="align-text-right">{number(run.failureCount)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}

      <PlatformStatusPanel platform={platform} formatDateTime={(iso) => formatDateTime(iso, language)} />
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
