// Helpers for the consultant portal tests: jobcentres with a logged-in
// consultant (a real session cookie), and real Request objects for loaders and
// actions (GET with a query, POST with a form body).
import { createSession } from "~/modules/auth/session.server";
import type { Db } from "~/lib/db.server";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";
import { makeCandidate, makeOrganisation } from "../../fixtures/factories";

export const BASE = "http://jobbro.test";
export { routeContext as context } from "../../setup/route-context";

export async function jobcentreWithConsultant(db: Db, name: string) {
  const org = await makeOrganisation(db, "JOBCENTRE", name);
  const user = await db.user.create({
    data: { email: `${org.id}@jobcenter.test`, name: `Konsulent ${name}`, memberships: { create: { organisationId: org.id } } },
  });
  const session = await createSession(db, user.id);
  const cookie = (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
  return { org, user, cookie };
}

export function get(path: string, cookie: string): Request {
  return new Request(`${BASE}${path}`, { headers: { Cookie: cookie } });
}

export function post(path: string, cookie: string, fields: Record<string, string | string[]>): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded", Origin: BASE },
  });
}

/** A loader/action result: a thrown or returned Response, or Remix's data() wrapper. */
export async function settle(run: () => Promise<unknown>): Promise<{ status: number; location: string | null; body: unknown }> {
  try {
    const result = await run();
    if (result instanceof Response) return { status: result.status, location: result.headers.get("Location"), body: null };
    const wrapped = result as { type?: string; data?: unknown; init?: { status?: number } | null };
    if (wrapped && wrapped.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, location: null, body: wrapped.data };
    return { status: 200, location: null, body: result };
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, location: thrown.headers.get("Location"), body: null };
    throw thrown;
  }
}

export async function seedPlaces(db: Db) {
  await db.municipality.createMany({
    data: [
      { code: "0751", name: "Aarhus", regionCode: "1082", regionName: "Region Midtjylland" },
      { code: "0851", name: "Aalborg", regionCode: "1081", regionName: "Region Nordjylland" },
    ],
    skipDuplicates: true,
  });
  await db.postalCode.createMany({
    data: [
      { code: "8000", name: "Aarhus C", municipalityCode: "0751", latitude: 56.1567, longitude: 10.2108 },
      { code: "8200", name: "Aarhus N", municipalityCode: "0751", latitude: 56.1887, longitude: 10.1965 },
      { code: "9000", name: "Aalborg", municipalityCode: "0851", latitude: 57.048, longitude: 9.9187 },
    ],
    skipDuplicates: true,
  });
}

export async function candidateWithName(db: Db, jobcentreId: string, firstName: string, lastName: string, over: { postalCode?: string; status?: "ACTIVE" | "INACTIVE" | "EMPLOYED"; availableFrom?: Date } = {}) {
  const c = await makeCandidate(db, jobcentreId, { availableFrom: over.availableFrom });
  return db.candidate.update({ where: { id: c.id }, data: { firstName, lastName, postalCode: over.postalCode ?? "8000", status: over.status ?? "ACTIVE" } });
}
