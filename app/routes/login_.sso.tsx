// GET /login/sso: starts single sign-on (MitID Erhverv through an OpenID Connect
// broker). 404 when single sign-on is not configured.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { isOidcEnabled, startOidcLogin } from "~/modules/auth/oidc.server";

export async function loader({ request }: LoaderFunctionArgs) {
  if (!isOidcEnabled()) throw new Response("Not found", { status: 404 });
  const { url, setCookie } = await startOidcLogin(new URL(request.url).searchParams.get("redirectTo"));
  return redirect(url, { headers: { "Set-Cookie": setCookie } });
}
