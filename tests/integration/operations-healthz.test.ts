// /healthz also reports queue depths, the last nightly run, and whether the
// platform does its job (schedulers, outbox lag, worker heartbeats, eviction
// policy: "degraded" with reasons). None of these decides 200 or 503, and a
// Redis outage makes the Redis parts null without slowing it down.
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS, QUEUES, type QueueName } from "~/lib/queues/registry";
import { EXPECTED_SCHEDULERS, resolveSchedules } from "~/lib/queues/schedules";
import { recordHeartbeat } from "~/portals/operator/worker-heartbeats.server";
import { HEALTH_CHECK_TIMEOUT_MS } from "~/portals/operator/health/health.server";
import { loader } from "~/routes/healthz";
import { resetEnvCache } from "~/lib/env.server";
import { createRedis } from "~/lib/redis.server";
import { routeContext } from "../setup/route-context";
import { recordWarnings } from "../setup/log-spy";
import { createTestContext, type TestContext } from "../setup/test-db";
import { getWorkerConfig } from "../../workers/config";
import { getNotifyConfig } from "../../workers/jobs/notify-config";
import { getPrivacyConfig } from "../../workers/jobs/privacy";
import { scheduleSettings } from "../../workers/schedulers";
import { closedPort, deleteQueueKeys, useUniqueQueuePrefix } from "./operations-helpers";

let ctx: TestContext;
let prefix: string;

beforeAll(async () => {
  ctx = await createTestContext("opshealth");
  prefix = useUniqueQueuePrefix();
  // A cold Prisma client's first query loads its query compiler, which on a busy
  // machine can outlast the health checks' time limit (see healthz.test.ts).
  await routeContext.db.$queryRaw`SELECT 1`;
});
afterAll(async () => {
  if (prefix) await deleteQueueKeys(prefix);
  await ctx?.cleanup();
});

interface Body {
  postgres: string;
  redis: string;
  meilisearch: string;
  status: string;
  reasons: { code: string; subject?: string; message: string }[];
  schedulers: Record<string, string> | null;
  outbox: { undispatched: number; oldestAgeMs: number | null } | null;
  workers: { alive: number; lastHeartbeatAgeMs: number | null } | null;
  redisEvictionPolicy: string | null;
  queues: Record<string, { waiting: number; active: number; delayed: number; failed: number } | null>;
  lastNightlyRun: { status: string; startedAt: string; finishedAt: string | null } | null;
}

describe("/healthz for operators", () => {
  it("reports an empty queue as zeros and no nightly run as null", async () => {
    const response = await loader({ context: routeContext });
    const body = (await response.json()) as Body;
    expect(response.status).toBe(200);
    expect(Object.keys(body.queues).sort()).toEqual(Object.values(QUEUES).sort());
    expect(body.queues[QUEUES.runs]).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(body.lastNightlyRun).toBeNull();
    // No worker has ever run against this database and prefix: degraded, and still 200.
    expect(body.status).toBe("degraded");
    expect(body.reasons.map((r) => r.code)).toEqual([...EXPECTED_SCHEDULERS.map(() => "scheduler-missing"), "no-worker-heartbeat"]);
    expect(body.schedulers).toEqual(Object.fromEntries(EXPECTED_SCHEDULERS.map((s) => [s.id, "missing"])));
    expect(body.workers).toEqual({ alive: 0, lastHeartbeatAgeMs: null });
    expect(body.outbox).toEqual({ undispatched: 0, oldestAgeMs: null });
    expect(body.redisEvictionPolicy).toBe("noeviction");
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

    const body = (await (await loader({ context: routeContext })).json()) as Body;
    expect(body.queues[QUEUES.searchSync]).toEqual({ waiting: 2, active: 0, delayed: 1, failed: 0 });
    expect(body.queues[QUEUES.outbox]).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
    expect(body.lastNightlyRun).toEqual({ status: "RUNNING", startedAt: newer.toISOString(), finishedAt: null });
  });

  it("gives null depths, quickly, when Redis is down, and the status follows the three services only", async () => {
    const redisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    const health = recordWarnings("health");
    try {
      const response = await loader({ context: routeContext });
      const body = (await response.json()) as Body;
      // Quickly: Redis's parts gave up at the checks' own time limit instead of waiting for its reconnects.
      expect(health.warnings).toContainEqual({ service: "Redis", err: `Redis did not answer within ${HEALTH_CHECK_TIMEOUT_MS} ms` });
      expect(response.status).toBe(503);
      expect(body).toMatchObject({ postgres: "ok", redis: "down", meilisearch: "ok" });
      expect(Object.values(body.queues)).toEqual(Object.values(QUEUES).map(() => null));
      expect(body.lastNightlyRun?.status).toBe("RUNNING");
      expect(body).toMatchObject({ status: "down", schedulers: null, redisEvictionPolicy: null });
      expect(body.reasons).toContainEqual({ code: "service-down", subject: "redis", message: "redis does not answer" });
    } finally {
      health.restore();
      process.env.REDIS_URL = redisUrl;
      resetEnvCache();
    }
  });
});

describe("/healthz says whether Jobbro does its job", () => {
  it("is ok with every scheduler registered, a worker beating and no outbox row waiting", async () => {
    await registerSchedulers();
    await recordHeartbeat(ctx.db, { id: "test-worker-1", hostname: "test", pid: 1 });
    const response = await loader({ context: routeContext });
    const body = (await response.json()) as Body;
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ status: "ok", reasons: [], workers: { alive: 1 }, outbox: { undispatched: 0, oldestAgeMs: null } });
    expect(Object.values(body.schedulers!).every((p) => p === "ok")).toBe(true);
  });

  it("is degraded, still 200, naming a missing scheduler, outbox rows waiting too long and a silent worker", async () => {
    await schedulerQueue(QUEUES.runs, (q) => q.removeJobScheduler("nightly-matching"));
    await ctx.db.outboxEvent.create({ data: { topic: "vacancy.changed", aggregateId: "v1", createdAt: new Date(Date.now() - 5 * 60_000) } });
    await ctx.db.workerHeartbeat.updateMany({ data: { lastSeenAt: new Date(Date.now() - 10 * 60_000) } });
    const response = await loader({ context: routeContext });
    const body = (await response.json()) as Body;
    expect(response.status).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.reasons.map((r) => [r.code, r.subject ?? null])).toEqual([
      ["scheduler-missing", "nightly-matching"],
      ["outbox-lag", null],
      ["no-worker-heartbeat", null],
    ]);
    expect(body.outbox!.undispatched).toBe(1);
    expect(body.outbox!.oldestAgeMs).toBeGreaterThan(4 * 60_000);
    expect(body.workers).toMatchObject({ alive: 0 });
    expect(body.workers!.lastHeartbeatAgeMs).toBeGreaterThan(9 * 60_000);
  });
});

async function schedulerQueue(name: QueueName, act: (queue: Queue) => Promise<unknown>): Promise<void> {
  const redis = createRedis("worker");
  const queue = new Queue(name, { connection: redis, prefix });
  try {
    await act(queue);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

/** What a worker registers at start, without starting one. */
async function registerSchedulers(): Promise<void> {
  for (const schedule of resolveSchedules(scheduleSettings(getWorkerConfig({}), getNotifyConfig({}), getPrivacyConfig()))) {
    await schedulerQueue(schedule.queue, (q) => q.upsertJobScheduler(schedule.id, schedule.repeat, schedule.template));
  }
}
