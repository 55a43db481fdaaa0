// Worker heartbeats (WorkerHeartbeat): each worker process renews its row at an
// interval, and /healthz and the runs page read them. Times are the database's
// own (now()), so clocks of different machines never disagree about an age.
import type { Db } from "~/lib/db.server";
import { deleteHeartbeat, deleteHeartbeatsSilentFor, findHeartbeats, upsertHeartbeat } from "./worker-heartbeats.repository.server";

export interface WorkerIdentity {
  id: string;
  hostname: string;
  pid: number;
}

/** Rows of processes that died without stopping cleanly are kept this long, for the runs page, then deleted. */
const FORGET_AFTER = "1 day";

export async function recordHeartbeat(db: Db, worker: WorkerIdentity): Promise<void> {
  await upsertHeartbeat(db, worker);
  await deleteHeartbeatsSilentFor(db, FORGET_AFTER);
}

/** A worker that stops cleanly says so: it is gone, not silent. */
export async function removeHeartbeat(db: Db, id: string): Promise<void> {
  await deleteHeartbeat(db, id);
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
  const rows = await findHeartbeats(db, take);
  return rows.map((r) => ({ ...r, ageMs: Math.max(0, Number(r.ageMs)) }));
}
