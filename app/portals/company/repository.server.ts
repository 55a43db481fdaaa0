// The company portal's Prisma access: accounts and invitations, the home page's
// vacancy list, the wizard's occupation proposal and the match page's look-ups.
// Everything a company reads is scoped by its organisation id.
import type { Prisma } from "~/generated/prisma/client";
import type { MembershipRole, VacancyStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

// ── Accounts ─────────────────────────────────────────────────────────────────

/** Users whose e-mail equals the (normalised) address, ignoring case. */
export async function countUsersWithEmail(db: Client, normalisedEmail: string): Promise<number> {
  return db.user.count({ where: { email: { equals: normalisedEmail, mode: "insensitive" } } });
}

/** A user and their membership of the organisation, in one insert. */
export async function insertMember(
  tx: Tx,
  data: { organisationId: string; name: string; email: string; passwordHash: string; role: MembershipRole; locale: string },
): Promise<{ id: string }> {
  return tx.user.create({
    data: {
      email: data.email,
      name: data.name,
      passwordHash: data.passwordHash,
      locale: data.locale,
      memberships: { create: { organisationId: data.organisationId, role: data.role } },
    },
    select: { id: true },
  });
}

export async function findOrganisationByCvr(tx: Client, cvr: string): Promise<{ id: string } | null> {
  return tx.organisation.findUnique({ where: { cvr }, select: { id: true } });
}

export async function findMunicipalityOfPostalCode(tx: Client, postalCode: string): Promise<{ municipalityCode: string | null } | null> {
  return tx.postalCode.findUnique({ where: { code: postalCode }, select: { municipalityCode: true } });
}

/** The jobcentre that serves the municipality, if there is one. */
export async function findJobcentreOfMunicipality(tx: Client, municipalityCode: string): Promise<{ id: string } | null> {
  return tx.organisation.findFirst({ where: { kind: "JOBCENTRE", municipalityCode }, select: { id: true } });
}

export async function insertCompany(
  tx: Tx,
  data: { name: string; cvr: string; street: string; postalCode: string; city: string; latitude: number; longitude: number; servedById: string | null },
): Promise<{ id: string }> {
  return tx.organisation.create({ data: { kind: "COMPANY", ...data }, select: { id: true } });
}

/** The company's own postal code, the wizard's default place of work. */
export async function findCompanyPostalCode(db: Client, organisationId: string): Promise<string | null> {
  const company = await db.organisation.findUnique({ where: { id: organisationId }, select: { postalCode: true } });
  return company?.postalCode ?? null;
}

// ── Invitations and members ──────────────────────────────────────────────────

export async function insertInvitation(
  db: Client,
  data: { organisationId: string; email: string; role: MembershipRole; tokenHash: string; invitedById: string; createdAt: Date; expiresAt: Date },
): Promise<{ id: string; expiresAt: Date }> {
  return db.invitation.create({ data, select: { id: true, expiresAt: true } });
}

/** Revokes the organisation's invitation unless it has been accepted. */
export async function revokeUnacceptedInvitation(db: Client, organisationId: string, id: string, at: Date): Promise<void> {
  await db.invitation.updateMany({ where: { id, organisationId, acceptedAt: null }, data: { revokedAt: at } });
}

/** Invitations neither accepted, revoked nor expired, newest first. */
export async function listPendingInvitationsOf(db: Client, organisationId: string, now: Date): Promise<{ id: string; email: string; expiresAt: Date }[]> {
  return db.invitation.findMany({
    where: { organisationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, expiresAt: true },
    orderBy: { createdAt: "desc" },
  });
}

export async function findInvitationByTokenHash(db: Client, tokenHash: string) {
  return db.invitation.findUnique({
    where: { tokenHash },
    select: { id: true, email: true, expiresAt: true, acceptedAt: true, revokedAt: true, organisation: { select: { name: true } } },
  });
}

/** Marks a usable invitation accepted; whether this call did (only one concurrent claim can). */
export async function claimInvitation(tx: Tx, tokenHash: string, now: Date): Promise<boolean> {
  const claimed = await tx.invitation.updateMany({
    where: { tokenHash, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
    data: { acceptedAt: now },
  });
  return claimed.count === 1;
}

/** What a claimed invitation grants; it exists, as the caller has just claimed it. */
export async function getClaimedInvitation(tx: Tx, tokenHash: string): Promise<{ organisationId: string; email: string; role: MembershipRole }> {
  return tx.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { organisationId: true, email: true, role: true } });
}

export async function listMembershipsOf(db: Client, organisationId: string) {
  return db.membership.findMany({
    where: { organisationId },
    select: { role: true, user: { select: { id: true, name: true, email: true, disabledAt: true } } },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  });
}

// ── Vacancies and matches ────────────────────────────────────────────────────

export interface CompanyVacancyCountRow {
  id: string;
  title: string;
  status: VacancyStatus;
  startDate: Date;
  currentMatches: number;
}

export async function listVacanciesWithMatchCounts(db: Client, companyId: string): Promise<CompanyVacancyCountRow[]> {
  const rows = await db.vacancy.findMany({
    where: { organisationId: companyId },
    select: {
      id: true,
      title: true,
      status: true,
      startDate: true,
      _count: { select: { matches: { where: { current: true } } } },
    },
    // Enum order (draft, open, paused, closed): live work first, then by start date.
    orderBy: [{ status: "asc" }, { startDate: "asc" }, { title: "asc" }],
    take: 200,
  });
  return rows.map(({ _count, ...row }) => ({ ...row, currentMatches: _count.matches }));
}

/** Per vacancy of the company: its current matches not yet seen (Match.isNew). */
export async function countNewMatchesByVacancy(db: Client, companyId: string): Promise<Map<string, number>> {
  const groups = await db.match.groupBy({
    by: ["vacancyId"],
    where: { current: true, isNew: true, vacancy: { organisationId: companyId } },
    _count: { _all: true },
  });
  return new Map(groups.map((g) => [g.vacancyId, g._count._all]));
}

export async function companyOwnsVacancy(db: Client, organisationId: string, vacancyId: string): Promise<boolean> {
  return (await db.vacancy.findFirst({ where: { id: vacancyId, organisationId }, select: { id: true } })) !== null;
}

/** The candidate behind each of the vacancy's matches among `matchIds`. */
export async function listCandidatesOfMatches(db: Client, vacancyId: string, matchIds: readonly string[]): Promise<{ id: string; candidateId: string }[]> {
  return db.match.findMany({ where: { vacancyId, id: { in: [...matchIds] } }, select: { id: true, candidateId: true } });
}

// ── The vacancy wizard ───────────────────────────────────────────────────────

/** An occupation with its ESCO skills (essential and optional). */
export async function findOccupationWithSkills(db: Client, occupationId: string) {
  return db.occupation.findUnique({
    where: { id: occupationId },
    select: {
      id: true,
      labelEn: true,
      labelDa: true,
      skills: { select: { relation: true, skill: { select: { id: true, labelEn: true, labelDa: true } } } },
    },
  });
}
