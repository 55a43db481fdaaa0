// Fault tests of issue 14: Redis loses its data while the platform runs, and
// the platform heals itself and says so while it cannot (ADR 024). Real worker
// processes against a Redis of the test's own (never the machine's shared one):
// emptied with FLUSHALL while every connection stays up, emptied in the middle
// of a nightly run, stopped for 30 s and started empty; /healthz is asked
// during and after each.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { EXPECTED_SCHEDULERS } from "~/lib/queues/schedules";
import { loader } from "~/routes/healthz";
import { resetEnvCache } from "~/lib/env.server";
import { routeContext } from "../../setup/route-context";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { createVacancyWithOutbox } from "../search-fixtures";
import { expectRunMatchedEveryVacancyOnce, workerEnv, world } from "./fixtures";
import { startRedis, startWorkerProcess, waitFor, type OwnRedis, type WorkerProcess } from "./processes";

/** The workers' scheduler check interval here (20 s in production). */
const CHECK_EVERY_MS = 8000;
const OUTBOX_LAG_MS = 3000;

let ctx: TestContext;
let redisServers: OwnRedis[] = [];
let workers: WorkerProcess[] = [];
const savedEnv = { ...process.env };

beforeAll(async () => {
  ctx = await createTestContext("redisloss");
  process.env.HEALTH_OUTBOX_LAG_MS = String(OUTBOX_LAG_MS);
  resetEnvCache();
});
afterEach(async () => {
  // SIGTERM, as a deployment stops a worker: each must stop cleanly, loops and all.
  for (const w of workers) {
    await w.kill("SIGTERM");
    expect(w.child.exitCode, `worker ${w.logFile} exit code`).toBe(0);
  }
  for (const r of redisServers) await r.kill();
  workers = [];
  redisServers = [];
  await ctx.db.match.deleteMany({});
  await ctx.db.matchRun.deleteMany({});
  await ctx.db.vacancy.deleteMany({});
});
afterAll(async () => {
  for (const w of workers) await w.kill("SIGKILL");
  for (const r of redisServers) await r.kill();
  Object.assign(process.env, { REDIS_URL: savedEnv.REDIS_URL, WORKER_QUEUE_PREFIX: savedEnv.WORKER_QUEUE_PREFIX ?? "" });
  delete process.env.HEALTH_OUTBOX_LAG_MS;
  resetEnvCache();
  await ctx?.cleanup();
});

interface HealthBody {
  redis: string;
  status: string;
  reasons: { code: string; subject?: string; message: string }[];
  schedulers: Record<string, string> | null;
  outbox: { undispatched: number; oldestAgeMs: number | null } | null;
  workers: { alive: number; lastHeartbeatAgeMs: number | null } | null;
}

/** GET /healthz as the web process would answer it, pointed at this test's Redis and prefix. */
async function health(redis: OwnRedis, prefix: string): Promise<{ code: number; body: HealthBody }> {
  process.env.REDIS_URL = redis.url;
  process.env.WORKER_QUEUE_PREFIX = prefix;
  resetEnvCache();
  const response = await loader({ context: routeContext });
  return { code: response.status, body: (await response.json()) as HealthBody };
}

const everySchedulerOk = (body: HealthBody) => body.schedulers !== null && Object.values(body.schedulers).every((p) => p === "ok");
const missingSchedulers = (body: HealthBody) => body.reasons.filter((r) => r.code === "scheduler-missing").map((r) => r.subject);

async function ownRedis(options?: { maxmemoryPolicy?: string }): Promise<OwnRedis> {
  const redis = await startRedis(undefined, options);
  redisServers.push(redis);
  return redis;
}

async function flushAll(redis: OwnRedis): Promise<void> {
  const client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
  await client.flushall();
  client.disconnect();
}

function logLines(worker: WorkerProcess): { time: string; msg: string; [key: string]: unknown }[] {
  return readFileSync(worker.logFile, "utf8")
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as { time: string; msg: string });
}

/** Starts `npm run worker`; resolves with when it started, which is when its scheduler check interval began. */
async function startWorker(redis: OwnRedis, prefix: string, label: string, extra: Record<string, string> = {}) {
  // A zone where it is about noon now, so the nightly run's "night" (its run key) cannot change during the test.
  const offset = 12 - new Date().getUTCHours();
  const noonZone = offset === 0 ? "Etc/UTC" : `Etc/GMT${offset > 0 ? "-" : "+"}${Math.abs(offset)}`;
  const worker = startWorkerProcess(
    workerEnv(ctx, {
      REDIS_URL: redis.url,
      WORKER_QUEUE_PREFIX: prefix,
      SCHEDULER_CHECK_EVERY_MS: String(CHECK_EVERY_MS),
      WORKER_HEARTBEAT_EVERY_MS: "1000",
      NIGHTLY_MATCH_TZ: noonZone,
      ...extra,
    }),
    label,
  );
  workers.push(worker);
  let startedAt = 0;
  await waitFor(
    async () => {
      startedAt = Date.parse(logLines(worker).find((l) => l.msg === "workers started")?.time ?? "") || 0;
      return startedAt > 0;
    },
    `the ${label} worker to start`,
    // It compiles its TypeScript and sets up the indexes, on a machine that runs test files in parallel.
    90_000,
  );
  return { worker, startedAt };
}

