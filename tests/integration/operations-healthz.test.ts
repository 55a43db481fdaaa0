// /healthz also reports queue depths and the last nightly run; neither decides
// the status, and a Redis outage makes the depths null without slowing it down.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS, QUEUES } from "~/modules/jobs/registry";
import { loader } from "~/routes/healthz";
import { resetEnvCache } from "~/utils/env.server";
import { createRedis } from "~/utils/redis.server";
import { createTestContext, type TestContext } from "../setup/test-db";
import { closedPort, deleteQueueKeys, useUniqueQueuePrefix } from "./operations-helpers";

let ctx: TestContext;
let prefix: string;

beforeAll(async () => {
  ctx = await createTestContext("opshealth");
  prefix = useUniqueQueuePrefix();
});
afterAll(async () => {
  if (prefix) await deleteQueueKeys(prefix);
  await ctx?.cleanup();
});

interface Body {
  postgres: string;
  redis: string;
  meilisearch: string;
  queues: Record<string, { waiting: number; active: number; delayed: number; failed: number } | null>;
  lastNightlyRun: { status: string; startedAt: string; finishedAt: string | null } | null;
}

describe("/healthz for operators", () => {
  it("reports an empty queue as zeros and no nightly run as null", async () => {
    const response = await loader();
    const body = (await response.json()) as Body;
    expect(response.status).toBe(200);
    expect(Object.keys(body.queues).sort()).toEqual(Object.values(QUEUES).sort());
    expect(body.queues[QUEUES.runs]).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(body.lastNightlyRun).toBeNull();
  });

  it("reports waiting and delayed jobs per queue and the latest nightly run", async () => {
    const redis = createRedis("worker");
    const queue = new Queue(QUEUES.searchSync, { connection: redis, prefix });
    await queue.add(JOBS.searchSync.name, { topic: "skill.changed", aggregateId: "a1" });
    await queue.add(JOBS.searchSync.name, { topic: "skill.changed", aggregateId: "a2" });
    await queue.add(JOBS.searchSync.name, { topic: "skill.changed", aggregateId: "a3" }, { delay: 60_000 });
    await queue.close();
    redis.disconnect();
    const older = new Date("2026-11-23T01:00:00.000Z");
    const newer = new Date("2026-11-24T01:00:00.000Z");
    await ctx.db.matchRun.create({ data: { kind: "NIGHTLY", runKey: "nightly:2026-11-23", status: "COMPLETED", startedAt: older, finishedAt: new Date(older.getTime() + 60_000) } });
    await ctx.db.matchRun.create({ data: { kind: "NIGHTLY", runKey: "nightly:2026-11-24", status: "RUNNING", startedAt: newer } });
    await ctx.db.matchRun.create({ data: { kind: "MANUAL", status: "COMPLETED", startedAt: new Date(newer.getTime() + 1000) } });

    const body = (await (await loader()).json()) as Body;
    expect(body.queues[QUEUES.searchSync]).toEqual({ waiting: 2, active: 0, delayed: 1, failed: 0 });
    expect(body.queues[QUEUES.outbox]).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(body.lastNightlyRun).toEqual({ status: "RUNNING", startedAt: newer.toISOString(), finishedAt: null });
  });

  it("gives null depths, quickly, when Redis is down, and the status follows the three services only", async () => {
    const redisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    const started = Date.now();
    try {
      const response = await loader();
      const body = (await response.json()) as Body;
      expect(Date.now() - started).toBeLessThan(5000);
      expect(response.status).toBe(503);
      expect(body).toMatchObject({ postgres: "ok", redis: "down", meilisearch: "ok" });
      expect(Object.values(body.queues)).toEqual(Object.values(QUEUES).map(() => null));
      expect(body.lastNightlyRun?.status).toBe("RUNNING");
    } finally {
      process.env.REDIS_URL = redisUrl;
      resetEnvCache();
    }
  });
});
