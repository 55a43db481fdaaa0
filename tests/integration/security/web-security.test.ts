// CSRF protection, security headers and caching, through real HTTP requests to
// the real web server (app/server/app.ts) started in this process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CSRF_REFUSAL_MESSAGE } from "~/server/security";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { addUser, sessionCookie, tokenFor, type TestUser } from "./helpers";
import { startTestWebServer, type TestWebServer } from "./web-server";

let ctx: TestContext;
let web: TestWebServer;
let company: TestUser;
let token: string;

beforeAll(async () => {
  ctx = await createTestContext("csrf");
  web = await startTestWebServer();
  company = await addUser(ctx.db, "COMPANY");
  token = await tokenFor(ctx.db, company.orgId);
});
afterAll(async () => {
  await web?.close();
  await ctx?.cleanup();
});

const sessionCount = () => ctx.db.session.count({ where: { userId: company.id } });

async function postLogout(headers: Record<string, string>, method = "POST") {
  const cookie = await sessionCookie(ctx.db, company.id);
  const before = await sessionCount();
  const response = await web.request("/logout", { method, headers: { Cookie: cookie, ...headers } });
  return { response, ended: (await sessionCount()) === before - 1 };
}

describe("CSRF protection of state-changing requests", () => {
  it.each([
    ["Sec-Fetch-Site same-origin", { "Sec-Fetch-Site": "same-origin" }],
    ["Sec-Fetch-Site none (typed by the user)", { "Sec-Fetch-Site": "none" }],
    ["an Origin equal to APP_URL", { Origin: "APP" }],
    ["a Referer on APP_URL", { Referer: "APP/virksomhed" }],
  ])("lets a request with %s through", async (_label, raw) => {
    const headers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.replace("APP", web.url)]));
    const { response, ended } = await postLogout(headers);
    expect(response.status).toBe(302);
    expect(ended).toBe(true);
  });

  it.each([
    ["Sec-Fetch-Site cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site same-site (a sibling subdomain)", { "Sec-Fetch-Site": "same-site" }],
    ["cross-site Sec-Fetch-Site, even with a matching Origin", { "Sec-Fetch-Site": "cross-site", Origin: "APP" }],
    ["a foreign Origin", { Origin: "https://evil.example" }],
    ["an opaque Origin (null)", { Origin: "null" }],
    ["a look-alike Origin", { Origin: "APP.evil.example" }],
    ["a foreign Referer", { Referer: "https://evil.example/APP" }],
    ["no Origin information at all", {}],
  ])("refuses %s with 403 and a clear message, changing nothing", async (_label, raw) => {
    const headers = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v.replace("APP", web.url)]));
    const { response, ended } = await postLogout(headers);
    expect(response.status).toBe(403);
    expect(await response.text()).toBe(CSRF_REFUSAL_MESSAGE);
    expect(ended).toBe(false);
  });

  it.each(["PUT", "PATCH", "DELETE"])("checks %s as well", async (method) => {
    const { response } = await postLogout({ "Sec-Fetch-Site": "cross-site" }, method);
    expect(response.status).toBe(403);
  });

  it("leaves reading alone: a cross-site GET is served", async () => {
    const response = await web.request("/login", { headers: { "Sec-Fetch-Site": "cross-site" } });
    expect(response.status).toBe(200);
  });

  it("exempts the bearer-token API, which never accepts the session cookie", async () => {
    const cross = { "Sec-Fetch-Site": "cross-site", Origin: "https://integration.example", "Content-Type": "application/json" };
    const withToken = await web.request("/api/v1/vacancies", { method: "POST", headers: { ...cross, Authorization: `Bearer ${token}` }, body: "{}" });
    expect(withToken.status).toBe(400); // validation, not CSRF: the token is what authenticates
    const withCookie = await web.request("/api/v1/vacancies", {
      method: "POST",
      headers: { "Sec-Fetch-Site": "same-origin", "Content-Type": "application/json", Cookie: await sessionCookie(ctx.db, company.id) },
      body: "{}",
    });
    expect(withCookie.status).toBe(401);
    const read = await web.request("/api/v1/vacancies", { headers: { Cookie: await sessionCookie(ctx.db, company.id) } });
    expect(read.status).toBe(401);
  });
});

describe("security headers", () => {
  it("sends a nonce-based CSP with object-src, base-uri and frame-ancestors 'none', and the nonce reaches the scripts", async () => {
    const response = await web.request("/login");
    const csp = response.headers.get("Content-Security-Policy") ?? "";
    for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "default-src 'self'"]) expect(csp).toContain(directive);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Referrer-Policy")).toBe("same-origin");
    const again = (await web.request("/login")).headers.get("Content-Security-Policy");
    expect(again).not.toBe(csp);
  });

  it("keeps HSTS for production", async () => {
    expect((await web.request("/login")).headers.get("Strict-Transport-Security")).toBeNull();
    await withProduction(async () => {
      expect((await web.request("/login")).headers.get("Strict-Transport-Security")).toMatch(/max-age=31536000/);
    });
  });

  it("marks pages, data requests and API answers no-store, but lets fingerprinted assets be cached", async () => {
    const cookie = await sessionCookie(ctx.db, company.id);
    for (const path of ["/", "/login", "/virksomhed", "/virksomhed.data", "/healthz"]) {
      const response = await web.request(path, { headers: { Cookie: cookie } });
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get("Cache-Control"), path).toBe("no-store");
    }
    const api = await web.request("/api/v1/vacancies", { headers: { Authorization: `Bearer ${token}` } });
    expect(api.headers.get("Cache-Control")).toBe("no-store");
    const asset = await web.request("/dkfds/css/dkfds-virkdk.min.css");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("Cache-Control")).not.toBe("no-store");
  });
});

describe("the session cookie in production", () => {
  it("is __Host- prefixed, Secure, HttpOnly, SameSite=Lax, host-only, and a new id at every login", async () => {
    await withProduction(async () => {
      const login = (cookie?: string) =>
        web.request("/login", {
          method: "POST",
          headers: { "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
          body: new URLSearchParams({ email: company.email, password: "Korrekt-hest-batteri-1" }),
        });
      const first = await login();
      expect(first.status).toBe(302);
      const setCookie = first.headers.get("Set-Cookie") ?? "";
      expect(setCookie).toMatch(/^__Host-jobbro_session=/);
      expect(setCookie).toMatch(/; Secure/i);
      expect(setCookie).toMatch(/; HttpOnly/i);
      expect(setCookie).toMatch(/; SameSite=Lax/i);
      expect(setCookie).toMatch(/; Path=\//i);
      expect(setCookie).not.toMatch(/Domain=/i);
      const firstCookie = setCookie.split(";")[0]!;
      const second = await login(firstCookie);
      const secondCookie = (second.headers.get("Set-Cookie") ?? "").split(";")[0]!;
      expect(secondCookie).not.toBe(firstCookie);
      // The old id no longer works: the home page sends it to the login.
      expect((await web.request("/virksomhed", { headers: { Cookie: firstCookie } })).status).toBe(302);
      expect((await web.request("/virksomhed", { headers: { Cookie: secondCookie } })).status).toBe(200);
    });
  });
});

async function withProduction(run: () => Promise<void>) {
  const saved = { NODE_ENV: process.env.NODE_ENV, SESSION_SECRET: process.env.SESSION_SECRET };
  Object.assign(process.env, { NODE_ENV: "production", SESSION_SECRET: saved.SESSION_SECRET ?? "security-test-session-secret-0123456789abcdef" });
  const { resetEnvCache } = await import("~/lib/env.server");
  resetEnvCache();
  try {
    await run();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
  }
}
