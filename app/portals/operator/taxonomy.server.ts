// The operator's taxonomy imports: the history (TaxonomyImport rows, written by
// the import itself) and starting one as a background job, with its status read
// back from the queue for the page to show while it runs.
import { JOBS } from "~/lib/queues/registry";
import type { Db } from "~/lib/db.server";
import { enqueue, ensureQueueConnection, getQueue } from "~/lib/queue.server";
import { findLastTaxonomyImports } from "./repository.server";

export function lastTaxonomyImports(db: Db, take = 20) {
  return findLastTaxonomyImports(db, take);
}

/** Throws QueueUnavailableError (503) when Redis does not answer. */
export function startTaxonomyImport(operator: { id: string }): Promise<{ jobId: string }> {
  return enqueue(JOBS.taxonomyImport, { startedById: operator.id }, { attempts: 3 });
}

export type TaxonomyJobState = "waiting" | "active" | "completed" | "failed" | "unknown";

export interface TaxonomyJobStatus {
  id: string;
  state: TaxonomyJobState;
  percent: number;
  /** The error of a failed import (a data directory problem, never personal data). */
  failedReason: string | null;
}

export async function taxonomyJobStatus(jobId: string): Promise<TaxonomyJobStatus | null> {
  if (!/^\d{1,20}$/.test(jobId)) return null;
  try {
    await ensureQueueConnection();
    const job = await getQueue(JOBS.taxonomyImport.queue).getJob(jobId);
    if (!job || job.name !== JOBS.taxonomyImport.name) return null;
    const raw = await job.getState();
    const state: TaxonomyJobState =
      raw === "completed" || raw === "failed" || raw === "active" ? raw : raw === "waiting" || raw === "delayed" || raw === "prioritized" || raw === "waiting-children" ? "waiting" : "unknown";
    const progress = job.progress as { percent?: unknown } | number;
    const percent = typeof progress === "number" ? progress : typeof progress?.percent === "number" ? progress.percent : 0;
    return { id: jobId, state, percent: state === "completed" ? 100 : percent, failedReason: state === "failed" ? (job.failedReason ?? null) : null };
  } catch {
    // Status is a courtesy: the history table below still answers without Redis.
    return { id: jobId, state: "unknown", percent: 0, failedReason: null };
  }
}
