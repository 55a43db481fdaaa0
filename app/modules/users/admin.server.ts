// The operator's administration of user accounts (staff of organisations, never
// citizens). Across tenants on purpose: only OPERATOR routes call these. Disabling
// a user or ending their sessions deletes their Session rows at once, so every
// open browser of theirs is logged out on its next request.
import type { ParseKeys } from "i18next";
import { InvalidInputError } from "~/lib/errors";
import { hashPassword } from "~/modules/auth/password.server";
import type { Db } from "~/lib/db.server";
import type { UserCreateInput } from "./forms";

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
  const rows = await db.user.findMany({
    where: filter.organisationId ? { memberships: { some: { organisationId: filter.organisationId } } } : {},
    select: {
      id: true,
      name: true,
      email: true,
      lastLoginAt: true,
      disabledAt: true,
      memberships: { select: { organisation: { select: { id: true, name: true, kind: true } } }, orderBy: { createdAt: "asc" } },
      _count: { select: { sessions: true } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: USER_LIST_LIMIT,
  });
  return rows.map(({ memberships, _count, ...row }) => ({ ...row, organisations: memberships.map((m) => m.organisation), sessions: _count.sessions }));
}

export async function createUser(db: Db, input: UserCreateInput): Promise<{ id: string }> {
  // Hashing takes a moment: outside the transaction.
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.$transaction(async (tx) => {
      const errors: Record<string, string> = {};
      if (!(await tx.organisation.count({ where: { id: input.organisationId } }))) errors.organisationId = key("operator.errors.organisationRequired");
      if (await tx.user.count({ where: { email: { equals: input.email, mode: "insensitive" } } })) errors.email = key("operator.errors.emailTaken");
      if (Object.keys(errors).length) throw new InvalidInputError(errors);
      return tx.user.create({
        data: { name: input.name, email: input.email, passwordHash, memberships: { create: { organisationId: input.organisationId, role: input.role } } },
        select: { id: true },
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new InvalidInputError({ email: key("operator.errors.emailTaken") });
    throw error;
  }
}

/** Disables the account and ends all its sessions in one transaction. False when there is no such user. */
export async function setUserDisabled(db: Db, userId: string, disabled: boolean, now = new Date()): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({ where: { id: userId }, data: { disabledAt: disabled ? now : null } });
    if (count === 0) return false;
    if (disabled) await tx.session.deleteMany({ where: { userId } });
    return true;
  });
}

export async function endAllSessions(db: Db, userId: string): Promise<number> {
  const { count } = await db.session.deleteMany({ where: { userId } });
  return count;
}
