// The company's overview: its vacancies with status, current and new candidate
// suggestions, and the status changes a company makes itself (pause, reopen,
// close). Each change goes through the vacancy service, so matching follows.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { DataTable, timeOf } from "~/components/data";
import { ListPage } from "~/components/ListPage";
import { ConflictError, NotFoundError } from "~/lib/errors";
import { entityId } from "~/lib/fields";
import { listCompanyVacancies } from "~/portals/company/dashboard.server";
import { closeVacancy, updateVacancy } from "~/modules/vacancies/service.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatDate, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "company.heading", { name: data?.organisationName ?? "" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const vacancies = await listCompanyVacancies(context.db, user.organisation.id);
  return { organisationName: user.organisation.name, vacancies };
}

const StatusChange = z.object({
  intent: z.enum(["pause", "reopen", "close"]),
  vacancyId: entityId(),
});

const DONE_MESSAGES = { pause: "paused", reopen: "reopened", close: "closed" } as const;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const parsed = StatusChange.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { intent, vacancyId } = parsed.data;
  const actor = { organisationId: user.organisation.id, userId: user.id };
  try {
    if (intent === "close") await closeVacancy(context.db, actor, vacancyId);
    else await updateVacancy(context.db, actor, vacancyId, { status: intent === "pause" ? "PAUSED" : "OPEN" });
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    // A closed vacancy stays closed; the list shows it as such.
    if (error instanceof ConflictError) throw redirect("/virksomhed");
    throw error;
  }
  throw redirect(`/virksomhed?besked=${DONE_MESSAGES[intent]}`);
}

function StatusButton({ vacancyId, intent, label, title }: { vacancyId: string; intent: "pause" | "reopen" | "close"; label: string; title: string }) {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formData?.get("vacancyId") === vacancyId;
  return (
    <Form method="post" className="inline-form">
      <input type="hidden" name="vacancyId" value={vacancyId} />
      <button type="submit" name="intent" value={intent} className="button button-secondary button-small" disabled={busy} aria-label={`${label}: ${title}`}>
        {label}
      </button>
    </Form>
  );
}

export default function CompanyHome() {
  const { organisationName, vacancies } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams] = useSearchParams();
  const message = searchParams.get("besked");
  const messageText =
    message === "paused" ? t("company.overview.paused") : message === "reopened" ? t("company.overview.reopened") : message === "closed" ? t("company.overview.closed") : null;

  return (
    <ListPage
      title={t("company.heading", { name: organisationName })}
      lead={t("company.overview.lead")}
      notice={messageText}
      actions={
        <Link to="/virksomhed/stillinger/ny" className="button button-primary">
          {t("company.newVacancyButton")}
        </Link>
      }
    >
      <h2>{t("company.vacanciesHeading")}</h2>
      <DataTable
        rows={vacancies}
        rowKey={(vacancy) => vacancy.id}
        label={t("company.vacanciesHeading")}
        empty={t("company.empty")}
        pageSize={50}
        columns={[
          {
            header: t("company.columns.title"),
            rowHeader: true,
            sort: { key: "title", value: (vacancy) => vacancy.title },
            cell: (vacancy) => (
              <Link to={`/virksomhed/stillinger/${vacancy.id}`} aria-label={t("company.overview.showMatches", { title: vacancy.title })}>
                {vacancy.title}
              </Link>
            ),
          },
          {
            header: t("company.columns.status"),
            sort: { key: "status", value: (vacancy) => t(`vacancyStatus.${vacancy.status}`) },
            cell: (vacancy) => (
              <span className={`badge ${vacancy.status === "OPEN" ? "badge-success" : vacancy.status === "PAUSED" ? "badge-warning" : "badge-info"}`}>
                {t(`vacancyStatus.${vacancy.status}`)}
              </span>
            ),
          },
          { header: t("company.columns.startDate"), sort: { key: "start", value: (vacancy) => timeOf(vacancy.startDate) }, cell: (vacancy) => formatDate(vacancy.startDate, language) },
          { header: t("company.columns.matches"), numeric: true, sort: { key: "matches", value: (vacancy) => vacancy.currentMatches }, cell: (vacancy) => formatNumber(vacancy.currentMatches, language) },
          {
            header: t("company.columns.newMatches"),
            numeric: true,
            sort: { key: "new", value: (vacancy) => vacancy.newMatches },
            cell: (vacancy) =>
              vacancy.newMatches > 0 ? <strong>{t("company.overview.newCount", { count: vacancy.newMatches })}</strong> : formatNumber(0, language),
          },
          { header: t("company.columns.actions"), cell: (vacancy) => <VacancyActions vacancy={vacancy} /> },
        ]}
      />
    </ListPage>
  );
}

function VacancyActions({ vacancy }: { vacancy: { id: string; title: string; status: string } }) {
  const { t } = useTranslation();
  return (
    <div className="vacancy-actions" role="group" aria-label={t("company.overview.actionsFor", { title: vacancy.title })}>
      {vacancy.status !== "CLOSED" ? (
        <Link to={`/virksomhed/stillinger/${vacancy.id}/rediger`} className="button button-secondary button-small" aria-label={t("company.overview.edit", { title: vacancy.title })}>
          {t("company.matches.editLink")}
        </Link>
      ) : null}
      {vacancy.status === "OPEN" ? <StatusButton vacancyId={vacancy.id} intent="pause" label={t("company.overview.pause")} title={vacancy.title} /> : null}
      {vacancy.status === "PAUSED" || vacancy.status === "DRAFT" ? (
        <StatusButton vacancyId={vacancy.id} intent="reopen" label={t("company.overview.reopen")} title={vacancy.title} />
      ) : null}
      {vacancy.status !== "CLOSED" ? <StatusButton vacancyId={vacancy.id} intent="close" label={t("company.overview.close")} title={vacancy.title} /> : null}
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
