// Edit an organisation's name and address (the kind, CVR number and municipality
// are its identity and stay as they were created).
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostalCodeField, summaryFields, TextField, ValidatedForm } from "~/components/form";
import { BackLink } from "~/components/layout/BackLink";
import { FormColumn } from "~/components/layout/FormColumn";
import { InvalidInputError } from "~/lib/errors";
import { findOrganisation, updateOrganisation } from "~/modules/organisations/admin.server";
import { OrganisationUpdateSchema } from "~/modules/organisations/forms";
import { requireRole } from "~/modules/auth/guards.server";
import { asConformErrors } from "~/lib/form-errors";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.organisations.editTitle");

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const organisation = await findOrganisation(context.db, params.id ?? "");
  if (!organisation) throw new Response("Not found", { status: 404 });
  return { organisation };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const submission = parseWithZod(await readFormData(request), { schema: OrganisationUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    if (!(await updateOrganisation(context.db, params.id ?? "", submission.value))) throw new Response("Not found", { status: 404 });
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return data({ result: submission.reply({ fieldErrors: asConformErrors(error.fields ?? {}) }) }, { status: 400 });
  }
  return redirect(`/drift/organisationer?updated=${params.id}`);
}

export default function EditOrganisationPage() {
  const { organisation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "organisation-edit",
    lastResult: actionData?.result,
    constraint: getZodConstraint(OrganisationUpdateSchema),
    defaultValue: { name: organisation.name, street: organisation.street ?? "", postalCode: organisation.postalCode ?? "" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationUpdateSchema }),
  });
  const label = {
    name: t("operator.organisations.fields.name"),
    street: t("operator.organisations.fields.street"),
    postalCode: t("operator.organisations.fields.postalCode"),
  };
  return (
    <>
      <BackLink to="/drift/organisationer">{t("operator.organisations.back")}</BackLink>
      <h1>{t("operator.organisations.editTitle")}</h1>
      <p>
        {t(`roles.${organisation.kind}`)}
        {organisation.cvr ? ` · CVR ${organisation.cvr}` : ""}
        {organisation.municipalityCode ? ` · ${organisation.municipalityCode}` : ""}
      </p>
      <FormColumn>
        <ValidatedForm form={form} summary={summaryFields(fields, label)}>
          <TextField field={fields.name} label={label.name} />
          <TextField field={fields.street} label={label.street} />
          <PostalCodeField field={fields.postalCode} label={label.postalCode} />
          <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
            {t("operator.organisations.save")}
          </button>
        </ValidatedForm>
      </FormColumn>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
