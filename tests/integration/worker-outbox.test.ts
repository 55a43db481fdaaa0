import { Queue } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { createLogger } from "~/lib/logger.server";
import { createRedis } from "~/lib/redis.server";
import { getAdminClient, indexUid } from "../../search/client";
import { setupIndexes } from "../../search/setup";
import { getWorkerConfig } from "../../workers/config";
import { dispatchOutbox, outboxJobId } from "../../workers/jobs/outbox-dispatch";
import { pruneOutbox } from "../../workers/jobs/outbox-prune";
import { QUEUES } from "~/lib/queues/registry";
import { startWorkers, type WorkerRuntime } from "../../workers/runtime";
import { deleteQueueKeys, testQueuePrefix, within } from "../setup/async";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createCandidate, createOrganisations, createSkills, createVacancyWithOutbox } from "./search-fixtures";

let ctx: TestContext;
let runtime: WorkerRuntime;
let orgs: Awaited<ReturnType<typeof createOrganisations>>;
const queuePrefix = testQueuePrefix();
let log: ReturnType<typeof createLogger>;

beforeAll(async () => {
  ctx = await createTestContext("workeroutbox");
  log = createLogger("worker-test"); // after the context: it sets LOG_LEVEL
  await setupIndexes();
  orgs = await createOrganisations(ctx.db);
  const config = getWorkerConfig({ WORKER_QUEUE_PREFIX: queuePrefix, WORKER_CONCURRENCY: "2", OUTBOX_DISPATCH_EVERY_MS: "100" });
  runtime = await startWorkers({ config, log, db: ctx.db });
});
afterAll(async () => {
  await runtime?.close();
  // Our test prefix only: other test files use their own.
  await deleteQueueKeys(queuePrefix);
  await ctx?.cleanup();
});


/** The value, or a failed expectation while it is still null (so vi.waitFor tries again). */
function notNull<T>(value: T | null): T {
  expect(value).not.toBeNull();
  return value!;
}

const documentOrNull = (name: string, id: string) =>
  getAdminClient()
    .index(indexUid(name))
    .getDocument(id)
    .catch(() => null);

