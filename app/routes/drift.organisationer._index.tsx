// The operator's organisations: counts per kind, the list (filtered by kind) and
// a form to create one. Operators work across tenants; OPERATOR only.
import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { InvalidInputError } from "~/lib/errors";
import { countByKind, createOrganisation, listOrganisations } from "~/modules/organisations/admin.server";
import { normaliseOrganisation, ORGANISATION_KINDS, OrganisationCreateSchema } from "~/modules/organisations/forms";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { asConformErrors } from "~/lib/form-errors";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "operator.organisations.title");

const isKind = (value: string | null): value is OrganisationKind => (ORGANISATION_KINDS as readonly string[]).includes(value ?? "");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const kind = new URL(request.url).searchParams.get("kind");
  const db = getDb();
  const [counts, organisations] = await Promise.all([countByKind(db), listOrganisations(db, isKind(kind) ? kind : undefined)]);
  return { counts, organisations, kind: isKind(kind) ? kind : null };
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, "OPERATOR");
  const submission = parseWithZod(await readFormData(request), { schema: OrganisationCreateSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  try {
    const { id } = await createOrganisation(getDb(), normaliseOrganisation(submission.value));
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
    <>
      <h1>{t("operator.organisations.title")}</h1>
      <p className="font-lead">{t("operator.organisations.lead")}</p>
      {created || updated ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{created ? t("operator.organisations.created") : t("operator.organisations.updated")}</p>
        </div>
      ) : null}

      <div className="table--responsive-scroll">
        <table className="table table--compact" data-testid="organisation-counts">
          <caption>{t("operator.organisations.countsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("operator.organisations.kind")}</th>
              <th scope="col" className="align-text-right">{t("operator.organisations.count")}</th>
            </tr>
          </thead>
          <tbody>
            {ORGANISATION_KINDS.map((k) => (
              <tr key={k}>
                <th scope="row">
                  <Link to={`?kind=${k}`}>{t(`roles.${k}`)}</Link>
                </th>
                <td className="align-text-right">{formatNumber(counts[k], language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

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

      {organisations.length === 0 ? (
        <p>{t("operator.organisations.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table" data-testid="organisations">
            <caption>{t("operator.organisations.listCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("operator.organisations.columns.name")}</th>
                <th scope="col">{t("operator.organisations.columns.kind")}</th>
                <th scope="col">{t("operator.organisations.columns.identifier")}</th>
                <th scope="col">{t("operator.organisations.columns.address")}</th>
                <th scope="col" className="align-text-right">{t("operator.organisations.columns.users")}</th>
                <th scope="col">{t("operator.organisations.columns.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id} data-organisation-id={o.id}>
                  <td>{o.name}</td>
                  <td>{t(`roles.${o.kind}`)}</td>
                  <td>{o.cvr ?? o.municipalityCode ?? "–"}</td>
                  <td>{[o.street, [o.postalCode, o.city].filter(Boolean).join(" ")].filter(Boolean).join(", ") || "–"}</td>
                  <td className="align-text-right">{formatNumber(o.users, language)}</td>
                  <td>
                    <Link to={`/drift/organisationer/${o.id}`} aria-label={t("operator.organisations.editLabel", { name: o.name })}>
                      {t("operator.organisations.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("operator.organisations.createHeading")}</h2>
      <div className="row">
        <div className="col-12 col-lg-8">
          <CreateOrganisationForm />
        </div>
      </div>
    </>
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
    <Form method="post" {...getFormProps(form)} noValidate>
      <ErrorSummary
        form={form}
        fields={[
          { field: fields.kind, label: label.kind },
          { field: fields.name, label: label.name },
          { field: fields.cvr, label: label.cvr },
          { field: fields.municipalityCode, label: label.municipalityCode },
          { field: fields.street, label: label.street },
          { field: fields.postalCode, label: label.postalCode },
        ]}
      />
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
      <TextField field={fields.postalCode} label={label.postalCode} inputMode="numeric" className="input-width-xs" />
      <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? t("forms.working") : t("operator.organisations.create")}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