/**
 * True while the worker's next scheduler check is not about to run: the check
 * would otherwise repair what a test empties before /healthz could be asked
 * about it. The checks run at start + k × CHECK_EVERY_MS.
 */
function checkIsFarOff(startedAt: number): boolean {
  const phase = (Date.now() - startedAt) % CHECK_EVERY_MS;
  return phase > 500 && phase < CHECK_EVERY_MS - 3000;
}

/** "match run started" lines of the nightly schedule firing again after `since`, finding the run it already has. */
const nightlyStartsSince = (worker: WorkerProcess, since: number) =>
  logLines(worker).filter((l) => l.msg === "match run started" && l.created === false && Date.parse(l.time) > since).length;

async function nightlyRunInProgress(since: Date, startedAt: number): Promise<string> {
  let run: { id: string; status: string; vacanciesDone: number } | null = null;
  await waitFor(
    async () => {
      run = await ctx.db.matchRun.findFirst({ where: { kind: "NIGHTLY", startedAt: { gte: since } } });
      return !!run && (run.status === "COMPLETED" || (run.vacanciesDone >= 3 && checkIsFarOff(startedAt)));
    },
    "the nightly run to make progress",
    30_000,
  );
  const found = run as { id: string; status: string } | null;
  expect(found?.status, "the run is still in progress when Redis loses its data").toBe("RUNNING");
  return found!.id;
}

