// "Matchkørsler": the operator starts a full run (one start job on the
// match-runs queue, with the operator's id) and sees runs with their progress.
import { routeContext } from "../setup/route-context";
import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { JOBS, QUEUES } from "~/lib/queues/registry";
import { action, loader } from "~/routes/drift.koersler";
import { resetEnvCache } from "~/lib/env.server";
import { closeQueues } from "~/lib/queue.server";
import { recordHeartbeat } from "~/portals/operator/worker-heartbeats.server";
import { createRedis } from "~/lib/redis.server";
import { createTestContext, type TestContext } from "../setup/test-db";
import { addUser, closedPort, deleteQueueKeys, useUniqueQueuePrefix } from "./operations-helpers";

const BASE = "http://jobbro.test";
const context = routeContext;
let ctx: TestContext;
let prefix: string;
const users = {} as Record<"operator" | "company", { id: string; cookie: string }>;

beforeAll(async () => {
  ctx = await createTestContext("opsruns");
  prefix = useUniqueQueuePrefix();
  users.operator = await addUser(ctx.db, "OPERATOR", "drift");
  users.company = await addUser(ctx.db, "COMPANY", "firma");
});
afterAll(async () => {
  await closeQueues();
  if (prefix) await deleteQueueKeys(prefix);
  await ctx?.cleanup();
});

const post = (cookie: string) =>
  action({ request: new Request(`${BASE}/drift/koersler`, { method: "POST", body: new URLSearchParams(), headers: { Cookie: cookie } }), params: {}, context });
const load = (cookie: string, search = "") =>
  loader({ request: new Request(`${BASE}/drift/koersler${search}`, { headers: { Cookie: cookie } }), params: {}, context });

async function runsQueueJobs() {
  const redis = createRedis("worker");
  const queue = new Queue(QUEUES.runs, { connection: redis, prefix });
  try {
    return await queue.getJobs(["waiting", "delayed", "active"]);
  } finally {
    await queue.close();
    redis.disconnect();
  }
}

describe("starting a run by hand", () => {
  it("enqueues one start job carrying the operator's id, then redirects back with a message", async () => {
    const before = Date.now();
    const response = await post(users.operator.cookie);
    expect(response).toBeInstanceOf(Response);
    const location = (response as Response).headers.get("Location")!;
    expect((response as Response).status).toBe(302);
    expect(location).toMatch(/^\/drift\/koersler\?queued=\d+$/);
    expect(Number(new URL(location, BASE).searchParams.get("queued"))).toBeGreaterThanOrEqual(before);

    const jobs = await runsQueueJobs();
    expect(jobs).toHaveLength(1);
    expect(jobs[0]!.name).toBe(JOBS.runStart.name);
    expect(jobs[0]!.data).toEqual({ kind: "MANUAL", startedById: users.operator.id });
  });

  it("refuses users who are not operators, enqueueing nothing", async () => {
    const refused = await post(users.company.cookie).catch((r: unknown) => r);
    expect(refused).toBeInstanceOf(Response);
    expect((refused as Response).status).toBe(403);
    expect(await runsQueueJobs()).toHaveLength(1);
  });

  it("answers 503 with a message, not a crash, when Redis is down", async () => {
    await closeQueues();
    const redisUrl = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${await closedPort()}`;
    resetEnvCache();
    try {
      const result = await post(users.operator.cookie);
      expect(result).not.toBeInstanceOf(Response);
      const { data, init } = result as unknown as { data: { error: string }; init: { status: number } };
      expect(init.status).toBe(503);
      expect(data.error).toBe("queueUnavailable");
    } finally {
      await closeQueues();
      process.env.REDIS_URL = redisUrl;
      resetEnvCache();
    }
  });
});

describe("the list of runs", () => {
  it("shows the latest runs first and refreshes while one is running", async () => {
    await ctx.db.matchRun.create({
      data: { kind: "NIGHTLY", status: "COMPLETED", startedAt: new Date(Date.now() - 3600_000), finishedAt: new Date(Date.now() - 3500_000), vacancyCount: 4, vacanciesDone: 4, matchCount: 9, newMatchCount: 2, upskillingCount: 3 },
    });
    let data = await load(users.operator.cookie);
    expect(data.runs).toHaveLength(1);
    expect(data.refresh).toBe(false);

    const running = await ctx.db.matchRun.create({ data: { kind: "MANUAL", startedById: users.operator.id, vacancyCount: 10, vacanciesDone: 3 } });
    data = await load(users.operator.cookie);
    expect(data.runs.map((r) => r.id)[0]).toBe(running.id);
    expect(data.runs[0]).toMatchObject({ status: "RUNNING", vacancyCount: 10, vacanciesDone: 3 });
    expect(data.refresh).toBe(true);
  });

  it("keeps refreshing after a start until the queued run appears", async () => {
    await ctx.db.matchRun.updateMany({ where: { status: "RUNNING" }, data: { status: "COMPLETED", finishedAt: new Date() } });
    const queuedNow = Date.now() + 10_000; // later than every run so far
    const waiting = await load(users.operator.cookie, `?queued=${queuedNow}`);
    expect(waiting).toMatchObject({ queued: true, refresh: true });
    await ctx.db.matchRun.create({ data: { kind: "MANUAL", status: "COMPLETED", startedAt: new Date(queuedNow + 100), finishedAt: new Date(queuedNow + 200) } });
    expect(await load(users.operator.cookie, `?queued=${queuedNow}`)).toMatchObject({ queued: true, refresh: false });
  });

  it("shows the platform status: reasons, outbox lag and the workers' heartbeats", async () => {
    await recordHeartbeat(ctx.db, { id: "drift-worker-1", hostname: "worker-a", pid: 4242 });
    await ctx.db.outboxEvent.create({ data: { topic: "vacancy.changed", aggregateId: "v1", createdAt: new Date(Date.now() - 120_000) } });
    const { platform } = await load(users.operator.cookie);
    // No worker has registered schedulers under this test's prefix.
    expect(platform.status).toBe("degraded");
    expect(platform.reasons).toContainEqual({ code: "scheduler-missing", subject: "nightly-matching" });
    expect(platform.reasons).toContainEqual({ code: "outbox-lag", subject: null });
    expect(platform.outbox).toMatchObject({ undispatched: 1 });
    expect(platform.workers).toEqual([expect.objectContaining({ hostname: "worker-a", pid: 4242, alive: true })]);
  });

  it("is for operators only", async () => {
    const refused = await load(users.company.cookie).catch((r: unknown) => r);
    expect((refused as Response).status).toBe(403);
  });
});
