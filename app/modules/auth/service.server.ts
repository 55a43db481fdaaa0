// Logging in: one answer for every kind of failure, so that the login form never
// tells an attacker which e-mail addresses exist or which accounts are disabled.
import type { Db } from "~/lib/db.server";
import { hashPassword, verifyPassword } from "./password.server";
import { findLoginCandidate, findSessionUser, recordLogin, type SessionUser } from "./repository.server";
import { createSession, deleteSession, type SessionRecord } from "./session.server";

let dummyHash: Promise<string> | undefined;

/** Verified against when the e-mail is unknown, so both failures take as long. */
function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword("jobbro-timing-equaliser-not-a-password");
  return dummyHash;
}

export async function authenticate(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const candidate = await findLoginCandidate(db, email);
  if (!candidate?.passwordHash) {
    await verifyPassword(await timingDummyHash(), password);
    return null;
  }
  const valid = await verifyPassword(candidate.passwordHash, password);
  if (!valid || candidate.disabledAt) return null;
  return findSessionUser(db, candidate.id);
}

/**
 * Checks the credentials and opens a new session. The session the browser came
 * with (if any) is deleted: a fresh id at every login defeats session fixation.
 */
export async function logIn(
  db: Db,
  credentials: { email: string; password: string },
  previousSessionId: string | null,
  now = new Date(),
): Promise<{ user: SessionUser; session: SessionRecord } | null> {
  const user = await authenticate(db, credentials.email, credentials.password);
  if (!user) return null;
  if (previousSessionId) await deleteSession(db, previousSessionId);
  const session = await createSession(db, user.id, now);
  await recordLogin(db, user.id, now);
  return { user, session };
}
