// Shared set-up of the company portal tests: organisations with a logged-in user
// (a real session cookie), form requests, and a little geography and taxonomy.
import { randomBytes } from "node:crypto";
import { createSession } from "~/modules/auth/session.server";
import type { Db } from "~/lib/db.server";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";

export const BASE = "http://jobbro.test";
export { routeContext } from "../../setup/route-context";

const tag = () => randomBytes(4).toString("hex");

export interface LoggedIn {
  orgId: string;
  userId: string;
  cookie: string;
}

export async function loggedInUser(
  db: Db,
  kind: "COMPANY" | "JOBCENTRE" | "INSTITUTION" | "OPERATOR",
  options: { role?: "ADMIN" | "MEMBER"; orgId?: string; servedById?: string } = {},
): Promise<LoggedIn> {
  const orgId =
    options.orgId ??
    (await db.organisation.create({ data: { kind, name: `${kind} ${tag()}`, servedById: options.servedById ?? null }, select: { id: true } })).id;
  const user = await db.user.create({
    data: { email: `user-${tag()}@example.test`, name: `Bruger ${tag()}`, memberships: { create: { organisationId: orgId, role: options.role ?? "ADMIN" } } },
    select: { id: true },
  });
  const session = await createSession(db, user.id);
  const cookie = (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
  return { orgId, userId: user.id, cookie };
}

export function getRequest(path: string, cookie?: string): Request {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

export function formRequest(path: string, fields: Record<string, string | string[]>, cookie?: string): Request {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return new Request(`${BASE}${path}`, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

/** "name=value" of a Set-Cookie header. */
export function cookieFrom(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0]!;
}

/** Aarhus (0751) with a jobcentre, and two of its postal codes; 9990 exists without coordinates. */
export async function seedGeography(db: Db) {
  await db.municipality.upsert({
    where: { code: "0751" },
    create: { code: "0751", name: "Aarhus", regionCode: "1082", regionName: "Region Midtjylland" },
    update: {},
  });
  await db.postalCode.createMany({
    data: [
      { code: "8000", name: "Aarhus C", municipalityCode: "0751", latitude: 56.1567, longitude: 10.2108 },
      { code: "8200", name: "Aarhus N", municipalityCode: "0751", latitude: 56.1887, longitude: 10.1965 },
      { code: "9990", name: "Nowhere", latitude: null, longitude: null },
    ],
    skipDuplicates: true,
  });
  const jobcentre = await db.organisation.upsert({
    where: { municipalityCode: "0751" },
    create: { kind: "JOBCENTRE", name: "Jobcenter Aarhus", municipalityCode: "0751" },
    update: {},
    select: { id: true },
  });
  return { jobcentreId: jobcentre.id };
}

/** An occupation with two essential and one optional skill, Danish and English labels. */
export async function seedOccupation(db: Db) {
  const t = tag();
  const skill = (labelDa: string, labelEn: string) =>
    db.skill.create({ data: { key: `test:${labelEn}:${t}`, labelDa, labelEn, altLabelsDa: [], altLabelsEn: [] }, select: { id: true, labelDa: true, labelEn: true } });
  const welding = await skill("svejse metaller", "weld metals");
  const drawings = await skill("læse tekniske tegninger", "read technical drawings");
  const safety = await skill("følge sikkerhedsregler", "follow safety rules");
  const occupation = await db.occupation.create({
    data: {
      escoUri: `http://example.test/occupation/welder-${t}`,
      labelDa: "svejser",
      labelEn: "welder",
      skills: {
        create: [
          { skillId: welding.id, relation: "ESSENTIAL" },
          { skillId: drawings.id, relation: "ESSENTIAL" },
          { skillId: safety.id, relation: "OPTIONAL" },
        ],
      },
    },
    select: { id: true },
  });
  return { occupationId: occupation.id, welding, drawings, safety };
}
