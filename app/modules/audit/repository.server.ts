// The queries behind a candidate's audit log (read.server.ts). No tenancy
// here: the caller has already decided the reader may see this candidate.
import type { Db } from "~/lib/db.server";

/** Newest first, at most `take`. */
export async function findAuditEventsOfCandidate(db: Pick<Db, "auditEvent">, candidateId: string, take: number) {
  return db.auditEvent.findMany({
    where: { candidateId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, action: true, resource: true, reason: true, actorUserId: true, actorOrgId: true },
  });
}

export async function findUserNames(db: Pick<Db, "user">, userIds: string[]) {
  return db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
}

export async function findOrganisationNames(db: Pick<Db, "organisation">, organisationIds: string[]) {
  return db.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, name: true, kind: true } });
}
