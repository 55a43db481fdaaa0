// PostgreSQL advisory locks held until the transaction ends: transaction-level,
// not session-level, because the pool hands out connections per query and a
// session lock could outlive its holder on a pooled one. Keys are strings,
// hashed by the database (hashtextextended), so every caller hashes alike.
import type { Prisma } from "~/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Takes the lock if nobody holds it; false (at once, without waiting) when another transaction does. */
export async function tryLockForTransaction(tx: Tx, key: string): Promise<boolean> {
  const [{ locked }] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(hashtextextended(${key}, 0)) AS locked`;
  return locked;
}

/** Waits for every one of the locks, taken in one sorted order so two transactions cannot deadlock. */
export async function lockAllForTransaction(tx: Tx, keys: readonly string[]): Promise<void> {
  await tx.$queryRaw`SELECT count(pg_advisory_xact_lock(k))::int AS locked FROM (SELECT DISTINCT hashtextextended(key, 0) AS k FROM unnest(${keys}::text[]) AS key ORDER BY 1) AS locks`;
}
