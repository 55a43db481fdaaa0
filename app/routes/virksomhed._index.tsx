// The company's overview: its vacancies with status, current and new candidate
// suggestions, and the status changes a company makes itself (pause, reopen,
// close). Each change goes through the vacancy service, so matching follows.
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { ErrorPage } from "~/components/ErrorPage";
import { ConflictError, NotFoundError } from "~/lib/errors";
import { entityId } from "~/lib/fields";
import { listCompanyVacancies } from "~/portals/company/dashboard.server";
import { closeVacancy, updateVacancy } from "~/modules/vacancies/service.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatDate, formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "company.heading", { name: data?.organisationName ?? "" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const vacancies = await listCompanyVacancies(getDb(), user.organisation.id);
  return { organisationName: user.organisation.name, vacancies };
}

const StatusChange = z.object({
  intent: z.enum(["pause", "reopen", "close"]),
  vacancyId: entityId(),
});

const DONE_MESSAGES = { pause: "paused", reopen: "reopened", close: "closed" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const parsed = StatusChange.safeParse(Object.fromEntries(await readFormData(request)));
  if (!parsed.success) throw new Response("Bad request", { status: 400 });
  const { intent, vacancyId } = parsed.data;
  const actor = { organisationId: user.organisation.id, userId: user.id };
  try {
    if (intent === "close") await closeVacancy(getDb(), actor, vacancyId);
    else await updateVacancy(getDb(), actor, vacancyId, { status: intent === "pause" ? "PAUSED" : "OPEN" });
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
    <>
      <h1>{t("company.heading", { name: organisationName })}</h1>
      <p className="font-lead">{t("company.overview.lead")}</p>
      {messageText ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{messageText}</p>
        </div>
      ) : null}
      <p>
        <Link to="/virksomhed/stillinger/ny" className="button button-primary">
          {t("company.newVacancyButton")}
        </Link>
      </p>
      <h2>{t("company.vacanciesHeading")}</h2>
      {vacancies.length === 0 ? (
        <p>{t("company.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("company.columns.title")}</th>
                <th scope="col">{t("company.columns.status")}</th>
                <th scope="col">{t("company.columns.startDate")}</th>
                <th scope="col" className="align-text-right">
                  {t("company.columns.matches")}
                </th>
                <th scope="col" className="align-text-right">
                  {t("company.columns.newMatches")}
                </th>
                <th scope="col">{t("company.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {vacancies.map((vacancy) => (
                <tr key={vacancy.id}>
                  <th scope="row">
                    <Link to={`/virksomhed/stillinger/${vacancy.id}`} aria-label={t("company.overview.showMatches", { title: vacancy.title })}>
                      {vacancy.title}
                    </Link>
                  </th>
                  <td>
                    <span className={`badge ${vacancy.status === "OPEN" ? "badge-success" : vacancy.status === "PAUSED" ? "badge-warning" : "badge-info"}`}>
                      {t(`vacancyStatus.${vacancy.status}`)}
                    </span>
                  </td>
                  <td>{formatDate(vacancy.startDate, language)}</td>
                  <td className="align-text-right">{formatNumber(vacancy.currentMatches, language)}</td>
                  <td className="align-text-right">
                    {vacancy.newMatches > 0 ? <strong>{t("company.overview.newCount", { count: vacancy.newMatches })}</strong> : formatNumber(0, language)}
                  </td>
                  <td>
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
                  </td>
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
