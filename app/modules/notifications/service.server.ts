// Use cases of in-app notifications: turning new matches into notifications
// (the worker's sweep), reading them, and the e-mail switch.
import { getEnv } from "~/lib/env.server";
import type { Db } from "~/lib/db.server";
import { mayEmailCandidate } from "./consent";
import { newMatchNotifications } from "./kinds";
import type { NotificationView } from "./render";
import {
  activeUserIds,
  candidateEmailFacts,
  claimUnnotifiedMatches,
  countUnread,
  emailOptedOut,
  insertNotifications,
  listForUser,
  markAllRead,
  markMatchesNotified,
  membersOf,
  resolveNotifications,
  setEmailOptOut,
} from "./repository.server";
import { verifyUnsubscribeToken } from "./unsubscribe-token.server";

export const NOTIFY_BATCH_SIZE = 200;

export interface NotifyResult {
  matches: number;
  notifications: number;
}

/**
 * Notifies the people concerned of every new match, once. Each batch claims
 * its matches (FOR UPDATE SKIP LOCKED), inserts the notifications and marks
 * the matches notified in one transaction: a crash leaves the matches
 * unclaimed for the next sweep, and the unique dedupeKey makes any replay a
 * no-op. The state lives in PostgreSQL, so losing Redis loses nothing.
 */
export async function notifyNewMatches(db: Db, options: { batchSize?: number; maxBatches?: number } = {}): Promise<NotifyResult> {
  const batchSize = options.batchSize ?? NOTIFY_BATCH_SIZE;
  const total: NotifyResult = { matches: 0, notifications: 0 };
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const done = await db.$transaction(async (tx) => {
      const matches = await claimUnnotifiedMatches(tx, batchSize);
      if (matches.length === 0) return { matches: 0, notifications: 0 };
      const members = await membersOf(tx, [...new Set(matches.map((m) => m.organisationId))]);
      const candidates = [...new Set([...[...members.values()].flat(), ...matches.flatMap((m) => (m.consultantId ? [m.consultantId] : []))])];
      const rows = newMatchNotifications(matches, members, await activeUserIds(tx, candidates));
      const inserted = await insertNotifications(tx, rows);
      await markMatchesNotified(tx, matches.map((m) => m.id));
      return { matches: matches.length, notifications: inserted };
    });
    total.matches += done.matches;
    total.notifications += done.notifications;
    if (done.matches < batchSize) break;
  }
  return total;
}

export interface NotificationPage {
  notifications: NotificationView[];
  unread: number;
  emailOn: boolean;
}

export async function listNotifications(db: Db, userId: string, limit = 50): Promise<NotificationPage> {
  const stored = await listForUser(db, userId, limit);
  const [notifications, unread, optedOut] = await Promise.all([
    resolveNotifications(db, stored),
    countUnread(db, userId),
    emailOptedOut(db, userId),
  ]);
  return { notifications, unread, emailOn: !optedOut };
}

export function markAllNotificationsRead(db: Db, userId: string): Promise<number> {
  return markAllRead(db, userId);
}

export function setEmailEnabled(db: Db, userId: string, enabled: boolean): Promise<void> {
  return setEmailOptOut(db, userId, !enabled);
}

/** For the unsubscribe link: the user the token names, or null for a bad token. Nothing changes for a bad token. */
export function userFromUnsubscribeToken(token: string): string | null {
  return verifyUnsubscribeToken(token, getEnv().SESSION_SECRET);
}

/**
 * The one rule for e-mailing a citizen (candidate): an address on file and a
 * standing EMAIL_NOTIFICATIONS consent. Every candidate-facing mail asks here.
 */
export async function canEmailCandidate(db: Db, candidateId: string, now = new Date()): Promise<boolean> {
  const facts = await candidateEmailFacts(db, candidateId);
  return facts !== null && mayEmailCandidate(facts, now);
}
