// The only Prisma access for candidates, always scoped by the jobcentre that
// holds them. Personal data is selected only by the functions whose callers
// write an AuditEvent for it (see service.server.ts).
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

const consentSelect = {
  id: true,
  purpose: true,
  companyId: true,
  channel: true,
  givenAt: true,
  withdrawnAt: true,
} satisfies Prisma.ConsentSelect;

/** The profile a candidate, their consultant and the API all see (see toProfileFields in dto.ts). */
export const profileFieldsSelect = {
  id: true,
  pseudonym: true,
  firstName: true,
  lastName: true,
  email: true,
  phone: true,
  postalCode: true,
  city: true,
  commuteRadiusKm: true,
  availableFrom: true,
  status: true,
  hasDrivingLicence: true,
  languages: true,
  desiredHoursPerWeek: true,
} satisfies Prisma.CandidateSelect;

export const candidateSelect = {
  ...profileFieldsSelect,
  consultantId: true,
  createdAt: true,
  updatedAt: true,
  skills: { select: { skillId: true, skill: { select: { labelEn: true, labelDa: true } } }, orderBy: { skillId: "asc" } },
  occupations: { select: { occupationId: true, years: true, occupation: { select: { labelEn: true, labelDa: true } } }, orderBy: { occupationId: "asc" } },
  consents: { select: consentSelect, orderBy: [{ givenAt: "asc" }, { id: "asc" }] },
} satisfies Prisma.CandidateSelect;

export type CandidateRow = Prisma.CandidateGetPayload<{ select: typeof candidateSelect }>;
export type ConsentRow = Prisma.ConsentGetPayload<{ select: typeof consentSelect }>;

/** No names or contact details: safe for lists without an audit row per person. */
const candidateSummarySelect = {
  id: true,
  pseudonym: true,
  status: true,
  postalCode: true,
  availableFrom: true,
  updatedAt: true,
} satisfies Prisma.CandidateSelect;

export type CandidateSummaryRow = Prisma.CandidateGetPayload<{ select: typeof candidateSummarySelect }>;

export async function findCandidate(db: Client, jobcentreId: string, id: string): Promise<CandidateRow | null> {
  return db.candidate.findFirst({ where: { id, jobcentreId }, select: candidateSelect });
}

export async function candidateExists(db: Client, jobcentreId: string, id: string): Promise<boolean> {
  return (await db.candidate.count({ where: { id, jobcentreId } })) === 1;
}

export async function listCandidateSummaries(db: Client, jobcentreId: string): Promise<CandidateSummaryRow[]> {
  return db.candidate.findMany({ where: { jobcentreId }, select: candidateSummarySelect, orderBy: [{ createdAt: "desc" }, { id: "asc" }], take: 500 });
}

/** The jobcentre's own candidate with this pseudonym (in any case) or id. */
export async function findCandidateIdByReference(db: Client, jobcentreId: string, reference: string): Promise<string | null> {
  const row = await db.candidate.findFirst({
    where: { jobcentreId, OR: [{ pseudonym: { equals: reference, mode: "insensitive" } }, { id: reference }] },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The companies the jobcentre serves plus the given ones (whoever serves those), by name. */
export async function findServedOrNamedCompanies(db: Client, jobcentreId: string, companyIds: string[]): Promise<{ id: string; name: string }[]> {
  return db.organisation.findMany({
    where: { kind: "COMPANY", OR: [{ servedById: jobcentreId }, { id: { in: companyIds } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

export async function pseudonymTaken(tx: Tx, pseudonym: string): Promise<boolean> {
  // Global on purpose: pseudonyms are unique across jobcentres.
  return (await tx.candidate.count({ where: { pseudonym } })) > 0;
}

export interface Experience {
  occupationId: string;
  years: number;
}

export async function insertCandidate(
  tx: Tx,
  data: Omit<Prisma.CandidateUncheckedCreateInput, "skills" | "occupations">,
  skillIds: string[],
  experience: Experience[] = [],
): Promise<CandidateRow> {
  return tx.candidate.create({
    data: { ...data, skills: { create: skillIds.map((skillId) => ({ skillId })) }, occupations: { create: experience } },
    select: candidateSelect,
  });
}

export async function updateCandidateRow(
  tx: Tx,
  jobcentreId: string,
  id: string,
  data: Prisma.CandidateUncheckedUpdateManyInput,
  skillIds?: string[],
  experience?: Experience[],
): Promise<CandidateRow> {
  const { count } = await tx.candidate.updateMany({ where: { id, jobcentreId }, data });
  if (count !== 1) throw new Error(`Candidate ${id} vanished during update`);
  if (skillIds) {
    await tx.candidateSkill.deleteMany({ where: { candidateId: id } });
    await tx.candidateSkill.createMany({ data: skillIds.map((skillId) => ({ candidateId: id, skillId })) });
  }
  if (experience) {
    await tx.candidateOccupation.deleteMany({ where: { candidateId: id } });
    await tx.candidateOccupation.createMany({ data: experience.map((e) => ({ candidateId: id, ...e })) });
  }
  return (await findCandidate(tx, jobcentreId, id))!;
}

export async function lockCandidate(tx: Tx, jobcentreId: string, id: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Candidate" WHERE "id" = ${id} AND "jobcentreId" = ${jobcentreId} FOR UPDATE`;
  return rows.length === 1;
}

export async function isMemberOf(tx: Client, organisationId: string, userId: string): Promise<boolean> {
  return (await tx.membership.count({ where: { organisationId, userId, user: { disabledAt: null } } })) === 1;
}

export async function isCompany(tx: Client, organisationId: string): Promise<boolean> {
  return (await tx.organisation.count({ where: { id: organisationId, kind: "COMPANY" } })) === 1;
}

export async function listConsents(db: Client, candidateId: string): Promise<ConsentRow[]> {
  return db.consent.findMany({ where: { candidateId }, select: consentSelect, orderBy: [{ givenAt: "asc" }, { id: "asc" }] });
}

export async function findActiveConsent(tx: Tx, candidateId: string, purpose: ConsentRow["purpose"], companyId: string | null): Promise<ConsentRow | null> {
  return tx.consent.findFirst({ where: { candidateId, purpose, companyId, withdrawnAt: null }, select: consentSelect });
}

export async function insertConsent(tx: Tx, data: Prisma.ConsentUncheckedCreateInput): Promise<ConsentRow> {
  return tx.consent.create({ data, select: consentSelect });
}

/** Scoped through the candidate, which the caller has already checked belongs to its jobcentre. */
export async function findConsent(tx: Tx, candidateId: string, consentId: string): Promise<ConsentRow | null> {
  return tx.consent.findFirst({ where: { id: consentId, candidateId }, select: consentSelect });
}

export async function markConsentWithdrawn(tx: Tx, consentId: string, at: Date): Promise<ConsentRow> {
  return tx.consent.update({ where: { id: consentId }, data: { withdrawnAt: at }, select: consentSelect });
}

export type AuditAction = "READ" | "CREATE" | "UPDATE";

export async function recordAudit(
  tx: Client,
  event: { actorOrgId: string; actorUserId?: string | null; candidateId: string; action: AuditAction; resource: string; reason: string },
): Promise<void> {
  await tx.auditEvent.create({ data: { ...event, actorUserId: event.actorUserId ?? null } });
}

/** Several events in one statement, e.g. one READ per candidate a list page shows. */
export async function recordAudits(
  tx: Client,
  events: { actorOrgId: string; actorUserId: string | null; candidateId: string; action: AuditAction; resource: string; reason: string }[],
): Promise<void> {
  await tx.auditEvent.createMany({ data: events });
}
