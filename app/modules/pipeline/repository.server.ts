// The queries behind the match pipeline (service.server.ts). A jobcentre
// reaches a match only through a candidate it holds, and a vacancy only when
// it serves the company or brokers one of its own candidates to it.
import type { Prisma } from "~/generated/prisma/client";
import type { PipelineStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

type Tx = Prisma.TransactionClient;

export interface LockedMatch {
  id: string;
  status: PipelineStatus;
  vacancyId: string;
  candidateId: string;
}

/** Locks the match row, but only when its candidate belongs to the jobcentre. */
export async function lockOwnMatch(tx: Tx, jobcentreId: string, matchId: string): Promise<LockedMatch | null> {
  const rows = await tx.$queryRaw<LockedMatch[]>`
    SELECT m."id", m."status"::text AS "status", m."vacancyId", m."candidateId"
    FROM "Match" m JOIN "Candidate" c ON c."id" = m."candidateId"
    WHERE m."id" = ${matchId} AND c."jobcentreId" = ${jobcentreId}
    FOR UPDATE OF m`;
  return rows[0] ?? null;
}

export async function setMatchStatus(tx: Tx, matchId: string, status: PipelineStatus, at: Date): Promise<void> {
  await tx.match.update({ where: { id: matchId }, data: { status, statusChangedAt: at } });
}

export async function createStatusChange(
  tx: Tx,
  change: { matchId: string; fromStatus: PipelineStatus; toStatus: PipelineStatus; note: string | null; byUserId: string | null; at: Date },
): Promise<void> {
  await tx.matchStatusChange.create({ data: change });
}

/**
 * The vacancy, when the jobcentre serves its company or brokers one of its own
 * candidates to it (a workplace across the municipal border is common).
 */
export async function findServedVacancy(db: Db, jobcentreId: string, vacancyId: string) {
  return db.vacancy.findFirst({
    where: { id: vacancyId, OR: [{ organisation: { servedById: jobcentreId } }, { matches: { some: { candidate: { jobcentreId } } } }] },
    select: {
      id: true,
      title: true,
      description: true,
      status: true,
      postalCode: true,
      city: true,
      startDate: true,
      hoursPerWeek: true,
      positions: true,
      requiresDrivingLicence: true,
      acceptsUpskilling: true,
      languages: true,
      organisation: { select: { id: true, name: true } },
      skills: { select: { requirement: true, skill: { select: { id: true, labelDa: true, labelEn: true } } } },
    },
  });
}

/**
 * The vacancy's matches of the jobcentre's own candidates (pseudonyms only),
 * with their course offerings and history. Matches the matcher no longer finds
 * stay once someone has worked them.
 */
export async function findPipelineMatches(db: Db, jobcentreId: string, vacancyId: string) {
  return db.match.findMany({
    where: { vacancyId, candidate: { jobcentreId }, OR: [{ current: true }, { status: { not: "SUGGESTED" } }] },
    orderBy: [{ score: "desc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      kind: true,
      score: true,
      status: true,
      current: true,
      statusChangedAt: true,
      candidate: { select: { id: true, pseudonym: true } },
      offerings: {
        select: {
          offering: {
            select: {
              id: true,
              startDate: true,
              endDate: true,
              seats: true,
              online: true,
              city: true,
              cancelledAt: true,
              course: { select: { title: true } },
              _count: { select: { reservations: { where: { status: "RESERVED" } } } },
            },
          },
        },
      },
      reservations: { where: { status: "RESERVED" }, select: { offeringId: true } },
      statusChanges: {
        orderBy: [{ at: "asc" }, { id: "asc" }],
        select: { id: true, fromStatus: true, toStatus: true, note: true, at: true, byUser: { select: { name: true } } },
      },
    },
  });
}