describe("outbox → dispatcher → search-sync worker", () => {
  it("brings a vacancy and a candidate written with outbox rows into the index", async () => {
    const [skill] = await createSkills(ctx.db, 1);
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skill.id], nice: [] });
    const candidate = await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skill.id], outbox: true });

    const vacancyDoc = await vi.waitFor(async () => notNull(await documentOrNull("vacancies", vacancy.id)), within());
    expect(vacancyDoc).toMatchObject({ requiredSkillIds: [skill.id], status: "OPEN" });
    const candidateDoc = await vi.waitFor(async () => notNull(await documentOrNull("candidates", candidate.id)), within());
    expect(candidateDoc).toMatchObject({ pseudonym: candidate.pseudonym, skillIds: [skill.id] });

    const rows = await ctx.db.outboxEvent.findMany({ where: { aggregateId: { in: [vacancy.id, candidate.id] } } });
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.dispatchedAt !== null)).toBe(true);
  });

  it("follows a change and a deletion through the same path", async () => {
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [], nice: [] }, 7);
    await vi.waitFor(async () => notNull(await documentOrNull("vacancies", vacancy.id)), within());

    await ctx.db.$transaction(async (tx) => {
      await tx.vacancy.update({ where: { id: vacancy.id }, data: { status: "PAUSED" } });
      await writeOutbox(tx, "vacancy.changed", vacancy.id);
    });
    await vi.waitFor(async () => expect((await documentOrNull("vacancies", vacancy.id))?.status).toBe("PAUSED"), within());

    await ctx.db.$transaction(async (tx) => {
      await tx.vacancy.delete({ where: { id: vacancy.id } });
      await writeOutbox(tx, "vacancy.changed", vacancy.id);
    });
    await vi.waitFor(async () => expect(await documentOrNull("vacancies", vacancy.id)).toBeNull(), within());
  });

  it("does not dispatch an outbox row whose transaction rolled back", async () => {
    const before = await ctx.db.outboxEvent.count();
    const attempt = ctx.db.$transaction(async (tx) => {
      const v = await tx.vacancy.create({
        data: { organisationId: orgs.company.id, title: "Aldrig", postalCode: "8000", latitude: 56, longitude: 10, startDate: new Date("2027-01-01") },
      });
      await writeOutbox(tx, "vacancy.changed", v.id);
      throw new Error("rolled back on purpose");
    });
    await expect(attempt).rejects.toThrow("rolled back on purpose");
    expect(await ctx.db.outboxEvent.count()).toBe(before);
    expect(await ctx.db.vacancy.count({ where: { title: "Aldrig" } })).toBe(0);
  });

  it("makes re-dispatching an outbox row a no-op (one job per outbox id)", async () => {
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [], nice: [] }, 8);
    const row = await vi.waitFor(async () => {
      const r = await ctx.db.outboxEvent.findFirst({ where: { aggregateId: vacancy.id } });
      expect(r?.dispatchedAt).toBeTruthy();
      return r;
    }, within());
    const queue = runtime.queues.get(QUEUES.searchSync)!;
    const before = await queue.getJob(outboxJobId(row!.id));
    expect(before?.data).toEqual({ topic: "vacancy.changed", aggregateId: vacancy.id, outboxId: row!.id.toString() });

    // As if the commit after a successful add had failed: the row is claimed again.
    await ctx.db.outboxEvent.update({ where: { id: row!.id }, data: { dispatchedAt: null } });
    const counts = await queue.getJobCounts();
    await dispatchOutbox({ db: ctx.db, queues: runtime.queues, log });
    const after = await queue.getJobCounts();
    expect(after.completed + after.active + after.waiting + after.delayed).toBe(counts.completed + counts.active + counts.waiting + counts.delayed);
    expect((await queue.getJob(outboxJobId(row!.id)))?.timestamp).toBe(before!.timestamp);
  });

  it("fails a job with an invalid payload at once, without retries", async () => {
    const queue = new Queue(QUEUES.searchSync, { connection: createRedis("producer"), prefix: queuePrefix });
    const job = await queue.add("sync", { topic: "vacancy.changed", aggregateId: "bad:id" }, { attempts: 5, backoff: { type: "fixed", delay: 10 } });
    const failed = await vi.waitFor(async () => {
      const j = await queue.getJob(job.id!);
      expect(j?.failedReason).toBeTruthy();
      return j;
    }, within());
    expect(failed!.failedReason).toMatch(/aggregateId/);
    expect(failed!.attemptsMade).toBe(1);
    await queue.close();
  });

  it("dispatches from a loop in every process, with no scheduler in Redis", async () => {
    const queue = runtime.queues.get(QUEUES.outbox)!;
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(["outbox-prune"]);
    // A second process: its loop competes for the advisory lock; every row is still dispatched once.
    const second = await startWorkers({ config: getWorkerConfig({ WORKER_QUEUE_PREFIX: queuePrefix, OUTBOX_DISPATCH_EVERY_MS: "100" }), log, db: ctx.db });
    try {
      expect((await queue.getJobSchedulers()).length).toBe(1);
      const vacancies = await Promise.all([20, 21, 22].map((i) => createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [], nice: [] }, i)));
      const rows = await vi.waitFor(async () => {
        const r = await ctx.db.outboxEvent.findMany({ where: { aggregateId: { in: vacancies.map((v) => v.id) } } });
        expect(r.map((row) => row.dispatchedAt !== null)).toEqual([true, true, true]);
        return r;
      }, within());
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it("prunes only outbox rows dispatched long ago", async () => {
    const old = new Date(Date.now() - 8 * 24 * 3600 * 1000);
    await ctx.db.outboxEvent.createMany({
      data: [
        { topic: "skill.changed", aggregateId: "old1", createdAt: old, dispatchedAt: old },
        { topic: "skill.changed", aggregateId: "recent1", dispatchedAt: new Date() },
      ],
    });
    expect(await pruneOutbox(ctx.db)).toBe(1);
    expect(await ctx.db.outboxEvent.count({ where: { aggregateId: { in: ["old1", "recent1"] } } })).toBe(1);
  });
});
