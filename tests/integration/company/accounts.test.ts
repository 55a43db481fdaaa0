// Company registration (CVR check, duplicate CVR, nothing stored on error, the
// first user logged in as ADMIN) and invitations of colleagues (e-mailed link,
// only a hash stored, accepted once, expired links answered with 410).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailServer, type MailServer } from "~/cli/mail-server";
import { verifyPassword } from "~/modules/auth/password.server";
import { hashInvitationToken } from "~/portals/company/invitations.server";
import { action as registerAction } from "~/routes/registrer";
import { action as colleaguesAction, loader as colleaguesLoader } from "~/routes/virksomhed.kolleger";
import { action as invitationAction, loader as invitationLoader } from "~/routes/invitation.$token";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { resetEnvCache } from "~/lib/env.server";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { cookieFrom, formRequest, getRequest, loggedInUser, routeContext, seedGeography, type LoggedIn } from "./helpers";

let ctx: TestContext;
let mail: MailServer;
let jobcentreId: string;

beforeAll(async () => {
  ctx = await createTestContext("accounts");
  mail = await startMailServer({ smtpPort: 0 });
  process.env.SMTP_URL = mail.smtpUrl;
  process.env.APP_URL = "http://jobbro.test";
  resetEnvCache();
  ({ jobcentreId } = await seedGeography(ctx.db));
});
afterAll(async () => {
  await mail?.close();
  await ctx?.cleanup();
});

const PASSWORD = "Et-langt-kodeord-2026";
const registration = (over: Record<string, string> = {}) => ({
  cvr: "12345674",
  companyName: "Nordlys Svejs ApS",
  street: "Værkstedsvej 4",
  postalCode: "8200",
  name: "Mette Mester",
  email: "mette@nordlys-svejs.dk",
  password: PASSWORD,
  ...over,
});

async function register(fields: Record<string, string>) {
  const result = await registerAction({ request: formRequest("/registrer", fields), params: {}, context: routeContext });
  return result as Response | { init: { status: number } | null; data: { result: { error?: Record<string, string[]>; initialValue?: Record<string, unknown> } } };
}

const counts = async () => ({ organisations: await ctx.db.organisation.count(), users: await ctx.db.user.count(), memberships: await ctx.db.membership.count() });

describe("registering a company", () => {
  it("refuses a CVR number that fails the modulus-11 check, keeps the input and stores nothing", async () => {
    const before = await counts();
    const result = await register(registration({ cvr: "12345678" }));
    expect(result).not.toBeInstanceOf(Response);
    if (result instanceof Response) return;
    expect(result.init?.status).toBe(400);
    expect(result.data.result.error?.cvr).toEqual(["company.register.errors.cvrInvalid"]);
    expect(result.data.result.initialValue?.companyName).toBe("Nordlys Svejs ApS");
    expect(result.data.result.initialValue?.password).toBeUndefined();
    expect(await counts()).toEqual(before);
  });

  it("refuses a short password and an unknown postcode with nothing stored", async () => {
    const before = await counts();
    const short = await register(registration({ password: "kort" }));
    expect(!(short instanceof Response) && short.data.result.error?.password).toEqual(["company.register.errors.passwordShort"]);
    const unknown = await register(registration({ postalCode: "1234" }));
    expect(!(unknown instanceof Response) && unknown.data.result.error?.postalCode).toEqual(["forms.unknownPostalCode"]);
    expect(await counts()).toEqual(before);
  });

  it("creates the company served by its municipality's jobcentre, the ADMIN user, and logs them in", async () => {
    const response = (await register(registration({ cvr: "1234 5674" }))) as Response;
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/virksomhed");
    const company = await ctx.db.organisation.findUniqueOrThrow({ where: { cvr: "12345674" } });
    expect(company).toMatchObject({ kind: "COMPANY", name: "Nordlys Svejs ApS", street: "Værkstedsvej 4", postalCode: "8200", city: "Aarhus N", servedById: jobcentreId });
    const user = await ctx.db.user.findUniqueOrThrow({ where: { email: "mette@nordlys-svejs.dk" }, include: { memberships: true } });
    expect(user.memberships).toEqual([expect.objectContaining({ organisationId: company.id, role: "ADMIN" })]);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash!, PASSWORD)).toBe(true);
    const sessionUser = await getOptionalUser(getRequest("/virksomhed", cookieFrom(response)));
    expect(sessionUser?.id).toBe(user.id);
    expect(sessionUser?.organisation.kind).toBe("COMPANY");
  });

  it("answers a CVR number that is already registered with a field error and stores nothing", async () => {
    const before = await counts();
    const result = await register(registration({ email: "en.anden@nordlys-svejs.dk" }));
    expect(result).not.toBeInstanceOf(Response);
    if (result instanceof Response) return;
    expect(result.init?.status).toBe(400);
    expect(result.data.result.error?.cvr).toEqual(["company.register.errors.cvrTaken"]);
    expect(await counts()).toEqual(before);
  });
});

