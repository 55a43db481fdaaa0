// The operator's organisations and users: create with validation (CVR modulus
// 11, municipality), create a user with an argon2id password, disabling a user
// ends their sessions at once, no candidate names on these pages, 403 for others.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "~/modules/auth/password.server";
import { getOptionalUser } from "~/modules/auth/guards.server";
import * as organisations from "~/routes/drift.organisationer._index";
import * as organisation from "~/routes/drift.organisationer.$id";
import * as users from "~/routes/drift.brugere";
import * as taxonomy from "~/routes/drift.taksonomi";
import { makeCandidate, makeOrganisation } from "../../fixtures/factories";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { cookieFor, formRequest, getRequest, loggedInUser, routeContext, seedPlaces, settle, type DataResult, type LoggedIn } from "../institution/helpers";

let ctx: TestContext;
let operator: LoggedIn;

type Reply = { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } };

beforeAll(async () => {
  ctx = await createTestContext("operator");
  await seedPlaces(ctx.db);
  operator = await loggedInUser(ctx.db, "OPERATOR", "Jobbro Drift");
});
afterAll(async () => ctx?.cleanup());

const post = (route: { action: typeof organisations.action }, path: string, fields: Record<string, string>, params: Record<string, string> = {}, who = operator) =>
  settle(() => route.action({ request: formRequest(path, fields, who.cookie), params, context: routeContext }));

describe("organisations", () => {
  it("refuses a company with a CVR number failing modulus 11 and a jobcentre without a known municipality", async () => {
    const before = await ctx.db.organisation.count();
    const company = (await post(organisations, "/drift/organisationer", { kind: "COMPANY", name: "Forkert ApS", cvr: "12345678" })) as DataResult<Reply>;
    expect(company.init?.status).toBe(400);
    expect(company.data.result.error?.cvr).toEqual(["operator.errors.cvrInvalid"]);
    expect(company.data.result.initialValue?.name).toBe("Forkert ApS");
    const jobcentre = (await post(organisations, "/drift/organisationer", { kind: "JOBCENTRE", name: "Jobcenter X", municipalityCode: "0999" })) as DataResult<Reply>;
    expect(jobcentre.data.result.error?.municipalityCode).toEqual(["operator.errors.municipalityUnknown"]);
    expect(await ctx.db.organisation.count()).toBe(before);
  });

  it("creates organisations, lists them with counts per kind, and edits name and address", async () => {
    const jobcentre = (await post(organisations, "/drift/organisationer", { kind: "JOBCENTRE", name: "Jobcenter Aarhus", municipalityCode: "751", postalCode: "8000" })) as Response;
    expect(jobcentre.status).toBe(302);
    const created = (await post(organisations, "/drift/organisationer", { kind: "COMPANY", name: "Nordlys ApS", cvr: "12 34 56 74", street: "Vej 1", postalCode: "8000" })) as Response;
    expect(created.status).toBe(302);
    const company = await ctx.db.organisation.findUniqueOrThrow({ where: { cvr: "12345674" }, include: { servedBy: true } });
    expect(company).toMatchObject({ kind: "COMPANY", name: "Nordlys ApS", city: "Aarhus C", street: "Vej 1" });
    expect(company.servedBy?.municipalityCode).toBe("0751");

    const again = (await post(organisations, "/drift/organisationer", { kind: "COMPANY", name: "Kopi ApS", cvr: "12345674" })) as DataResult<Reply>;
    expect(again.data.result.error?.cvr).toEqual(["operator.errors.cvrTaken"]);

    const page = await organisations.loader({ request: getRequest("/drift/organisationer?kind=COMPANY", operator.cookie), params: {}, context: routeContext });
    expect(page.counts).toMatchObject({ COMPANY: 1, JOBCENTRE: 1, OPERATOR: 1 });
    expect(page.organisations.map((o) => o.name)).toEqual(["Nordlys ApS"]);

    const edited = (await post(organisation, `/drift/organisationer/${company.id}`, { name: "Nordlys Byg ApS", street: "Ny vej 2", postalCode: "9000" }, { id: company.id })) as Response;
    expect(edited.status).toBe(302);
    expect(await ctx.db.organisation.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({ name: "Nordlys Byg ApS", street: "Ny vej 2", city: "Aalborg", cvr: "12345674" });
    const missing = await post(organisation, "/drift/organisationer/nope", { name: "X" }, { id: "nope" });
    expect((missing as Response).status).toBe(404);
  });
});

describe("users", () => {
  it("creates a user in an organisation with an argon2id password, refusing a taken e-mail", async () => {
    const school = await makeOrganisation(ctx.db, "INSTITUTION", "AMU Syd");
    const short = (await post(users, "/drift/brugere", { intent: "create", name: "Ny", email: "ny@amu.dk", organisationId: school.id, role: "MEMBER", password: "kort" })) as DataResult<Reply>;
    expect(short.data.result.error?.password).toEqual(["operator.errors.passwordShort"]);
    expect(short.data.result.initialValue?.password).toBeUndefined();

    const made = (await post(users, "/drift/brugere", { intent: "create", name: "Ny Underviser", email: "Ny@Amu.dk", organisationId: school.id, role: "ADMIN", password: "Et-langt-kodeord-1" })) as Response;
    expect(made.status).toBe(302);
    const user = await ctx.db.user.findUniqueOrThrow({ where: { email: "ny@amu.dk" }, include: { memberships: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, "Et-langt-kodeord-1")).toBe(true);
    expect(user.memberships).toEqual([expect.objectContaining({ organisationId: school.id, role: "ADMIN" })]);

    const taken = (await post(users, "/drift/brugere", { intent: "create", name: "Igen", email: "ny@amu.dk", organisationId: school.id, role: "MEMBER", password: "Et-langt-kodeord-1" })) as DataResult<Reply>;
    expect(taken.data.result.error?.email).toEqual(["operator.errors.emailTaken"]);
  });

  it("disabling a user ends all their sessions at once; enabling lets them log in again", async () => {
    const member = await loggedInUser(ctx.db, "COMPANY");
    const secondCookie = await cookieFor(ctx.db, member.userId);
    expect(await ctx.db.session.count({ where: { userId: member.userId } })).toBe(2);
    expect(await getOptionalUser(getRequest("/virksomhed", member.cookie))).not.toBeNull();

    expect(((await post(users, "/drift/brugere", { intent: "disable", userId: member.userId })) as Response).status).toBe(302);
    expect(await ctx.db.session.count({ where: { userId: member.userId } })).toBe(0);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: member.userId } })).disabledAt).not.toBeNull();
    expect(await getOptionalUser(getRequest("/virksomhed", secondCookie))).toBeNull();

    expect(((await post(users, "/drift/brugere", { intent: "enable", userId: member.userId })) as Response).status).toBe(302);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: member.userId } })).disabledAt).toBeNull();
  });

  it("ends all sessions of a user without disabling them, and an operator cannot disable themselves", async () => {
    const member = await loggedInUser(ctx.db, "JOBCENTRE");
    await cookieFor(ctx.db, member.userId);
    expect(((await post(users, "/drift/brugere", { intent: "endSessions", userId: member.userId })) as Response).status).toBe(302);
    expect(await ctx.db.session.count({ where: { userId: member.userId } })).toBe(0);
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: member.userId } })).disabledAt).toBeNull();

    const self = await post(users, "/drift/brugere", { intent: "disable", userId: operator.userId });
    expect((self as Response).status).toBe(403);
  });

  it("lists users with organisation, last login and status", async () => {
    const page = await users.loader({ request: getRequest("/drift/brugere", operator.cookie), params: {}, context: routeContext });
    const row = page.users.find((u) => u.id === operator.userId);
    expect(row).toMatchObject({ organisations: [expect.objectContaining({ name: "Jobbro Drift" })], disabledAt: null });
  });
});

