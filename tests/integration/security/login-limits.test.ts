// Login rate limits (Redis): per e-mail + address and per address, 429 with
// Retry-After and a clear message, and no way to lock someone else out.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOO_MANY_ATTEMPTS } from "~/modules/auth/schema";
import { action as loginAction } from "~/routes/login";
import { resetEnvCache } from "~/lib/env.server";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { addUser, PASSWORD, type TestUser } from "./helpers";
import { startTestWebServer, type TestWebServer } from "./web-server";
import { routeContextWith } from "../../setup/route-context";

let ctx: TestContext;
let web: TestWebServer;
let victim: TestUser;
let other: TestUser;

beforeAll(async () => {
  ctx = await createTestContext("loginlimit");
  web = await startTestWebServer();
  victim = await addUser(ctx.db, "COMPANY");
  other = await addUser(ctx.db, "JOBCENTRE");
});
afterAll(async () => {
  await web?.close();
  await ctx?.cleanup();
});

async function attempt(email: string, password: string, address: string) {
  const request = new Request("http://jobbro.test/login", {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
  });
  const result = await loginAction({ request, params: {}, context: routeContextWith({ clientAddress: address }) });
  if (result instanceof Response) return { status: result.status, retryAfter: null, formErrors: [] as string[] };
  const refused = result as Exclude<typeof result, Response>;
  return {
    status: refused.init?.status ?? 200,
    retryAfter: new Headers(refused.init?.headers).get("Retry-After"),
    formErrors: refused.data.result.error?.[""] ?? [],
  };
}

const fail = (email: string, address: string) => attempt(email, "forkert-kode", address);

describe("per e-mail and address", () => {
  it("refuses the sixth attempt within 15 minutes with 429 and Retry-After, even with the right password", async () => {
    for (let i = 0; i < 5; i += 1) expect((await fail(victim.email, "10.0.0.1")).status).toBe(400);
    const blocked = await attempt(victim.email, PASSWORD, "10.0.0.1");
    expect(blocked.status).toBe(429);
    expect(blocked.formErrors).toEqual([TOO_MANY_ATTEMPTS]);
    const seconds = Number(blocked.retryAfter);
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
    expect(await ctx.db.session.count({ where: { userId: victim.id } })).toBe(0);
  });

  it("cannot lock the owner out: the same account still logs in from another address", async () => {
    const fromHome = await attempt(victim.email, PASSWORD, "10.0.0.2");
    expect(fromHome.status).toBe(302);
  });

  it("does not touch other accounts tried from the same address", async () => {
    expect((await attempt(other.email, PASSWORD, "10.0.0.1")).status).toBe(302);
  });

  it("starts counting afresh after a successful login from that address", async () => {
    const user = await addUser(ctx.db, "COMPANY");
    for (let i = 0; i < 4; i += 1) await fail(user.email, "10.0.0.3");
    expect((await attempt(user.email, PASSWORD, "10.0.0.3")).status).toBe(302);
    for (let i = 0; i < 4; i += 1) expect((await fail(user.email, "10.0.0.3")).status).toBe(400);
    expect((await attempt(user.email, PASSWORD, "10.0.0.3")).status).toBe(302);
  });

  it("counts the e-mail however it is written", async () => {
    const user = await addUser(ctx.db, "COMPANY");
    for (let i = 0; i < 5; i += 1) await fail(i % 2 ? user.email.toUpperCase() : ` ${user.email}`, "10.0.0.4");
    expect((await attempt(user.email, PASSWORD, "10.0.0.4")).status).toBe(429);
  });

  it("does not count a form that was not even valid", async () => {
    const user = await addUser(ctx.db, "COMPANY");
    for (let i = 0; i < 8; i += 1) expect((await attempt(user.email, "", "10.0.0.5")).status).toBe(400);
    expect((await attempt(user.email, PASSWORD, "10.0.0.5")).status).toBe(302);
  });
});

describe("per address", () => {
  it("refuses an address that failed on many accounts (limit from LOGIN_LIMIT_ADDRESS_FAILURES)", async () => {
    process.env.LOGIN_LIMIT_ADDRESS_FAILURES = "3";
    resetEnvCache();
    try {
      for (let i = 0; i < 3; i += 1) expect((await fail(`ukendt-${i}@example.dk`, "10.9.9.9")).status).toBe(400);
      const blocked = await attempt(other.email, PASSWORD, "10.9.9.9");
      expect(blocked.status).toBe(429);
      expect(Number(blocked.retryAfter)).toBeGreaterThan(59 * 60);
      expect((await attempt(other.email, PASSWORD, "10.9.9.8")).status).toBe(302);
    } finally {
      delete process.env.LOGIN_LIMIT_ADDRESS_FAILURES;
      resetEnvCache();
    }
  });
});

describe("over HTTP", () => {
  it("shows the wait in minutes on the login form with status 429 and Retry-After", async () => {
    const user = await addUser(ctx.db, "COMPANY");
    const post = (password: string) =>
      web.request("/login", {
        method: "POST",
        headers: { "Sec-Fetch-Site": "same-origin", "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: user.email, password }),
      });
    for (let i = 0; i < 5; i += 1) expect((await post("forkert")).status).toBe(400);
    const response = await post(PASSWORD);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get("Retry-After"))).toBeGreaterThan(0);
    const html = await response.text();
    expect(html).toContain("For mange forsøg – prøv igen om 15 minutter");
    expect(html).toContain(`value="${user.email}"`);
  });
});
