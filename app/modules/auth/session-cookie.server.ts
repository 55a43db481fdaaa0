// The session cookie: a signed session id and nothing else. In production it is
// Secure with the __Host- prefix, so no subdomain or plain-HTTP page can set it.
import { createCookie, type Cookie } from "@remix-run/node";
import { getEnv } from "../../lib/env.server";
import { SESSION_ABSOLUTE_TIMEOUT_MS } from "~/modules/auth/session.server";

function sessionCookie(): Cookie {
  const env = getEnv();
  const production = env.NODE_ENV === "production";
  return createCookie(production ? "__Host-jobbro_session" : "jobbro_session", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: production,
    secrets: [env.SESSION_SECRET],
    maxAge: SESSION_ABSOLUTE_TIMEOUT_MS / 1000,
  });
}

/** The session id from a validly signed cookie, or null. */
export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

export function serializeSessionCookie(sessionId: string, expiresAt: Date): Promise<string> {
  return sessionCookie().serialize(sessionId, { expires: expiresAt, maxAge: undefined });
}

export function clearSessionCookie(): Promise<string> {
  return sessionCookie().serialize("", { maxAge: 0, expires: new Date(0) });
}
