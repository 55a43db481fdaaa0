// The counts behind a jobcentre's home page figures (dashboard.server.ts), all
// scoped by the jobcentre's id.
import type { Db } from "~/lib/db.server";

export async function countActiveCandidates(db: Db, jobcentreId: string): Promise<number> {
  return db.candidate.count({ where: { jobcentreId, status: "ACTIVE" } });
}

/** Open vacancies of the companies the jobcentre serves. */
export async function countOpenServedVacancies(db: Db, jobcentreId: string): Promise<number> {
  return db.vacancy.count({ where: { status: "OPEN", organisation: { servedById: jobcentreId } } });
}

/** Open requests about the jobcentre's own candidates: it is the one that must answer them. */
export async function countOpenContactRequests(db: Db, jobcentreId: string): Promise<number> {
  return db.contactRequest.count({ where: { status: "OPEN", candidate: { jobcentreId } } });
}

/** Matches of the jobcentre's candidates by pipeline status. */
export async function countMatchesByStatus(db: Db, jobcentreId: string) {
  return db.match.groupBy({
    by: ["status"],
    // A match the matcher no longer finds still counts once a consultant has worked it.
    where: { candidate: { jobcentreId }, OR: [{ current: true }, { status: { not: "SUGGESTED" } }] },
    _count: { _all: true },
  });
}

export async function countOutcomesByKindSince(db: Db, jobcentreId: string, from: Date) {
  return db.outcome.groupBy({ by: ["kind"], where: { jobcentreId, occurredOn: { gte: from } }, _count: { _all: true } });
}
