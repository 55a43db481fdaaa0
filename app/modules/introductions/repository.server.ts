// The only Prisma access for introductions (ContactRequest) and the reads and
// audit rows that revealing a candidate's contact details needs. A company's
// requests are scoped by its id, a jobcentre's by the candidates it holds.
import type { Prisma } from "~/generated/prisma/client";
import type { ContactRequestStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

// ── The company's side ───────────────────────────────────────────────────────

/** A current match of one of the company's vacancies (tenancy: the vacancy's organisation). */
export async function findCurrentMatchOfCompany(
  tx: Client,
  organisationId: string,
  vacancyId: string,
  matchId: string,
): Promise<{ id: string; candidateId: string } | null> {
  return tx.match.findFirst({
    where: { id: matchId, vacancyId, current: true, vacancy: { organisationId } },
    select: { id: true, candidateId: true },
  });
}

/** Holds until the transaction ends; concurrent asks for the same company, vacancy and candidate queue behind it. */
export async function lockRequestPair(tx: Tx, companyId: string, vacancyId: string, candidateId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`contact-request:${companyId}:${vacancyId}:${candidateId}`}))`;
}

/** The newest request about the pair whose status is one of `statuses`. */
export async function findLatestRequestOfPair(
  tx: Client,
  pair: { companyId: string; vacancyId: string; candidateId: string },
  statuses: readonly ContactRequestStatus[],
): Promise<{ id: string; status: ContactRequestStatus } | null> {
  return tx.contactRequest.findFirst({
    where: { companyId: pair.companyId, vacancyId: pair.vacancyId, candidateId: pair.candidateId, status: { in: [...statuses] } },
    select: { id: true, status: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function insertContactRequest(
  tx: Tx,
  data: { companyId: string; vacancyId: string; candidateId: string; matchId: string; requestedById: string | null; message: string },
): Promise<{ id: string; status: ContactRequestStatus }> {
  return tx.contactRequest.create({ data: { ...data, status: "OPEN" }, select: { id: true, status: true } });
}

/** Every request of the company about one vacancy, oldest first. */
export async function listRequestStatusesOfVacancy(
  db: Client,
  companyId: string,
  vacancyId: string,
): Promise<{ candidateId: string; status: ContactRequestStatus; createdAt: Date }[]> {
  return db.contactRequest.findMany({
    where: { companyId, vacancyId },
    select: { candidateId: true, status: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
}

/** The vacancy's matches (current or not) of the given candidates. */
export async function listMatchesOfCandidates(db: Client, vacancyId: string, candidateIds: readonly string[]): Promise<{ id: string; candidateId: string }[]> {
  return db.match.findMany({ where: { vacancyId, candidateId: { in: [...candidateIds] } }, select: { id: true, candidateId: true } });
}

/** The company's requests, newest first, with pseudonyms only. */
export async function listRequestsOfCompany(db: Client, companyId: string) {
  return db.contactRequest.findMany({
    where: { companyId },
    select: {
      id: true,
      status: true,
      createdAt: true,
      message: true,
      candidateId: true,
      candidate: { select: { pseudonym: true } },
      vacancy: { select: { id: true, title: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
}

// ── The jobcentre's side ─────────────────────────────────────────────────────

export interface LockedRequest {
  id: string;
  status: ContactRequestStatus;
  companyId: string;
  candidateId: string;
  matchId: string | null;
}

/** The request, row-locked until the transaction ends, if its candidate belongs to the jobcentre. */
export async function lockRequestOfJobcentre(tx: Tx, jobcentreId: string, requestId: string): Promise<LockedRequest | null> {
  const rows = await tx.$queryRaw<LockedRequest[]>`
    SELECT r."id", r."status"::text AS "status", r."companyId", r."candidateId", r."matchId"
    FROM "ContactRequest" r JOIN "Candidate" c ON c."id" = r."candidateId"
    WHERE r."id" = ${requestId} AND c."jobcentreId" = ${jobcentreId}
    FOR UPDATE OF r`;
  return rows[0] ?? null;
}

/** A consultant's decision on a request locked by lockRequestOfJobcentre. */
export async function recordRequestDecision(
  tx: Tx,
  requestId: string,
  data: {
    status: ContactRequestStatus;
    handledById: string | null;
    handledAt: Date;
    proposedAt?: Date;
    decidedAt?: Date;
    consentId?: string;
  },
): Promise<void> {
  await tx.contactRequest.update({ where: { id: requestId }, data });
}

/** The inbox of one status: requests about the jobcentre's candidates, oldest first, pseudonyms only. */
export async function listRequestsOfJobcentre(db: Client, jobcentreId: string, status: ContactRequestStatus) {
  return db.contactRequest.findMany({
    where: { status, candidate: { jobcentreId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
    select: {
      id: true,
      status: true,
      message: true,
      createdAt: true,
      proposedAt: true,
      decidedAt: true,
      company: { select: { id: true, name: true } },
      vacancy: { select: { id: true, title: true } },
      candidate: { select: { id: true, pseudonym: true } },
      requestedBy: { select: { name: true } },
      handledBy: { select: { name: true } },
    },
  });
}

export async function countRequestsOfJobcentreByStatus(db: Client, jobcentreId: string): Promise<{ status: ContactRequestStatus; count: number }[]> {
  const rows = await db.contactRequest.groupBy({ by: ["status"], where: { candidate: { jobcentreId } }, _count: { _all: true } });
  return rows.map((r) => ({ status: r.status, count: r._count._all }));
}

/** Closes the introductions still open on the consent; the number closed. */
export async function closeRequestsOfConsent(tx: Tx, consentId: string, statuses: readonly ContactRequestStatus[], at: Date): Promise<number> {
  const { count } = await tx.contactRequest.updateMany({
    where: { consentId, status: { in: [...statuses] } },
    data: { status: "CLOSED", handledAt: at },
  });
  return count;
}

// ── Revealing contact details ────────────────────────────────────────────────

/** The candidates' SHARE_WITH_COMPANY consents for this company, withdrawn ones included. */
export async function listShareConsentsForCompany(db: Client, candidateIds: readonly string[], companyId: string) {
  return db.consent.findMany({
    where: { candidateId: { in: [...candidateIds] }, purpose: "SHARE_WITH_COMPANY", companyId },
    select: { candidateId: true, purpose: true, companyId: true, givenAt: true, withdrawnAt: true },
  });
}

/** Names and contact details: callers write the audit rows in the same transaction. */
export async function listCandidateContacts(
  tx: Tx,
  candidateIds: readonly string[],
): Promise<{ id: string; firstName: string; lastName: string; email: string | null; phone: string | null }[]> {
  return tx.candidate.findMany({ where: { id: { in: [...candidateIds] } }, select: { id: true, firstName: true, lastName: true, email: true, phone: true } });
}

export async function recordContactReveals(tx: Tx, actor: { organisationId: string; userId: string | null }, candidateIds: readonly string[]): Promise<void> {
  await tx.auditEvent.createMany({
    data: candidateIds.map((candidateId) => ({
      actorOrgId: actor.organisationId,
      actorUserId: actor.userId,
      candidateId,
      action: "READ",
      resource: "candidate-contact",
      reason: "introduction",
    })),
  });
}
