// The only Prisma access for logging in and loading the logged-in user. Selects
// are explicit: a password hash never leaves this file except to be verified.
import type { Db } from "~/utils/db.server";
import type { MembershipRole, OrganisationKind } from "~/generated/prisma/client";

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
