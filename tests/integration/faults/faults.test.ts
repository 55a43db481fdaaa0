// Fault tests (issue: workers, reliability): real worker processes killed, a
// Redis restarted empty, a Meilisearch stopped. Each test runs its own Redis or
// Meilisearch on free ports, so the machine's shared services are never touched.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { JOBS, QUEUES } from "~/modules/jobs/registry";
import { writeOutbox } from "~/modules/outbox/outbox.server";
import { indexDefinition } from "../../../search/indexes/registry";
import { getAdminClient } from "../../../search/client";
import { setupIndexes } from "../../../search/setup";
import { syncIds } from "../../../search/sync";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { TEST_MEILI_MASTER_KEY } from "../../setup/services";
import { createCandidate, createOrganisations, createSkills, vacancyData } from "../search-fixtures";
import { startMeili, startRedis, startWorkerProcess, waitFor, type WorkerProcess } from "./processes";

let ctx: TestContext;
let started: { kill(): Promise<void> }[] = [];

/** Ends every process a test started: workers first, so none outlives its test and takes another's outbox rows. */
async function stopAll(): Promise<void> {
  for (const p of started.reverse()) await p.kill().catch(() => {});
  started = [];
}

beforeAll(async () => {
  ctx = await createTestContext("faults");
});
afterEach(stopAll);
afterAll(async () => {
  await stopAll();
  await ctx?.cleanup();
});

function workerEnv(extra: Record<string, string>): Record<string, string> {
  return {
    NODE_ENV: "test",
    DATABASE_URL: ctx.databaseUrl,
    MEILI_URL: process.env.MEILI_URL!,
    MEILI_MASTER_KEY: TEST_MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: ctx.indexPrefix,
    MEILI_AUTOSTART: "false",
    LOG_LEVEL: "info",
    WORKER_CONCURRENCY: "1",
    MATCH_BATCH_SIZE: "3",
    WORKER_LOCK_DURATION_MS: "3000",
    WORKER_STALLED_INTERVAL_MS: "2000",
    RUN_RECONCILE_EVERY_MS: "1000",
    OUTBOX_DISPATCH_EVERY_MS: "200",
    ...extra,
  };
}

function spawnWorker(env: Record<string, string>, label: string): WorkerProcess {
  const w = startWorkerProcess(env, label);
  started.push(w);
  return w;
}

/** A world of open vacancies and candidates in reach, with the candidates indexed. */
async function world(vacancies: number) {
  const orgs = await createOrganisations(ctx.db);
  const skills = await createSkills(ctx.db, 3);
  const ids: string[] = [];
  for (let i = 0; i < vacancies; i++) {
    const v = await ctx.db.vacancy.create({
      data: { ...vacancyData(orgs.company.id, i), skills: { create: [{ skillId: skills[i % 3].id, requirement: "REQUIRED" }] } },
    });
    ids.push(v.id);
  }
  const candidates = await Promise.all(Array.from({ length: 12 }, (_, i) => createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skills[i % 3].id] })));
  await setupIndexes(getAdminClient());
  await syncIds(indexDefinition("candidates"), candidates.map((c) => c.id), { db: ctx.db, client: getAdminClient() });
  return { orgs, skills, vacancyIds: ids };
}

async function startRunVia(redisUrl: string, prefix: string): Promise<void> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  const queue = new Queue(QUEUES.runs, { connection, prefix });
  await queue.add(JOBS.runStart.name, { kind: "MANUAL" });
  await queue.close();
  connection.disconnect();
}

