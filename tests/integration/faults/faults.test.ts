// Fault tests (issue: workers, reliability): real worker processes killed, a
// Redis restarted empty, a Meilisearch stopped. Each test runs its own Redis or
// Meilisearch on free ports, so the machine's shared services are never touched.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { JOBS, QUEUES } from "~/lib/queues/registry";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { outboxJobId } from "../../../workers/jobs/outbox-dispatch";
import { within } from "../../setup/async";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { TEST_MEILI_MASTER_KEY } from "../../setup/services";
import { createCandidate, createOrganisations, createSkills, vacancyData } from "../search-fixtures";
import { expectRunMatchedEveryVacancyOnce, workerEnv, world } from "./fixtures";
import { startMeili, startRedis, startWorkerProcess, waitFor, type WorkerProcess } from "./processes";

let ctx: TestContext;
let started: { kill(): Promise<void> }[] = [];

/** Ends every process a test started: workers first, so none outlives its test and takes another's outbox rows. */
async function stopAll(): Promise<void> {
  for (const p of started.reverse()) await p.kill().catch(() => {});
  started = [];
}

/**
 * How long `npm run worker` may take to say "workers started": it compiles its
 * TypeScript and sets up the indexes (queued behind other test files' tasks in
 * the shared Meilisearch), on a machine that runs test files in parallel.
 */
const WORKER_START_MS = 90_000;

beforeAll(async () => {
  ctx = await createTestContext("faults");
});
afterEach(async () => {
  await stopAll();
  // Each test builds a world of its own: what one left (even when it failed) must not count in the next.
  await ctx.db.match.deleteMany({});
  await ctx.db.vacancy.deleteMany({});
});
afterAll(async () => {
  await stopAll();
  await ctx?.cleanup();
});

function spawnWorker(env: Record<string, string>, label: string): WorkerProcess {
  const w = startWorkerProcess(env, label);
  started.push(w);
  return w;
}

async function startRunVia(redisUrl: string, prefix: string): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const queue = new Queue(QUEUES.runs, { connection, prefix });
  await queue.add(JOBS.runStart.name, { kind: "MANUAL" });
  await queue.close();
  connection.disconnect();
}

