// Single sign-on (OpenID Connect, authorization code + PKCE) against a real
// oidc-provider, driven through real HTTP redirects like a browser would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { da } from "~/i18n/da";
import { resetEnvCache } from "~/lib/env.server";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { addUser, type TestUser } from "./helpers";
import { Browser, startTestProvider, type TestProvider } from "./oidc-test-provider";
import { startTestWebServer, type TestWebServer } from "./web-server";

let ctx: TestContext;
let web: TestWebServer;
let idp: TestProvider;
let company: TestUser;
let jobcentre: TestUser;

beforeAll(async () => {
  ctx = await createTestContext("sso");
  web = await startTestWebServer();
  company = await addUser(ctx.db, "COMPANY", { email: "indkoeb@firma.dk" });
  jobcentre = await addUser(ctx.db, "JOBCENTRE", { email: "konsulent@jobcenter.dk" });
});
afterAll(async () => {
  for (const name of ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]) delete process.env[name];
  resetEnvCache();
  await idp?.close();
  await web?.close();
  await ctx?.cleanup();
});

function enableSso() {
  Object.assign(process.env, { OIDC_ISSUER: idp.issuer, OIDC_CLIENT_ID: idp.clientId, OIDC_CLIENT_SECRET: idp.clientSecret });
  resetEnvCache();
}

const linkOf = (userId: string) => ctx.db.user.findUniqueOrThrow({ where: { id: userId }, select: { oidcIssuer: true, oidcSubject: true } });
const sessionsOf = (userId: string) => ctx.db.session.count({ where: { userId } });

describe("without OIDC_ISSUER", () => {
  it("hides the button and answers 404 on both routes", async () => {
    const page = await (await web.request("/login")).text();
    expect(page).not.toContain(da.security.sso.button);
    expect((await web.request("/login/sso")).status).toBe(404);
    expect((await web.request("/login/sso/callback?code=x&state=y")).status).toBe(404);
  });
});

describe("with an OpenID provider", () => {
  beforeAll(async () => {
    idp = await startTestProvider(`${web.url}/login/sso/callback`);
    idp.accounts.set("sub-company", { email: "Indkoeb@Firma.dk", email_verified: true });
    idp.accounts.set("sub-stranger", { email: "fremmed@andet.dk", email_verified: true });
    idp.accounts.set("sub-unverified", { email: company.email, email_verified: false });
    idp.accounts.set("sub-jobcentre", { email: jobcentre.email, email_verified: true });
    enableSso();
  });

  it("shows the MitID Erhverv button on the login page", async () => {
    const page = await (await web.request("/login?redirectTo=%2Fvirksomhed")).text();
    expect(page).toContain(da.security.sso.button);
    expect(page).toContain('href="/login/sso?redirectTo=%2Fvirksomhed"');
  });

  it("sends the browser to the provider with PKCE (S256), state and nonce, remembered in a signed HttpOnly cookie", async () => {
    const browser = new Browser();
    const start = await browser.get(`${web.url}/login/sso`);
    expect(start.status).toBe(302);
    const location = new URL(start.headers.get("Location")!);
    expect(location.origin).toBe(idp.issuer);
    expect(location.searchParams.get("code_challenge_method")).toBe("S256");
    expect(location.searchParams.get("code_challenge")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(location.searchParams.get("state")).toBeTruthy();
    expect(location.searchParams.get("nonce")).toBeTruthy();
    expect(location.searchParams.get("redirect_uri")).toBe(`${web.url}/login/sso/callback`);
    const cookie = start.headers.getSetCookie().find((c) => c.startsWith("jobbro_oidc="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).toMatch(/Max-Age=600/i);
    // Neither the verifier nor the state is readable in the cookie without the server's secret check.
    expect(decodeURIComponent(cookie)).toContain(".");
  });

  it("links a company user by the verified e-mail at first login, and by issuer + subject afterwards", async () => {
    idp.loginAs("sub-company");
    const browser = new Browser();
    const end = await browser.follow(`${web.url}/login/sso?redirectTo=${encodeURIComponent("/virksomhed?fra=sso")}`);
    expect(browser.visited.at(-1)).toBe(`${web.url}/virksomhed?fra=sso`);
    expect(end.status).toBe(200);
    expect(await linkOf(company.id)).toEqual({ oidcIssuer: idp.issuer, oidcSubject: "sub-company" });
    expect(browser.cookies(web.url).has("jobbro_oidc")).toBe(false);

    // The provider's e-mail changes; the link by subject still finds the user.
    idp.accounts.set("sub-company", { email: "ny-adresse@firma.dk", email_verified: true });
    const before = await sessionsOf(company.id);
    const again = new Browser();
    await again.follow(`${web.url}/login/sso`);
    expect(again.visited.at(-1)).toBe(`${web.url}/virksomhed`);
    expect(await sessionsOf(company.id)).toBe(before + 1);
  });

  it.each([
    ["an e-mail Jobbro does not know", "sub-stranger"],
    ["an e-mail the provider did not verify", "sub-unverified"],
    ["a user who is not a company user", "sub-jobcentre"],
  ])("answers a clear 'no Jobbro user' page, not a 500, for %s", async (_label, subject) => {
    idp.loginAs(subject);
    const sessionsBefore = await ctx.db.session.count();
    const browser = new Browser();
    const end = await browser.follow(`${web.url}/login/sso`);
    expect(browser.visited.at(-1)).toMatch(new RegExp(`^${web.url}/login/sso/callback\\?`));
    expect(end.status).toBe(403);
    const html = await end.text();
    expect(html).toContain(da.security.sso.noUserTitle);
    expect(await ctx.db.session.count()).toBe(sessionsBefore);
    expect((await linkOf(jobcentre.id)).oidcSubject).toBeNull();
  });

  it("refuses a callback whose state does not match, or that has no login in progress", async () => {
    idp.loginAs("sub-company");
    const browser = new Browser();
    let url = `${web.url}/login/sso`;
    let response: Response;
    // Walk to the moment the provider sends the browser back, then tamper with the state.
    for (;;) {
      response = await browser.get(url);
      url = new URL(response.headers.get("Location")!, url).href;
      if (url.startsWith(`${web.url}/login/sso/callback`)) break;
    }
    const tampered = new URL(url);
    tampered.searchParams.set("state", "forged-state");
    const sessionsBefore = await ctx.db.session.count();
    const refused = await browser.get(tampered.href);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain(da.security.sso.failedTitle);
    expect(await ctx.db.session.count()).toBe(sessionsBefore);

    const stranger = new Browser();
    const noFlow = await stranger.get(url);
    expect(noFlow.status).toBe(400);
  });

  it("shows the provider's refusal as a failed login", async () => {
    const browser = new Browser();
    await browser.get(`${web.url}/login/sso`);
    const response = await browser.get(`${web.url}/login/sso/callback?error=access_denied&state=x`);
    expect(response.status).toBe(400);
  });
});
