import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { deleteSession } from "~/modules/auth/session.server";
import { clearSessionCookie, readSessionId } from "~/modules/auth/session-cookie.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const sessionId = await readSessionId(request);
  if (sessionId) await deleteSession(context.db, sessionId);
  return redirect("/", { headers: { "Set-Cookie": await clearSessionCookie() } });
}

// Logging out changes state, so it is a POST; a GET (typed URL, prefetch) does nothing.
export function loader() {
  return redirect("/");
}
