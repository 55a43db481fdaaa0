// Login, sessions and role homes against the real test database: the route
// actions and loaders are called with real Request objects.
import { routeContext } from "../setup/route-context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { da } from "~/i18n/da";
import { hashPassword } from "~/modules/auth/password.server";
import { INVALID_CREDENTIALS } from "~/modules/auth/schema";
import { createSession, SESSION_ABSOLUTE_TIMEOUT_MS, SESSION_IDLE_TIMEOUT_MS } from "~/modules/auth/session.server";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as indexLoader } from "~/routes/_index";
import { loader as companyHomeLoader } from "~/routes/virksomhed._index";
import { loader as jobcentreHomeLoader } from "~/routes/jobcenter._index";
import { loader as institutionHomeLoader } from "~/routes/uddannelse._index";
import { loader as operatorHomeLoader } from "~/routes/drift._index";
import { getOptionalUser, requireRole } from "~/modules/auth/guards.server";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";
import { createTestContext, type TestContext } from "../setup/test-db";

const PASSWORD = "Korrekt-hest-batteri-1";
const BASE = "http://jobbro.test";
const context = routeContext;

let ctx: TestContext;
const users = {} as Record<OrganisationKind | "disabled", { id: string; email: string; orgId: string }>;
let otherCompanyId: string;

async function addUser(kind: OrganisationKind, email: string, orgName: string, disabled = false) {
  const org = await ctx.db.organisation.create({ data: { kind, name: orgName }, select: { id: true } });
  const user = await ctx.db.user.create({
    data: {
      email,
      name: `Bruger ${orgName}`,
      passwordHash: await hashPassword(PASSWORD),
      disabledAt: disabled ? new Date() : null,
      memberships: { create: { organisationId: org.id } },
    },
    select: { id: true },
  });
  return { id: user.id, email, orgId: org.id };
}

beforeAll(async () => {
  ctx = await createTestContext("auth");
  users.COMPANY = await addUser("COMPANY", "firma@example.dk", "Firma A/S");
  users.JOBCENTRE = await addUser("JOBCENTRE", "konsulent@example.dk", "Jobcenter Test");
  users.INSTITUTION = await addUser("INSTITUTION", "skole@example.dk", "AMU Test");
  users.OPERATOR = await addUser("OPERATOR", "drift@example.dk", "Jobbro Drift");
  users.disabled = await addUser("COMPANY", "stoppet@example.dk", "Lukket ApS", true);
  otherCompanyId = (await ctx.db.organisation.create({ data: { kind: "COMPANY", name: "Anden ApS" }, select: { id: true } })).id;
});
afterAll(async () => ctx?.cleanup());

