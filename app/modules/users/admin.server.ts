// The operator's administration of user accounts (staff of organisations, never
// citizens). Across tenants on purpose: only OPERATOR routes call these. Disabling
// a user or ending their sessions deletes their Session rows at once, so every
// open browser of theirs is logged out on its next request.
import type { ParseKeys } from "i18next";
import { InvalidInputError } from "~/lib/errors";
import { hashPassword } from "~/modules/auth/password.server";
import { deleteSessionsOfUser } from "~/modules/auth/repository.server";
import { organisationExists } from "~/modules/organisations/repository.server";
import type { Db } from "~/lib/db.server";
import type { UserCreateInput } from "./forms";
import { emailTaken, findUsersWithMemberships, insertUserWithMembership, setDisabledAt } from "./repository.server";

const key = (k: ParseKeys) => k;

export interface AdminUserRow {
  id: string;
  name: string;
  email: string;
  organisations: { id: string; name: string; kind: string }[];
  lastLoginAt: Date | null;
  disabledAt: Date | null;
  sessions: number;
}

export const USER_LIST_LIMIT = 500;

export async function listUsers(db: Db, filter: { organisationId?: string } = {}): Promise<AdminUserRow[]> {
  const rows = await findUsersWithMemberships(db, filter, USER_LIST_LIMIT);
  return rows.map(({ memberships, _count, ...row }) => ({ ...row, organisations: memberships.map((m) => m.organisation), sessions: _count.sessions }));
}

export async function createUser(db: Db, input: UserCreateInput): Promise<{ id: string }> {
  // Hashing takes a moment: outside the transaction.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const errors: Record<string, string> = {};
      if (!(await organisationExists(tx, input.organisationId))) errors.organisationId = key("operator.errors.organisationRequired");
      if (await emailTaken(tx, input.email)) errors.email = key("operator.errors.emailTaken");
      if (Object.keys(errors).length) throw new InvalidInputError(errors);
      return insertUserWithMembership(tx, { name: input.name, email: input.email, passwordHash, organisationId: input.organisationId, role: input.role });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new InvalidInputError({ email: key("operator.errors.emailTaken") });
    throw error;
  }
}

/** Disables the account and ends all its sessions in one transaction. False when there is no such user. */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    if (!(await setDisabledAt(tx, userId, disabled ? now : null))) return false;
    if (disabled) await deleteSessionsOfUser(tx, userId);
    return true;
  });
}

export async function endAllSessions(db: Db, userId: string): Promise<number> {
  return deleteSessionsOfUser(db, userId);
}
