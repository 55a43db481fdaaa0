// Retention (DESIGN.md, "Privacy by design"): profiles inactive for longer than
// RETENTION_INACTIVE_DAYS are erased. The daily run only orders the erasures
// (RETENTION ErasureRequests); the erasure job carries each one out, with the
// same steps and retries as a citizen's own request, and re-checks that the
// profile is still inactive. Each run leaves a MaintenanceRun row with counts
// only: the run log never names anyone.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import {
  candidateIdsWithPendingErasure,
  countErasureRequestsBySourceAndStatus,
  finishMaintenanceRun,
  insertMaintenanceRun,
  insertRetentionErasureRequests,
  listInactiveCandidates,
  listMaintenanceRuns,
} from "./repository.server";

export const RETENTION_RUN_KIND = "retention";
const BATCH = 500;

export interface RetentionCounts {
  /** Candidates past the period when the run looked. */
  inactive: number;
  /** Erasure requests this run created. */
  requested: number;
  /** Past the period but already waiting for erasure. */
  alreadyPending: number;
}

export function retentionCutoff(now: Date, inactiveDays: number): Date {
  return new Date(now.getTime() - inactiveDays * 24 * 3600 * 1000);
}

/**
 * Orders the erasure of every candidate inactive since before the cutoff and
 * returns the new requests' ids, for the caller to enqueue.
 */
export async function runRetention(db: Db, options: { now?: Date; inactiveDays: number }): Promise<{ runId: string; counts: RetentionCounts; erasureRequestIds: string[] }> {
  const now = options.now ?? new Date();
  const cutoff = retentionCutoff(now, options.inactiveDays);
  const run = await insertMaintenanceRun(db, RETENTION_RUN_KIND, now);
  const counts: RetentionCounts = { inactive: 0, requested: 0, alreadyPending: 0 };
  const erasureRequestIds: string[] = [];
  try {
    let afterId: string | undefined;
    for (;;) {
      const batch = await listInactiveCandidates(db, cutoff, afterId, BATCH);
      if (batch.length === 0) break;
      afterId = batch[batch.length - 1]!.id;
      counts.inactive += batch.length;
      const created = await db.$transaction((tx) => orderErasures(tx, batch));
      counts.requested += created.length;
      counts.alreadyPending += batch.length - created.length;
      erasureRequestIds.push(...created);
      if (batch.length < BATCH) break;
    }
    await finishMaintenanceRun(db, run.id, { finishedAt: new Date(), counts: { ...counts } });
    return { runId: run.id, counts, erasureRequestIds };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await finishMaintenanceRun(db, run.id, { finishedAt: new Date(), counts: { ...counts }, lastError: message.slice(0, 500) }).catch(() => undefined);
    throw error;
  }
}

async function orderErasures(tx: Prisma.TransactionClient, batch: { id: string; jobcentreId: string }[]): Promise<string[]> {
  const waiting = await candidateIdsWithPendingErasure(tx, batch.map((c) => c.id));
  const fresh = batch.filter((c) => !waiting.has(c.id));
  if (fresh.length === 0) return [];
  return insertRetentionErasureRequests(tx, fresh);
}

export interface MaintenanceOverview {
  runs: { id: string; kind: string; startedAt: string; finishedAt: string | null; counts: Record<string, number>; failed: boolean }[];
  erasures: { source: string; status: string; count: number }[];
}

/** For the operators' page: counts only. */
export async function maintenanceOverview(db: Db, limit = 20): Promise<MaintenanceOverview> {
  const [runs, erasures] = await Promise.all([listMaintenanceRuns(db, limit), countErasureRequestsBySourceAndStatus(db)]);
  return {
    runs: runs.map((r) => ({
      id: r.id,
      kind: r.kind,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      counts: numericCounts(r.counts),
      // The error text stays in the database: it may name a row, and the page shows counts only.
      failed: r.lastError !== null,
    })),
    erasures,
  };
}

function numericCounts(json: Prisma.JsonValue): Record<string, number> {
  if (!json || typeof json !== "object" || Array.isArray(json)) return {};
  return Object.fromEntries(Object.entries(json).filter((entry): entry is [string, number] => typeof entry[1] === "number"));
}
