import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { homePathFor, safeRedirectPath } from "~/modules/auth/home";
import { INVALID_CREDENTIALS, LoginSchema } from "~/modules/auth/schema";
import { logIn } from "~/modules/auth/service.server";
import { getOptionalUser, homePathForUser } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { pageTitle } from "~/utils/meta";
import { readSessionId, serializeSessionCookie } from "~/utils/session-cookie.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathForUser(user));
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const session = await logIn(getDb(), submission.value, await readSessionId(request));
  if (!session) {
    // One message for unknown e-mail, wrong password and disabled account alike.
    return data({ result: submission.reply({ formErrors: [INVALID_CREDENTIALS], hideFields: ["password"] }) }, { status: 400 });
  }
  const target = safeRedirectPath(submission.value.redirectTo) ?? homePathFor(session.user.organisation.kind);
  return redirect(target, {
    headers: { "Set-Cookie": await serializeSessionCookie(session.session.id, session.session.expiresAt) },
  });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(LoginSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
  });
  // Error messages are translation keys (see app/modules/auth/schema.ts).
  const message = (errors: string[] | undefined) => (errors?.[0] ? t(errors[0] as ParseKeys) : null);
  const formError = message(form.errors);
  const emailError = message(fields.email.errors);
  const passwordError = message(fields.password.errors);

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("login.title")}</h1>
        <p className="font-lead">{t("login.lead")}</p>
        {formError ? (
          <div className="alert alert-error" role="alert" id={form.errorId}>
            <strong className="alert-heading">{t("login.errorHeading")}</strong>
            <p className="alert-text">{formError}</p>
          </div>
        ) : null}
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? ""} />
          <div className={`form-group${emailError ? " form-error" : ""}`}>
            <label className="form-label" htmlFor={fields.email.id}>
              {t("login.email")}
            </label>
            {emailError ? (
              <span className="form-error-message" id={fields.email.errorId}>
                {emailError}
              </span>
            ) : null}
            <input className="form-input" autoComplete="username" {...getInputProps(fields.email, { type: "email" })} />
          </div>
          <div className={`form-group${passwordError ? " form-error" : ""}`}>
            <label className="form-label" htmlFor={fields.password.id}>
              {t("login.password")}
            </label>
            {passwordError ? (
              <span className="form-error-message" id={fields.password.errorId}>
                {passwordError}
              </span>
            ) : null}
            <input className="form-input" autoComplete="current-password" {...getInputProps(fields.password, { type: "password" })} />
          </div>
          <button type="submit" className="button button-primary">
            {t("login.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}
