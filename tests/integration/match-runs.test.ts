// Full matching runs: a flow of batches shared by the workers, recorded in
// PostgreSQL with counts; one nightly run per night; a run whose jobs Redis
// lost is completed from what PostgreSQL knows.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startRun } from "~/modules/matching/runs.server";
import { createLogger } from "~/lib/logger.server";
import { getAdminClient } from "../../search/client";
import { indexDefinition } from "../../search/indexes/registry";
import { setupIndexes } from "../../search/setup";
import { syncIds } from "../../search/sync";
import { getWorkerConfig } from "../../workers/config";
import { JOBS, QUEUES } from "~/lib/queues/registry";
import { startWorkers, type WorkerRuntime } from "../../workers/runtime";
import { deleteQueueKeys, testQueuePrefix, within } from "../setup/async";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createCandidate, createOrganisations, createSkills, vacancyData } from "./search-fixtures";

let ctx: TestContext;
let runtime: WorkerRuntime;
const vacancyIds: string[] = [];
const queuePrefix = testQueuePrefix();


beforeAll(async () => {
  ctx = await createTestContext("matchruns");
  await setupIndexes();
  const orgs = await createOrganisations(ctx.db);
  const skills = await createSkills(ctx.db, 2);
  // Five open vacancies and a closed one; batches of two.
  for (let i = 0; i < 6; i++) {
    const v = await ctx.db.vacancy.create({
      data: { ...vacancyData(orgs.company.id, i), status: i === 5 ? "CLOSED" : "OPEN", skills: { create: [{ skillId: skills[i % 2].id, requirement: "REQUIRED" }] } },
    });
    if (i < 5) vacancyIds.push(v.id);
  }
  const candidates = await Promise.all([0, 1, 2].map((i) => createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skills[i % 2].id] })));
  await syncIds(indexDefinition("candidates"), candidates.map((c) => c.id), { db: ctx.db, client: getAdminClient() });
  const config = getWorkerConfig({ WORKER_QUEUE_PREFIX: queuePrefix, MATCH_BATCH_SIZE: "2", RUN_RECONCILE_EVERY_MS: "1000", OUTBOX_DISPATCH_EVERY_MS: "500" });
  runtime = await startWorkers({ config, log: createLogger("runs-test"), db: ctx.db });
});
afterAll(async () => {
  await runtime?.close();
  await deleteQueueKeys(queuePrefix);
  await ctx?.cleanup();
});

describe("full matching runs", () => {
  it("fans out batches and records the run with its counts", async () => {
    await runtime.queues.get(QUEUES.runs)!.add(JOBS.runStart.name, { kind: "MANUAL" });
    const run = await vi.waitFor(async () => {
      const r = await ctx.db.matchRun.findFirst({ where: { kind: "MANUAL" }, include: { batches: true } });
      expect(r?.status).toBe("COMPLETED");
      return r;
    }, within());
    expect(run).toMatchObject({ vacancyCount: 5, vacanciesDone: 5, failureCount: 0 });
    expect(run!.batches).toHaveLength(3);
    // Skill 0: vacancies 0, 2, 4 × candidates 0, 2; skill 1: vacancies 1, 3 × candidate 1.
    expect(run!.matchCount).toBe(8);
    expect(run!.newMatchCount).toBe(8);
    const perVacancy = await ctx.db.match.groupBy({ by: ["vacancyId"], where: { current: true, lastRunId: run!.id }, _count: true });
    expect(perVacancy.map((g) => g.vacancyId).sort()).toEqual([...vacancyIds].sort());
  });

  it("starts one nightly run per night however often it is triggered", async () => {
    const queue = runtime.queues.get(QUEUES.runs)!;
    const triggers = await Promise.all([1, 2, 3].map(() => queue.add(JOBS.runStart.name, { kind: "NIGHTLY" })));
    await vi.waitFor(async () => {
      const runs = await ctx.db.matchRun.findMany({ where: { kind: "NIGHTLY" } });
      expect(runs.map((r) => r.status)).toEqual(["COMPLETED"]);
    }, within());
    // Every trigger has been handled (each found tonight's run), and still there is one.
    await vi.waitFor(async () => {
      for (const trigger of triggers) expect(await queue.getJobState(trigger.id!)).toBe("completed");
    }, within());
    expect(await ctx.db.matchRun.count({ where: { kind: "NIGHTLY" } })).toBe(1);
  });

  it("completes a run whose jobs Redis lost, from the progress kept in PostgreSQL", async () => {
    // As after a Redis restart without persistence: the run and its batches exist, no job does.
    const started = await startRun(ctx.db, { kind: "MANUAL", runKey: "lost-in-redis", batchSize: 2 });
    expect(started.batchNos).toHaveLength(3);
    const run = await vi.waitFor(async () => {
      const r = await ctx.db.matchRun.findUnique({ where: { id: started.runId } });
      expect(r?.status).toBe("COMPLETED");
      return r;
    }, within());
    expect(run).toMatchObject({ vacanciesDone: 5, matchCount: 8, newMatchCount: 0 });
  });
});
