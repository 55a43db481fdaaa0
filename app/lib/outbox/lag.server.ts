// How far the outbox delivery is behind: rows written but not yet moved to the
// queues. The operators' first sign that nothing delivers (ADR 024). Parked rows
// count as dispatched: they wait for nobody.
import type { Db } from "~/lib/db.server";

export interface OutboxLag {
  undispatched: number;
  /** Age of the oldest undispatched row by the database's clock; null when none waits. */
  oldestAgeMs: number | null;
}

export async function outboxLag(db: Db): Promise<OutboxLag> {
  const [row] = await db.$queryRaw<{ undispatched: bigint; oldestAgeMs: bigint | null }[]>`
    SELECT count(*) AS undispatched,
           (EXTRACT(EPOCH FROM (now() - min("createdAt"))) * 1000)::bigint AS "oldestAgeMs"
    FROM "OutboxEvent" WHERE "dispatchedAt" IS NULL`;
  return { undispatched: Number(row?.undispatched ?? 0), oldestAgeMs: row?.oldestAgeMs == null ? null : Math.max(0, Number(row.oldestAgeMs)) };
}
