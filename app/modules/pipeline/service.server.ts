// The match pipeline a consultant works for each vacancy: SUGGESTED →
// SHORTLISTED → CONTACTED → INTERVIEW → HIRED (or REJECTED at any point).
// Every move is one transaction holding the new status, its MatchStatusChange
// row and, for HIRED, the Outcome that counts in the jobcentre's figures.
// A jobcentre sees and moves only matches of its own candidates; anything
// else answers 404.
import type { Prisma } from "~/generated/prisma/client";
import type { PipelineStatus } from "~/generated/prisma/enums";
import { NotFoundError } from "~/lib/errors";
import { danishToday } from "~/modules/outcomes/today";
import type { Db } from "~/lib/db.server";

type Tx = Prisma.TransactionClient;

export interface PipelineActor {
  organisationId: string;
  userId: string | null;
}

export const PIPELINE_ORDER = ["SUGGESTED", "SHORTLISTED", "CONTACTED", "INTERVIEW", "HIRED", "REJECTED"] as const satisfies readonly PipelineStatus[];

interface LockedMatch {
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

/**
 * Moves a locked match inside the caller's transaction (also used by the
 * introductions broker). Moving to the status it already has changes nothing.
 */
export async function moveLockedMatch(tx: Tx, actor: PipelineActor, match: LockedMatch, to: PipelineStatus, note?: string | null): Promise<boolean> {
  if (match.status === to) return false;
  const now = new Date();
  await tx.match.update({ where: { id: match.id }, data: { status: to, statusChangedAt: now } });
  await tx.matchStatusChange.create({
    data: { matchId: match.id, fromStatus: match.status, toStatus: to, note: note?.trim() || null, byUserId: actor.userId, at: now },
  });
  if (to === "HIRED") {
    // One hire per person and vacancy, however often the match goes back and forth.
    const already = await tx.outcome.count({ where: { jobcentreId: actor.organisationId, candidateId: match.candidateId, vacancyId: match.vacancyId, kind: "HIRED" } });
    if (already === 0) {
      await tx.outcome.create({
        data: {
          jobcentreId: actor.organisationId,
          candidateId: match.candidateId,
          vacancyId: match.vacancyId,
          kind: "HIRED",
          occurredOn: danishToday(now),
          recordedById: actor.userId,
        },
      });
    }
  }
  match.status = to;
  return true;
}

export async function moveMatch(db: Db, actor: PipelineActor, matchId: string, to: PipelineStatus, note?: string | null): Promise<{ changed: boolean; vacancyId: string }> {
  return db.$transaction(async (tx) => {
    const match = await lockOwnMatch(tx, actor.organisationId, matchId);
    if (!match) throw new NotFoundError("Match");
    const changed = await moveLockedMatch(tx, actor, match, to, note);
    return { changed, vacancyId: match.vacancyId };
  });
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
 * The pipeline of one vacancy: the jobcentre's own candidates only (pseudonyms;
 * names stay on the audited profile), with each match's history. Matches the
 * matcher no longer finds stay visible once someone has worked them.
 */
export async function readPipeline(db: Db, jobcentreId: string, vacancyId: string) {
  const vacancy = await findServedVacancy(db, jobcentreId, vacancyId);
  if (!vacancy) throw new NotFoundError("Vacancy");
  const matches = await db.match.findMany({
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
  return {
    vacancy,
    matches: matches.map((m) => ({
      id: m.id,
      kind: m.kind,
      score: m.score,
      status: m.status,
      current: m.current,
      candidate: m.candidate,
      offerings: m.offerings.map(({ offering: o }) => ({
        id: o.id,
        courseTitle: o.course.title,
        startDate: o.startDate.toISOString(),
        endDate: o.endDate.toISOString(),
        online: o.online,
        city: o.city,
        cancelled: o.cancelledAt !== null,
        seatsLeft: Math.max(0, o.seats - o._count.reservations),
        reserved: m.reservations.some((r) => r.offeringId === o.id),
      })),
      history: m.statusChanges.map((c) => ({ id: c.id, from: c.fromStatus, to: c.toStatus, note: c.note, at: c.at.toISOString(), by: c.byUser?.name ?? null })),
    })),
  };
}
