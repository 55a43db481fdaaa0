// "Taksonomi": the taxonomy imports so far and a button that starts one from the
// configured data directory as a background job. While the job is waiting or
// running, the page revalidates every 2 s and shows its progress.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { ListPage } from "~/components/ListPage";
import { ErrorNotice } from "~/components/notices";
import { useAutoRefresh } from "~/components/operator/use-auto-refresh";
import { lastTaxonomyImports, startTaxonomyImport, taxonomyJobStatus } from "~/portals/operator/taxonomy.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getEnv } from "~/lib/env.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { createLogger } from "~/lib/logger.server";
import { pageTitle } from "~/lib/meta";
import { QueueUnavailableError } from "~/lib/queue.server";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.taxonomy.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const jobId = new URL(request.url).searchParams.get("job");
  const [imports, job] = await Promise.all([lastTaxonomyImports(context.db), jobId ? taxonomyJobStatus(jobId) : Promise.resolve(null)]);
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
    <ListPage title={t("operator.taxonomy.title")} lead={t("operator.taxonomy.lead")}>
      <p>{t("operator.taxonomy.source", { dir: dataDir })}</p>

      {actionData?.error ? <ErrorNotice heading={t("operator.taxonomy.unavailableHeading")}>{t("operator.taxonomy.queueUnavailable")}</ErrorNotice> : null}

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
      <DataTable
        rows={imports}
        rowKey={(row) => row.id}
        label={t("operator.taxonomy.historyHeading")}
        variant="compact"
        testId="taxonomy-imports"
        empty={t("operator.taxonomy.empty")}
        columns={[
          { header: t("operator.taxonomy.columns.startedAt"), cell: (row) => formatDateTime(row.startedAt, language) },
          { header: t("operator.taxonomy.columns.finishedAt"), cell: (row) => (row.finishedAt ? formatDateTime(row.finishedAt, language) : t("operator.taxonomy.notFinished")) },
          { header: t("operator.taxonomy.columns.format"), cell: (row) => row.format },
          { header: t("operator.taxonomy.columns.skills"), numeric: true, cell: (row) => number(row.skills) },
          { header: t("operator.taxonomy.columns.occupations"), numeric: true, cell: (row) => number(row.occupations) },
          { header: t("operator.taxonomy.columns.relations"), numeric: true, cell: (row) => number(row.relations) },
          { header: t("operator.taxonomy.columns.changed"), cell: (row) => (row.changed ? t("operator.taxonomy.changed") : t("operator.taxonomy.unchanged")) },
        ]}
      />
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
