// Full matching runs (nightly or started by an operator). A run's progress lives
// in PostgreSQL (MatchRun, MatchRunBatch), not in Redis: if Redis loses its
// jobs, the missing batches are enqueued again from here and the run completes.
import type { MatchRunKind } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import {
  addBatchToRun,
  completeRun,
  countBatchAttempt,
  countPendingBatches,
  createBatches,
  createRun,
  findBatch,
  findBatchVacancyIds,
  findLastRuns,
  findRunIdByKey,
  findRunningRunsWithPendingBatches,
  markBatchDone,
  openVacancyIdsInRunOrder,
  pendingBatchNos,
  type BatchCounts,
} from "./runs.repository.server";

export { openVacancyIdsInRunOrder };

/** Vacancies matched per multi-search request and store statement within a batch. */
export const VACANCIES_PER_REQUEST = 20;

export const DEFAULT_BATCH_SIZE = 100;

export interface StartedRun {
  runId: string;
  /** False when a run with this key already existed (one night never gets two runs). */
  created: boolean;
  batchNos: number[];
}

/** The calendar day in a time zone, e.g. "2026-11-24" for the nightly run key. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

/**
 * Matches a group of vacancies and stores their matches: the matching engine's
 * matchVacancies (search/matching-engine.server.ts). It lives above this module,
 * in search/, so whoever runs the batch hands it in.
 */
export type MatchVacancies = (vacancyIds: string[], deps: { db: Db; runId: string }) => Promise<{ stored: number; created: number; upskilling: number }>;

export async function startRun(
  db: Db,
  args: { kind: MatchRunKind; runKey?: string | null; startedById?: string | null; batchSize?: number },
): Promise<StartedRun> {
  const batchSize = args.batchSize ?? DEFAULT_BATCH_SIZE;
  return db.$transaction(
    async (tx) => {
      if (args.runKey) {
        const existingId = await findRunIdByKey(tx, args.runKey);
        if (existingId) return { runId: existingId, created: false, batchNos: await pendingBatchNos(tx, existingId) };
      }
      const vacancies = await openVacancyIdsInRunOrder(tx);
      const run = await createRun(tx, { kind: args.kind, runKey: args.runKey ?? null, startedById: args.startedById ?? null, vacancyCount: vacancies.length });
      const batches = [];
      for (let i = 0; i < vacancies.length; i += batchSize) {
        batches.push({ runId: run.id, batchNo: batches.length, vacancyIds: vacancies.slice(i, i + batchSize).map((v) => v.id) });
      }
      if (batches.length) await createBatches(tx, batches);
      return { runId: run.id, created: true, batchNos: batches.map((b) => b.batchNo) };
    },
    { timeout: 60_000 },
  );
}

/**
 * Matches every vacancy of one batch and records the batch as done, once.
 * Safe to run twice: a done batch is skipped, and matching itself is idempotent.
 */
export async function runBatch(db: Db, runId: string, batchNo: number, matchVacancies: MatchVacancies): Promise<{ skipped: boolean }> {
  const batch = await findBatch(db, runId, batchNo);
  if (!batch || batch.doneAt) return { skipped: true };
  await countBatchAttempt(db, runId, batchNo);
  const totals = { matchCount: 0, newMatchCount: 0, upskillingCount: 0 };
  // A few vacancies per multi-search and per store statement: far fewer round
  // trips than one vacancy at a time, while each request stays small.
  for (let i = 0; i < batch.vacancyIds.length; i += VACANCIES_PER_REQUEST) {
    const result = await matchVacancies(batch.vacancyIds.slice(i, i + VACANCIES_PER_REQUEST), { db, runId });
    totals.matchCount += result.stored;
    totals.newMatchCount += result.created;
    totals.upskillingCount += result.upskilling;
  }
  await completeBatch(db, runId, batchNo, { ...totals, failureCount: 0, lastError: null });
  return { skipped: false };
}

/** Records a batch that failed for good, so the run can still complete with its failures counted. */
export async function failBatch(db: Db, runId: string, batchNo: number, error: string): Promise<void> {
  const vacancyIds = await findBatchVacancyIds(db, runId, batchNo);
  if (!vacancyIds) return;
  await completeBatch(db, runId, batchNo, { matchCount: 0, newMatchCount: 0, upskillingCount: 0, failureCount: vacancyIds.length, lastError: error.slice(0, 500) });
}

async function completeBatch(db: Db, runId: string, batchNo: number, counts: BatchCounts): Promise<void> {
  await db.$transaction(async (tx) => {
    if (!(await markBatchDone(tx, runId, batchNo, counts))) return;
    const size = (await findBatchVacancyIds(tx, runId, batchNo))!.length;
    await addBatchToRun(tx, runId, size, counts);
  });
}

/** Marks the run completed when no batch is left; true when this call completed it. */
export async function finishRunIfDone(db: Db, runId: string): Promise<boolean> {
  if ((await countPendingBatches(db, runId)) > 0) return false;
  return completeRun(db, runId);
}

/** Runs still in progress with the batches they lack: what a reconcile job re-enqueues. */
export async function unfinishedRuns(db: Db): Promise<{ runId: string; batchNos: number[] }[]> {
  const runs = await findRunningRunsWithPendingBatches(db);
  return runs.map((r) => ({ runId: r.id, batchNos: r.batches.map((b) => b.batchNo) }));
}

/** The latest runs, newest first, for the operator's run list. */
export async function lastRuns(db: Db, take = 10) {
  return findLastRuns(db, take);
}
