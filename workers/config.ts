// Worker-only settings, validated with zod like getEnv() but kept here so the
// web process never sees (or needs) them.
import { z } from "zod";

const WorkerConfigSchema = z.object({
  /** Jobs of one queue processed at once by this process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** BullMQ key prefix; tests use their own so that parallel runs never share queues. */
  WORKER_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only").default("jobbro"),
  /** How often each worker's outbox loop moves outbox rows to the queues. */
  OUTBOX_DISPATCH_EVERY_MS: z.coerce.number().int().min(50).max(60_000).default(500),
  /**
   * When Redis turns out to have lost its data, the jobs of outbox rows
   * dispatched this long before are added again (they may have been lost with
   * it); 0 turns that off. Covers a job's full retry span (about 17 min).
   */
  OUTBOX_REDELIVER_WINDOW_MS: z.coerce.number().int().min(0).max(7 * 24 * 3_600_000).default(3_600_000),
  /** How often each worker checks that every job scheduler exists as in the table, and registers what is missing. */
  SCHEDULER_CHECK_EVERY_MS: z.coerce.number().int().min(500).max(3_600_000).default(20_000),
  /** How often each worker renews its heartbeat row; keep it well below the web's HEALTH_WORKER_STALE_MS. */
  WORKER_HEARTBEAT_EVERY_MS: z.coerce.number().int().min(500).max(600_000).default(10_000),
  /** When the nightly full matching run starts (cron pattern) and in which time zone. */
  NIGHTLY_MATCH_CRON: z.string().min(9).default("0 2 * * *"),
  NIGHTLY_MATCH_TZ: z.string().min(1).default("Europe/Copenhagen"),
  /** Vacancies per batch of a full run: the unit of work that worker processes share. */
  MATCH_BATCH_SIZE: z.coerce.number().int().min(1).max(5000).default(100),
  /** How often unfinished runs are checked for batches that Redis lost. */
  RUN_RECONCILE_EVERY_MS: z.coerce.number().int().min(1000).max(3_600_000).default(60_000),
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
  return {
    concurrency: parsed.data.WORKER_CONCURRENCY,
    queuePrefix: parsed.data.WORKER_QUEUE_PREFIX,
    dispatchEveryMs: parsed.data.OUTBOX_DISPATCH_EVERY_MS,
    redeliverWindowMs: parsed.data.OUTBOX_REDELIVER_WINDOW_MS,
    schedulerCheckEveryMs: parsed.data.SCHEDULER_CHECK_EVERY_MS,
    heartbeatEveryMs: parsed.data.WORKER_HEARTBEAT_EVERY_MS,
    nightlyCron: parsed.data.NIGHTLY_MATCH_CRON,
    nightlyTimeZone: parsed.data.NIGHTLY_MATCH_TZ,
    matchBatchSize: parsed.data.MATCH_BATCH_SIZE,
    reconcileEveryMs: parsed.data.RUN_RECONCILE_EVERY_MS,
    lockDurationMs: parsed.data.WORKER_LOCK_DURATION_MS,
    stalledIntervalMs: parsed.data.WORKER_STALLED_INTERVAL_MS,
    rateLimitPerSecond: parsed.data.WORKER_RATE_LIMIT_PER_SECOND ?? null,
  };
}