function loginRequest(fields: Record<string, string>, cookie?: string) {
  return new Request(`${BASE}/login`, {
    method: "POST",
    body: new URLSearchParams(fields),
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

function getRequest(path: string, cookie?: string) {
  return new Request(`${BASE}${path}`, { headers: cookie ? { Cookie: cookie } : {} });
}

/** "name=value" of a Set-Cookie header, ready for a Cookie header. */
function cookieFrom(response: Response): string {
  const setCookie = response.headers.get("Set-Cookie");
  if (!setCookie) throw new Error("no Set-Cookie header");
  return setCookie.split(";")[0]!;
}

async function logIn(email: string, password = PASSWORD, cookie?: string) {
  return loginAction({ request: loginRequest({ email, password }, cookie), params: {}, context });
}

async function expectRefused(email: string, password: string) {
  const result = await logIn(email, password);
  expect(result).not.toBeInstanceOf(Response);
  const refused = result as Exclude<typeof result, Response>;
  expect(refused.init?.status).toBe(400);
  const reply = refused.data.result;
  expect(reply.error?.[""]).toEqual([INVALID_CREDENTIALS]);
  expect(reply.initialValue?.email).toBe(email);
  expect(reply.initialValue?.password).toBeUndefined();
  return reply;
}

async function sessionsOf(userId: string) {
  return ctx.db.session.findMany({ where: { userId }, select: { id: true } });
}

describe("login action", () => {
  it.each([
    ["COMPANY", "/virksomhed"],
    ["JOBCENTRE", "/jobcenter"],
    ["INSTITUTION", "/uddannelse"],
    ["OPERATOR", "/drift"],
  ] as const)("sends a %s user to %s with a session cookie", async (kind, home) => {
    const response = (await logIn(users[kind].email)) as Response;
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(home);
    const setCookie = response.headers.get("Set-Cookie") ?? "";
    expect(setCookie).toMatch(/^jobbro_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const user = await getOptionalUser(getRequest(home, cookieFrom(response)));
    expect(user?.id).toBe(users[kind].id);
    expect(user?.organisation.kind).toBe(kind);
  });

  it("keeps the session id out of reach: the cookie is signed and holds only a 256-bit id", async () => {
    const response = (await logIn(users.COMPANY.email)) as Response;
    const sessions = await ctx.db.session.findMany({ where: { userId: users.COMPANY.id }, orderBy: { createdAt: "desc" }, take: 1, select: { id: true } });
    const id = sessions[0]!.id;
    expect(Buffer.from(id, "base64url")).toHaveLength(32);
    expect(decodeURIComponent(cookieFrom(response))).toContain(".");
    const forged = `jobbro_session=${encodeURIComponent(Buffer.from(JSON.stringify(id)).toString("base64"))}`;
    expect(await getOptionalUser(getRequest("/", forged))).toBeNull();
  });

  it("refuses a wrong password and an unknown e-mail with the same message, keeping the e-mail", async () => {
    const wrongPassword = await expectRefused(users.COMPANY.email, "forkert-kode");
    const unknownEmail = await expectRefused("ukendt@example.dk", PASSWORD);
    expect(wrongPassword.error).toEqual(unknownEmail.error);
    expect(da.login.errors.invalidCredentials).toBe("Forkert e-mail eller adgangskode");
  });

  it("refuses a disabled user with the same message, even with the right password", async () => {
    await expectRefused(users.disabled.email, PASSWORD);
    expect(await sessionsOf(users.disabled.id)).toHaveLength(0);
  });

  it("names the field when the form is incomplete", async () => {
    const result = await loginAction({ request: loginRequest({ email: "ikke-en-email", password: "" }), params: {}, context });
    const refused = result as Exclude<typeof result, Response>;
    expect(refused.init?.status).toBe(400);
    expect(refused.data.result.error?.email).toEqual(["login.errors.emailInvalid"]);
    expect(refused.data.result.error?.password).toEqual(["login.errors.passwordRequired"]);
  });

  it("gives a new session id at every login and ends the one the browser came with", async () => {
    const first = (await logIn(users.JOBCENTRE.email)) as Response;
    const firstCookie = cookieFrom(first);
    const before = (await getOptionalUser(getRequest("/", firstCookie)))!;
    expect(before).not.toBeNull();
    const second = (await logIn(users.JOBCENTRE.email, PASSWORD, firstCookie)) as Response;
    expect(cookieFrom(second)).not.toBe(firstCookie);
    expect(await getOptionalUser(getRequest("/", firstCookie))).toBeNull();
    expect(await getOptionalUser(getRequest("/", cookieFrom(second)))).not.toBeNull();
  });

  it("follows a local redirectTo but never one to another site", async () => {
    const local = (await loginAction({ request: loginRequest({ email: users.OPERATOR.email, password: PASSWORD, redirectTo: "/drift?x=1" }), params: {}, context })) as Response;
    expect(local.headers.get("Location")).toBe("/drift?x=1");
    const foreign = (await loginAction({ request: loginRequest({ email: users.OPERATOR.email, password: PASSWORD, redirectTo: "//evil.example/" }), params: {}, context })) as Response;
    expect(foreign.headers.get("Location")).toBe("/drift");
  });
});

describe("sessions", () => {
  it("logout deletes the session row and clears the cookie", async () => {
    const cookie = cookieFrom((await logIn(users.INSTITUTION.email)) as Response);
    const countBefore = (await sessionsOf(users.INSTITUTION.id)).length;
    const response = await logoutAction({ request: new Request(`${BASE}/logout`, { method: "POST", headers: { Cookie: cookie } }), params: {}, context });
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect((await sessionsOf(users.INSTITUTION.id)).length).toBe(countBefore - 1);
    expect(await getOptionalUser(getRequest("/", cookie))).toBeNull();
  });

  it("rejects and deletes a session idle for longer than the idle timeout", async () => {
    const session = await createSession(ctx.db, users.COMPANY.id);
    await ctx.db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date(Date.now() - SESSION_IDLE_TIMEOUT_MS - 1000) } });
    const cookie = (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
    expect(await getOptionalUser(getRequest("/", cookie))).toBeNull();
    expect(await ctx.db.session.findUnique({ where: { id: session.id } })).toBeNull();
  });

  it("rejects a session past its absolute timeout however recently it was used", async () => {
    const createdAt = new Date(Date.now() - SESSION_ABSOLUTE_TIMEOUT_MS - 1000);
    const session = await createSession(ctx.db, users.COMPANY.id, createdAt);
    await ctx.db.session.update({ where: { id: session.id }, data: { lastSeenAt: new Date() } });
    const cookie = (await serializeSessionCookie(session.id, new Date(Date.now() + 60_000))).split(";")[0]!;
    expect(await getOptionalUser(getRequest("/", cookie))).toBeNull();
  });

  it("refreshes the idle timer of a session in use", async () => {
    const session = await createSession(ctx.db, users.COMPANY.id);
    const tenMinutesAgo = new Date(Date.now() - 10 * 60 * 1000);
    await ctx.db.session.update({ where: { id: session.id }, data: { lastSeenAt: tenMinutesAgo } });
    const cookie = (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
    expect(await getOptionalUser(getRequest("/", cookie))).not.toBeNull();
    const row = await ctx.db.session.findUniqueOrThrow({ where: { id: session.id }, select: { lastSeenAt: true } });
    expect(row.lastSeenAt.getTime()).toBeGreaterThan(tenMinutesAgo.getTime());
  });

  it("ends the sessions of a user who is disabled meanwhile", async () => {
    const victim = await addUser("COMPANY", "senere-stoppet@example.dk", "Snart Lukket ApS");
    const cookie = cookieFrom((await logIn(victim.email)) as Response);
    await ctx.db.user.update({ where: { id: victim.id }, data: { disabledAt: new Date() } });
    expect(await getOptionalUser(getRequest("/", cookie))).toBeNull();
    expect(await sessionsOf(victim.id)).toHaveLength(0);
  });
});

describe("access checks and role homes", () => {
  async function cookieFor(kind: OrganisationKind) {
    return cookieFrom((await logIn(users[kind].email)) as Response);
  }

  it("sends an anonymous visitor of a home page to the login with the way back", async () => {
    const thrown = await requireRole(getRequest("/virksomhed?tab=1"), "COMPANY").catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(302);
    expect((thrown as Response).headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/virksomhed?tab=1" })}`);
  });

  it("answers 403 to a user of another kind of organisation", async () => {
    const cookie = await cookieFor("INSTITUTION");
    const thrown = await companyHomeLoader({ request: getRequest("/virksomhed", cookie), params: {}, context }).catch((e: unknown) => e);
    expect(thrown).toBeInstanceOf(Response);
    expect((thrown as Response).status).toBe(403);
  });

  it("redirects a logged-in user from / and /login to their home", async () => {
    const cookie = await cookieFor("OPERATOR");
    for (const loader of [indexLoader, loginLoader]) {
      const thrown = await loader({ request: getRequest("/", cookie), params: {}, context }).catch((e: unknown) => e);
      expect((thrown as Response).headers.get("Location")).toBe("/drift");
    }
    expect(await indexLoader({ request: getRequest("/"), params: {}, context })).toBeNull();
  });

  it("shows a company only its own vacancies, with their current matches counted", async () => {
    const vacancy = { postalCode: "8000", latitude: 56.15, longitude: 10.2, startDate: new Date("2027-02-01") };
    await ctx.db.vacancy.create({ data: { ...vacancy, organisationId: users.COMPANY.orgId, title: "Tømrer" } });
    await ctx.db.vacancy.create({ data: { ...vacancy, organisationId: otherCompanyId, title: "Andres stilling" } });
    const data = await companyHomeLoader({ request: getRequest("/virksomhed", await cookieFor("COMPANY")), params: {}, context });
    expect(data.organisationName).toBe("Firma A/S");
    expect(data.vacancies.map((v) => v.title)).toEqual(["Tømrer"]);
    expect(data.vacancies[0]).toMatchObject({ status: "OPEN", currentMatches: 0 });
  });

  it("counts a jobcentre's active candidates and the open vacancies of the companies it serves", async () => {
    await ctx.db.organisation.update({ where: { id: users.COMPANY.orgId }, data: { servedById: users.JOBCENTRE.orgId } });
    const candidate = { postalCode: "8000", latitude: 56.15, longitude: 10.2, availableFrom: new Date("2027-01-01"), firstName: "A", lastName: "B" };
    await ctx.db.candidate.create({ data: { ...candidate, jobcentreId: users.JOBCENTRE.orgId, pseudonym: "K-1" } });
    await ctx.db.candidate.create({ data: { ...candidate, jobcentreId: users.JOBCENTRE.orgId, pseudonym: "K-2", status: "INACTIVE" } });
    const data = await jobcentreHomeLoader({ request: getRequest("/jobcenter", await cookieFor("JOBCENTRE")), params: {}, context });
    expect(data.overview).toMatchObject({ activeCandidates: 1, openVacancies: 1, openContactRequests: 0 });
    expect(data.overview.outcomes.year).toEqual({ HIRED: 0, ENROLLED: 0, COURSE_COMPLETED: 0 });
  });

  it("lists an institution's courses with their upcoming, uncancelled offerings", async () => {
    const day = 24 * 3600 * 1000;
    const offering = (startsInDays: number, cancelled = false) => ({
      startDate: new Date(Date.now() + startsInDays * day),
      endDate: new Date(Date.now() + (startsInDays + 5) * day),
      seats: 10,
      cancelledAt: cancelled ? new Date() : null,
    });
    await ctx.db.course.create({
      data: { institutionId: users.INSTITUTION.orgId, title: "Truckcertifikat", offerings: { create: [offering(10), offering(20, true), offering(-30)] } },
    });
    const data = await institutionHomeLoader({ request: getRequest("/uddannelse", await cookieFor("INSTITUTION")), params: {}, context });
    expect(data.courses).toEqual([expect.objectContaining({ title: "Truckcertifikat", upcomingOfferings: 1 })]);
  });

  it("shows the operator every kind of organisation with its count", async () => {
    const data = await operatorHomeLoader({ request: getRequest("/drift", await cookieFor("OPERATOR")), params: {}, context });
    const counts = Object.fromEntries(data.groups.map((g) => [g.kind, g.count]));
    const expected = await ctx.db.organisation.groupBy({ by: ["kind"], _count: { _all: true } });
    for (const row of expected) expect(counts[row.kind]).toBe(row._count._all);
    expect(data.groups.find((g) => g.kind === "JOBCENTRE")?.organisations.map((o) => o.name)).toEqual(["Jobcenter Test"]);
  });
});
