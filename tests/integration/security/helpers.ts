// Users, sessions and tokens for the security tests.
import type { OrganisationKind } from "~/generated/prisma/enums";
import { issueApiToken } from "~/portals/api/service.server";
import { hashPassword } from "~/modules/auth/password.server";
import { createSession } from "~/modules/auth/session.server";
import type { Db } from "~/lib/db.server";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";

export const PASSWORD = "Korrekt-hest-batteri-1";

export interface TestUser {
  id: string;
  email: string;
  orgId: string;
  kind: OrganisationKind;
}

let counter = 0;
let passwordHash: Promise<string> | undefined;

export async function addUser(db: Db, kind: OrganisationKind, options: { email?: string; orgId?: string; cvr?: string } = {}): Promise<TestUser> {
  counter += 1;
  const orgId =
    options.orgId ??
    (await db.organisation.create({ data: { kind, name: `${kind} ${counter}`, cvr: options.cvr }, select: { id: true } })).id;
  const email = options.email ?? `${kind.toLowerCase()}-${counter}-${Date.now()}@example.dk`;
  passwordHash ??= hashPassword(PASSWORD);
  const user = await db.user.create({
    data: { email, name: `Bruger ${counter}`, passwordHash: await passwordHash, memberships: { create: { organisationId: orgId } } },
    select: { id: true },
  });
  return { id: user.id, email, orgId, kind };
}

/** A Cookie header value for a fresh session of the user. */
export async function sessionCookie(db: Db, userId: string): Promise<string> {
  const session = await createSession(db, userId);
  return (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0]!;
}

export async function tokenFor(db: Db, orgId: string): Promise<string> {
  return (await issueApiToken(db, { organisationRef: orgId, name: "security test" })).token;
}
