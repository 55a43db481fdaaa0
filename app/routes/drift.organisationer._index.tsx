// The operator's organisations: counts per kind, the list (filtered by kind) and
// a form to create one. Operators work across tenants; OPERATOR only.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { PostalCodeField, SelectField, summaryFields, TextField, ValidatedForm } from "~/components/form";
import { FormColumn } from "~/components/layout/FormColumn";
import { ListPage } from "~/components/ListPage";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { InvalidInputError } from "~/lib/errors";
import { countByKind, createOrganisation, listOrganisations } from "~/modules/organisations/admin.server";
import { normaliseOrganisation, ORGANISATION_KINDS, OrganisationCreateSchema } from "~/modules/organisations/forms";
import { requireRole } from "~/modules/auth/guards.server";
import { asConformErrors } from "~/lib/form-errors";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.organisations.title");

const isKind = (value: string | null): value is OrganisationKind => (ORGANISATION_KINDS as readonly string[]).includes(value ?? "");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const kind = new URL(request.url).searchParams.get("kind");
  const db = context.db;
  const [counts, organisations] = await Promise.all([countByKind(db), listOrganisations(db, isKind(kind) ? kind : undefined)]);
  return { counts, organisations, kind: isKind(kind) ? kind : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const submission = parseWithZod(await readFormData(request), { schema: OrganisationCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const { id } = await createOrganisation(context.db, normaliseOrganisation(submission.value));
    return redirect(`/drift/organisationer?created=${id}`);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    return data({ result: submission.reply({ fieldErrors: asConformErrors(error.fields ?? {}) }) }, { status: 400 });
  }
}

export default function OrganisationsPage() {
  const { counts, organisations, kind } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const created = searchParams.get("created");
  const updated = searchParams.get("updated");

  return (
    <ListPage
      title={t("operator.organisations.title")}
      lead={t("operator.organisations.lead")}
      notice={created ? t("operator.organisations.created") : updated ? t("operator.organisations.updated") : null}
    >
      <DataTable
        rows={ORGANISATION_KINDS}
        rowKey={(k) => k}
        caption={t("operator.organisations.countsCaption")}
        variant="compact"
        testId="organisation-counts"
        columns={[
          { header: t("operator.organisations.kind"), rowHeader: true, cell: (k) => <Link to={`?kind=${k}`}>{t(`roles.${k}`)}</Link> },
          { header: t("operator.organisations.count"), numeric: true, cell: (k) => formatNumber(counts[k], language) },
        ]}
      />

      <Form method="get" className="form-inline">
        <div className="form-group">
          <label className="form-label" htmlFor="kind-filter">
            {t("operator.organisations.filterLabel")}
          </label>
          <select className="form-select" id="kind-filter" name="kind" defaultValue={kind ?? ""}>
            <option value="">{t("operator.organisations.all")}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`roles.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button-secondary">
          {t("operator.organisations.filter")}
        </button>
      </Form>

      <DataTable
        rows={organisations}
        rowKey={(o) => o.id}
        rowProps={(o) => ({ "data-organisation-id": o.id })}
        caption={t("operator.organisations.listCaption")}
        testId="organisations"
        empty={t("operator.organisations.empty")}
        pageSize={50}
        columns={[
          { header: t("operator.organisations.columns.name"), sort: { key: "name", value: (o) => o.name }, cell: (o) => o.name },
          { header: t("operator.organisations.columns.kind"), sort: { key: "kind", value: (o) => t(`roles.${o.kind}`) }, cell: (o) => t(`roles.${o.kind}`) },
          { header: t("operator.organisations.columns.identifier"), cell: (o) => o.cvr ?? o.municipalityCode ?? "–" },
          { header: t("operator.organisations.columns.address"), cell: (o) => [o.street, [o.postalCode, o.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "–" },
          { header: t("operator.organisations.columns.users"), numeric: true, sort: { key: "users", value: (o) => o.users }, cell: (o) => formatNumber(o.users, language) },
          {
            header: t("operator.organisations.columns.actions"),
            cell: (o) => (
              <Link to={`/drift/organisationer/${o.id}`} aria-label={t("operator.organisations.editLabel", { name: o.name })}>
                {t("operator.organisations.edit")}
              </Link>
            ),
          },
        ]}
      />

      <h2>{t("operator.organisations.createHeading")}</h2>
      <FormColumn>
        <CreateOrganisationForm />
      </FormColumn>
    </ListPage>
  );
}

function CreateOrganisationForm() {
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "organisation-form",
    lastResult: actionData?.result,
    constraint: getZodConstraint(OrganisationCreateSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OrganisationCreateSchema }),
  });
  const label = {
    kind: t("operator.organisations.fields.kind"),
    name: t("operator.organisations.fields.name"),
    cvr: t("operator.organisations.fields.cvr"),
    municipalityCode: t("operator.organisations.fields.municipalityCode"),
    street: t("operator.organisations.fields.street"),
    postalCode: t("operator.organisations.fields.postalCode"),
  };
  return (
    <ValidatedForm form={form} summary={summaryFields(fields, label)}>
      <SelectField field={fields.kind} label={label.kind} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`roles.${k}`) }))} placeholder="" />
      <TextField field={fields.name} label={label.name} />
      <TextField field={fields.cvr} label={label.cvr} hint={t("operator.organisations.fields.cvrHint")} inputMode="numeric" className="input-width-s" />
      <TextField
        field={fields.municipalityCode}
        label={label.municipalityCode}
        hint={t("operator.organisations.fields.municipalityCodeHint")}
        inputMode="numeric"
        className="input-width-xs"
      />
      <TextField field={fields.street} label={label.street} autoComplete="off" />
      <PostalCodeField field={fields.postalCode} label={label.postalCode} />
      <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? t("forms.working") : t("operator.organisations.create")}
      </button>
    </ValidatedForm>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
