// GET /login/sso/callback: where the OpenID Connect broker sends the browser
// back. Logs the company user in, or explains why not (never a 500 for a
// person the broker knows and Jobbro does not).
import { data, redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { homePathFor } from "~/modules/auth/home";
import { clearOidcFlowCookie, completeOidcLogin, isOidcEnabled } from "~/modules/auth/oidc.server";
import { createLogger } from "~/lib/logger.server";
import { pageTitle } from "~/lib/meta";
import { readSessionId, serializeSessionCookie } from "~/modules/auth/session-cookie.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, data?.outcome === "no-user" ? "security.sso.noUserTitle" : "security.sso.failedTitle");

export async function loader({ request, context }: LoaderFunctionArgs) {
  if (!isOidcEnabled()) throw new Response("Not found", { status: 404 });
  const outcome = await completeOidcLogin(context.db, request, await readSessionId(request));
  const headers = new Headers({ "Set-Cookie": await clearOidcFlowCookie() });
  if (outcome.kind === "logged-in") {
    headers.append("Set-Cookie", await serializeSessionCookie(outcome.session.id, outcome.session.expiresAt));
    return redirect(outcome.redirectTo ?? homePathFor(outcome.user.organisation.kind), { headers });
  }
  // The reason may name the provider's error, never who tried to log in.
  if (outcome.kind === "failed") createLogger("auth").warn({ reason: outcome.reason }, "single sign-on failed");
  return data({ outcome: outcome.kind }, { status: outcome.kind === "no-user" ? 403 : 400, headers });
}

export default function SsoCallback() {
  const { outcome } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const noUser = outcome === "no-user";
  return (
    <div className="row">
      <div className="col-12 col-md-8">
        <h1>{noUser ? t("security.sso.noUserTitle") : t("security.sso.failedTitle")}</h1>
        <div className={`alert ${noUser ? "alert-info" : "alert-error"}`} role="alert">
          <p className="alert-text">{noUser ? t("security.sso.noUser") : t("security.sso.failed")}</p>
        </div>
        <p>
          <Link to="/login" className="button button-secondary">
            {t("security.sso.backToLogin")}
          </Link>
        </p>
      </div>
    </div>
  );
}
