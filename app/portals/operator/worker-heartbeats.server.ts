// Worker heartbeats (WorkerHeartbeat): each worker process renews its row at an
// interval, and /healthz and the runs page read them. Times are the database's
// own (now()), so clocks of different machines never disagree about an age.
// Worker processes are not owned by an organisation: these queries are unscoped
// on purpose.
import type { Db } from "~/lib/db.server";

export interface WorkerIdentity {
  id: string;
  hostname: string;
  pid: number;
}

/** Rows of processes that died without stopping cleanly are kept this long, for the runs page, then deleted. */
const FORGET_AFTER = "1 day";

export async function recordHeartbeat(db: Db, worker: WorkerIdentity): Promise<void> {
  await db.$executeRaw`
    INSERT INTO "WorkerHeartbeat" (id, hostname, pid, "startedAt", "lastSeenAt")
    VALUES (${worker.id}, ${worker.hostname}, ${worker.pid}, now(), now())
    ON CONFLICT (id) DO UPDATE SET "lastSeenAt" = now()`;
  await db.$executeRaw`DELETE FROM "WorkerHeartbeat" WHERE "lastSeenAt" < now() - ${FORGET_AFTER}::interval`;
}

/** A worker that stops cleanly says so: it is gone, not silent. */
export async function removeHeartbeat(db: Db, id: string): Promise<void> {
  await db.workerHeartbeat.deleteMany({ where: { id } });
}

export interface WorkerHeartbeatView {
  id: string;
  hostname: string;
  pid: number;
  startedAt: Date;
  lastSeenAt: Date;
  /** Milliseconds since the last heartbeat, by the database's clock. */
  ageMs: number;
}

/** Every worker seen in the last day, the most recently seen first. */
export async function workerHeartbeats(db: Db, take = 50): Promise<WorkerHeartbeatView[]> {
  const rows = await db.$queryRaw<(Omit<WorkerHeartbeatView, "ageMs"> & { ageMs: number | bigint })[]>`
    SELECT id, hostname, pid, "startedAt", "lastSeenAt",
           (EXTRACT(EPOCH FROM (now() - "lastSeenAt")) * 1000)::bigint AS "ageMs"
    FROM "WorkerHeartbeat"
    ORDER BY "lastSeenAt" DESC
    LIMIT ${take}`;
  return rows.map((r) => ({ ...r, ageMs: Math.max(0, Number(r.ageMs)) }));
}
