// Helpers for the institution and operator portal tests: a logged-in user of a
// new organisation, and requests the route loaders and actions take.
import { randomBytes } from "node:crypto";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { createSession } from "~/modules/auth/session.server";
import type { Db } from "~/lib/db.server";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";

export const BASE = "http://jobbro.test";
export { routeContext } from "../../setup/route-context";

export interface LoggedIn {
  userId: string;
  organisationId: string;
  cookie: string;
}

export async function loggedInUser(db: Db, kind: OrganisationKind, name = `${kind} ${randomBytes(3).toString("hex")}`): Promise<LoggedIn> {
  const organisation = await db.organisation.create({ data: { kind, name }, select: { id: true } });
  const user = await db.user.create({
    data: { email: `${randomBytes(5).toString("hex")}@example.test`, name: `Bruger ${name}`, memberships: { create: { organisationId: organisation.id } } },
    select: { id: true },
  });
  return { userId: user.id, organisationId: organisation.id, cookie: await cookieFor(db, user.id) };
}

export async function cookieFor(db: Db, userId: string): Promise<string> {
  const session = await createSession(db, userId);
  return (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const value of Array.isArray(v) ? v : [v]) body.append(k, value);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export function uploadRequest(path: string, field: string, content: string | Uint8Array<ArrayBuffer>, cookie: string, filename = "katalog.csv"): Request {
  const form = new FormData();
  form.append(field, new File([content], filename, { type: "text/csv" }));
  return new Request(`${BASE}${path}`, { method: "POST", body: form, headers: { Cookie: cookie } });
}

/** What data(...) returns from an action: the value and the response init. */
export type DataResult<T> = { data: T; init: { status?: number } | null };

/** Runs a loader or action and returns the thrown or returned Response, or the data result. */
export async function settle<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function seedPlaces(db: Db) {
  await db.municipality.createMany({ data: [{ code: "0751", name: "Aarhus", regionCode: "1082", regionName: "Region Midtjylland" }], skipDuplicates: true });
  await db.postalCode.createMany({
    data: [
      { code: "8000", name: "Aarhus C", municipalityCode: "0751", latitude: 56.1567, longitude: 10.2108 },
      { code: "9000", name: "Aalborg", latitude: 57.048, longitude: 9.9187 },
      { code: "9990", name: "Nowhere", latitude: null, longitude: null },
    ],
    skipDuplicates: true,
  });
}