describe("inviting a colleague", () => {
  let admin: LoggedIn;

  beforeAll(async () => {
    admin = await loggedInUser(ctx.db, "COMPANY", { role: "ADMIN" });
  });

  async function invite(email: string, user = admin) {
    return colleaguesAction({ request: formRequest("/virksomhed/kolleger", { email }, user.cookie), params: {}, context: routeContext }).catch((r: unknown) => r as Response);
  }

  function tokenFromMail(to: string): string {
    const sent = mail.store.list().filter((m) => m.to.includes(to));
    const text = sent[sent.length - 1]?.text ?? "";
    const match = /http:\/\/jobbro\.test\/invitation\/([A-Za-z0-9_-]+)/.exec(text);
    if (!match) throw new Error(`no invitation link in the mail to ${to}`);
    return match[1]!;
  }

  const loadInvitation = (token: string) => invitationLoader({ request: getRequest(`/invitation/${token}`), params: { token }, context: routeContext });
  const accept = (token: string, fields: Record<string, string>) =>
    invitationAction({ request: formRequest(`/invitation/${token}`, fields), params: { token }, context: routeContext });

  it("e-mails a link whose token is stored only as a hash, and the colleague accepts it once", async () => {
    const result = await invite("kollega@example.test");
    expect(result).toMatchObject({ invited: "kollega@example.test" });
    const token = tokenFromMail("kollega@example.test");
    const row = await ctx.db.invitation.findFirstOrThrow({ where: { email: "kollega@example.test" } });
    expect(row.tokenHash).toBe(hashInvitationToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBe(7 * 24 * 60 * 60 * 1000);

    const page = await loadInvitation(token);
    expect(page.init?.status ?? 200).toBe(200);
    expect(page.data).toMatchObject({ state: "valid", email: "kollega@example.test" });

    const short = (await accept(token, { name: "Kim Kollega", password: "kort" })) as { init: { status: number } };
    expect(short.init.status).toBe(400);

    const response = (await accept(token, { name: "Kim Kollega", password: PASSWORD })) as Response;
    expect(response.status).toBe(302);
    const user = await getOptionalUser(getRequest("/", cookieFrom(response)));
    expect(user).toMatchObject({ name: "Kim Kollega", email: "kollega@example.test", membershipRole: "MEMBER", organisation: { id: admin.orgId } });

    const again = (await accept(token, { name: "Kim Igen", password: PASSWORD })) as { init: { status: number }; data: { state: string } };
    expect(again.init.status).toBe(410);
    expect(again.data.state).toBe("used");
    expect((await loadInvitation(token)).init?.status).toBe(410);
    expect(await ctx.db.user.count({ where: { email: "kollega@example.test" } })).toBe(1);

    const colleagues = await colleaguesLoader({ request: getRequest("/virksomhed/kolleger", admin.cookie), params: {}, context: routeContext });
    expect(colleagues.members.map((m) => m.email)).toContain("kollega@example.test");
  });

  it("answers an expired link with 410 and an unknown one with 404, creating no user", async () => {
    await invite("sen@example.test");
    const token = tokenFromMail("sen@example.test");
    await ctx.db.invitation.updateMany({ where: { email: "sen@example.test" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await loadInvitation(token);
    expect(expired.init?.status).toBe(410);
    expect(expired.data.state).toBe("expired");
    const tooLate = (await accept(token, { name: "Sen Kollega", password: PASSWORD })) as { init: { status: number } };
    expect(tooLate.init.status).toBe(410);
    expect(await ctx.db.user.count({ where: { email: "sen@example.test" } })).toBe(0);

    const unknown = await loadInvitation("ikke-et-rigtigt-token");
    expect(unknown.init?.status).toBe(404);
    expect(unknown.data.state).toBe("unknown");
  });

  it("lets only an ADMIN invite, and refuses an e-mail that already has a user", async () => {
    const member = await loggedInUser(ctx.db, "COMPANY", { role: "MEMBER", orgId: admin.orgId });
    expect(((await invite("x@example.test", member)) as Response).status).toBe(403);
    const taken = (await invite("kollega@example.test")) as { init: { status: number }; data: { result: { error?: Record<string, string[]> } } };
    expect(taken.init.status).toBe(400);
    expect(taken.data.result.error?.email).toEqual(["company.colleagues.errors.alreadyMember"]);
  });
});