async function expectRunMatchedEveryVacancyOnce(runId: string, vacancyIds: string[]) {
  const run = await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runId }, include: { batches: true } });
  expect(run.status).toBe("COMPLETED");
  expect(run.vacancyCount).toBe(vacancyIds.length);
  expect(run.vacanciesDone).toBe(vacancyIds.length);
  expect(run.failureCount).toBe(0);
  expect(run.batches.every((b) => b.doneAt !== null)).toBe(true);
  // Each vacancy: 4 candidates share its skill; one row per pair, all from this run.
  const rows = await ctx.db.match.findMany({ where: { vacancyId: { in: vacancyIds } }, select: { vacancyId: true, candidateId: true, lastRunId: true, current: true } });
  const perVacancy = new Map<string, number>();
  for (const r of rows) perVacancy.set(r.vacancyId, (perVacancy.get(r.vacancyId) ?? 0) + 1);
  expect([...perVacancy.keys()].sort()).toEqual([...vacancyIds].sort());
  expect([...perVacancy.values()].every((n) => n === 4)).toBe(true);
  expect(rows.every((r) => r.lastRunId === runId && r.current)).toBe(true);
  // Counted once even where a batch ran twice.
  expect(run.matchCount).toBe(rows.length);
}

describe("faults", () => {
  it("finishes a run when a worker is killed in the middle and another starts", async () => {
    const { vacancyIds } = await world(45);
    const redis = await startRedis();
    started.push(redis);
    const prefix = `fk${randomBytes(3).toString("hex")}`;
    const env = workerEnv({ REDIS_URL: redis.url, WORKER_QUEUE_PREFIX: prefix });
    const first = spawnWorker(env, "first");
    await waitFor(async () => readFileSync(first.logFile, "utf8").includes("workers started"), "the first worker to start", 30_000);
    await startRunVia(redis.url, prefix);
    await waitFor(async () => {
      const run = await ctx.db.matchRun.findFirst({ where: { kind: "MANUAL" } });
      return !!run && run.vacanciesDone >= 3;
    }, "the run to make progress", 30_000);
    await first.kill("SIGKILL");
    const runBefore = await ctx.db.matchRun.findFirstOrThrow({ where: { kind: "MANUAL" } });
    expect(runBefore.vacanciesDone).toBeLessThan(vacancyIds.length);

    spawnWorker(env, "second");
    await waitFor(async () => (await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runBefore.id } })).status === "COMPLETED", "the run to complete", 60_000);
    await expectRunMatchedEveryVacancyOnce(runBefore.id, vacancyIds);
    await ctx.db.match.deleteMany({});
    await ctx.db.vacancy.deleteMany({});
  }, 150_000);

  it("finishes a run after Redis restarts empty in the middle of it", async () => {
    const since = new Date();
    const { vacancyIds } = await world(45);
    const redis = await startRedis();
    started.push(redis);
    const prefix = `fr${randomBytes(3).toString("hex")}`;
    const env = workerEnv({ REDIS_URL: redis.url, WORKER_QUEUE_PREFIX: prefix });
    const worker = spawnWorker(env, "redis-restart");
    await waitFor(async () => readFileSync(worker.logFile, "utf8").includes("workers started"), "the worker to start", 30_000);
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
    await expectRunMatchedEveryVacancyOnce(runId, vacancyIds);
    await ctx.db.match.deleteMany({});
    await ctx.db.vacancy.deleteMany({});
  }, 180_000);

  it("loses nothing while Meilisearch is down: the index and the matches catch up", async () => {
    const meili = await startMeili(TEST_MEILI_MASTER_KEY);
    started.push({ kill: meili.stop });
    const redis = await startRedis();
    started.push(redis);
    const prefix = `fm${randomBytes(3).toString("hex")}`;
    const env = workerEnv({ REDIS_URL: redis.url, WORKER_QUEUE_PREFIX: prefix, MEILI_URL: meili.url });
    const worker = spawnWorker(env, "meili-down");
    await waitFor(async () => readFileSync(worker.logFile, "utf8").includes("workers started"), "the worker to start", 30_000);

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
    // Writes succeed while search is down; they wait in the outbox and the queues.
    const second = await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skill.id], outbox: true });
    await ctx.db.$transaction(async (tx) => {
      await tx.vacancy.update({ where: { id: vacancy.id }, data: { title: "Svejser, nattevagt" } });
      await writeOutbox(tx, "vacancy.changed", vacancy.id);
    });
    await new Promise((r) => setTimeout(r, 3000));
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
  }, 180_000);
});
