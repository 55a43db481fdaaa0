// The Prisma access of the retention run and its run log. The log holds counts
// only; candidates are read by id and jobcentre, never by anything that names them.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

export async function insertMaintenanceRun(db: Client, kind: string, startedAt: Date): Promise<{ id: string }> {
  return db.maintenanceRun.create({ data: { kind, startedAt }, select: { id: true } });
}

export async function finishMaintenanceRun(db: Client, id: string, finish: { finishedAt: Date; counts: Prisma.InputJsonObject; lastError?: string }): Promise<void> {
  await db.maintenanceRun.update({ where: { id }, data: finish, select: { id: true } });
}

/** One page, by id, of the candidates inactive since before `cutoff`. */
export function listInactiveCandidates(db: Client, cutoff: Date, afterId: string | undefined, take: number): Promise<{ id: string; jobcentreId: string }[]> {
  return db.candidate.findMany({
    where: { lastActivityAt: { lt: cutoff }, ...(afterId ? { id: { gt: afterId } } : {}) },
    select: { id: true, jobcentreId: true },
    orderBy: { id: "asc" },
    take,
  });
}

/** Of these candidates, those with an erasure request still PENDING. */
export async function candidateIdsWithPendingErasure(tx: Client, candidateIds: string[]): Promise<Set<string>> {
  const rows = await tx.erasureRequest.findMany({ where: { candidateId: { in: candidateIds }, status: "PENDING" }, select: { candidateId: true } });
  return new Set(rows.flatMap((r) => (r.candidateId ? [r.candidateId] : [])));
}

export async function insertRetentionErasureRequests(tx: Client, candidates: { id: string; jobcentreId: string }[]): Promise<string[]> {
  const rows = await tx.erasureRequest.createManyAndReturn({
    data: candidates.map((c) => ({ candidateId: c.id, jobcentreId: c.jobcentreId, source: "RETENTION" as const })),
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

export function listMaintenanceRuns(db: Client, limit: number) {
  return db.maintenanceRun.findMany({
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
    select: { id: true, kind: true, startedAt: true, finishedAt: true, counts: true, lastError: true },
  });
}

export async function countErasureRequestsBySourceAndStatus(db: Client): Promise<{ source: string; status: string; count: number }[]> {
  const groups = await db.erasureRequest.groupBy({ by: ["source", "status"], _count: { _all: true } });
  return groups.map((g) => ({ source: g.source, status: g.status, count: g._count._all }));
}
