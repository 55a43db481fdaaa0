// How far the outbox delivery is behind: rows written but not yet moved to the
// queues. The operators' first sign that nothing delivers (ADR 024). Parked rows
// count as dispatched: they wait for nobody.
import type { Db } from "~/lib/db.server";
import { undispatchedOutboxStats } from "./outbox.repository.server";

export interface OutboxLag {
  undispatched: number;
  /** Age of the oldest undispatched row by the database's clock; null when none waits. */
  oldestAgeMs: number | null;
}

export async function outboxLag(db: Db): Promise<OutboxLag> {
  const row = await undispatchedOutboxStats(db);
  return { undispatched: Number(row?.undispatched ?? 0), oldestAgeMs: row?.oldestAgeMs == null ? null : Math.max(0, Number(row.oldestAgeMs)) };
}
