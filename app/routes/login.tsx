import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { homePathFor, safeRedirectPath } from "~/modules/auth/home";
import { loginBlockedFor, recordLoginFailure, recordLoginSuccess } from "~/modules/auth/login-limits.server";
import { isOidcEnabled } from "~/modules/auth/oidc.server";
import { INVALID_CREDENTIALS, LoginSchema, TOO_MANY_ATTEMPTS } from "~/modules/auth/schema";
import { logIn } from "~/modules/auth/service.server";
import { getOptionalUser, homePathForUser } from "~/modules/auth/guards.server";
import { pageTitle } from "~/lib/meta";
import { readSessionId, serializeSessionCookie } from "~/modules/auth/session-cookie.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "login.title");

// A refused login (429) tells browsers and scripts when to try again.
export const headers: HeadersFunction = ({ actionHeaders }) => {
  const retryAfter = actionHeaders.get("Retry-After");
  return retryAfter ? { "Retry-After": retryAfter } : new Headers();
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (user) throw redirect(homePathForUser(user));
  return { sso: isOidcEnabled() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  // A body that is not a form (broken multipart, say) reads as an empty form: 400, not 500.
  const formData = await request.formData().catch(() => new FormData());
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  // Rate limits before the password is even checked (app/modules/auth/login-limits.server.ts).
  const attempt = { email: submission.value.email, address: context?.clientAddress };
  const blockedFor = await loginBlockedFor(attempt);
  if (blockedFor !== null) {
    return data(
      { result: submission.reply({ formErrors: [TOO_MANY_ATTEMPTS], hideFields: ["password"] }), retryAfterMinutes: Math.ceil(blockedFor / 60) },
      { status: 429, headers: { "Retry-After": String(blockedFor) } },
    );
  }
  const session = await logIn(context.db, submission.value, await readSessionId(request));
  if (!session) {
    await recordLoginFailure(attempt);
    // One message for unknown e-mail, wrong password and disabled account alike.
    return data({ result: submission.reply({ formErrors: [INVALID_CREDENTIALS], hideFields: ["password"] }) }, { status: 400 });
  }
  await recordLoginSuccess(attempt);
  const target = safeRedirectPath(submission.value.redirectTo) ?? homePathFor(session.user.organisation.kind);
  return redirect(target, {
    headers: { "Set-Cookie": await serializeSessionCookie(session.session.id, session.session.expiresAt) },
  });
}

export default function LoginPage() {
  const { t } = useTranslation();
  const loaderData = useLoaderData<typeof loader>();
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
  const retryAfterMinutes = actionData && "retryAfterMinutes" in actionData ? Number(actionData.retryAfterMinutes) : null;
  const formError = retryAfterMinutes !== null ? t("security.login.tooManyAttempts", { count: retryAfterMinutes }) : message(form.errors);
  const emailError = message(fields.email.errors);
  const passwordError = message(fields.password.errors);

  return (
    <div className="row">
      <div className="col-12 col-md-8 col-lg-6">
        <h1>{t("login.title")}</h1>
        <p className="font-lead">{t("login.lead")}</p>
        {formError ? (
          <div className="alert alert-error" role="alert" id={form.errorId}>
            <strong className="alert-heading">{retryAfterMinutes !== null ? t("security.login.tooManyAttemptsHeading") : t("login.errorHeading")}</strong>
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
        {loaderData?.sso ? <SsoLogin redirectTo={searchParams.get("redirectTo")} /> : null}
        <p className="mt-6">
          <Link to="/registrer">{t("company.register.link")}</Link>
        </p>
      </div>
    </div>
  );
}

/** A plain link, not a Remix <Link>: the browser must leave for the identity provider. */
function SsoLogin({ redirectTo }: { redirectTo: string | null }) {
  const { t } = useTranslation();
  const href = redirectTo ? `/login/sso?${new URLSearchParams({ redirectTo })}` : "/login/sso";
  return (
    <section className="mt-7" aria-labelledby="sso-heading">
      <p className="font-lead" id="sso-heading">
        {t("security.login.or")}
      </p>
      <a className="button button-secondary" href={href}>
        {t("security.sso.button")}
      </a>
      <p className="form-hint">{t("security.sso.hint")}</p>
    </section>
  );
}