describe("privacy and access", () => {
  it("shows no candidate names on the operator's pages", async () => {
    const jobcentre = await makeOrganisation(ctx.db, "JOBCENTRE");
    const candidate = await makeCandidate(ctx.db, jobcentre.id);
    const pages = await Promise.all([
      organisations.loader({ request: getRequest("/drift/organisationer", operator.cookie), params: {}, context: routeContext }),
      users.loader({ request: getRequest("/drift/brugere", operator.cookie), params: {}, context: routeContext }),
      taxonomy.loader({ request: getRequest("/drift/taksonomi", operator.cookie), params: {}, context: routeContext }),
    ]);
    const text = JSON.stringify(pages);
    expect(text).not.toContain(candidate.lastName);
    expect(text).not.toContain(candidate.email!);
    expect(text).not.toContain(candidate.pseudonym);
  });

  it("answers 403 to users of other kinds of organisation", async () => {
    for (const kind of ["COMPANY", "JOBCENTRE", "INSTITUTION"] as const) {
      const who = await loggedInUser(ctx.db, kind);
      const loaders: [(args: Parameters<typeof users.loader>[0]) => Promise<unknown>, string][] = [
        [organisations.loader, "/drift/organisationer"],
        [users.loader, "/drift/brugere"],
        [taxonomy.loader, "/drift/taksonomi"],
      ];
      for (const [loader, path] of loaders) {
        const read = await settle(() => loader({ request: getRequest(path, who.cookie), params: {}, context: routeContext }));
        expect((read as Response).status, `${kind} ${path}`).toBe(403);
      }
      const write = await post(users, "/drift/brugere", { intent: "disable", userId: operator.userId }, {}, who);
      expect((write as Response).status).toBe(403);
    }
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: operator.userId } })).disabledAt).toBeNull();
  });
});
