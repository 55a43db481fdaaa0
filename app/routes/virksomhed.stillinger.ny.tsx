// The vacancy wizard. Step 1 (GET form): choose an occupation with the
// autocomplete; without JavaScript the typed words are searched here and the
// hits offered as radio buttons. Step 2 (?occupationId=…, or ?step=detaljer
// without one): the occupation's skills proposed, the job and its conditions;
// posting it writes the vacancy through the vacancy service (instant matching).
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VacancyForm } from "~/components/company/VacancyForm";
import { OccupationPicker } from "~/components/pickers";
import { submitVacancy } from "~/portals/company/vacancy-actions.server";
import { companyPostalCode, occupationProposal, searchOccupations } from "~/portals/company/vacancy-wizard.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "company.wizard.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const db = context.db;
  const language = await getLanguage(request);
  const params = new URL(request.url).searchParams;
  // The picker's hidden input and the no-JavaScript radio buttons share the name: the first non-empty wins.
  const occupationId = params.getAll("occupationId").find(Boolean) ?? null;
  const query = (params.get("q") ?? "").trim().slice(0, 100);

  if (occupationId || params.get("step") === "detaljer") {
    const proposal = occupationId ? await occupationProposal(db, occupationId, language) : null;
    if (!occupationId || proposal) {
      const postalCode = await companyPostalCode(db, user.organisation.id);
      return {
        step: "details" as const,
        proposal,
        defaults: {
          title: proposal ? capitalise(proposal.occupation.label) : "",
          postalCode: postalCode ?? "",
          hoursPerWeek: "37",
          positions: "1",
          languages: ["da"],
          acceptsUpskilling: true,
          showNearMisses: true,
        },
      };
    }
    return { step: "occupation" as const, query, results: null, unknownOccupation: true };
  }

  const results = query ? await searchOccupations(db, query, language) : null;
  return { step: "occupation" as const, query, results, unknownOccupation: false };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const outcome = await submitVacancy(
    context.db,
    { organisationId: user.organisation.id, userId: user.id },
    await readFormData(request),
    await getLanguage(request),
    { mode: "create" },
  );
  if (outcome.ok) throw redirect(`/virksomhed/stillinger/${outcome.vacancyId}?oprettet=1`);
  return data(outcome, { status: 400 });
}

function capitalise(label: string): string {
  return label.charAt(0).toLocaleUpperCase("da") + label.slice(1);
}

export default function NewVacancy() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();

  if (loaderData.step === "occupation") {
    const { query, results, unknownOccupation } = loaderData;
    return (
      <div className="row">
        <div className="col-12 col-lg-8">
          <p className="font-lead-small">{t("company.wizard.stepOf", { step: 1 })}</p>
          <h1>{t("company.wizard.occupationStep")}</h1>
          <p className="font-lead">{t("company.wizard.occupationLead")}</p>
          {unknownOccupation ? (
            <div className="alert alert-error" role="alert">
              <p className="alert-text">{t("company.wizard.unknownOccupation")}</p>
            </div>
          ) : null}
          <Form method="get" className="wizard-occupation">
            <OccupationPicker
              id="occupation"
              name="occupationId"
              queryName="q"
              defaultQuery={query}
              label={t("company.wizard.occupationLabel")}
              hint={t("company.wizard.occupationHint")}
            />
            {results && results.length > 0 ? (
              <div className="form-group">
                <fieldset>
                  <legend className="form-label">{t("company.wizard.results")}</legend>
                  <ul className="nobullet-list">
                    {results.map((option, index) => (
                      <li key={option.id}>
                        <input className="form-radio" type="radio" id={`occupation-${option.id}`} name="occupationId" value={option.id} defaultChecked={index === 0} />
                        <label htmlFor={`occupation-${option.id}`}>{option.label}</label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              </div>
            ) : null}
            {results && results.length === 0 ? <p className="form-hint">{t("company.wizard.noResults", { query })}</p> : null}
            <button type="submit" className="button button-primary">
              {t("company.wizard.next")}
            </button>
          </Form>
          <p className="mt-6">
            <Link to="?step=detaljer">{t("company.wizard.withoutOccupation")}</Link>
          </p>
        </div>
      </div>
    );
  }

  const { proposal, defaults } = loaderData;
  const chosen = actionData && !actionData.ok ? actionData.chosen : null;
  return (
    <div className="row">
      <div className="col-12 col-lg-9">
        <p className="font-lead-small">{t("company.wizard.stepOf", { step: 2 })}</p>
        <h1>{t("company.wizard.detailsStep")}</h1>
        <VacancyForm
          lastResult={actionData && !actionData.ok ? actionData.result : null}
          defaultValue={defaults}
          occupation={chosen ? chosen.occupation : (proposal?.occupation ?? null)}
          required={chosen ? chosen.required : (proposal?.required ?? [])}
          niceToHave={chosen ? chosen.niceToHave : (proposal?.niceToHave ?? [])}
          submitLabel={t("company.wizard.submit")}
          changeOccupationHref="/virksomhed/stillinger/ny"
          cancelHref="/virksomhed"
        />
      </div>
    </div>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
