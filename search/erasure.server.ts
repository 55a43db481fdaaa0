// Carrying out an erasure request: the PostgreSQL side lives with the domain
// (app/modules/erasure/service.server.ts); between its two steps the candidates
// index is synced for the erased id. The row is gone by then, so the document is
// deleted, under the same advisory lock every sync takes, so no stale upsert
// can bring it back. Every step is safe to repeat, so the worker retries the
// whole of it until PostgreSQL and the index agree.
import type { Db } from "~/lib/db.server";
import { completeErasureRequest, eraseCandidateRows, type ErasureOptions, type ErasureOutcome } from "~/modules/erasure/service.server";
import { candidatesIndex } from "./indexes/candidates";
import { syncIds, type SyncDeps } from "./sync";

export type { ErasureOutcome };

export interface ErasureDeps extends ErasureOptions {
  /** For tests and reindex tooling; the live candidates index when omitted. */
  search?: Partial<SyncDeps>;
}

export async function carryOutErasure(db: Db, erasureRequestId: string, deps: ErasureDeps = {}): Promise<ErasureOutcome> {
  const erased = await eraseCandidateRows(db, erasureRequestId, deps);
  if (erased.status === "SKIPPED") return erased;
  await syncIds(candidatesIndex, [erased.candidateId], { ...deps.search, db: deps.search?.db ?? db });
  return completeErasureRequest(db, erased, deps.now);
}
