// The only Prisma access for notifications and notification e-mail. Every read
// of a user's notifications is scoped by that user's id.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import type { CandidateEmailFacts } from "./consent";
import { NewMatchPayload, type MatchToNotify, type NotificationRow } from "./kinds";
import { notificationPath, type NotificationView } from "./render";

/** A Prisma client or an interactive transaction. */
export type Tx = Db | Prisma.TransactionClient;

// ───────────── new matches → in-app notifications ─────────────

/**
 * Locks up to `limit` current, new, not yet notified matches. Near misses are
 * not announced (they are for a consultant to weigh, not news); one that later
 * becomes a full or upskilling match is announced then. SKIP LOCKED lets
 * any number of sweeps run at once (several worker processes, a retry) without
 * waiting for or double-claiming each other's rows.
 */
export async function claimUnnotifiedMatches(tx: Prisma.TransactionClient, limit: number): Promise<MatchToNotify[]> {
  return tx.$queryRaw<MatchToNotify[]>`
    SELECT m."id", m."vacancyId", v."organisationId", c."consultantId"
    FROM "Match" m
    JOIN "Vacancy" v ON v."id" = m."vacancyId"
    JOIN "Candidate" c ON c."id" = m."candidateId"
    WHERE m."notifiedAt" IS NULL AND m."isNew" AND m."current" AND m."kind" <> 'NEAR_MISS'
    ORDER BY m."createdAt"
    LIMIT ${limit}
    FOR UPDATE OF m SKIP LOCKED`;
}

export async function membersOf(tx: Tx, organisationIds: string[]): Promise<Map<string, string[]>> {
  const rows = await tx.membership.findMany({ where: { organisationId: { in: organisationIds } }, select: { organisationId: true, userId: true } });
  const byOrganisation = new Map<string, string[]>();
  for (const row of rows) byOrganisation.set(row.organisationId, [...(byOrganisation.get(row.organisationId) ?? []), row.userId]);
  return byOrganisation;
}

