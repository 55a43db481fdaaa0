// Public company registration: CVR number (modulus 11), name and address, and
// the first user (ADMIN). On success the user is logged in with a fresh session
// and lands on the company overview.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PostalCodeField, summaryFields, TextField, ValidatedForm } from "~/components/form";
import { InvalidInputError } from "~/lib/errors";
import { createSession, deleteSession } from "~/modules/auth/session.server";
import { registerCompany } from "~/portals/company/accounts.server";
import { RegistrationSchema } from "~/portals/company/registration-schema";
import { getOptionalUser, homePathForUser } from "~/modules/auth/guards.server";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { readSessionId, serializeSessionCookie } from "~/modules/auth/session-cookie.server";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "company.register.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathForUser(user));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: RegistrationSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const db = context.db;
  try {
    const { userId } = await registerCompany(db, submission.value, await getLanguage(request));
    const previous = await readSessionId(request);
    if (previous) await deleteSession(db, previous);
    const session = await createSession(db, userId);
    return redirect("/virksomhed", { headers: { "Set-Cookie": await serializeSessionCookie(session.id, session.expiresAt) } });
  } catch (error) {
    if (error instanceof InvalidInputError && error.fields) {
      const fieldErrors = Object.fromEntries(Object.entries(error.fields).map(([field, message]) => [field, [message]]));
      return data({ result: submission.reply({ fieldErrors, hideFields: ["password"] }) }, { status: 400 });
    }
    throw error;
  }
}

export default function RegisterCompany() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(RegistrationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: RegistrationSchema }),
  });
  const labels = {
    cvr: t("company.register.cvr"),
    companyName: t("company.register.companyName"),
    street: t("company.register.street"),
    postalCode: t("company.register.postalCode"),
    name: t("company.register.name"),
    email: t("company.register.email"),
    password: t("company.register.password"),
  };
  return (
    <div className="row">
      <div className="col-12 col-md-9 col-lg-7">
        <h1>{t("company.register.title")}</h1>
        <p className="font-lead">{t("company.register.lead")}</p>
        <ValidatedForm form={form} summary={summaryFields(fields, labels)}>
          <fieldset>
            <legend className="h2">{t("company.register.companyHeading")}</legend>
            <TextField field={fields.cvr} label={labels.cvr} hint={t("company.register.cvrHint")} inputMode="numeric" className="input-width-s" />
            <TextField field={fields.companyName} label={labels.companyName} autoComplete="organization" />
            <TextField field={fields.street} label={labels.street} autoComplete="street-address" />
            <PostalCodeField field={fields.postalCode} label={labels.postalCode} autoComplete="postal-code" />
          </fieldset>
          <fieldset>
            <legend className="h2">{t("company.register.userHeading")}</legend>
            <TextField field={fields.name} label={labels.name} autoComplete="name" />
            <TextField field={fields.email} type="email" label={labels.email} autoComplete="email" />
            <TextField field={fields.password} type="password" label={labels.password} hint={t("company.register.passwordHint")} autoComplete="new-password" />
          </fieldset>
          <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? t("forms.working") : t("company.register.submit")}
          </button>
        </ValidatedForm>
        <p className="mt-6">
          <Link to="/login">{t("layout.login")}</Link>
        </p>
      </div>
    </div>
  );
}
