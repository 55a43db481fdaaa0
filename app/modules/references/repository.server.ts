// The look-ups behind references.server.ts. Reference data (postal codes, the
// taxonomy) is shared by every organisation, so nothing here is tenant-scoped.
// Callers pass their transaction: the checks must see what it sees.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

export interface PostalCodeRow {
  code: string;
  name: string;
  latitude: number | null;
  longitude: number | null;
}

export async function findPostalCode(tx: Client, code: string): Promise<PostalCodeRow | null> {
  return tx.postalCode.findUnique({ where: { code }, select: { code: true, name: true, latitude: true, longitude: true } });
}

/** The ids among `ids` that name a skill. */
export async function existingSkillIds(tx: Client, ids: readonly string[]): Promise<Set<string>> {
  const rows = await tx.skill.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((s) => s.id));
}

/** Our id of the occupation named by our id or by its ESCO concept URI. */
export async function findOccupationIdByRef(tx: Client, ref: string): Promise<string | null> {
  const row = await tx.occupation.findFirst({ where: { OR: [{ id: ref }, { escoUri: ref }] }, select: { id: true } });
  return row?.id ?? null;
}
