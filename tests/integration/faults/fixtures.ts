// What the fault tests share: a world of vacancies and candidates in reach, the
// environment of a worker process, and the check that a run matched every
// vacancy exactly once.
import { expect } from "vitest";
import { indexDefinition } from "../../../search/indexes/registry";
import { getAdminClient } from "../../../search/client";
import { setupIndexes } from "../../../search/setup";
import { syncIds } from "../../../search/sync";
import { TEST_MEILI_MASTER_KEY } from "../../setup/services";
import type { TestContext } from "../../setup/test-db";
import { createCandidate, createOrganisations, createSkills, vacancyData } from "../search-fixtures";

/** Short intervals, so that what takes minutes in production takes seconds here. */
export function workerEnv(ctx: TestContext, extra: Record<string, string>): Record<string, string> {
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
    REMATCH_DELAY_MS: "100",
    ...extra,
  };
}

/** Open vacancies (one required skill each, of three) and 12 candidates in reach, indexed: 4 per skill. */
export async function world(ctx: TestContext, vacancies: number) {
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

export async function expectRunMatchedEveryVacancyOnce(ctx: TestContext, runId: string, vacancyIds: string[]) {
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
