// The worker processes own the job schedulers; Redis is only where they run.
// At start and then every SCHEDULER_CHECK_EVERY_MS each worker compares every
// scheduler in the table (app/lib/queues/schedules.ts) with what Redis holds
// and upserts the ones that are missing, stalled or different. Upserting an id
// is idempotent in BullMQ (one entry, one next job), so any number of workers
// may do this at once. docs/decisions/024-self-healing-when-redis-loses-data.md
import type { Queue } from "bullmq";
import { readScheduler } from "~/lib/queues/scheduler-state.server";
import { RETIRED_SCHEDULERS, schedulerDifference, type Schedule, type ScheduleSettings } from "~/lib/queues/schedules";
import type { QueueName } from "~/lib/queues/registry";
import type { Logger } from "~/lib/logger.server";
import type { WorkerConfig } from "./config";
import type { NotifyConfig } from "./jobs/notify-config";
import type { PrivacyConfig } from "./jobs/privacy";

/** The table's environment-fed timings, from the settings each job family already reads. */
export function scheduleSettings(config: WorkerConfig, notify: NotifyConfig, privacy: PrivacyConfig): ScheduleSettings {
  return {
    nightlyMatchCron: config.nightlyCron,
    nightlyMatchTimeZone: config.nightlyTimeZone,
    runReconcileEveryMs: config.reconcileEveryMs,
    notifySweepEveryMs: notify.sweepEveryMs,
    emailMode: notify.emailMode,
    emailDigestCron: notify.digestCron,
    emailImmediateEveryMs: notify.immediateEveryMs,
    courseDemandCron: notify.demandCron,
    notifyTimeZone: notify.timeZone,
    retentionCron: privacy.retentionCron,
    retentionTimeZone: privacy.timeZone,
    erasureSweepEveryMs: privacy.erasureSweepEveryMs,
  };
}

export interface Repair {
  id: string;
  /** "missing", "stalled" (no next job) or what differed from the table. */
  reason: string;
}

export interface ConvergeResult {
  repaired: Repair[];
  /** Schedulers Redis had lost (missing or stalled): a sign that it lost other keys too. */
  lost: string[];
  /** Schedulers that could not be checked or repaired this time, and why (the next check tries again). */
  failed: { id: string; error: string }[];
}

export interface ConvergeDeps {
  queues: ReadonlyMap<QueueName, Queue>;
  schedules: readonly Schedule[];
  log: Logger;
}

function queueOf(deps: ConvergeDeps, name: QueueName): Queue {
  const queue = deps.queues.get(name);
  if (!queue) throw new Error(`No producer for queue ${name}`);
  return queue;
}

export async function convergeSchedulers(deps: ConvergeDeps): Promise<ConvergeResult> {
  const result: ConvergeResult = { repaired: [], lost: [], failed: [] };
  for (const schedule of deps.schedules) {
    try {
      const queue = queueOf(deps, schedule.queue);
      const state = await readScheduler(queue, schedule.id);
      const reason = state.presence === "ok" ? schedulerDifference(state.stored!, schedule) : state.presence;
      if (!reason) continue;
      await queue.upsertJobScheduler(schedule.id, schedule.repeat, schedule.template);
      result.repaired.push({ id: schedule.id, reason });
      if (state.presence !== "ok") result.lost.push(schedule.id);
    } catch (error) {
      // One scheduler that cannot be written (e.g. a BullMQ id collision while
      // another worker upserts it) must not keep the others from being checked.
      result.failed.push({ id: schedule.id, error: (error as Error).message });
    }
  }
  for (const retired of RETIRED_SCHEDULERS) {
    try {
      const queue = queueOf(deps, retired.queue);
      if (await queue.getJobScheduler(retired.id)) {
        await queue.removeJobScheduler(retired.id);
        deps.log.info({ scheduler: retired.id }, "retired job scheduler removed");
      }
    } catch (error) {
      result.failed.push({ id: retired.id, error: (error as Error).message });
    }
  }
  if (result.repaired.length > 0) deps.log.warn({ repaired: result.repaired }, "job schedulers registered");
  return result;
}
