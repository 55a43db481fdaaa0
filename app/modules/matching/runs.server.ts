// Full matching runs (nightly or started by an operator). A run's progress lives
// in PostgreSQL (MatchRun, MatchRunBatch), not in Redis: if Redis loses its
// jobs, the missing batches are enqueued again from here and the run completes.
import type { MatchRunKind } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { matchVacancies, type MatchDeps } from "../../../search/matching-engine.server";

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

export async function startRun(
  db: Db,
  args: { kind: MatchRunKind; runKey?: string | null; startedById?: string | null; batchSize?: number },
): Promise<StartedRun> {
  const batchSize = args.batchSize ?? DEFAULT_BATCH_SIZE;
  return db.$transaction(
    async (tx) => {
      if (args.runKey) {
        const existing = await tx.matchRun.findUnique({ where: { runKey: args.runKey }, select: { id: true } });
        if (existing) {
          const pending = await tx.matchRunBatch.findMany({ where: { runId: existing.id, doneAt: null }, select: { batchNo: true } });
          return { runId: existing.id, created: false, batchNos: pending.map((b) => b.batchNo) };
        }
      }
      const vacancies = await openVacancyIdsInRunOrder(tx);
      const run = await tx.matchRun.create({
        data: { kind: args.kind, runKey: args.runKey ?? null, startedById: args.startedById ?? null, vacancyCount: vacancies.length },
      });
      const batches = [];
      for (let i = 0; i < vacancies.length; i += batchSize) {
        batches.push({ runId: run.id, batchNo: batches.length, vacancyIds: vacancies.slice(i, i + batchSize).map((v) => v.id) });
      }
      if (batches.length) await tx.matchRunBatch.createMany({ data: batches });
      return { runId: run.id, created: true, batchNos: batches.map((b) => b.batchNo) };
    },
    { timeout: 60_000 },
  );
}

/**
 * Matches every vacancy of one batch and records the batch as done, once.
 * Safe to run twice: a done batch is skipped, and matching itself is idempotent.
 */
export async function runBatch(db: Db, runId: string, batchNo: number, deps: MatchDeps = {}): Promise<{ skipped: boolean }> {
  const batch = await db.matchRunBatch.findUnique({ where: { runId_batchNo: { runId, batchNo } } });
  if (!batch || batch.doneAt) return { skipped: true };
  await db.matchRunBatch.update({ where: { runId_batchNo: { runId, batchNo } }, data: { attempts: { increment: 1 } } });
  const totals = { matchCount: 0, newMatchCount: 0, upskillingCount: 0 };
  // A few vacancies per multi-search and per store statement: far fewer round
  // trips than one vacancy at a time, while each request stays small.
  for (let i = 0; i < batch.vacancyIds.length; i += VACANCIES_PER_REQUEST) {
    const result = await matchVacancies(batch.vacancyIds.slice(i, i + VACANCIES_PER_REQUEST), { ...deps, db, runId });
    totals.matchCount += result.stored;
    totals.newMatchCount += result.created;
    totals.upskillingCount += result.upskilling;
  }
  await completeBatch(db, runId, batchNo, { ...totals, failureCount: 0, lastError: null });
  return { skipped: false };
}

/** Records a batch that failed for good, so the run can still complete with its failures counted. */
export async function failBatch(db: Db, runId: string, batchNo: number, error: string): Promise<void> {
  const batch = await db.matchRunBatch.findUnique({ where: { runId_batchNo: { runId, batchNo } }, select: { vacancyIds: true } });
  if (!batch) return;
  await completeBatch(db, runId, batchNo, { matchCount: 0, newMatchCount: 0, upskillingCount: 0, failureCount: batch.vacancyIds.length, lastError: error.slice(0, 500) });
}

async function completeBatch(
  db: Db,
  runId: string,
  batchNo: number,
  counts: { matchCount: number; newMatchCount: number; upskillingCount: number; failureCount: number; lastError: string | null },
): Promise<void> {
  await db.$transaction(async (tx) => {
    // doneAt IS NULL makes completion count once, however many workers finish the same batch.
    const updated = await tx.matchRunBatch.updateMany({ where: { runId, batchNo, doneAt: null }, data: { ...counts, doneAt: new Date() } });
    if (updated.count === 0) return;
    const size = (await tx.matchRunBatch.findUnique({ where: { runId_batchNo: { runId, batchNo } }, select: { vacancyIds: true } }))!.vacancyIds.length;
    await tx.matchRun.update({
      where: { id: runId },
      data: {
        vacanciesDone: { increment: size },
        matchCount: { increment: counts.matchCount },
        newMatchCount: { increment: counts.newMatchCount },
        upskillingCount: { increment: counts.upskillingCount },
        failureCount: { increment: counts.failureCount },
        ...(counts.lastError ? { lastError: counts.lastError } : {}),
      },
    });
  });
}

/** Marks the run completed when no batch is left; true when this call completed it. */
export async function finishRunIfDone(db: Db, runId: string): Promise<boolean> {
  const pending = await db.matchRunBatch.count({ where: { runId, doneAt: null } });
  if (pending > 0) return false;
  const updated = await db.matchRun.updateMany({ where: { id: runId, status: "RUNNING" }, data: { status: "COMPLETED", finishedAt: new Date() } });
  return updated.count > 0;
}

/** Runs still in progress with the batches they lack: what a reconcile job re-enqueues. */
export async function unfinishedRuns(db: Db): Promise<{ runId: string; batchNos: number[] }[]> {
  const runs = await db.matchRun.findMany({
    where: { status: "RUNNING" },
    select: { id: true, batches: { where: { doneAt: null }, select: { batchNo: true } } },
  });
  return runs.map((r) => ({ runId: r.id, batchNos: r.batches.map((b) => b.batchNo) }));
}

export async function lastRuns(db: Db, take = 10) {
  return db.matchRun.findMany({
    orderBy: { startedAt: "desc" },
    take,
    select: {
      id: true, kind: true, status: true, startedAt: true, finishedAt: true, vacancyCount: true, vacanciesDone: true,
      matchCount: true, newMatchCount: true, upskillingCount: true, failureCount: true,
    },
  });
}
