// The queries behind outcomes and seat reservations (service.server.ts). Reads
// are scoped by the jobcentre, directly or through the candidate it holds;
// writes come after the service has checked the candidate is the jobcentre's.
import type { Prisma } from "~/generated/prisma/client";
import type { OutcomeKind } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

export interface OutcomeFilters {
  kind?: OutcomeKind;
  from?: Date;
  to?: Date;
}

export async function lockOffering(tx: Tx, offeringId: string): Promise<{ id: string; seats: number; cancelledAt: Date | null } | null> {
  // The row lock serialises reservations on one offering: the seat count
  // (countReservedSeats) is read only after any concurrent reservation has
  // committed or rolled back.
  const rows = await tx.$queryRaw<{ id: string; seats: number; cancelledAt: Date | null }[]>`
    SELECT "id", "seats", "cancelledAt" FROM "CourseOffering" WHERE "id" = ${offeringId} FOR UPDATE`;
  return rows[0] ?? null;
}

/** True when the matcher proposed this offering for the match (its upskilling path). */
export async function isOfferingOnMatchPath(db: Client, matchId: string, offeringId: string): Promise<boolean> {
  return (await db.matchOffering.count({ where: { matchId, offeringId } })) > 0;
}

export async function findReservation(db: Client, offeringId: string, candidateId: string) {
  return db.seatReservation.findUnique({ where: { offeringId_candidateId: { offeringId, candidateId } }, select: { id: true, status: true } });
}

export async function countReservedSeats(db: Client, offeringId: string): Promise<number> {
  return db.seatReservation.count({ where: { offeringId, status: "RESERVED" } });
}

/** Any reservation of the candidate on the offering, whatever its status. */
export async function hasReservation(db: Client, offeringId: string, candidateId: string): Promise<boolean> {
  return (await db.seatReservation.count({ where: { offeringId, candidateId } })) > 0;
}

type ReservationData = { status: "RESERVED"; matchId: string; createdById: string | null };

export async function updateReservation(db: Client, id: string, data: ReservationData): Promise<{ id: string }> {
  return db.seatReservation.update({ where: { id }, data, select: { id: true } });
}

export async function createReservation(db: Client, data: ReservationData & { offeringId: string; candidateId: string }): Promise<{ id: string }> {
  return db.seatReservation.create({ data, select: { id: true } });
}

export async function createOutcome(db: Client, data: Prisma.OutcomeUncheckedCreateInput): Promise<{ id: string }> {
  return db.outcome.create({ data, select: { id: true } });
}

/** Whether the jobcentre already recorded this hire. */
export async function hireRecorded(db: Client, jobcentreId: string, candidateId: string, vacancyId: string): Promise<boolean> {
  return (await db.outcome.count({ where: { jobcentreId, candidateId, vacancyId, kind: "HIRED" } })) > 0;
}

/** True when the vacancy belongs to a company the jobcentre serves. */
export async function isServedVacancy(db: Client, jobcentreId: string, vacancyId: string): Promise<boolean> {
  return (await db.vacancy.count({ where: { id: vacancyId, organisation: { servedById: jobcentreId } } })) > 0;
}

function outcomeWhere(jobcentreId: string, filters: OutcomeFilters): Prisma.OutcomeWhereInput {
  return {
    jobcentreId,
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.from || filters.to ? { occurredOn: { ...(filters.from ? { gte: filters.from } : {}), ...(filters.to ? { lte: filters.to } : {}) } } : {}),
  };
}

export async function countOutcomes(db: Client, jobcentreId: string, filters: OutcomeFilters): Promise<number> {
  return db.outcome.count({ where: outcomeWhere(jobcentreId, filters) });
}

/** Newest first; the candidate by pseudonym only. */
export async function findOutcomes(db: Client, jobcentreId: string, filters: OutcomeFilters, page: { skip: number; take: number }) {
  return db.outcome.findMany({
    where: outcomeWhere(jobcentreId, filters),
    orderBy: [{ occurredOn: "desc" }, { createdAt: "desc" }],
    skip: page.skip,
    take: page.take,
    select: {
      id: true,
      kind: true,
      occurredOn: true,
      candidate: { select: { id: true, pseudonym: true } },
      vacancy: { select: { id: true, title: true, organisation: { select: { name: true } } } },
      offeringId: true,
      recordedBy: { select: { name: true } },
    },
  });
}

export async function findOfferingCourses(db: Client, offeringIds: string[]) {
  return db.courseOffering.findMany({ where: { id: { in: offeringIds } }, select: { id: true, startDate: true, course: { select: { title: true } } } });
}

/** The candidate's reserved seats, newest first, when the jobcentre holds the candidate. */
export async function findReservedSeats(db: Client, jobcentreId: string, candidateId: string) {
  return db.seatReservation.findMany({
    where: { candidateId, candidate: { jobcentreId }, status: "RESERVED" },
    orderBy: { createdAt: "desc" },
    select: { id: true, offeringId: true, offering: { select: { startDate: true, endDate: true, course: { select: { title: true } } } } },
  });
}

/** Of these offerings, the ones the jobcentre recorded the candidate as having completed. */
export async function findCompletedOfferingIds(db: Client, jobcentreId: string, candidateId: string, offeringIds: string[]): Promise<(string | null)[]> {
  const rows = await db.outcome.findMany({ where: { candidateId, jobcentreId, kind: "COURSE_COMPLETED", offeringId: { in: offeringIds } }, select: { offeringId: true } });
  return rows.map((o) => o.offeringId);
}

/** Vacancies of the companies the jobcentre serves, as a result may name them. */
export async function findServedVacancyChoices(db: Client, jobcentreId: string) {
  return db.vacancy.findMany({
    where: { organisation: { servedById: jobcentreId }, status: { in: ["OPEN", "PAUSED", "CLOSED"] } },
    orderBy: [{ title: "asc" }, { id: "asc" }],
    take: 300,
    select: { id: true, title: true, organisation: { select: { name: true } } },
  });
}