describe("when Redis loses its data", () => {
  it("is emptied without a reconnect: every scheduler is back within 60 s and a new vacancy is matched within 10 s", async () => {
    const { orgs, skills } = await world(ctx, 0);
    const redis = await ownRedis();
    const prefix = `fe${randomBytes(3).toString("hex")}`;
    const { worker, startedAt } = await startWorker(redis, prefix, "emptied");
    await waitFor(async () => (await health(redis, prefix)).body.status === "ok", "/healthz to say ok", 20_000);

    await waitFor(async () => checkIsFarOff(startedAt), "a moment away from the worker's scheduler check", CHECK_EVERY_MS);
    await flushAll(redis);
    const emptiedAt = Date.now();
    const during = await health(redis, prefix);
    expect(during.code).toBe(200);
    expect(during.body).toMatchObject({ redis: "ok", status: "degraded" });
    expect(missingSchedulers(during.body).sort()).toEqual(EXPECTED_SCHEDULERS.map((s) => s.id).sort());

    await waitFor(async () => everySchedulerOk((await health(redis, prefix)).body), "every scheduler to be back", 60_000);
    console.info(`schedulers back ${Date.now() - emptiedAt} ms after FLUSHALL`);
    expect(logLines(worker).some((l) => l.msg.startsWith("job schedulers were missing") && Date.parse(l.time) >= emptiedAt - 1000)).toBe(true);

    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skills[0].id], nice: [] }, 1);
    const createdAt = Date.now();
    await waitFor(async () => (await ctx.db.match.count({ where: { vacancyId: vacancy.id, current: true } })) === 4, "the new vacancy's matches", 10_000);
    console.info(`new vacancy matched ${Date.now() - createdAt} ms after it was written`);

    const after = await health(redis, prefix);
    expect(after.code).toBe(200);
    expect(after.body).toMatchObject({ status: "ok", reasons: [] });

    // A clean stop removes the worker's heartbeat: /healthz then says no worker runs.
    await worker.kill("SIGTERM");
    expect(worker.child.exitCode).toBe(0);
    expect(await ctx.db.workerHeartbeat.count()).toBe(0);
  }, 180_000);

  it("is emptied in the middle of a nightly run: the run completes, once", async () => {
    const since = new Date();
    const { vacancyIds } = await world(ctx, 90);
    const redis = await ownRedis();
    const prefix = `fn${randomBytes(3).toString("hex")}`;
    // The nightly schedule fires every 2 s here, so that it also fires again, the same "night", once it is back.
    const { worker, startedAt } = await startWorker(redis, prefix, "emptied-run", { NIGHTLY_MATCH_CRON: "*/2 * * * * *" });
    const runId = await nightlyRunInProgress(since, startedAt);

    await flushAll(redis);
    const emptiedAt = Date.now();
    const during = await health(redis, prefix);
    const inFlight = await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runId } });
    expect(inFlight.vacanciesDone).toBeLessThan(vacancyIds.length);
    expect(during.code).toBe(200);
    expect(during.body.status).toBe("degraded");
    expect(missingSchedulers(during.body)).toEqual(expect.arrayContaining(["nightly-matching", "match-run-reconcile"]));

    await waitFor(async () => (await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runId } })).status === "COMPLETED", "the run to complete", 60_000);
    console.info(`run completed ${Date.now() - emptiedAt} ms after FLUSHALL`);
    // The nightly schedule, registered again, fires twice more: each finds tonight's run and starts none.
    await waitFor(async () => nightlyStartsSince(worker, emptiedAt) >= 2, "the nightly schedule to fire again", 20_000);
    expect(await ctx.db.matchRun.count({ where: { kind: "NIGHTLY" } })).toBe(1);
    await expectRunMatchedEveryVacancyOnce(ctx, runId, vacancyIds);

    const after = await health(redis, prefix);
    expect(after.code).toBe(200);
    expect(after.body).toMatchObject({ status: "ok", reasons: [] });
  }, 210_000);

  it("is down for 30 s and comes back empty in the middle of a nightly run: the same", async () => {
    const since = new Date();
    const { orgs, skills, vacancyIds } = await world(ctx, 90);
    const redis = await ownRedis();
    const prefix = `fd${randomBytes(3).toString("hex")}`;
    const { worker, startedAt } = await startWorker(redis, prefix, "redis-down", { NIGHTLY_MATCH_CRON: "*/2 * * * * *" });
    const runId = await nightlyRunInProgress(since, startedAt);

    await redis.kill();
    const downAt = Date.now();
    const during = await health(redis, prefix);
    expect(during.code).toBe(503);
    expect(during.body).toMatchObject({ redis: "down", status: "down", schedulers: null });
    expect(during.body.reasons).toContainEqual(expect.objectContaining({ code: "service-down", subject: "redis" }));
    // Writes go on while Redis is down; they wait in the outbox, and /healthz says for how long.
    const writtenDuringOutage = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skills[1].id], nice: [] }, 200);
    await waitFor(async () => (await health(redis, prefix)).body.reasons.some((r) => r.code === "outbox-lag"), "/healthz to report the outbox lag", 20_000);
    // The heartbeat is in PostgreSQL: the worker is alive, and /healthz knows it although Redis is down.
    const lagging = await health(redis, prefix);
    expect(lagging.body.workers?.alive).toBe(1);
    expect(lagging.body.reasons.map((r) => r.code)).not.toContain("no-worker-heartbeat");
    expect((await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe("RUNNING");

    // The outage itself is what this test is about: 30 s of it.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 30_000 - (Date.now() - downAt))));
    redisServers.push(await startRedis(redis.port));
    const upAt = Date.now();

    await waitFor(async () => everySchedulerOk((await health(redis, prefix)).body), "every scheduler to be back", 60_000);
    console.info(`schedulers back ${Date.now() - upAt} ms after Redis came back`);
    await waitFor(async () => (await ctx.db.matchRun.findUniqueOrThrow({ where: { id: runId } })).status === "COMPLETED", "the run to complete", 60_000);
    await waitFor(
      async () => (await ctx.db.match.count({ where: { vacancyId: writtenDuringOutage.id, current: true } })) === 4,
      "the vacancy written during the outage to be matched",
      20_000,
    );
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skills[0].id], nice: [] }, 201);
    await waitFor(async () => (await ctx.db.match.count({ where: { vacancyId: vacancy.id, current: true } })) === 4, "a new vacancy's matches", 10_000);

    await waitFor(async () => nightlyStartsSince(worker, upAt) >= 2, "the nightly schedule to fire again", 20_000);
    expect(await ctx.db.matchRun.count({ where: { kind: "NIGHTLY" } })).toBe(1);
    await expectRunMatchedEveryVacancyOnce(ctx, runId, vacancyIds);

    const after = await health(redis, prefix);
    expect(after.code).toBe(200);
    expect(after.body).toMatchObject({ status: "ok", reasons: [], outbox: { undispatched: 0 } });
  }, 240_000);

  it("says so when Redis may evict jobs", async () => {
    const redis = await ownRedis({ maxmemoryPolicy: "allkeys-lru" });
    const { code, body } = await health(redis, `fp${randomBytes(3).toString("hex")}`);
    expect(code).toBe(200);
    expect(body.status).toBe("degraded");
    expect(body.reasons).toContainEqual(expect.objectContaining({ code: "redis-eviction-policy", subject: "allkeys-lru" }));
  });
});