describe("faults", () => {
  it("finishes a run when a worker is killed in the middle and another starts", async () => {
    const { vacancyIds } = await world(ctx, 45);
    const redis = await startRedis();
    started.push(redis);
    const prefix = `fk${randomBytes(3).toString("hex")}`;
    const env = workerEnv(ctx, { REDIS_URL: redis.url, WORKER_QUEUE_PREFIX: prefix });
    const first = spawnWorker(env, "first");
    await waitFor(async () => readFileSync(first.logFile, "utf8").includes("workers started"), "the first worker to start", WORKER_START_MS);
    await startRunVia(redis.url, prefix);
    await waitFor(async () => {
      const run = await ctx.db.matchRun.findFirst({ where: { kind: "MANUAL" } });
      return !!run && run.vacanciesDone >= 3;
    }, "the run to make progress", 30_000);
    await first.kill("SIGKILL");
    const runBefore = await ctx.db.matchRun.findFirstOrThrow({ where: { kind: "MANUAL" } });
    expect(runBefore.vacanciesDone).toBeLessThan(vacancyIds.length);

    spawnWorker(env, "second");
    await waitFor(
      async () => (await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runBefore.id } })).status === "COMPLETED",
      "the second worker to start and complete the run",
      WORKER_START_MS + 60_000,
    );
    await expectRunMatchedEveryVacancyOnce(ctx, runBefore.id, vacancyIds);
  }, 240_000);

  it("finishes a run after Redis restarts empty in the middle of it", async () => {
    const since = new Date();
    const { vacancyIds } = await world(ctx, 45);
    const redis = await startRedis();
    started.push(redis);
    const prefix = `fr${randomBytes(3).toString("hex")}`;
    const env = workerEnv(ctx, { REDIS_URL: redis.url, WORKER_QUEUE_PREFIX: prefix });
    const worker = spawnWorker(env, "redis-restart");
    await waitFor(async () => readFileSync(worker.logFile, "utf8").includes("workers started"), "the worker to start", WORKER_START_MS);
    await startRunVia(redis.url, prefix);
    const runId = await (async () => {
      let id = "";
      await waitFor(async () => {
        const run = await ctx.db.matchRun.findFirst({ where: { kind: "MANUAL", startedAt: { gte: since } } });
        id = run?.id ?? "";
        return !!run && run.vacanciesDone >= 3;
      }, "the run to make progress", 30_000);
      return id;
    })();
    await redis.kill(); // everything in Redis is gone with it
    const restarted = await startRedis(redis.port);
    started.push(restarted);
    await waitFor(async () => (await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runId } })).status === "COMPLETED", "the run to complete after the restart", 90_000);
    await expectRunMatchedEveryVacancyOnce(ctx, runId, vacancyIds);
  }, 240_000);

  it("loses nothing while Meilisearch is down: the index and the matches catch up", async () => {
    const meili = await startMeili(TEST_MEILI_MASTER_KEY);
    started.push({ kill: meili.stop });
    const redis = await startRedis();
    started.push(redis);
    const prefix = `fm${randomBytes(3).toString("hex")}`;
    const env = workerEnv(ctx, { REDIS_URL: redis.url, WORKER_QUEUE_PREFIX: prefix, MEILI_URL: meili.url });
    const worker = spawnWorker(env, "meili-down");
    await waitFor(async () => readFileSync(worker.logFile, "utf8").includes("workers started"), "the worker to start", WORKER_START_MS);

    const orgs = await createOrganisations(ctx.db);
    const [skill] = await createSkills(ctx.db, 1);
    const vacancy = await ctx.db.$transaction(async (tx) => {
      const v = await tx.vacancy.create({ data: { ...vacancyData(orgs.company.id, 99), skills: { create: [{ skillId: skill.id, requirement: "REQUIRED" }] } } });
      await writeOutbox(tx, "vacancy.changed", v.id);
      return v;
    });
    const first = await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skill.id], outbox: true });
    await waitFor(async () => (await ctx.db.match.count({ where: { vacancyId: vacancy.id, current: true } })) === 1, "the first match", 30_000);

    await meili.stop();
    const stoppedAt = new Date();
    // Writes succeed while search is down; they wait in the outbox and the queues.
    const second = await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skill.id], outbox: true });
    await ctx.db.$transaction(async (tx) => {
      await tx.vacancy.update({ where: { id: vacancy.id }, data: { title: "Svejser, nattevagt" } });
      await writeOutbox(tx, "vacancy.changed", vacancy.id);
    });
    // The worker has taken both changes and tried to sync each while search was down (and re-matches only after a sync).
    const connection = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    const sync = new Queue(QUEUES.searchSync, { connection, prefix });
    try {
      await vi.waitFor(async () => {
        const rows = await ctx.db.outboxEvent.findMany({ where: { createdAt: { gte: stoppedAt } } });
        expect(rows.map((r) => r.dispatchedAt !== null)).toEqual([true, true]);
        for (const row of rows) expect((await sync.getJob(outboxJobId(row.id)))?.attemptsMade).toBeGreaterThanOrEqual(1);
      }, within());
    } finally {
      await sync.close();
      connection.disconnect();
    }
    expect(await ctx.db.match.count({ where: { vacancyId: vacancy.id, current: true } })).toBe(1);

    const back = await startMeili(TEST_MEILI_MASTER_KEY, meili.port, meili.dbPath);
    started.push({ kill: back.stop });
    await waitFor(
      async () => (await ctx.db.match.count({ where: { vacancyId: vacancy.id, current: true, candidateId: { in: [first.id, second.id] } } })) === 2,
      "the matches to catch up",
      90_000,
    );
    // The vacancy's own change reaches the index too, once its retries come round.
    await waitFor(async () => {
      const doc = await fetch(`${back.url}/indexes/${ctx.indexPrefix}vacancies/documents/${vacancy.id}`, {
        headers: { Authorization: `Bearer ${TEST_MEILI_MASTER_KEY}` },
      }).then((r) => r.json() as Promise<{ title: string }>);
      return doc.title === "Svejser, nattevagt";
    }, "the changed vacancy to reach the index", 90_000);
  }, 300_000);
});
