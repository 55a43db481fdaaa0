// The one table of job schedules and the one list of the timings of all
// background work (pure; safe to import anywhere). Workers read it to register
// their BullMQ job schedulers at start and to converge on it at an interval
// (workers/schedulers.ts), and to time their loops, sweeps and delays;
// /healthz reads it to know which schedulers must exist. Every timing an
// operator (or a test) may set is an environment variable listed in
// TIMING_VARIABLES below, with its default and bounds: workers/config.ts,
// workers/jobs/notify-config.ts and the privacy jobs read them from here.
// docs/decisions/024-self-healing-when-redis-loses-data.md
import { z } from "zod";
import { JOBS, parsePayload, type JobDefinition, type QueueName } from "./registry";

const COPENHAGEN = "Europe/Copenhagen";

const cron = (fallback: string) => z.string().min(9).default(fallback);
const zone = z.string().min(1).default(COPENHAGEN);
const ms = (fallback: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(fallback);

/**
 * Every cron pattern, interval and delay of the background work, by the
 * environment variable that sets it (README's configuration table lists them).
 * Tests shorten them through the same variables, never by patching code.
 */
export const TIMING_VARIABLES = z.object({
  /** When the nightly full matching run starts, and in which time zone. */
  NIGHTLY_MATCH_CRON: cron("0 2 * * *"),
  NIGHTLY_MATCH_TZ: zone,
  /** How often unfinished runs are checked for batches that Redis lost. */
  RUN_RECONCILE_EVERY_MS: ms(60_000, 1000, 3_600_000),
  /** Gives a burst of edits (a form saved field by field, an import) time to settle before re-matching. */
  REMATCH_DELAY_MS: ms(1000, 0, 60_000),
  /** How often new matches are turned into in-app notifications. */
  NOTIFY_SWEEP_EVERY_MS: ms(5000, 50, 3_600_000),
  /** "daily": one digest per user per day at NOTIFY_DIGEST_CRON; "immediate": mail new things within NOTIFY_IMMEDIATE_EVERY_MS. */
  NOTIFY_EMAIL_MODE: z.enum(["daily", "immediate"]).default("daily"),
  NOTIFY_DIGEST_CRON: cron("0 7 * * *"),
  NOTIFY_IMMEDIATE_EVERY_MS: ms(60_000, 50, 3_600_000),
  /** Institutions' weekly course-demand mail: Mondays 07:00. */
  NOTIFY_DEMAND_CRON: cron("0 7 * * 1"),
  NOTIFY_TZ: zone,
  /** First retry delay of a mail that failed (doubling each time). */
  NOTIFY_RETRY_DELAY_MS: ms(5000, 10, 3_600_000),
  /** When the retention job runs (Europe/Copenhagen). */
  RETENTION_CRON: cron("15 4 * * *"),
  /** How often pending erasure requests are (re-)enqueued. */
  ERASURE_SWEEP_EVERY_MS: ms(60_000, 100, 3_600_000),
  /** How often each worker's outbox loop moves outbox rows to the queues. */
  OUTBOX_DISPATCH_EVERY_MS: ms(500, 50, 60_000),
  /** How often each worker checks that every job scheduler exists as in the table, and registers what is missing. */
  SCHEDULER_CHECK_EVERY_MS: ms(20_000, 500, 3_600_000),
  /** How often each worker renews its heartbeat row; keep it well below the web's HEALTH_WORKER_STALE_MS. */
  WORKER_HEARTBEAT_EVERY_MS: ms(10_000, 500, 600_000),
});

export type TimingVariables = z.output<typeof TIMING_VARIABLES>;

/** The environment-fed parts of the schedules. */
export interface ScheduleSettings {
  nightlyMatchCron: string;
  nightlyMatchTimeZone: string;
  runReconcileEveryMs: number;
  notifySweepEveryMs: number;
  /** "daily": the digest at emailDigestCron; "immediate": every emailImmediateEveryMs. */
  emailMode: "daily" | "immediate";
  emailDigestCron: string;
  emailImmediateEveryMs: number;
  courseDemandCron: string;
  notifyTimeZone: string;
  retentionCron: string;
  retentionTimeZone: string;
  erasureSweepEveryMs: number;
}

/** Every timing: the schedules' settings and the workers' loops and delays. */
export interface Timings extends ScheduleSettings {
  rematchDelayMs: number;
  notifyRetryDelayMs: number;
  outboxDispatchEveryMs: number;
  schedulerCheckEveryMs: number;
  heartbeatEveryMs: number;
}

/** The timings of parsed TIMING_VARIABLES (a config schema that extends them hands its parse result here). */
export function timingsFrom(v: TimingVariables): Timings {
  return {
    nightlyMatchCron: v.NIGHTLY_MATCH_CRON,
    nightlyMatchTimeZone: v.NIGHTLY_MATCH_TZ,
    runReconcileEveryMs: v.RUN_RECONCILE_EVERY_MS,
    notifySweepEveryMs: v.NOTIFY_SWEEP_EVERY_MS,
    emailMode: v.NOTIFY_EMAIL_MODE,
    emailDigestCron: v.NOTIFY_DIGEST_CRON,
    emailImmediateEveryMs: v.NOTIFY_IMMEDIATE_EVERY_MS,
    courseDemandCron: v.NOTIFY_DEMAND_CRON,
    notifyTimeZone: v.NOTIFY_TZ,
    retentionCron: v.RETENTION_CRON,
    retentionTimeZone: COPENHAGEN,
    erasureSweepEveryMs: v.ERASURE_SWEEP_EVERY_MS,
    rematchDelayMs: v.REMATCH_DELAY_MS,
    notifyRetryDelayMs: v.NOTIFY_RETRY_DELAY_MS,
    outboxDispatchEveryMs: v.OUTBOX_DISPATCH_EVERY_MS,
    schedulerCheckEveryMs: v.SCHEDULER_CHECK_EVERY_MS,
    heartbeatEveryMs: v.WORKER_HEARTBEAT_EVERY_MS,
  };
}

/** Every timing from environment-like variables; throws naming each bad variable. */
export function readTimings(source: Record<string, string | undefined>): Timings {
  const parsed = TIMING_VARIABLES.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid timings:\n${lines.join("\n")}`);
  }
  return timingsFrom(parsed.data);
}

export type ScheduleRepeat = { pattern: string; tz: string } | { every: number };

/** What BullMQ keeps as the template of every job a scheduler creates. */
export interface ScheduledJobOptions {
  attempts: number;
  backoff?: { type: "exponential"; delay: number };
  /** When absent, the queue's defaults (DEFAULT_JOB_OPTIONS) apply. */
  removeOnComplete?: boolean | { count: number };
  removeOnFail?: { count: number };
}

interface ScheduleDefinition {
  job: JobDefinition;
  data?: Record<string, unknown>;
  repeat: (settings: ScheduleSettings) => ScheduleRepeat;
  opts: (settings: ScheduleSettings) => ScheduledJobOptions;
}

/** A frequent sweep: one try, since the next run comes soon; nothing kept but failures. */
const sweep: ScheduledJobOptions = { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } };
const fanOut: ScheduledJobOptions = {
  attempts: 3,
  backoff: { type: "exponential", delay: 5000 },
  removeOnComplete: { count: 50 },
  removeOnFail: { count: 100 },
};

/**
 * Scheduler id → schedule. The outbox is not here: every worker moves outbox
 * rows in a loop of its own (workers/outbox-loop.ts), so delivery never waits
 * for a Redis key to come back.
 */
const SCHEDULES = {
  /** Deletes outbox rows dispatched more than 7 days ago. */
  "outbox-prune": {
    job: JOBS.outboxPrune,
    repeat: () => ({ pattern: "30 3 * * *", tz: COPENHAGEN }),
    opts: () => ({ attempts: 3, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } }),
  },
  /** The nightly full matching run (one per night, however often it fires: see startRun's run key). */
  "nightly-matching": {
    job: JOBS.runStart,
    data: { kind: "NIGHTLY" },
    repeat: (s) => ({ pattern: s.nightlyMatchCron, tz: s.nightlyMatchTimeZone }),
    opts: () => ({ attempts: 5, backoff: { type: "exponential", delay: 5000 } }),
  },
  /** Enqueues again the batches of unfinished runs that Redis lost (progress is in PostgreSQL). */
  "match-run-reconcile": {
    job: JOBS.runReconcile,
    repeat: (s) => ({ every: s.runReconcileEveryMs }),
    opts: () => sweep,
  },
  /** Turns new matches into in-app notifications (claimed in PostgreSQL). */
  "notify-new-matches": {
    job: JOBS.notifyNewMatches,
    repeat: (s) => ({ every: s.notifySweepEveryMs }),
    opts: () => sweep,
  },
  "email-digests": {
    job: JOBS.emailDigests,
    repeat: (s) => (s.emailMode === "daily" ? { pattern: s.emailDigestCron, tz: s.notifyTimeZone } : { every: s.emailImmediateEveryMs }),
    opts: () => fanOut,
  },
  /** Institutions' weekly course-demand mail. */
  "course-demand-digests": {
    job: JOBS.courseDemandDigests,
    repeat: (s) => ({ pattern: s.courseDemandCron, tz: s.notifyTimeZone }),
    opts: () => fanOut,
  },
  /** Erasure requests for candidates inactive longer than RETENTION_INACTIVE_DAYS. */
  retention: {
    job: JOBS.retention,
    repeat: (s) => ({ pattern: s.retentionCron, tz: s.retentionTimeZone }),
    opts: () => ({ attempts: 3, backoff: { type: "exponential", delay: 60_000 }, removeOnComplete: { count: 50 }, removeOnFail: { count: 100 } }),
  },
  /** Enqueues again pending erasure requests whose job Redis lost. */
  "erasure-sweep": {
    job: JOBS.erasureSweep,
    repeat: (s) => ({ every: s.erasureSweepEveryMs }),
    opts: () => sweep,
  },
} satisfies Record<string, ScheduleDefinition>;

export type ScheduleId = keyof typeof SCHEDULES;

/**
 * Schedulers that earlier versions registered and this one must not keep:
 * workers remove them when they find them (e.g. left by a worker of the
 * previous release during a rolling deploy).
 */
export const RETIRED_SCHEDULERS: readonly { id: string; queue: QueueName }[] = [{ id: "outbox-dispatch", queue: JOBS.outboxDispatch.queue }];

/** Which schedulers must exist, on which queue: all /healthz needs to know. */
export const EXPECTED_SCHEDULERS: readonly { id: ScheduleId; queue: QueueName }[] = Object.entries(SCHEDULES).map(([id, s]) => ({
  id: id as ScheduleId,
  queue: s.job.queue,
}));

/** One resolved schedule: what upsertJobScheduler is called with. */
export interface Schedule {
  id: ScheduleId;
  queue: QueueName;
  repeat: ScheduleRepeat;
  template: { name: string; data: Record<string, unknown>; opts: ScheduledJobOptions };
}

/** The table with this deployment's timings. Throws when a schedule's data does not fit its job's schema. */
export function resolveSchedules(settings: ScheduleSettings): Schedule[] {
  return Object.entries(SCHEDULES).map(([id, s]: [string, ScheduleDefinition]) => ({
    id: id as ScheduleId,
    queue: s.job.queue,
    repeat: s.repeat(settings),
    template: { name: s.job.name, data: parsePayload(s.job, s.data ?? {}) as Record<string, unknown>, opts: s.opts(settings) },
  }));
}

/** What BullMQ reports about an existing scheduler (a subset of its JobSchedulerJson). */
export interface StoredScheduler {
  name: string;
  pattern?: string | null;
  every?: number | null;
  tz?: string | null;
  template?: { data?: unknown; opts?: object };
}

/** JSON with sorted keys: BullMQ hands stored options back in an order of its own. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/**
 * Why a stored scheduler differs from the table, or null when it does not. The
 * stored options also hold the queue's default job options, so only the keys
 * the table sets are compared.
 */
export function schedulerDifference(stored: StoredScheduler, wanted: Schedule): string | null {
  if (stored.name !== wanted.template.name) return `job name ${stored.name}`;
  if ("every" in wanted.repeat) {
    if (stored.every !== wanted.repeat.every || stored.pattern) return `every ${stored.every ?? stored.pattern}`;
  } else if (stored.pattern !== wanted.repeat.pattern || (stored.tz ?? null) !== wanted.repeat.tz || stored.every) {
    return `pattern ${stored.pattern ?? stored.every} ${stored.tz ?? ""}`.trim();
  }
  if (!same(stored.template?.data ?? {}, wanted.template.data)) return "job data";
  const opts: Record<string, unknown> = { ...stored.template?.opts };
  for (const [key, value] of Object.entries(wanted.template.opts)) {
    if (!same(opts[key], value)) return `job option ${key}`;
  }
  return null;
}
