// Bull Board at /admin/queues behind the operator-only guard, mounted into a
// real Express 4 app the way app/server/app.ts mounts it (that file also loads
// the Remix build, which integration tests run without), with real sessions.
import type { Server } from "node:http";
import express from "express";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS, QUEUES } from "~/lib/queues/registry";
import { createQueueDashboard, QUEUE_DASHBOARD_PATH } from "~/portals/operator/queue-dashboard.server";
import { securityHeaders } from "~/server/security";
import { resetEnvCache } from "~/lib/env.server";
import { closeQueues, getQueue } from "~/lib/queue.server";
import { createTestContext, type TestContext } from "../setup/test-db";
import { addUser, closedPort, deleteQueueKeys, useUniqueQueuePrefix } from "./operations-helpers";

let ctx: TestContext;
let server: Server;
let base: string;
let prefix: string;
const users = {} as Record<"operator" | "company", { id: string; cookie: string }>;

beforeAll(async () => {
  ctx = await createTestContext("opsboard");
  prefix = useUniqueQueuePrefix();
  users.operator = await addUser(ctx.db, "OPERATOR", "drift");
  users.company = await addUser(ctx.db, "COMPANY", "firma");
  const app = express();
  app.use(securityHeaders);
  app.use(QUEUE_DASHBOARD_PATH, ...createQueueDashboard(QUEUE_DASHBOARD_PATH));
  app.get("/elsewhere", (_req, res) => res.send("ok"));
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await closeQueues();
  if (prefix) await deleteQueueKeys(prefix);
  await ctx?.cleanup();
});

const get = (path: string, cookie?: string) => fetch(`${base}${path}`, { redirect: "manual", headers: cookie ? { Cookie: cookie } : {} });

describe("who may open /admin/queues", () => {
  it("sends a visitor without a session to the login page, coming back afterwards", async () => {
    const response = await get("/admin/queues");
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/login?${new URLSearchParams({ redirectTo: "/admin/queues" })}`);
  });

  it("refuses a logged-in user who is not an operator, board and API alike", async () => {
    for (const path of ["/admin/queues", "/admin/queues/api/queues"]) {
      const response = await get(path, users.company.cookie);
      expect(response.status, path).toBe(403);
      expect(response.headers.get("Content-Type")).toMatch(/text\/html/);
      expect(await response.text()).toMatch(/<h1>Du har ikke adgang<\/h1>[\s\S]*kun for drift/);
    }
  });

  it("refuses a forged session cookie like no session at all", async () => {
    const response = await get("/admin/queues", "jobbro_session=forged.value");
    expect(response.status).toBe(302);
  });
});

describe("the board for an operator", () => {
  it("serves Bull Board's page with a CSP of its own, leaving the rest of the site strict", async () => {
    const response = await get("/admin/queues", users.operator.cookie);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<base href="/admin/queues/"');
    expect(html).toContain("<title>Jobbro</title>");
    const csp = response.headers.get("Content-Security-Policy")!;
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    const scripts = [...html.matchAll(/src="(static\/js\/[^"]+)"/g)].map((m) => m[1]);
    expect(scripts.length).toBeGreaterThan(0);
    const script = await get(`/admin/queues/${scripts[0]}`, users.operator.cookie);
    expect(script.status).toBe(200);

    const elsewhere = await get("/elsewhere");
    expect(elsewhere.headers.get("Content-Security-Policy")).toContain("style-src 'self';");
  });

  it("lists every queue of the registry under the workers' prefix, with real counts", async () => {
    await getQueue(QUEUES.runs).add(JOBS.runStart.name, { kind: "MANUAL" });
    const response = await get("/admin/queues/api/queues?activeQueue=match-runs&status=waiting&page=1", users.operator.cookie);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { queues: { name: string; counts: Record<string, number> }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
    expect(body.queues.find((q) => q.name === QUEUES.runs)!.counts.waiting).toBe(1);
    expect(body.queues.find((q) => q.name === QUEUES.outbox)!.counts.waiting).toBe(0);
  });

  it("answers 503 with a clear message, quickly, when Redis is down", async () => {
    await closeQueues();
    const redisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    const started = Date.now();
    try {
      const response = await get("/admin/queues/api/queues", users.operator.cookie);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/Redis\) svarer ikke/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await closeQueues();
      process.env.REDIS_URL = redisUrl;
      resetEnvCache();
    }
  });
});
