// Erasure of a citizen (GDPR article 17), carried out by a worker job so that it
// is retried until PostgreSQL and every search index agree
// (docs/decisions/015-erasure-and-audit-log.md). This is the PostgreSQL side;
// search/erasure.server.ts runs it together with the index sync, in this order:
//  1. eraseCandidateRows, one transaction: delete the Candidate row (consents,
//     skills, matches, introductions and reservations go with it by cascade;
//     outcomes stay with candidateId null), write the "candidate.changed"
//     outbox row and an AuditEvent of the erasure (ids only);
//  2. (search/) sync the candidates index for that id;
//  3. completeErasureRequest: mark the request DONE and clear its candidateId.
// Each step is safe to repeat: a retry after a failure in 2 or 3 finds no row
// in 1 and carries on.
import type { ErasureSource, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import {
  deleteCandidate,
  findErasureRequest,
  findPendingErasureRequest,
  insertAuditEvent,
  insertErasureRequest,
  listPendingErasureRequestIds,
  lockCandidateForErasure,
  markErasureRequestDone,
  markErasureRequestFailed,
  recordErasureRequestError,
} from "./repository.server";

type Tx = Prisma.TransactionClient;

export const ERASURE_AUDIT_REASONS: Record<ErasureSource, string> = {
  CITIZEN: "erasure requested by the citizen",
  CONSULTANT: "erasure requested through the jobcentre",
  RETENTION: "erasure after the retention period",
};

/**
 * Records a request to erase the candidate, or returns the one already pending
 * (asking twice erases once). The caller enqueues the job after its commit;
 * the sweep (erasureSweep) enqueues it anyway should that fail.
 */
export async function requestErasureInTx(tx: Tx, input: { candidateId: string; jobcentreId: string; source: ErasureSource }): Promise<{ id: string; created: boolean }> {
  const pending = await findPendingErasureRequest(tx, input.candidateId);
  if (pending) return { id: pending.id, created: false };
  const row = await insertErasureRequest(tx, input);
  return { id: row.id, created: true };
}

export type ErasureOutcome = { status: "DONE"; erased: boolean } | { status: "SKIPPED"; reason: string };

export interface ErasureOptions {
  now?: Date;
  /** RETENTION requests are dropped when the candidate was active after this moment. */
  retentionCutoff?: Date;
}

/** Step 1 done: the request to complete once the indexes agree, and whether this attempt deleted the row. */
export type ErasedRows = { status: "ERASED"; requestId: string; candidateId: string; erased: boolean };

/** Step 1; SKIPPED when the request is unknown, settled, or (RETENTION) the profile is active again. */
export async function eraseCandidateRows(db: Db, erasureRequestId: string, options: ErasureOptions = {}): Promise<ErasedRows | Extract<ErasureOutcome, { status: "SKIPPED" }>> {
  const request = await findErasureRequest(db, erasureRequestId);
  if (!request) return { status: "SKIPPED", reason: "unknown request" };
  if (request.status !== "PENDING" || !request.candidateId) return { status: "SKIPPED", reason: `request is ${request.status}` };
  const candidateId = request.candidateId;

  const step = await db.$transaction(async (tx) => {
    const row = await lockCandidateForErasure(tx, candidateId);
    if (!row) return { erased: false, cancelled: false };
    if (request.source === "RETENTION" && options.retentionCutoff && row.lastActivityAt > options.retentionCutoff) {
      // The profile came back to life between the retention run and this job.
      await markErasureRequestFailed(tx, request.id, options.now ?? new Date(), "active again since the retention run: not erased");
      return { erased: false, cancelled: true };
    }
    await deleteCandidate(tx, candidateId);
    await writeOutbox(tx, "candidate.changed", candidateId);
    await insertAuditEvent(tx, { candidateId, action: "DELETE", resource: "candidate", reason: ERASURE_AUDIT_REASONS[request.source], actorUserId: null, actorOrgId: null });
    return { erased: true, cancelled: false };
  });
  if (step.cancelled) return { status: "SKIPPED", reason: "active again" };
  return { status: "ERASED", requestId: request.id, candidateId, erased: step.erased };
}

/** Step 3. */
export async function completeErasureRequest(db: Db, erased: ErasedRows, now?: Date): Promise<ErasureOutcome> {
  await markErasureRequestDone(db, erased.requestId, now ?? new Date());
  return { status: "DONE", erased: erased.erased };
}

/** Remembers why an attempt failed; on the last attempt the request is marked FAILED for the operators. */
export async function recordErasureFailure(db: Db, erasureRequestId: string, message: string, final: boolean): Promise<void> {
  await recordErasureRequestError(db, erasureRequestId, message.slice(0, 500), final);
}

export function pendingErasureRequestIds(db: Db, limit = 1000): Promise<string[]> {
  return listPendingErasureRequestIds(db, limit);
}

/** A stable BullMQ job id: enqueueing the same request twice is a no-op while its job exists. */
export function erasureJobId(erasureRequestId: string): string {
  return `erasure-${erasureRequestId}`;
}
