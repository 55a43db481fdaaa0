// Worker-only settings, validated with zod like getEnv() but kept here so the
// web process never sees (or needs) them. Timings (cron patterns, intervals,
// delays) are defined once, in app/lib/queues/schedules.ts: this schema extends
// those variables and hands them on.
import { z } from "zod";
import { TIMING_VARIABLES, timingsFrom } from "~/lib/queues/schedules";

const WorkerConfigSchema = TIMING_VARIABLES.extend({
  /** Jobs of one queue processed at once by this process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** BullMQ key prefix; tests use their own so that parallel runs never share queues. */
  WORKER_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only").default("jobbro"),
  /**
   * When Redis turns out to have lost its data, the jobs of outbox rows
   * dispatched this long before are added again (they may have been lost with
   * it); 0 turns that off. Covers a job's full retry span (about 17 min).
   */
  OUTBOX_REDELIVER_WINDOW_MS: z.coerce.number().int().min(0).max(7 * 24 * 3_600_000).default(3_600_000),
  /** Vacancies per batch of a full run: the unit of work that worker processes share. */
  MATCH_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(100),
  /** A job whose worker stops renewing its lock this long is stalled and handed to another worker. */
  WORKER_LOCK_DURATION_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  WORKER_STALLED_INTERVAL_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  /** At most this many jobs per second per queue across all workers (BullMQ's limiter); unset means no limit. */
  WORKER_RATE_LIMIT_PER_SECOND: z.coerce.number().int().min(1).max(100_000).optional(),
});

export type WorkerConfig = {
  concurrency: number;
  queuePrefix: string;
  dispatchEveryMs: number;
  redeliverWindowMs: number;
  schedulerCheckEveryMs: number;
  heartbeatEveryMs: number;
  nightlyCron: string;
  nightlyTimeZone: string;
  matchBatchSize: number;
  reconcileEveryMs: number;
  /** How long a re-match waits after the change that asked for it (REMATCH_DELAY_MS). */
  rematchDelayMs: number;
  lockDurationMs: number;
  stalledIntervalMs: number;
  rateLimitPerSecond: number | null;
};

export function getWorkerConfig(source: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = WorkerConfigSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid worker environment:\n${lines.join("\n")}`);
  }
  const timings = timingsFrom(parsed.data);
  return {
    concurrency: parsed.data.WORKER_CONCURRENCY,
    queuePrefix: parsed.data.WORKER_QUEUE_PREFIX,
    dispatchEveryMs: timings.outboxDispatchEveryMs,
    redeliverWindowMs: parsed.data.OUTBOX_REDELIVER_WINDOW_MS,
    schedulerCheckEveryMs: timings.schedulerCheckEveryMs,
    heartbeatEveryMs: timings.heartbeatEveryMs,
    nightlyCron: timings.nightlyMatchCron,
    nightlyTimeZone: timings.nightlyMatchTimeZone,
    matchBatchSize: parsed.data.MATCH_BATCH_SIZE,
    reconcileEveryMs: timings.runReconcileEveryMs,
    rematchDelayMs: timings.rematchDelayMs,
    lockDurationMs: parsed.data.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: parsed.data.WORKER_STALLED_INTERVAL_MS,
    rateLimitPerSecond: parsed.data.WORKER_RATE_LIMIT_PER_SECOND ?? null,
  };
}
