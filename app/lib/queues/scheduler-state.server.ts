// Reads one BullMQ job scheduler as it is in Redis now. Shared by the workers'
// converging check (workers/schedulers.ts) and /healthz, so both call the same
// thing "missing".
import type { JobSchedulerJson, Queue } from "bullmq";

export type SchedulerPresence = "ok" | "missing" | "stalled";

export interface SchedulerState {
  presence: SchedulerPresence;
  stored: JobSchedulerJson | undefined;
}

/**
 * "stalled": the scheduler's entry exists but the job of its next iteration
 * does not. BullMQ adds the following iteration only when that job starts, so
 * such a scheduler never fires again (a Redis that evicted or lost some keys).
 */
export async function readScheduler(queue: Queue, id: string): Promise<SchedulerState> {
  const stored = await queue.getJobScheduler(id);
  if (!stored) return { presence: "missing", stored };
  if (stored.next == null) return { presence: "stalled", stored };
  const nextJob = await queue.getJob(`repeat:${id}:${stored.next}`);
  return { presence: nextJob ? "ok" : "stalled", stored };
}
