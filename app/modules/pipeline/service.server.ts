// The match pipeline a consultant works for each vacancy: SUGGESTED →
// SHORTLISTED → CONTACTED → INTERVIEW → HIRED (or REJECTED at any point).
// Every move is one transaction holding the new status, its MatchStatusChange
// row and, for HIRED, the Outcome that counts in the jobcentre's figures.
// A jobcentre sees and moves only matches of its own candidates; anything
// else answers 404.
import type { Prisma } from "~/generated/prisma/client";
import type { PipelineStatus } from "~/generated/prisma/enums";
import { NotFoundError } from "~/lib/errors";
import { createOutcome, hireRecorded } from "~/modules/outcomes/repository.server";
import { danishToday } from "~/modules/outcomes/today";
import type { Db } from "~/lib/db.server";
import { createStatusChange, findPipelineMatches, findServedVacancy, lockOwnMatch, setMatchStatus, type LockedMatch } from "./repository.server";

// The introductions broker locks and moves matches inside its own transactions.
export { lockOwnMatch };

type Tx = Prisma.TransactionClient;

export interface PipelineActor {
  organisationId: string;
  userId: string | null;
}

export const PIPELINE_ORDER = ["SUGGESTED", "SHORTLISTED", "CONTACTED", "INTERVIEW", "HIRED", "REJECTED"] as const satisfies readonly PipelineStatus[];

/**
 * Moves a locked match inside the caller's transaction (also used by the
 * introductions broker). Moving to the status it already has changes nothing.
 */
export async function moveLockedMatch(tx: Tx, actor: PipelineActor, match: LockedMatch, to: PipelineStatus, note?: string | null): Promise<boolean> {
  if (match.status === to) return false;
  const now = new Date();
  await setMatchStatus(tx, match.id, to, now);
  await createStatusChange(tx, { matchId: match.id, fromStatus: match.status, toStatus: to, note: note?.trim() || null, byUserId: actor.userId, at: now });
  // One hire per person and vacancy, however often the match goes back and forth.
  if (to === "HIRED" && !(await hireRecorded(tx, actor.organisationId, match.candidateId, match.vacancyId))) {
    await createOutcome(tx, {
      jobcentreId: actor.organisationId,
      candidateId: match.candidateId,
      vacancyId: match.vacancyId,
      kind: "HIRED",
      occurredOn: danishToday(now),
      recordedById: actor.userId,
    });
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
 * The pipeline of one vacancy: the jobcentre's own candidates only (pseudonyms;
 * names stay on the audited profile), with each match's history. Matches the
 * matcher no longer finds stay visible once someone has worked them.
 */
export async function readPipeline(db: Db, jobcentreId: string, vacancyId: string) {
  const vacancy = await findServedVacancy(db, jobcentreId, vacancyId);
  if (!vacancy) throw new NotFoundError("Vacancy");
  const matches = await findPipelineMatches(db, jobcentreId, vacancyId);
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

export type VacancyPipeline = Awaited<ReturnType<typeof readPipeline>>;
