// Instant re-matching: a change written with its outbox row reaches the stored
// matches within seconds through dispatcher → search sync → matching, with no
// nightly run; a burst of changes to one vacancy becomes one re-match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { createLogger } from "~/lib/logger.server";
import { setupIndexes } from "../../search/setup";
import { getWorkerConfig } from "../../workers/config";
import { QUEUES } from "~/lib/queues/registry";
import { startWorkers, type WorkerRuntime } from "../../workers/runtime";
import { deleteQueueKeys, eventually, testQueuePrefix } from "../setup/async";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createCandidate, createOrganisations, createSkills, createVacancyWithOutbox } from "./search-fixtures";

let ctx: TestContext;
let runtime: WorkerRuntime;
const queuePrefix = testQueuePrefix();

beforeAll(async () => {
  ctx = await createTestContext("rematch");
  await setupIndexes();
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

    const match = await eventually(
      () => ctx.db.match.findUnique({ where: { vacancyId_candidateId: { vacancyId: vacancy.id, candidateId: candidate.id } } }),
      (m) => m?.current === true,
    );
    expect(match).toMatchObject({ kind: "FULL" });

    await ctx.db.$transaction(async (tx) => {
      await tx.consent.updateMany({ where: { candidateId: candidate.id, purpose: "MATCHING" }, data: { withdrawnAt: new Date() } });
      await writeOutbox(tx, "candidate.changed", candidate.id);
    });
    await eventually(
      () => ctx.db.match.findUnique({ where: { vacancyId_candidateId: { vacancyId: vacancy.id, candidateId: candidate.id } } }),
      (m) => m?.current === false,
    );
  });

  it("coalesces a burst of changes to one vacancy into one re-match", async () => {
    const orgs = await createOrganisations(ctx.db);
    const [skill] = await createSkills(ctx.db, 1);
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skill.id], nice: [] });
    await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skill.id], outbox: true });
    await eventually(() => ctx.db.match.count({ where: { vacancyId: vacancy.id, current: true } }), (n) => n === 1);

    const matching = runtime.queues.get(QUEUES.matching)!;
    const jobsFor = async () =>
      (await matching.getJobs(["completed", "active", "waiting", "delayed"])).filter((j) => j.name === "vacancy" && j.data.vacancyId === vacancy.id).length;
    const before = await jobsFor();
    await Promise.all(
      Array.from({ length: 20 }, () =>
        ctx.db.$transaction(async (tx) => {
          await tx.vacancy.update({ where: { id: vacancy.id }, data: { hoursPerWeek: { increment: 1 } } });
          await writeOutbox(tx, "vacancy.changed", vacancy.id);
        }),
      ),
    );
    await eventually(() => ctx.db.outboxEvent.count({ where: { aggregateId: vacancy.id, dispatchedAt: null } }), (n) => n === 0);
    // Let the delayed job run.
    await new Promise((r) => setTimeout(r, 2500));
    const after = await jobsFor();
    // 20 changes: at most one job waiting plus one kept while another ran.
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(2);
    expect(await ctx.db.match.count({ where: { vacancyId: vacancy.id } })).toBe(1);
  });
});
