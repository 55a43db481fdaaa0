// The only Prisma access for logging in, sessions and loading the logged-in user.
// Selects are explicit: a password hash never leaves this file except to be verified.
import type { MembershipRole, OrganisationKind, Prisma } from "~/generated/prisma/client";
import { getDb, type Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

/**
 * The client the access guards read sessions with. requireUser(request) and
 * requireRole(request, kind) are called by every route without a database in
 * hand, so they use the process's own: the same one app/server puts in the
 * load context.
 */
export function guardDb(): Db {
  return getDb();
}

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  locale: string;
  membershipRole: MembershipRole;
  organisation: { id: string; name: string; kind: OrganisationKind };
}

export interface LoginCandidate {
  id: string;
  passwordHash: string | null;
  disabledAt: Date | null;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export async function findLoginCandidate(db: Db, email: string): Promise<LoginCandidate | null> {
  return db.user.findFirst({
    where: { email: { equals: normaliseEmail(email), mode: "insensitive" } },
    select: { id: true, passwordHash: true, disabledAt: true },
  });
}

/**
 * The user with the organisation they act for, or null when the user is
 * disabled or belongs to no organisation (such a user has nowhere to work).
 * A user in several organisations acts for the oldest membership until an
 * organisation switcher exists.
 */
export async function findSessionUser(db: Db, userId: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      email: true,
      locale: true,
      disabledAt: true,
      memberships: {
        select: { role: true, organisation: { select: { id: true, name: true, kind: true } } },
        orderBy: { createdAt: "asc" },
        take: 1,
      },
    },
  });
  const membership = user?.memberships[0];
  if (!user || user.disabledAt || !membership) return null;
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    membershipRole: membership.role,
    organisation: membership.organisation,
  };
}

export async function recordLogin(db: Db, userId: string, at: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { lastLoginAt: at }, select: { id: true } });
}

export async function setUserLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { locale }, select: { id: true } });
}

/** The user already linked to this single sign-on identity, if any. */
export async function findOidcUser(db: Db, issuer: string, subject: string): Promise<string | null> {
  const user = await db.user.findUnique({ where: { oidcIssuer_oidcSubject: { oidcIssuer: issuer, oidcSubject: subject } }, select: { id: true } });
  return user?.id ?? null;
}

/**
 * First single sign-on of a user: the provider's verified e-mail picks the
 * company user it belongs to, who is then linked for good (issuer + subject).
 * Only users of a company and not yet linked to another identity qualify.
 */
export async function linkOidcIdentity(db: Db, identity: { issuer: string; subject: string; email: string | null }): Promise<string | null> {
  if (!identity.email) return null;
  const user = await db.user.findFirst({
    where: {
      email: { equals: normaliseEmail(identity.email), mode: "insensitive" },
      oidcSubject: null,
      disabledAt: null,
      memberships: { some: { organisation: { kind: "COMPANY" } } },
    },
    select: { id: true },
  });
  if (!user) return null;
  // Conditional, so two simultaneous first logins cannot link two identities.
  const { count } = await db.user.updateMany({
    where: { id: user.id, oidcSubject: null },
    data: { oidcIssuer: identity.issuer, oidcSubject: identity.subject },
  });
  return count === 1 ? user.id : null;
}

export interface SessionRecord {
  id: string;
  userId: string;
  expiresAt: Date;
}

export interface SessionTimes extends SessionRecord {
  lastSeenAt: Date;
}

export async function insertSession(db: Db, data: SessionTimes & { createdAt: Date }): Promise<SessionRecord> {
  return db.session.create({ data, select: { id: true, userId: true, expiresAt: true } });
}

export async function findSession(db: Db, sessionId: string): Promise<SessionTimes | null> {
  return db.session.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, lastSeenAt: true, expiresAt: true },
  });
}

export async function touchSession(db: Db, sessionId: string, at: Date): Promise<void> {
  await db.session.update({ where: { id: sessionId }, data: { lastSeenAt: at }, select: { id: true } });
}

export async function deleteSessionById(db: Db, sessionId: string): Promise<void> {
  await db.session.deleteMany({ where: { id: sessionId } });
}

/** Every session of one user (disabling them, or an operator ending their sessions); the number deleted. */
export async function deleteSessionsOfUser(db: Client, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}

/** Sessions past their absolute end (`now`) or unused since `idleSince`; the number deleted. */
export async function deleteSessionsEnded(db: Db, now: Date, idleSince: Date): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { OR: [{ expiresAt: { lte: now } }, { lastSeenAt: { lte: idleSince } }] } });
  return count;
}
