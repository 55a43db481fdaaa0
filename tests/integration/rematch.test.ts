// Instant re-matching: a change written with its outbox row reaches the stored
// matches within seconds through dispatcher → search sync → matching, with no
// nightly run; a burst of changes to one vacancy becomes one re-match.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { createLogger } from "~/lib/logger.server";
import { setupIndexes } from "../../search/setup";
import { getWorkerConfig } from "../../workers/config";
import { QUEUES } from "~/lib/queues/registry";
import { startWorkers, type WorkerRuntime } from "../../workers/runtime";
import { deleteQueueKeys, testQueuePrefix, within } from "../setup/async";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createCandidate, createOrganisations, createSkills, createVacancyWithOutbox } from "./search-fixtures";

let ctx: TestContext;
let runtime: WorkerRuntime;
const queuePrefix = testQueuePrefix();

beforeAll(async () => {
  ctx = await createTestContext("rematch");
  await setupIndexes();
  // The default REMATCH_DELAY_MS (1 s): coalescing a burst is what it is for, and one test here checks it.
  const config = getWorkerConfig({ WORKER_QUEUE_PREFIX: queuePrefix, WORKER_CONCURRENCY: "2", OUTBOX_DISPATCH_EVERY_MS: "100" });
  runtime = await startWorkers({ config, log: createLogger("rematch-test"), db: ctx.db });
});
afterAll(async () => {
  await runtime?.close();
  await deleteQueueKeys(queuePrefix);
  await ctx?.cleanup();
});


describe("instant re-matching", () => {
  it("matches a new candidate within seconds and drops them when consent is withdrawn", async () => {
    const orgs = await createOrganisations(ctx.db);
    const [welding] = await createSkills(ctx.db, 1);
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [welding.id], nice: [] });
    const candidate = await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [welding.id], outbox: true });

    const pair = { vacancyId_candidateId: { vacancyId: vacancy.id, candidateId: candidate.id } };
    const match = await vi.waitFor(async () => {
      const m = await ctx.db.match.findUnique({ where: pair });
      expect(m?.current).toBe(true);
      return m;
    }, within());
    expect(match).toMatchObject({ kind: "FULL" });

    await ctx.db.$transaction(async (tx) => {
      await tx.consent.updateMany({ where: { candidateId: candidate.id, purpose: "MATCHING" }, data: { withdrawnAt: new Date() } });
      await writeOutbox(tx, "candidate.changed", candidate.id);
    });
    await vi.waitFor(async () => expect((await ctx.db.match.findUnique({ where: pair }))?.current).toBe(false), within());
  });

  it("coalesces a burst of changes to one vacancy into one re-match", async () => {
    const orgs = await createOrganisations(ctx.db);
    const [skill] = await createSkills(ctx.db, 1);
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skill.id], nice: [] });
    await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skill.id], outbox: true });
    await vi.waitFor(async () => expect(await ctx.db.match.count({ where: { vacancyId: vacancy.id, current: true } })).toBe(1), within());

    const matching = runtime.queues.get(QUEUES.matching)!;
    const sync = runtime.queues.get(QUEUES.searchSync)!;
    const vacancyJobs = async (states: ("completed" | "active" | "waiting" | "delayed")[]) =>
      (await matching.getJobs(states)).filter((j) => j.name === "vacancy" && j.data.vacancyId === vacancy.id).length;
    const jobsFor = () => vacancyJobs(["completed", "active", "waiting", "delayed"]);
    const before = await jobsFor();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx.db.$transaction(async (tx) => {
          await tx.vacancy.update({ where: { id: vacancy.id }, data: { hoursPerWeek: { increment: 1 } } });
          await writeOutbox(tx, "vacancy.changed", vacancy.id);
        }),
      ),
    );
    await vi.waitFor(async () => expect(await ctx.db.outboxEvent.count({ where: { aggregateId: vacancy.id, dispatchedAt: null } })).toBe(0), within());
    // Every sync of the burst has run (so no re-match is still to be enqueued), then every re-match it enqueued.
    await vi.waitFor(async () => {
      expect(await sync.getJobCounts("waiting", "active", "delayed", "prioritized")).toEqual({ waiting: 0, active: 0, delayed: 0, prioritized: 0 });
      expect(await vacancyJobs(["active", "waiting", "delayed"])).toBe(0);
    }, within());
    const after = await jobsFor();
    // 20 changes: at most one job waiting plus one kept while another ran.
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(2);
    expect(await ctx.db.match.count({ where: { vacancyId: vacancy.id } })).toBe(1);
  });
});
