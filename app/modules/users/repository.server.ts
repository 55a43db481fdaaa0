// Prisma access for the operator's administration of user accounts. Across
// tenants on purpose: only services behind the OPERATOR role call these.
import type { MembershipRole, Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

const adminUserSelect = {
  id: true,
  name: true,
  email: true,
  lastLoginAt: true,
  disabledAt: true,
  memberships: { select: { organisation: { select: { id: true, name: true, kind: true } } }, orderBy: { createdAt: "asc" } },
  _count: { select: { sessions: true } },
} satisfies Prisma.UserSelect;

export type AdminUserRecord = Prisma.UserGetPayload<{ select: typeof adminUserSelect }>;

/** Users by name (all, or the members of one organisation), with their organisations and open sessions. */
export async function findUsersWithMemberships(db: Db, filter: { organisationId?: string }, take: number): Promise<AdminUserRecord[]> {
  return db.user.findMany({
    where: filter.organisationId ? { memberships: { some: { organisationId: filter.organisationId } } } : {},
    select: adminUserSelect,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take,
  });
}

/** Whether any user has this e-mail address, in any letter case. */
export async function emailTaken(tx: Client, email: string): Promise<boolean> {
  return (await tx.user.count({ where: { email: { equals: email, mode: "insensitive" } } })) > 0;
}

export async function insertUserWithMembership(
  tx: Client,
  data: { name: string; email: string; passwordHash: string; organisationId: string; role: MembershipRole },
): Promise<{ id: string }> {
  const { organisationId, role, ...user } = data;
  return tx.user.create({ data: { ...user, memberships: { create: { organisationId, role } } }, select: { id: true } });
}

/** False when there is no such user. */
export async function setDisabledAt(tx: Client, userId: string, disabledAt: Date | null): Promise<boolean> {
  const { count } = await tx.user.updateMany({ where: { id: userId }, data: { disabledAt } });
  return count > 0;
}
