// Results a jobcentre records: seats reserved on course offerings (ENROLLED),
// courses completed and hires. Everything is scoped by the jobcentre that holds
// the candidate; another jobcentre's candidate answers 404.
import type { Prisma } from "~/generated/prisma/client";
import type { OutcomeKind } from "~/generated/prisma/enums";
import { ConflictError, InvalidInputError, NotFoundError } from "~/lib/errors";
import { lockOwnMatch } from "~/modules/pipeline/service.server";
import type { Db } from "~/lib/db.server";
import { danishToday } from "./today";

type Tx = Prisma.TransactionClient;

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

async function lockOffering(tx: Tx, offeringId: string) {
  // The row lock serialises reservations on one offering: the seat count below
  // is read only after any concurrent reservation has committed or rolled back.
  const rows = await tx.$queryRaw<{ id: string; seats: number; cancelledAt: Date | null }[]>`
    SELECT "id", "seats", "cancelledAt" FROM "CourseOffering" WHERE "id" = ${offeringId} FOR UPDATE`;
  return rows[0] ?? null;
}

/**
 * Reserves a seat for the match's candidate on one of the offerings of its
 * upskilling path, and records the ENROLLED outcome in the same transaction.
 */
export async function reserveSeat(db: Db, actor: OutcomeActor, matchId: string, offeringId: string) {
  return db.$transaction(async (tx) => {
    const match = await lockOwnMatch(tx, actor.organisationId, matchId);
    if (!match) throw new NotFoundError("Match");
    // Only offerings the matcher proposed for this match: never an arbitrary one.
    const onPath = await tx.matchOffering.count({ where: { matchId, offeringId } });
    if (onPath === 0) throw new InvalidInputError({ offeringId: RESERVATION_ERRORS.notOffered });
    const offering = await lockOffering(tx, offeringId);
    if (!offering) throw new InvalidInputError({ offeringId: RESERVATION_ERRORS.notOffered });
    if (offering.cancelledAt) throw new ConflictError(RESERVATION_ERRORS.cancelled, { offeringId: RESERVATION_ERRORS.cancelled });

    const existing = await tx.seatReservation.findUnique({ where: { offeringId_candidateId: { offeringId, candidateId: match.candidateId } }, select: { id: true, status: true } });
    if (existing?.status === "RESERVED") throw new ConflictError(RESERVATION_ERRORS.already, { offeringId: RESERVATION_ERRORS.already });
    const taken = await tx.seatReservation.count({ where: { offeringId, status: "RESERVED" } });
    if (taken >= offering.seats) throw new ConflictError(RESERVATION_ERRORS.full, { offeringId: RESERVATION_ERRORS.full });

    const data = { status: "RESERVED" as const, matchId, createdById: actor.userId };
    const reservation = existing
      ? await tx.seatReservation.update({ where: { id: existing.id }, data, select: { id: true } })
      : await tx.seatReservation.create({ data: { ...data, offeringId, candidateId: match.candidateId }, select: { id: true } });
    await tx.outcome.create({
      data: {
        jobcentreId: actor.organisationId,
        candidateId: match.candidateId,
        vacancyId: match.vacancyId,
        offeringId,
        kind: "ENROLLED",
        occurredOn: danishToday(),
        recordedById: actor.userId,
      },
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
    const candidate = await tx.candidate.count({ where: { id: input.candidateId, jobcentreId: actor.organisationId } });
    if (candidate === 0) throw new NotFoundError("Candidate");
    const fields: Record<string, string> = {};
    if (input.vacancyId) {
      const served = await tx.vacancy.count({ where: { id: input.vacancyId, organisation: { servedById: actor.organisationId } } });
      if (served === 0) fields.vacancyId = "consultant.outcomes.errors.unknownVacancy";
    }
    if (input.offeringId) {
      const reserved = await tx.seatReservation.count({ where: { offeringId: input.offeringId, candidateId: input.candidateId } });
      if (reserved === 0) fields.offeringId = "consultant.outcomes.errors.unknownOffering";
    }
    if (Object.keys(fields).length) throw new InvalidInputError(fields);
    return tx.outcome.create({
      data: {
        jobcentreId: actor.organisationId,
        candidateId: input.candidateId,
        vacancyId: input.vacancyId ?? null,
        offeringId: input.offeringId ?? null,
        kind: input.kind,
        occurredOn: input.occurredOn,
        recordedById: actor.userId,
      },
      select: { id: true },
    });
  });
}

export interface OutcomeFilters {
  kind?: OutcomeKind;
  from?: Date;
  to?: Date;
}

export const OUTCOME_PAGE_SIZE = 50;

/** Outcomes with pseudonyms, not names: the list is not an audited read of personal data. */
export async function listOutcomes(db: Db, jobcentreId: string, filters: OutcomeFilters, page = 1) {
  const where: Prisma.OutcomeWhereInput = {
    jobcentreId,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.from || filters.to ? { occurredOn: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.outcome.count({ where }),
    db.outcome.findMany({
      where,
      orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
      skip: (page - 1) * OUTCOME_PAGE_SIZE,
      take: OUTCOME_PAGE_SIZE,
      select: {
        id: true,
        kind: true,
        occurredOn: true,
        candidate: { select: { id: true, pseudonym: true } },
        vacancy: { select: { id: true, title: true, organisation: { select: { name: true } } } },
        offeringId: true,
        recordedBy: { select: { name: true } },
      },
    }),
  ]);
  const offeringIds = [...new Set(rows.flatMap((r) => (r.offeringId ? [r.offeringId] : [])))];
  const offerings = offeringIds.length
    ? await db.courseOffering.findMany({ where: { id: { in: offeringIds } }, select: { id: true, startDate: true, course: { select: { title: true } } } })
    : [];
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
  const rows = await db.seatReservation.findMany({
    where: { candidateId, candidate: { jobcentreId }, status: "RESERVED" },
    orderBy: { createdAt: "desc" },
    select: { id: true, offeringId: true, offering: { select: { startDate: true, endDate: true, course: { select: { title: true } } } } },
  });
  const completed = new Set(
    (await db.outcome.findMany({ where: { candidateId, jobcentreId, kind: "COURSE_COMPLETED", offeringId: { in: rows.map((r) => r.offeringId) } }, select: { offeringId: true } })).map((o) => o.offeringId),
  );
  return rows.map((r) => ({
    id: r.id,
    offeringId: r.offeringId,
    courseTitle: r.offering.course.title,
    startDate: r.offering.startDate.toISOString(),
    endDate: r.offering.endDate.toISOString(),
    completed: completed.has(r.offeringId),
  }));
}
