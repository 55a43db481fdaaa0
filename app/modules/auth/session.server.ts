// Server-side sessions. The cookie carries only a random 256-bit id; the row in
// Session decides whether it is still valid, so logout, a disabled account or
// an operator ends a session at once.
import { randomBytes } from "node:crypto";
import type { Db } from "~/lib/db.server";
import {
  deleteSessionById,
  deleteSessionsEnded,
  findSession,
  findSessionUser,
  insertSession,
  touchSession,
  type SessionRecord,
  type SessionUser,
} from "./repository.server";

export type { SessionRecord };

/** A session unused for this long is over (refreshed on use). */
export const SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
/** No session outlives this, however busy: a stolen id stops working. */
export const SESSION_ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** lastSeenAt is written at most this often, so that page views are not all writes. */
const TOUCH_INTERVAL_MS = 60 * 1000;

export function newSessionId(): string {
  return randomBytes(32).toString("base64url");
}

export async function createSession(db: Db, userId: string, now = new Date()): Promise<SessionRecord> {
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_TIMEOUT_MS);
  return insertSession(db, { id: newSessionId(), userId, createdAt: now, lastSeenAt: now, expiresAt });
}

export function isSessionExpired(session: { lastSeenAt: Date; expiresAt: Date }, now = new Date()): boolean {
  return now >= session.expiresAt || now.getTime() - session.lastSeenAt.getTime() >= SESSION_IDLE_TIMEOUT_MS;
}

/**
 * The user of a live session, or null. An expired session, or one whose user
 * was disabled meanwhile, is deleted on sight.
 */
export async function resolveSession(db: Db, sessionId: string, now = new Date()): Promise<{ session: SessionRecord; user: SessionUser } | null> {
  const session = await findSession(db, sessionId);
  if (!session) return null;
  if (isSessionExpired(session, now)) {
    await deleteSession(db, session.id);
    return null;
  }
  const user = await findSessionUser(db, session.userId);
  if (!user) {
    await deleteSession(db, session.id);
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await touchSession(db, session.id, now);
  }
  return { session: { id: session.id, userId: session.userId, expiresAt: session.expiresAt }, user };
}

export async function deleteSession(db: Db, sessionId: string): Promise<void> {
  await deleteSessionById(db, sessionId);
}

/** Housekeeping: rows of sessions that can never be used again. */
export async function deleteExpiredSessions(db: Db, now = new Date()): Promise<number> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_TIMEOUT_MS);
  return deleteSessionsEnded(db, now, idleSince);
}
