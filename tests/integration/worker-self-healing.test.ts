// The worker processes own what must exist in Redis (ADR 024): every job
// scheduler of the table is registered at start and again by the interval
// check when Redis lost it; outbox rows move without any scheduler; the jobs of
// rows dispatched just before a loss are added again; workers beat in PostgreSQL.
// Redis "loses its data" here by deleting this test's own prefix, which is what
// FLUSHALL does to it without touching anyone else's keys on the shared Redis.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { QUEUES } from "~/lib/queues/registry";
import { readScheduler } from "~/lib/queues/scheduler-state.server";
import { EXPECTED_SCHEDULERS } from "~/lib/queues/schedules";
import { createLogger } from "~/lib/logger.server";
import { createRedis } from "~/lib/redis.server";
import { setupIndexes } from "../../search/setup";
import { getWorkerConfig } from "../../workers/config";
import { outboxJobId } from "../../workers/jobs/outbox-dispatch";
import { startWorkers, type WorkerRuntime } from "../../workers/runtime";
import { deleteQueueKeys, testQueuePrefix, within } from "../setup/async";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createOrganisations, createVacancyWithOutbox } from "./search-fixtures";

let ctx: TestContext;
let runtime: WorkerRuntime;
let orgs: Awaited<ReturnType<typeof createOrganisations>>;
const queuePrefix = testQueuePrefix();
// The interval check is driven by hand here (checkSchedulers), so it must not run by itself.
const config = () => getWorkerConfig({ WORKER_QUEUE_PREFIX: queuePrefix, OUTBOX_DISPATCH_EVERY_MS: "100", SCHEDULER_CHECK_EVERY_MS: "3600000" });

beforeAll(async () => {
  ctx = await createTestContext("selfheal");
  await setupIndexes();
  orgs = await createOrganisations(ctx.db);
  runtime = await startWorkers({ config: config(), log: createLogger("self-healing-test"), db: ctx.db });
});
afterAll(async () => {
  await runtime?.close();
  await deleteQueueKeys(queuePrefix);
  await ctx?.cleanup();
});

async function presences() {
  return Promise.all(EXPECTED_SCHEDULERS.map(async ({ id, queue }) => [id, (await readScheduler(runtime.queues.get(queue)!, id)).presence] as const));
}

describe("a worker that owns its schedulers", () => {
  it("registers every scheduler of the table at start, each with its next job", async () => {
    expect((await presences()).every(([, p]) => p === "ok")).toBe(true);
    const check = await runtime.checkSchedulers();
    expect(check).toEqual({ repaired: [], lost: [], failed: [] });
  });

  it("registers them again after Redis lost its data, without a reconnect, and adds lost outbox jobs again", async () => {
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [], nice: [] }, 1);
    const row = await vi.waitFor(async () => {
      const r = await ctx.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: vacancy.id } });
      expect(r.dispatchedAt).not.toBeNull();
      return r;
    }, within());
    const sync = runtime.queues.get(QUEUES.searchSync)!;
    await vi.waitFor(async () => expect(await sync.getJob(outboxJobId(row.id))).toBeDefined(), within());

    await deleteQueueKeys(queuePrefix);
    expect(await sync.getJob(outboxJobId(row.id))).toBeUndefined();
    expect((await presences()).every(([, p]) => p === "missing")).toBe(true);

    const check = await runtime.checkSchedulers();
    expect(check.lost.sort()).toEqual(EXPECTED_SCHEDULERS.map((s) => s.id).sort());
    expect((await presences()).every(([, p]) => p === "ok")).toBe(true);
    // The row said "dispatched", but its job was gone with Redis: it is back.
    expect(await sync.getJob(outboxJobId(row.id))).toBeDefined();
  });

  it("moves outbox rows with no scheduler in Redis at all", async () => {
    await deleteQueueKeys(queuePrefix);
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [], nice: [] }, 2);
    await vi.waitFor(async () => expect((await ctx.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: vacancy.id } })).dispatchedAt).not.toBeNull(), within(5000));
    await runtime.checkSchedulers();
  });

  it("repairs a scheduler whose next job was evicted, and one changed by hand", async () => {
    const runs = runtime.queues.get(QUEUES.runs)!;
    // As an evicting Redis does: the job's key goes, the scheduler's entry stays.
    const retention = await runtime.queues.get(QUEUES.privacy)!.getJobScheduler("retention");
    const redis = createRedis("worker");
    await redis.del(`${queuePrefix}:${QUEUES.privacy}:repeat:retention:${retention!.next}`);
    redis.disconnect();
    expect((await readScheduler(runtime.queues.get(QUEUES.privacy)!, "retention")).presence).toBe("stalled");
    await runs.upsertJobScheduler("nightly-matching", { pattern: "0 5 * * *", tz: "UTC" }, { name: "start", data: { kind: "NIGHTLY" } });

    const check = await runtime.checkSchedulers();
    expect(check.repaired).toEqual([
      { id: "nightly-matching", reason: "pattern 0 5 * * * UTC" },
      { id: "retention", reason: "stalled" },
    ]);
    expect(await runs.getJobScheduler("nightly-matching")).toMatchObject({ pattern: "0 2 * * *", tz: "Europe/Copenhagen" });
    expect((await presences()).every(([, p]) => p === "ok")).toBe(true);
  });

  it("removes the retired outbox-dispatch scheduler of an earlier release", async () => {
    const outbox = runtime.queues.get(QUEUES.outbox)!;
    await outbox.upsertJobScheduler("outbox-dispatch", { every: 500 }, { name: "dispatch", data: {} });
    await runtime.checkSchedulers();
    expect(await outbox.getJobScheduler("outbox-dispatch")).toBeUndefined();
  });

  it("keeps one scheduler each when two workers repair at the same moment", async () => {
    const second = await startWorkers({ config: config(), log: createLogger("self-healing-test-2"), db: ctx.db });
    try {
      await deleteQueueKeys(queuePrefix);
      await Promise.all([runtime.checkSchedulers(), second.checkSchedulers()]);
      expect((await presences()).every(([, p]) => p === "ok")).toBe(true);
      for (const queue of [QUEUES.outbox, QUEUES.runs, QUEUES.notifications, QUEUES.privacy]) {
        const ids = (await runtime.queues.get(queue)!.getJobSchedulers()).map((s) => s.key);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.sort()).toEqual(EXPECTED_SCHEDULERS.filter((s) => s.queue === queue).map((s) => s.id).sort());
      }
      expect(await ctx.db.workerHeartbeat.count()).toBe(2);
    } finally {
      await second.close();
    }
    // A worker that stops cleanly removes its heartbeat: it is gone, not silent.
    expect(await ctx.db.workerHeartbeat.count()).toBe(1);
  });
});
