// The Prisma access of erasure requests and of the erasure itself. A request
// names its candidate by id only; the jobcentre's own scope is checked where a
// consultant asks (lockJobcentreCandidate).
import type { ErasureSource, ErasureStatus, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

export interface ErasureRequestRow {
  id: string;
  candidateId: string | null;
  status: ErasureStatus;
  source: ErasureSource;
}

export function findErasureRequest(db: Client, id: string): Promise<ErasureRequestRow | null> {
  return db.erasureRequest.findUnique({ where: { id }, select: { id: true, candidateId: true, status: true, source: true } });
}

export function findPendingErasureRequest(tx: Client, candidateId: string): Promise<{ id: string } | null> {
  return tx.erasureRequest.findFirst({ where: { candidateId, status: "PENDING" }, select: { id: true } });
}

export function insertErasureRequest(tx: Client, input: { candidateId: string; jobcentreId: string; source: ErasureSource }): Promise<{ id: string }> {
  return tx.erasureRequest.create({ data: { ...input, status: "PENDING" }, select: { id: true } });
}

export async function listPendingErasureRequestIds(db: Client, limit: number): Promise<string[]> {
  const rows = await db.erasureRequest.findMany({ where: { status: "PENDING" }, select: { id: true }, orderBy: { requestedAt: "asc" }, take: limit });
  return rows.map((r) => r.id);
}

/** Locks the candidate row while it is erased; null when it is gone already. */
export async function lockCandidateForErasure(tx: Tx, candidateId: string): Promise<{ lastActivityAt: Date } | null> {
  const rows = await tx.$queryRaw<{ lastActivityAt: Date }[]>`SELECT "lastActivityAt" FROM "Candidate" WHERE "id" = ${candidateId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Locks the candidate row if the jobcentre holds it; null for another jobcentre's (or no) candidate. */
export async function lockJobcentreCandidate(tx: Tx, jobcentreId: string, candidateId: string): Promise<{ id: string } | null> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Candidate" WHERE "id" = ${candidateId} AND "jobcentreId" = ${jobcentreId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** Consents, skills, matches, introductions and reservations go by cascade; outcomes keep the row with candidateId null. */
export async function deleteCandidate(tx: Tx, candidateId: string): Promise<void> {
  await tx.candidate.delete({ where: { id: candidateId } });
}

export async function insertAuditEvent(tx: Client, data: Prisma.AuditEventUncheckedCreateInput): Promise<void> {
  await tx.auditEvent.create({ data });
}

export async function markErasureRequestFailed(tx: Client, id: string, at: Date, lastError: string): Promise<void> {
  await tx.erasureRequest.update({ where: { id }, data: { status: "FAILED", completedAt: at, lastError } });
}

/** Only a PENDING request: a request already settled keeps its state. */
export async function markErasureRequestDone(db: Client, id: string, at: Date): Promise<void> {
  await db.erasureRequest.updateMany({ where: { id, status: "PENDING" }, data: { status: "DONE", candidateId: null, completedAt: at, lastError: null } });
}

export async function recordErasureRequestError(db: Client, id: string, lastError: string, final: boolean): Promise<void> {
  await db.erasureRequest.updateMany({ where: { id, status: "PENDING" }, data: { lastError, ...(final ? { status: "FAILED" as const } : {}) } });
}
