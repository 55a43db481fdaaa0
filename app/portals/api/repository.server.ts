// Prisma access for API tokens. Lookups by hash are the one place a query is not
// scoped by organisation: the token is what tells us the organisation.
import type { OrganisationKind } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

export interface TokenRow {
  id: string;
  organisationId: string;
  revokedAt: Date | null;
  organisation: { kind: OrganisationKind };
}

export async function findTokenByHash(db: Db, tokenHash: string): Promise<TokenRow | null> {
  return db.apiToken.findUnique({
    where: { tokenHash },
    select: { id: true, organisationId: true, revokedAt: true, organisation: { select: { kind: true } } },
  });
}

/** Records use at most once a minute per token, so busy clients do not write on every call. */
export async function touchToken(db: Db, tokenId: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - 60_000);
  await db.apiToken.updateMany({
    where: { id: tokenId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: staleBefore } }] },
    data: { lastUsedAt: now },
  });
}

export async function insertToken(db: Db, data: { organisationId: string; name: string; tokenHash: string; prefix: string }) {
  return db.apiToken.create({ data, select: { id: true, prefix: true, createdAt: true } });
}

export async function revokeToken(db: Db, organisationId: string, tokenId: string, now: Date): Promise<boolean> {
  const result = await db.apiToken.updateMany({ where: { id: tokenId, organisationId, revokedAt: null }, data: { revokedAt: now } });
  return result.count === 1;
}

/** An organisation by id or by CVR number (companies), for operator tooling. */
export async function findOrganisationByRef(db: Db, ref: string) {
  const select = { id: true, name: true, kind: true } as const;
  const cvr = ref.replace(/\s+/g, "");
  if (/^\d{8}$/.test(cvr)) return db.organisation.findUnique({ where: { cvr }, select });
  return db.organisation.findUnique({ where: { id: ref }, select });
}
