// Editing a vacancy: the wizard's second step filled with what is stored. The
// occupation can be changed here with the picker; skills are kept as they are.
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VacancyForm } from "~/components/company/VacancyForm";
import { NotFoundError } from "~/lib/errors";
import { submitVacancy } from "~/portals/company/vacancy-actions.server";
import { occupationLabel, skillLabels } from "~/portals/company/vacancy-wizard.server";
import { getVacancy } from "~/modules/vacancies/service.server";
import { requireRole } from "~/modules/auth/guards.server";
import type { Db } from "~/lib/db.server";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "company.edit.title", { title: data?.vacancy.title ?? "" });

async function loadOwnVacancy(db: Db, organisationId: string, id: string) {
  try {
    return await getVacancy(db, { organisationId }, id);
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const db = context.db;
  const vacancy = await loadOwnVacancy(db, user.organisation.id, params.id ?? "");
  if (vacancy.status === "CLOSED") throw redirect(`/virksomhed/stillinger/${vacancy.id}`);
  const language = await getLanguage(request);
  return {
    vacancy: { id: vacancy.id, title: vacancy.title },
    occupation: await occupationLabel(db, vacancy.occupationId, language),
    required: await skillLabels(db, vacancy.requiredSkillIds, language),
    niceToHave: await skillLabels(db, vacancy.niceToHaveSkillIds, language),
    defaults: {
      title: vacancy.title,
      description: vacancy.description,
      postalCode: vacancy.postalCode,
      startDate: vacancy.startDate,
      hoursPerWeek: String(vacancy.hoursPerWeek),
      positions: String(vacancy.positions),
      requiresDrivingLicence: vacancy.requiresDrivingLicence,
      languages: vacancy.languages,
      acceptsUpskilling: vacancy.acceptsUpskilling,
      showNearMisses: vacancy.showNearMisses,
    },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const vacancy = await loadOwnVacancy(context.db, user.organisation.id, params.id ?? "");
  const outcome = await submitVacancy(
    context.db,
    { organisationId: user.organisation.id, userId: user.id },
    await readFormData(request),
    await getLanguage(request),
    { mode: "update", vacancyId: vacancy.id },
  );
  if (outcome.ok) throw redirect(`/virksomhed/stillinger/${vacancy.id}?gemt=1`);
  return data(outcome, { status: 400 });
}

export default function EditVacancy() {
  const { vacancy, occupation, required, niceToHave, defaults } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const chosen = actionData && !actionData.ok ? actionData.chosen : null;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <h1>{t("company.edit.title", { title: vacancy.title })}</h1>
        <VacancyForm
          lastResult={actionData && !actionData.ok ? actionData.result : null}
          defaultValue={defaults}
          occupation={chosen ? chosen.occupation : occupation}
          required={chosen ? chosen.required : required}
          niceToHave={chosen ? chosen.niceToHave : niceToHave}
          submitLabel={t("company.edit.submit")}
          cancelHref={`/virksomhed/stillinger/${vacancy.id}`}
        />
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
