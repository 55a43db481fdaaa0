import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CandidateForm } from "~/components/jobcentre/CandidateForm";
import { BackLink } from "~/components/layout/BackLink";
import { FormColumn } from "~/components/layout/FormColumn";
import { createCandidate } from "~/modules/candidates/service.server";
import { formErrorsOf, resolveExperienceQueries, toCreateInput } from "~/portals/jobcentre/candidate-form.server";
import { CandidateFormSchema } from "~/portals/jobcentre/schema";
import { skillOptions } from "~/modules/taxonomy/skill-options.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.candidateForm.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "JOBCENTRE");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "JOBCENTRE");
  const db = context.db;
  const formData = await readFormData(request);
  const language = await getLanguage(request);
  const submission = parseWithZod(formData, { schema: CandidateFormSchema });
  const options = () => skillOptions(db, formData.getAll("skillIds").map(String), language);
  if (submission.status !== "success") {
    return data({ result: submission.reply(), skillOptions: await options() }, { status: 400 });
  }
  const resolved = await resolveExperienceQueries(db, submission.value, language);
  if (Object.keys(resolved.errors).length) {
    return data({ result: submission.reply({ fieldErrors: resolved.errors }), skillOptions: await options() }, { status: 400 });
  }
  try {
    const candidate = await createCandidate(
      db,
      { organisationId: user.organisation.id, userId: user.id, reason: "consultant created profile" },
      toCreateInput(resolved.value, user.id),
    );
    return redirect(`/jobcenter/kandidater/${candidate.id}?saved=created`);
  } catch (error) {
    const fieldErrors = formErrorsOf(error);
    if (!fieldErrors) throw error;
    return data({ result: submission.reply({ fieldErrors }), skillOptions: await options() }, { status: 400 });
  }
}

export default function NewCandidate() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  return (
    <FormColumn>
      <BackLink to="/jobcenter/kandidater">{t("consultant.profile.backToList")}</BackLink>
      <h1>{t("consultant.candidateForm.newTitle")}</h1>
      <p className="font-lead">{t("consultant.candidateForm.newLead")}</p>
      <CandidateForm mode="create" lastResult={actionData?.result} skillOptions={actionData?.skillOptions} />
    </FormColumn>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
