// The queries behind full matching runs (runs.server.ts): MatchRun and its
// batches. Runs cover the whole platform, so nothing here is tenant-scoped.
import type { MatchRunKind, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

/** What a finished batch adds to its run. */
export interface BatchCounts {
  matchCount: number;
  newMatchCount: number;
  upskillingCount: number;
  failureCount: number;
  lastError: string | null;
}

/**
 * The open vacancies in the order a run matches them: by occupation, so that
 * each group of VACANCIES_PER_REQUEST shares most of its required skills and
 * one offering query serves the whole group (search/queries/matching.ts).
 */
export async function openVacancyIdsInRunOrder(db: Pick<Db, "vacancy">): Promise<{ id: string }[]> {
  return db.vacancy.findMany({
    where: { status: "OPEN" },
    select: { id: true },
    orderBy: [{ occupationId: { sort: "asc", nulls: "last" } }, { id: "asc" }],
  });
}

export async function findRunIdByKey(db: Client, runKey: string): Promise<string | null> {
  return (await db.matchRun.findUnique({ where: { runKey }, select: { id: true } }))?.id ?? null;
}

export async function pendingBatchNos(db: Client, runId: string): Promise<number[]> {
  return (await db.matchRunBatch.findMany({ where: { runId, doneAt: null }, select: { batchNo: true } })).map((b) => b.batchNo);
}

export async function createRun(db: Client, data: { kind: MatchRunKind; runKey: string | null; startedById: string | null; vacancyCount: number }) {
  return db.matchRun.create({ data });
}

export async function createBatches(db: Client, batches: { runId: string; batchNo: number; vacancyIds: string[] }[]): Promise<void> {
  await db.matchRunBatch.createMany({ data: batches });
}

export async function findBatch(db: Client, runId: string, batchNo: number) {
  return db.matchRunBatch.findUnique({ where: { runId_batchNo: { runId, batchNo } } });
}

/** The vacancy ids of a batch, or null when there is no such batch. */
export async function findBatchVacancyIds(db: Client, runId: string, batchNo: number): Promise<string[] | null> {
  return (await db.matchRunBatch.findUnique({ where: { runId_batchNo: { runId, batchNo } }, select: { vacancyIds: true } }))?.vacancyIds ?? null;
}

export async function countBatchAttempt(db: Client, runId: string, batchNo: number): Promise<void> {
  await db.matchRunBatch.update({ where: { runId_batchNo: { runId, batchNo } }, data: { attempts: { increment: 1 } } });
}

/** Records the batch as done unless it already is; true when this call did. */
export async function markBatchDone(db: Client, runId: string, batchNo: number, counts: BatchCounts): Promise<boolean> {
  // doneAt IS NULL makes completion count once, however many workers finish the same batch.
  const updated = await db.matchRunBatch.updateMany({ where: { runId, batchNo, doneAt: null }, data: { ...counts, doneAt: new Date() } });
  return updated.count > 0;
}

export async function addBatchToRun(db: Client, runId: string, vacancies: number, counts: BatchCounts): Promise<void> {
  await db.matchRun.update({
    where: { id: runId },
    data: {
      vacanciesDone: { increment: vacancies },
      matchCount: { increment: counts.matchCount },
      newMatchCount: { increment: counts.newMatchCount },
      upskillingCount: { increment: counts.upskillingCount },
      failureCount: { increment: counts.failureCount },
      ...(counts.lastError ? { lastError: counts.lastError } : {}),
    },
  });
}

export async function countPendingBatches(db: Client, runId: string): Promise<number> {
  return db.matchRunBatch.count({ where: { runId, doneAt: null } });
}

/** Marks a running run completed; true when this call did. */
export async function completeRun(db: Client, runId: string): Promise<boolean> {
  const updated = await db.matchRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "COMPLETED", finishedAt: new Date() } });
  return updated.count > 0;
}

export async function findRunningRunsWithPendingBatches(db: Client) {
  return db.matchRun.findMany({
    where: { status: "RUNNING" },
    select: { id: true, batches: { where: { doneAt: null }, select: { batchNo: true } } },
  });
}

export async function findLastRuns(db: Client, take: number) {
  return db.matchRun.findMany({
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true, kind: true, status: true, startedAt: true, finishedAt: true, vacancyCount: true, vacanciesDone: true,
      matchCount: true, newMatchCount: true, upskillingCount: true, failureCount: true,
    },
  });
}
