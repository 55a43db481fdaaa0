// Inviting colleagues. The e-mailed link carries a random 256-bit token; only
// its SHA-256 hash is stored, so a database leak gives no working links. A link
// works once, for 7 days; accepting claims it atomically, so two clicks cannot
// create two users.
import { createHash, randomBytes } from "node:crypto";
import { ForbiddenError, InvalidInputError } from "~/lib/errors";
import { hashPassword } from "~/modules/auth/password.server";
import { normaliseEmail } from "~/modules/auth/repository.server";
import type { Prisma } from "~/generated/prisma/client";
import type { MembershipRole } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";
import { createMember, emailTaken, uniqueViolationOn } from "./accounts.server";
import type { InvitationAcceptInput } from "./registration-schema";
import {
  claimInvitation,
  findInvitationByTokenHash,
  getClaimedInvitation,
  insertInvitation,
  listMembershipsOf,
  listPendingInvitationsOf,
  revokeUnacceptedInvitation,
} from "./repository.server";

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface Inviter {
  organisationId: string;
  userId: string;
  membershipRole: MembershipRole;
}

/** A new invitation and its token (the only time the token exists outside the e-mail). */
export async function createInvitation(db: Db, inviter: Inviter, email: string, now = new Date()): Promise<{ id: string; token: string; expiresAt: Date }> {
  if (inviter.membershipRole !== "ADMIN") throw new ForbiddenError("Only an administrator can invite colleagues");
  if (await emailTaken(db, email)) throw new InvalidInputError({ email: "company.colleagues.errors.alreadyMember" });
  const token = randomBytes(32).toString("base64url");
  const row = await insertInvitation(db, {
    organisationId: inviter.organisationId,
    email: normaliseEmail(email),
    role: "MEMBER",
    tokenHash: hashInvitationToken(token),
    invitedById: inviter.userId,
    createdAt: now,
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS),
  });
  return { ...row, token };
}

/** When the e-mail could not be sent, the link never reached anyone: withdraw it. */
export async function revokeInvitation(db: Db, organisationId: string, id: string, now = new Date()): Promise<void> {
  await revokeUnacceptedInvitation(db, organisationId, id, now);
}

export async function listPendingInvitations(db: Db, organisationId: string, now = new Date()) {
  return listPendingInvitationsOf(db, organisationId, now);
}

export type InvitationState =
  | { state: "valid"; invitation: { id: string; email: string; organisationName: string } }
  | { state: "expired" | "used" | "unknown" };

export async function lookUpInvitation(db: Db | Prisma.TransactionClient, token: string, now = new Date()): Promise<InvitationState> {
  const row = await findInvitationByTokenHash(db, hashInvitationToken(token));
  if (!row || row.revokedAt) return { state: "unknown" };
  if (row.acceptedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", invitation: { id: row.id, email: row.email, organisationName: row.organisation.name } };
}

/** The new user's id, or the reason the link does not work (any more). */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: InvitationAcceptInput,
  now = new Date(),
): Promise<{ userId: string } | { state: "expired" | "used" | "unknown" }> {
  const passwordHash = await hashPassword(input.password);
  const tokenHash = hashInvitationToken(token);
  try {
    return await db.$transaction(async (tx) => {
      // The claim: only one transaction can move acceptedAt from null.
      if (!(await claimInvitation(tx, tokenHash, now))) {
        const state = await lookUpInvitation(tx, token, now);
        return { state: state.state === "valid" ? "used" : state.state };
      }
      const invitation = await getClaimedInvitation(tx, tokenHash);
      if (await emailTaken(tx, invitation.email)) throw new InvalidInputError({ name: "company.colleagues.errors.alreadyMember" });
      const user = await createMember(tx, { organisationId: invitation.organisationId, name: input.name, email: invitation.email, passwordHash, role: invitation.role });
      return { userId: user.id };
    });
  } catch (error) {
    if (uniqueViolationOn(error, "email")) throw new InvalidInputError({ name: "company.colleagues.errors.alreadyMember" });
    throw error;
  }
}

export async function listMembers(db: Db, organisationId: string) {
  const rows = await listMembershipsOf(db, organisationId);
  return rows.map((m) => ({ id: m.user.id, name: m.user.name, email: m.user.email, role: m.role, disabled: m.user.disabledAt !== null }));
}
