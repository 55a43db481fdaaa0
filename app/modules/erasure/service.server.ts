// Erasure of a citizen (GDPR article 17), carried out by a worker job so that it
// is retried until PostgreSQL and every search index agree
// (docs/decisions/015-erasure-and-audit-log.md).
//
// Steps, each safe to repeat:
//  1. one transaction: delete the Candidate row (consents, skills, matches,
//     introductions and reservations go with it by cascade; outcomes stay with
//     candidateId null), write the "candidate.changed" outbox row and an
//     AuditEvent of the erasure (ids only);
//  2. sync the candidates index for that id: the row is gone, so the document
//     is deleted (under the same advisory lock every sync takes, so no stale
//     upsert can bring it back);
//  3. mark the request DONE and clear its candidateId.
// A retry after a failure in 2 or 3 finds no row in 1 and carries on.
import type { ErasureSource, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { syncIds, type SyncDeps } from "../../../search/sync";
import { candidatesIndex } from "../../../search/indexes/candidates";

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
  const pending = await tx.erasureRequest.findFirst({ where: { candidateId: input.candidateId, status: "PENDING" }, select: { id: true } });
  if (pending) return { id: pending.id, created: false };
  const row = await tx.erasureRequest.create({ data: { ...input, status: "PENDING" }, select: { id: true } });
  return { id: row.id, created: true };
}

export type ErasureOutcome = { status: "DONE"; erased: boolean } | { status: "SKIPPED"; reason: string };

export interface ErasureDeps {
  /** For tests and reindex tooling; the live candidates index when omitted. */
  search?: SyncDeps;
  now?: Date;
  /** RETENTION requests are dropped when the candidate was active after this moment. */
  retentionCutoff?: Date;
}

export async function carryOutErasure(db: Db, erasureRequestId: string, deps: ErasureDeps = {}): Promise<ErasureOutcome> {
  const request = await db.erasureRequest.findUnique({
    where: { id: erasureRequestId },
    select: { id: true, candidateId: true, status: true, source: true },
  });
  if (!request) return { status: "SKIPPED", reason: "unknown request" };
  if (request.status !== "PENDING" || !request.candidateId) return { status: "SKIPPED", reason: `request is ${request.status}` };
  const candidateId = request.candidateId;

  const step1 = await db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ lastActivityAt: Date }[]>`SELECT "lastActivityAt" FROM "Candidate" WHERE "id" = ${candidateId} FOR UPDATE`;
    const row = rows[0];
    if (!row) return { erased: false, cancelled: false };
    if (request.source === "RETENTION" && deps.retentionCutoff && row.lastActivityAt > deps.retentionCutoff) {
      // The profile came back to life between the retention run and this job.
      await tx.erasureRequest.update({
        where: { id: request.id },
        data: { status: "FAILED", completedAt: deps.now ?? new Date(), lastError: "active again since the retention run: not erased" },
      });
      return { erased: false, cancelled: true };
    }
    await tx.candidate.delete({ where: { id: candidateId } });
    await writeOutbox(tx, "candidate.changed", candidateId);
    await tx.auditEvent.create({
      data: { candidateId, action: "DELETE", resource: "candidate", reason: ERASURE_AUDIT_REASONS[request.source], actorUserId: null, actorOrgId: null },
    });
    return { erased: true, cancelled: false };
  });
  if (step1.cancelled) return { status: "SKIPPED", reason: "active again" };

  await syncIds(candidatesIndex, [candidateId], { ...deps.search, db: deps.search?.db ?? db });

  await db.erasureRequest.updateMany({
    where: { id: request.id, status: "PENDING" },
    data: { status: "DONE", candidateId: null, completedAt: deps.now ?? new Date(), lastError: null },
  });
  return { status: "DONE", erased: step1.erased };
}

/** Remembers why an attempt failed; on the last attempt the request is marked FAILED for the operators. */
export async function recordErasureFailure(db: Db, erasureRequestId: string, message: string, final: boolean): Promise<void> {
  await db.erasureRequest.updateMany({
    where: { id: erasureRequestId, status: "PENDING" },
    data: { lastError: message.slice(0, 500), ...(final ? { status: "FAILED" as const } : {}) },
  });
}

export async function pendingErasureRequestIds(db: Db, limit = 1000): Promise<string[]> {
  const rows = await db.erasureRequest.findMany({ where: { status: "PENDING" }, select: { id: true }, orderBy: { requestedAt: "asc" }, take: limit });
  return rows.map((r) => r.id);
}

/** A stable BullMQ job id: enqueueing the same request twice is a no-op while its job exists. */
export function erasureJobId(erasureRequestId: string): string {
  return `erasure-${erasureRequestId}`;
}
