// /healthz against the real services, and with Meilisearch unreachable.
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/healthz";
import { resetEnvCache } from "~/lib/env.server";
import { HEALTH_CHECK_TIMEOUT_MS } from "~/portals/operator/health/health.server";
import { recordWarnings } from "../setup/log-spy";
import { routeContext } from "../setup/route-context";
import { createTestContext, type TestContext } from "../setup/test-db";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("healthz");
  // A cold Prisma client loads its query compiler with its first query, which
  // on a busy machine (test files run in parallel) can outlast the health
  // check's time limit. A web process has long done that when /healthz is asked.
  await routeContext.db.$queryRaw`SELECT 1`;
});
afterAll(async () => ctx?.cleanup());

/** A port nothing listens on: bind one, note it, close it. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("GET /healthz", () => {
  it("answers 200 with every service ok when all are up", async () => {
    const response = await loader({ context: routeContext });
    expect(response.headers.get("Content-Type")).toMatch(/application\/json/);
    const body = (await response.json()) as { status: string; reasons: { code: string }[] };
    expect(body).toMatchObject({ postgres: "ok", redis: "ok", meilisearch: "ok" });
    expect(response.status).toBe(200);
    // No worker runs in this test: "degraded" in the body (ADR 024), yet still 200 for the load balancer.
    expect(body.status).toBe("degraded");
    expect(body.reasons.map((r) => r.code)).toContain("no-worker-heartbeat");
  });

  it("answers 503 naming Meilisearch when it does not answer", async () => {
    const meiliUrl = process.env.MEILI_URL;
    process.env.MEILI_URL = `http://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    try {
      const response = await loader({ context: routeContext });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ postgres: "ok", redis: "ok", meilisearch: "down", status: "down" });
    } finally {
      process.env.MEILI_URL = meiliUrl;
      resetEnvCache();
    }
  });

  it("reports Redis down, quickly, when it cannot be reached", async () => {
    const redisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    const health = recordWarnings("health");
    try {
      const response = await loader({ context: routeContext });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ redis: "down", postgres: "ok" });
      // Quickly: the check gave up at its own time limit instead of waiting for Redis's reconnects.
      expect(health.warnings).toContainEqual({ service: "Redis", err: `Redis did not answer within ${HEALTH_CHECK_TIMEOUT_MS} ms` });
    } finally {
      health.restore();
      process.env.REDIS_URL = redisUrl;
      resetEnvCache();
    }
  });
});
