// "Taksonomi": the taxonomy imports so far and a button that starts one from the
// configured data directory as a background job. While the job is waiting or
// running, the page revalidates every 2 s and shows its progress.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useRevalidator } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { lastTaxonomyImports, startTaxonomyImport, taxonomyJobStatus } from "~/portals/operator/taxonomy.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { formatNumber } from "~/lib/format";
import { createLogger } from "~/lib/logger.server";
import { pageTitle } from "~/lib/meta";
import { QueueUnavailableError } from "~/lib/queue.server";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.taxonomy.title");

const REFRESH_MS = 2000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const jobId = new URL(request.url).searchParams.get("job");
  const [imports, job] = await Promise.all([lastTaxonomyImports(getDb()), jobId ? taxonomyJobStatus(jobId) : Promise.resolve(null)]);
  return { imports, job, dataDir: getEnv().JOBBRO_DATA_DIR };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "OPERATOR");
  try {
    const { jobId } = await startTaxonomyImport(user);
    return redirect(`/drift/taksonomi?job=${encodeURIComponent(jobId)}`);
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    createLogger("operations").warn({ operatorId: user.id, err: error.message }, "taxonomy import not queued");
    return data({ error: "queueUnavailable" as const }, { status: 503 });
  }
}

function formatDateTime(value: string | Date, language: string): string {
  return new Intl.DateTimeFormat(language === "da" ? "da-DK" : "en-GB", { dateStyle: "short", timeStyle: "medium", timeZone: "Europe/Copenhagen" }).format(new Date(value));
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

export default function TaxonomyPage() {
  const { imports, job, dataDir } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const language = useLanguage();
  const running = job?.state === "waiting" || job?.state === "active";
  useAutoRefresh(running);
  const submitting = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  const number = (value: number) => formatNumber(value, language);

  return (
    <>
      <h1>{t("operator.taxonomy.title")}</h1>
      <p className="font-lead">{t("operator.taxonomy.lead")}</p>
      <p>{t("operator.taxonomy.source", { dir: dataDir })}</p>

      {actionData?.error ? (
        <div className="alert alert-error" role="alert">
          <strong className="alert-heading">{t("operator.taxonomy.unavailableHeading")}</strong>
          <p className="alert-text">{t("operator.taxonomy.queueUnavailable")}</p>
        </div>
      ) : null}

      <Form method="post">
        <button type="submit" className="button button-primary" disabled={submitting || running}>
          {submitting ? t("operator.taxonomy.starting") : t("operator.taxonomy.start")}
        </button>
      </Form>

      {job ? (
        <section aria-labelledby="taxonomy-job" data-testid="taxonomy-job" data-state={job.state}>
          <h2 id="taxonomy-job">{t("operator.taxonomy.jobHeading")}</h2>
          <p role="status">
            <progress className="run-progress" max={100} value={job.percent} aria-label={t("operator.taxonomy.jobHeading")} />{" "}
            {t(`operator.taxonomy.jobState.${job.state}`)}
          </p>
          {job.failedReason ? <p className="form-error-message">{t("operator.taxonomy.jobFailed", { reason: job.failedReason })}</p> : null}
          {running ? <p className="form-hint">{t("operator.taxonomy.refreshing")}</p> : null}
        </section>
      ) : null}

      <h2>{t("operator.taxonomy.historyHeading")}</h2>
      {imports.length === 0 ? (
        <p>{t("operator.taxonomy.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--compact" data-testid="taxonomy-imports">
            <thead>
              <tr>
                <th scope="col">{t("operator.taxonomy.columns.startedAt")}</th>
                <th scope="col">{t("operator.taxonomy.columns.finishedAt")}</th>
                <th scope="col">{t("operator.taxonomy.columns.format")}</th>
                <th scope="col" className="align-text-right">{t("operator.taxonomy.columns.skills")}</th>
                <th scope="col" className="align-text-right">{t("operator.taxonomy.columns.occupations")}</th>
                <th scope="col" className="align-text-right">{t("operator.taxonomy.columns.relations")}</th>
                <th scope="col">{t("operator.taxonomy.columns.changed")}</th>
              </tr>
            </thead>
            <tbody>
              {imports.map((row) => (
                <tr key={row.id}>
                  <td>{formatDateTime(row.startedAt, language)}</td>
                  <td>{row.finishedAt ? formatDateTime(row.finishedAt, language) : t("operator.taxonomy.notFinished")}</td>
                  <td>{row.format}</td>
                  <td className="align-text-right">{number(row.skills)}</td>
                  <td className="align-text-right">{number(row.occupations)}</td>
                  <td className="align-text-right">{number(row.relations)}</td>
                  <td>{row.changed ? t("operator.taxonomy.changed") : t("operator.taxonomy.unchanged")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
