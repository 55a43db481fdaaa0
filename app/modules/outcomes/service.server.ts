// Results a jobcentre records: seats reserved on course offerings (ENROLLED),
// courses completed and hires. Everything is scoped by the jobcentre that holds
// the candidate; another jobcentre's candidate answers 404.
import type { OutcomeKind } from "~/generated/prisma/enums";
import { ConflictError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { candidateExists } from "~/modules/candidates/repository.server";
import { lockOwnMatch } from "~/modules/pipeline/repository.server";
import type { Db } from "~/lib/db.server";
import {
  countOutcomes,
  countReservedSeats,
  createOutcome,
  createReservation,
  findCompletedOfferingIds,
  findOfferingCourses,
  findOutcomes,
  findReservation,
  findReservedSeats,
  findServedVacancyChoices,
  hasReservation,
  isOfferingOnMatchPath,
  isServedVacancy,
  lockOffering,
  updateReservation,
  type OutcomeFilters,
} from "./repository.server";
import { danishToday } from "./today";

export type { OutcomeFilters };

export interface OutcomeActor {
  organisationId: string;
  userId: string | null;
}

/** Error messages are translation keys: the portal shows them as they are. */
export const RESERVATION_ERRORS = {
  notOffered: "consultant.reservation.errors.notOffered",
  full: "consultant.reservation.errors.full",
  cancelled: "consultant.reservation.errors.cancelled",
  already: "consultant.reservation.errors.already",
} as const;

/**
 * Reserves a seat for the match's candidate on one of the offerings of its
 * upskilling path, and records the ENROLLED outcome in the same transaction.
 */
export async function reserveSeat(db: Db, actor: OutcomeActor, matchId: string, offeringId: string) {
  return db.$transaction(async (tx) => {
    const match = await lockOwnMatch(tx, actor.organisationId, matchId);
    if (!match) throw new NotFoundError("Match");
    // Only offerings the matcher proposed for this match: never an arbitrary one.
    if (!(await isOfferingOnMatchPath(tx, matchId, offeringId))) throw new InvalidInputError({ offeringId: RESERVATION_ERRORS.notOffered });
    const offering = await lockOffering(tx, offeringId);
    if (!offering) throw new InvalidInputError({ offeringId: RESERVATION_ERRORS.notOffered });
    if (offering.cancelledAt) throw new ConflictError(RESERVATION_ERRORS.cancelled, { offeringId: RESERVATION_ERRORS.cancelled });

    const existing = await findReservation(tx, offeringId, match.candidateId);
    if (existing?.status === "RESERVED") throw new ConflictError(RESERVATION_ERRORS.already, { offeringId: RESERVATION_ERRORS.already });
    const taken = await countReservedSeats(tx, offeringId);
    if (taken >= offering.seats) throw new ConflictError(RESERVATION_ERRORS.full, { offeringId: RESERVATION_ERRORS.full });

    const data = { status: "RESERVED" as const, matchId, createdById: actor.userId };
    const reservation = existing
      ? await updateReservation(tx, existing.id, data)
      : await createReservation(tx, { ...data, offeringId, candidateId: match.candidateId });
    await createOutcome(tx, {
      jobcentreId: actor.organisationId,
      candidateId: match.candidateId,
      vacancyId: match.vacancyId,
      offeringId,
      kind: "ENROLLED",
      occurredOn: danishToday(),
      recordedById: actor.userId,
    });
    return { reservationId: reservation.id, vacancyId: match.vacancyId, candidateId: match.candidateId };
  });
}

export interface OutcomeInput {
  kind: OutcomeKind;
  candidateId: string;
  occurredOn: Date;
  vacancyId?: string | null;
  offeringId?: string | null;
}

/** A result recorded by hand (e.g. a course completed, a hire found outside Jobbro). */
export async function recordOutcome(db: Db, actor: OutcomeActor, input: OutcomeInput) {
  return db.$transaction(async (tx) => {
    if (!(await candidateExists(tx, actor.organisationId, input.candidateId))) throw new NotFoundError("Candidate");
    const fields: Record<string, string> = {};
    if (input.vacancyId && !(await isServedVacancy(tx, actor.organisationId, input.vacancyId))) fields.vacancyId = "consultant.outcomes.errors.unknownVacancy";
    if (input.offeringId && !(await hasReservation(tx, input.offeringId, input.candidateId))) fields.offeringId = "consultant.outcomes.errors.unknownOffering";
    if (Object.keys(fields).length) throw new InvalidInputError(fields);
    return createOutcome(tx, {
      jobcentreId: actor.organisationId,
      candidateId: input.candidateId,
      vacancyId: input.vacancyId ?? null,
      offeringId: input.offeringId ?? null,
      kind: input.kind,
      occurredOn: input.occurredOn,
      recordedById: actor.userId,
    });
  });
}

export const OUTCOME_PAGE_SIZE = 50;

/** Outcomes with pseudonyms, not names: the list is not an audited read of personal data. */
export async function listOutcomes(db: Db, jobcentreId: string, filters: OutcomeFilters, page = 1) {
  const [total, rows] = await Promise.all([
    countOutcomes(db, jobcentreId, filters),
    findOutcomes(db, jobcentreId, filters, { skip: (page - 1) * OUTCOME_PAGE_SIZE, take: OUTCOME_PAGE_SIZE }),
  ]);
  const offeringIds = [...new Set(rows.flatMap((r) => (r.offeringId ? [r.offeringId] : [])))];
  const offerings = offeringIds.length ? await findOfferingCourses(db, offeringIds) : [];
  const byId = new Map(offerings.map((o) => [o.id, o]));
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      occurredOn: r.occurredOn.toISOString(),
      candidate: r.candidate,
      vacancy: r.vacancy ? { id: r.vacancy.id, title: r.vacancy.title, company: r.vacancy.organisation.name } : null,
      course: r.offeringId && byId.get(r.offeringId) ? { title: byId.get(r.offeringId)!.course.title, startDate: byId.get(r.offeringId)!.startDate.toISOString() } : null,
      recordedBy: r.recordedBy?.name ?? null,
    })),
  };
}

/** A candidate's seat reservations, for recording a completed course on the profile. */
export async function listReservations(db: Db, jobcentreId: string, candidateId: string) {
  const rows = await findReservedSeats(db, jobcentreId, candidateId);
  const completed = new Set(await findCompletedOfferingIds(db, jobcentreId, candidateId, rows.map((r) => r.offeringId)));
  return rows.map((r) => ({
    id: r.id,
    offeringId: r.offeringId,
    courseTitle: r.offering.course.title,
    startDate: r.offering.startDate.toISOString(),
    endDate: r.offering.endDate.toISOString(),
    completed: completed.has(r.offeringId),
  }));
}

/** The vacancies a recorded result may name: those of the companies the jobcentre serves. */
export async function listOutcomeVacancies(db: Db, jobcentreId: string): Promise<{ id: string; label: string }[]> {
  const vacancies = await findServedVacancyChoices(db, jobcentreId);
  return vacancies.map((v) => ({ id: v.id, label: `${v.title} (${v.organisation.name})` }));
}
