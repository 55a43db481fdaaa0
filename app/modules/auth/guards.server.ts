// Access checks for loaders and actions: they return the logged-in user or throw
// the response that ends the request (a redirect to the login page, or 403).
import { redirect } from "@remix-run/node";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { homePathFor } from "~/modules/auth/home";
import { guardDb, type SessionUser } from "~/modules/auth/repository.server";
import { resolveSession } from "~/modules/auth/session.server";
import { readSessionId } from "./session-cookie.server";

export type { SessionUser };

export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  if (!sessionId) return null;
  const resolved = await resolveSession(guardDb(), sessionId);
  return resolved?.user ?? null;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (!user) {
    const url = new URL(request.url);
    const redirectTo = `${url.pathname}${url.search}`;
    throw redirect(`/login?${new URLSearchParams({ redirectTo })}`);
  }
  return user;
}

/** The user, when their organisation is of the given kind; otherwise 403. */
export async function requireRole(request: Request, kind: OrganisationKind): Promise<SessionUser> {
  const user = await requireUser(request);
  if (user.organisation.kind !== kind) {
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return user;
}

export function homePathForUser(user: SessionUser): string {
  return homePathFor(user.organisation.kind);
}