export async function activeUserIds(tx: Tx, userIds: string[]): Promise<Set<string>> {
  const rows = await tx.user.findMany({ where: { id: { in: userIds }, disabledAt: null }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Inserts what is not there yet; the unique dedupeKey makes a second insert of the same notification a no-op. */
export async function insertNotifications(tx: Tx, rows: NotificationRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await tx.notification.createMany({ data: rows, skipDuplicates: true });
  return result.count;
}

export async function markMatchesNotified(tx: Tx, matchIds: string[]): Promise<void> {
  if (matchIds.length === 0) return;
  // Raw SQL on purpose: Prisma would also bump "updatedAt", which storeMatches
  // compares with its computation time; a notification is not a re-computation.
  await tx.$executeRaw`UPDATE "Match" SET "notifiedAt" = now() WHERE "id" = ANY(${matchIds}::text[])`;
}

// ───────────── reading notifications ─────────────

export interface StoredNotification {
  id: string;
  kind: string;
  payload: unknown;
  createdAt: Date;
  readAt: Date | null;
}

export async function listForUser(tx: Tx, userId: string, limit: number): Promise<StoredNotification[]> {
  return tx.notification.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    take: limit,
    select: { id: true, kind: true, payload: true, createdAt: true, readAt: true },
  });
}

/**
 * Resolves payload ids to what the text needs. By match id alone: the
 * notification was addressed to this reader when it was made, and only the
 * vacancy title and the candidate's pseudonym (never a name) are read.
 */
export async function resolveNotifications(tx: Tx, notifications: StoredNotification[]): Promise<NotificationView[]> {
  const payloads = notifications.map((n) => ({ n, payload: NewMatchPayload.safeParse(n.payload) }));
  const matchIds = payloads.flatMap((p) => (p.payload.success ? [p.payload.data.matchId] : []));
  const matches = await tx.match.findMany({
    where: { id: { in: matchIds } },
    select: { id: true, kind: true, vacancy: { select: { title: true } }, candidate: { select: { pseudonym: true } } },
  });
  const byId = new Map(matches.map((m) => [m.id, m]));
  return payloads.map(({ n, payload }) => {
    const base = { id: n.id, createdAt: n.createdAt, readAt: n.readAt, path: notificationPath(n.id) };
    const match = payload.success ? byId.get(payload.data.matchId) : undefined;
    if (n.kind !== "new-match" || !match) return { ...base, kind: "gone" as const };
    return { ...base, kind: "new-match" as const, vacancyTitle: match.vacancy.title, pseudonym: match.candidate.pseudonym, matchKind: match.kind };
  });
}

export function countUnread(tx: Tx, userId: string): Promise<number> {
  return tx.notification.count({ where: { userId, readAt: null } });
}

export async function markAllRead(tx: Tx, userId: string): Promise<number> {
  const result = await tx.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
  return result.count;
}

// ───────────── e-mail settings ─────────────

/** Opting out keeps the first opt-out time; opting in clears it. */
export async function setEmailOptOut(tx: Tx, userId: string, optOut: boolean): Promise<void> {
  if (optOut) await tx.user.updateMany({ where: { id: userId, emailOptOutAt: null }, data: { emailOptOutAt: new Date() } });
  else await tx.user.updateMany({ where: { id: userId }, data: { emailOptOutAt: null } });
}

export async function emailOptedOut(tx: Tx, userId: string): Promise<boolean> {
  const user = await tx.user.findUnique({ where: { id: userId }, select: { emailOptOutAt: true } });
  return user?.emailOptOutAt != null;
}

export interface MailRecipient {
  id: string;
  email: string;
  name: string;
  locale: string;
}

/** The user, if e-mail may go to them now (active and not opted out). */
export async function mailRecipient(tx: Tx, userId: string): Promise<MailRecipient | null> {
  return tx.user.findFirst({ where: { id: userId, disabledAt: null, emailOptOutAt: null }, select: { id: true, email: true, name: true, locale: true } });
}

// ───────────── digests ─────────────

/** Users with unread notifications since `since` that no e-mail has carried yet, and who take e-mail. */
export async function usersWithPendingEmail(tx: Tx, since: Date): Promise<string[]> {
  const rows = await tx.$queryRaw<{ userId: string }[]>`
    SELECT DISTINCT n."userId" FROM "Notification" n JOIN "User" u ON u."id" = n."userId"
    WHERE n."emailedAt" IS NULL AND n."readAt" IS NULL AND n."createdAt" > ${since}
      AND u."emailOptOutAt" IS NULL AND u."disabledAt" IS NULL
    ORDER BY n."userId"`;
  return rows.map((r) => r.userId);
}

/** Locks the user's un-e-mailed notifications; a concurrent digest for the same user skips them. */
export async function claimPendingEmail(tx: Prisma.TransactionClient, userId: string, since: Date, limit: number): Promise<StoredNotification[]> {
  return tx.$queryRaw<StoredNotification[]>`
    SELECT "id", "kind", "payload", "createdAt", "readAt" FROM "Notification"
    WHERE "userId" = ${userId} AND "emailedAt" IS NULL AND "readAt" IS NULL AND "createdAt" > ${since}
    ORDER BY "createdAt"
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}

export async function markEmailed(tx: Tx, notificationIds: string[]): Promise<void> {
  await tx.notification.updateMany({ where: { id: { in: notificationIds } }, data: { emailedAt: new Date() } });
}

/**
 * Reserves the digest of one period for one user. Returns false when it exists
 * already; a concurrent reservation waits on the unique index until the other
 * transaction commits (false) or rolls back (true).
 */
export async function reserveDigest(tx: Tx, key: { userId: string; kind: "NOTIFICATIONS" | "COURSE_DEMAND"; periodKey: string }, itemCount: number): Promise<boolean> {
  const result = await tx.emailDigest.createMany({ data: [{ ...key, itemCount }], skipDuplicates: true });
  return result.count === 1;
}

export async function recordDigestMessage(tx: Tx, key: { userId: string; kind: "NOTIFICATIONS" | "COURSE_DEMAND"; periodKey: string }, messageId: string): Promise<void> {
  await tx.emailDigest.update({ where: { userId_kind_periodKey: key }, data: { messageId } });
}

// ───────────── institutions' course demand ─────────────

/** Active, e-mail-taking members of institutions. */
export async function institutionMailUsers(tx: Tx): Promise<string[]> {
  const rows = await tx.user.findMany({
    where: { disabledAt: null, emailOptOutAt: null, memberships: { some: { organisation: { kind: "INSTITUTION" } } } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}

export async function institutionIdsOf(tx: Tx, userId: string): Promise<string[]> {
  const rows = await tx.membership.findMany({ where: { userId, organisation: { kind: "INSTITUTION" } }, select: { organisationId: true } });
  return rows.map((r) => r.organisationId);
}

// ───────────── candidates ─────────────

export async function candidateEmailFacts(tx: Tx, candidateId: string): Promise<CandidateEmailFacts | null> {
  const row = await tx.candidate.findUnique({
    where: { id: candidateId },
    select: { email: true, consents: { where: { purpose: "EMAIL_NOTIFICATIONS" }, select: { givenAt: true, withdrawnAt: true } } },
  });
  return row ? { email: row.email, emailConsents: row.consents } : null;
}
