// Edit an organisation's name and address (the kind, CVR number and municipality
// are its identity and stay as they were created).
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { ErrorSummary, TextField } from "~/components/form";
import { InvalidInputError } from "~/lib/errors";
import { findOrganisation, updateOrganisation } from "~/modules/organisations/admin.server";
import { OrganisationUpdateSchema } from "~/modules/organisations/forms";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { asConformErrors } from "~/lib/form-errors";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.organisations.editTitle");

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const organisation = await findOrganisation(getDb(), params.id ?? "");
  if (!organisation) throw new Response("Not found", { status: 404 });
  return { organisation };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const submission = parseWithZod(await readFormData(request), { schema: OrganisationUpdateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    if (!(await updateOrganisation(getDb(), params.id ?? "", submission.value))) throw new Response("Not found", { status: 404 });
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
      <p>
        <Link to="/drift/organisationer" className="back-link">
          {t("operator.organisations.back")}
        </Link>
      </p>
      <h1>{t("operator.organisations.editTitle")}</h1>
      <p>
        {t(`roles.${organisation.kind}`)}
        {organisation.cvr ? ` · CVR ${organisation.cvr}` : ""}
        {organisation.municipalityCode ? ` · ${organisation.municipalityCode}` : ""}
      </p>
      <div className="row">
        <div className="col-12 col-lg-8">
          <Form method="post" {...getFormProps(form)} noValidate>
            <ErrorSummary
              form={form}
              fields={[
                { field: fields.name, label: label.name },
                { field: fields.street, label: label.street },
                { field: fields.postalCode, label: label.postalCode },
              ]}
            />
            <TextField field={fields.name} label={label.name} />
            <TextField field={fields.street} label={label.street} />
            <TextField field={fields.postalCode} label={label.postalCode} inputMode="numeric" className="input-width-xs" />
            <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
              {t("operator.organisations.save")}
            </button>
          </Form>
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
