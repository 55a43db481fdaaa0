// The WorkerHeartbeat table. Raw SQL because times are the database's own
// (now()): clocks of different machines never disagree about an age. Worker
// processes are not owned by an organisation: these queries are unscoped on purpose.
import type { Db } from "~/lib/db.server";

export async function upsertHeartbeat(db: Db, worker: { id: string; hostname: string; pid: number }): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" (id, hostname, pid, "startedAt", "lastSeenAt")
    VALUES (${worker.id}, ${worker.hostname}, ${worker.pid}, now(), now())
    ON CONFLICT (id) DO UPDATE SET "lastSeenAt" = now()`;
}

/** Deletes the rows not renewed within `interval` (a PostgreSQL interval, e.g. "1 day"). */
export async function deleteHeartbeatsSilentFor(db: Db, interval: string): Promise<void> {
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "lastSeenAt" < now() - ${interval}::interval`;
}

export async function deleteHeartbeat(db: Db, id: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id } });
}

export interface HeartbeatRow {
  id: string;
  hostname: string;
  pid: number;
  startedAt: Date;
  lastSeenAt: Date;
  /** Milliseconds since the last heartbeat by the database's clock (bigint as the driver returns it). */
  ageMs: number | bigint;
}

/** The most recently seen first. */
export function findHeartbeats(db: Db, take: number): Promise<HeartbeatRow[]> {
  return db.$queryRaw<HeartbeatRow[]>`
    SELECT id, hostname, pid, "startedAt", "lastSeenAt",
           (EXTRACT(EPOCH FROM (now() - "lastSeenAt")) * 1000)::bigint AS "ageMs"
    FROM "WorkerHeartbeat"
    ORDER BY "lastSeenAt" DESC
    LIMIT ${take}`;
}
