// The Prisma access of the citizen's own page. The citizen is not a member of
// any organisation: every query here is scoped by the candidate id that a
// verified citizen link names (see link.server.ts), never by anything typed in.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { profileFieldsSelect } from "~/modules/candidates/repository.server";
import { CITIZEN_AUDIT_REASON } from "./audit-reason";

export { CITIZEN_AUDIT_REASON };

type Client = Db | Prisma.TransactionClient;

const insightSelect = {
  ...profileFieldsSelect,
  lastActivityAt: true,
  createdAt: true,
  updatedAt: true,
  jobcentre: { select: { name: true } },
  skills: { select: { skill: { select: { id: true, labelEn: true, labelDa: true } } }, orderBy: { skillId: "asc" } },
  consents: {
    select: { id: true, purpose: true, channel: true, givenAt: true, withdrawnAt: true, company: { select: { name: true } } },
    orderBy: [{ givenAt: "desc" }, { id: "asc" }],
  },
  matches: {
    select: {
      id: true,
      kind: true,
      score: true,
      status: true,
      current: true,
      createdAt: true,
      vacancy: { select: { title: true, organisation: { select: { name: true } } } },
    },
    orderBy: [{ current: "desc" }, { score: "desc" }, { id: "asc" }],
    take: 200,
  },
  contactRequests: {
    select: {
      id: true,
      status: true,
      createdAt: true,
      proposedAt: true,
      decidedAt: true,
      company: { select: { name: true } },
      vacancy: { select: { title: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
  },
} satisfies Prisma.CandidateSelect;

export type InsightRow = Prisma.CandidateGetPayload<{ select: typeof insightSelect }>;

export function findInsightRow(db: Client, candidateId: string): Promise<InsightRow | null> {
  return db.candidate.findUnique({ where: { id: candidateId }, select: insightSelect });
}

/** The citizen's own reads and changes: no user, no organisation. */
export async function recordCitizenAudit(db: Client, candidateId: string, action: "READ" | "UPDATE" | "CREATE", resource: string): Promise<void> {
  await db.auditEvent.create({ data: { candidateId, action, resource, reason: CITIZEN_AUDIT_REASON, actorUserId: null, actorOrgId: null } });
}

/** Global on purpose: the citizen does not know (and need not say) which jobcentre holds them. */
export async function candidateIdsWithEmail(db: Client, email: string): Promise<string[]> {
  const rows = await db.candidate.findMany({ where: { email: { equals: email, mode: "insensitive" } }, select: { id: true }, take: 10 });
  return rows.map((r) => r.id);
}

export async function lockCandidateRow(tx: Prisma.TransactionClient, candidateId: string): Promise<{ jobcentreId: string } | null> {
  const rows = await tx.$queryRaw<{ jobcentreId: string }[]>`SELECT "jobcentreId" FROM "Candidate" WHERE "id" = ${candidateId} FOR UPDATE`;
  return rows[0] ?? null;
}

export function pendingErasure(db: Client, candidateId: string) {
  return db.erasureRequest.findFirst({ where: { candidateId, status: "PENDING" }, select: { id: true, requestedAt: true } });
}

// ───────────── the citizen's decisions (callers hold the candidate row's lock) ─────────────

export function findCandidateConsent(tx: Client, candidateId: string, consentId: string): Promise<{ id: string; withdrawnAt: Date | null } | null> {
  return tx.consent.findFirst({ where: { id: consentId, candidateId }, select: { id: true, withdrawnAt: true } });
}

/** A consent of the candidate, as findCandidateConsent found it. */
export async function markConsentWithdrawn(tx: Client, consentId: string, at: Date): Promise<void> {
  await tx.consent.update({ where: { id: consentId }, data: { withdrawnAt: at }, select: { id: true } });
}

/** Locks the candidate's own contact request; null for anyone else's (or none). */
export async function lockCandidateContactRequest(tx: Prisma.TransactionClient, candidateId: string, requestId: string): Promise<{ id: string; status: string; companyId: string } | null> {
  const rows = await tx.$queryRaw<{ id: string; status: string; companyId: string }[]>`
    SELECT "id", "status"::text AS "status", "companyId" FROM "ContactRequest"
    WHERE "id" = ${requestId} AND "candidateId" = ${candidateId} FOR UPDATE`;
  return rows[0] ?? null;
}

export function findStandingCompanyConsent(tx: Client, candidateId: string, companyId: string): Promise<{ id: string } | null> {
  return tx.consent.findFirst({ where: { candidateId, purpose: "SHARE_WITH_COMPANY", companyId, withdrawnAt: null }, select: { id: true } });
}

/** Given by the citizen on their own page: channel DIGITAL, recorded by nobody on staff. */
export function insertCompanyConsentByCitizen(tx: Client, candidateId: string, companyId: string, givenAt: Date): Promise<{ id: string }> {
  return tx.consent.create({
    data: { candidateId, purpose: "SHARE_WITH_COMPANY", companyId, channel: "DIGITAL", givenAt, recordedById: null },
    select: { id: true },
  });
}

/** A request lockCandidateContactRequest returned. */
export async function markContactRequestAccepted(tx: Client, requestId: string, decidedAt: Date, consentId: string): Promise<void> {
  await tx.contactRequest.update({ where: { id: requestId }, data: { status: "ACCEPTED", decidedAt, consentId }, select: { id: true } });
}

/** A request lockCandidateContactRequest returned. */
export async function markContactRequestDeclined(tx: Client, requestId: string, decidedAt: Date): Promise<void> {
  await tx.contactRequest.update({ where: { id: requestId }, data: { status: "DECLINED", decidedAt }, select: { id: true } });
}

// ───────────── e-mails to the citizen ─────────────

export function findCandidateEmail(db: Client, candidateId: string): Promise<{ email: string | null } | null> {
  return db.candidate.findUnique({ where: { id: candidateId }, select: { email: true } });
}

/** What the mail asking the citizen about an introduction says, and to whom. */
export function findIntroductionForMail(db: Client, contactRequestId: string) {
  return db.contactRequest.findUnique({
    where: { id: contactRequestId },
    select: { status: true, candidateId: true, candidate: { select: { email: true } }, company: { select: { name: true } }, vacancy: { select: { title: true } } },
  });
}
