// The one table of job schedules (pure; safe to import anywhere). Workers read
// it to register their BullMQ job schedulers at start and to converge on it at
// an interval (workers/schedulers.ts); /healthz reads it to know which
// schedulers must exist. Timings that operators may set come from the
// environment (workers/config.ts, workers/jobs/notify-config.ts, RETENTION_CRON)
// through ScheduleSettings; everything else about a schedule lives here.
// docs/decisions/024-self-healing-when-redis-loses-data.md
import { JOBS, parsePayload, type JobDefinition, type QueueName } from "./registry";

const COPENHAGEN = "Europe/Copenhagen";

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
