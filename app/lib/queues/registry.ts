// The one registry of queues, job names and payload schemas. Producers (the web
// process, e.g. an operator starting a run) and processors (workers/) both
// import from here, so a job can never be added with a payload its processor
// does not understand. Payloads hold ids only.
import { Queue, type DefaultJobOptions } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";
import { SEARCH_TOPICS, type OutboxTopic } from "~/lib/outbox/topics";

export const QUEUES = {
  outbox: "outbox",
  searchSync: "search-sync",
  matching: "matching",
  runs: "match-runs",
  notifications: "notifications",
  /** Citizens' links and introductions, erasure and retention (app/modules/{citizen,erasure,retention}). */
  privacy: "privacy",
  /** Operator-started ESCO taxonomy imports (one at a time). */
  taxonomy: "taxonomy",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "an id");

export const JOBS = {
  /**
   * Outbox rows are moved by a loop in every worker (workers/outbox-loop.ts);
   * this job only comes from the retired "outbox-dispatch" scheduler of an
   * earlier release, which workers remove when they find it (ADR 024).
   */
  outboxDispatch: {
    queue: QUEUES.outbox,
    name: "dispatch",
    schema: z.object({}).strict(),
  },
  outboxPrune: {
    queue: QUEUES.outbox,
    name: "prune",
    schema: z.object({}).strict(),
  },
  searchSync: {
    queue: QUEUES.searchSync,
    name: "sync",
    schema: z
      .object({
        topic: z.enum(SEARCH_TOPICS),
        aggregateId: id,
        /** The outbox row this job came from, for tracing. */
        outboxId: z.string().regex(/^\d+$/).optional(),
      })
      .strict(),
  },
  matchVacancy: {
    queue: QUEUES.matching,
    name: "vacancy",
    schema: z.object({ vacancyId: id }).strict(),
  },
  matchCandidate: {
    queue: QUEUES.matching,
    name: "candidate",
    schema: z.object({ candidateId: id }).strict(),
  },
  /** A changed offering or course: re-match the open vacancies whose required skills it teaches. */
  matchAffectedByCourse: {
    queue: QUEUES.matching,
    name: "course",
    schema: z.object({ courseId: id }).strict(),
  },
  runStart: {
    queue: QUEUES.runs,
    name: "start",
    schema: z.object({ kind: z.enum(["NIGHTLY", "MANUAL"]), startedById: id.optional() }).strict(),
  },
  runBatch: {
    queue: QUEUES.runs,
    name: "batch",
    schema: z.object({ runId: id, batchNo: z.number().int().min(0) }).strict(),
  },
  runFinish: {
    queue: QUEUES.runs,
    name: "finish",
    schema: z.object({ runId: id }).strict(),
  },
  runReconcile: {
    queue: QUEUES.runs,
    name: "reconcile",
    schema: z.object({}).strict(),
  },
  /** Sweep: turns new, not yet notified matches into in-app notifications (state in PostgreSQL). */
  notifyNewMatches: {
    queue: QUEUES.notifications,
    name: "new-matches",
    schema: z.object({}).strict(),
  },
  /** Fan-out: one emailDigest job per user with something new to mail. */
  emailDigests: {
    queue: QUEUES.notifications,
    name: "email-digests",
    schema: z.object({}).strict(),
  },
  emailDigest: {
    queue: QUEUES.notifications,
    name: "email-digest",
    schema: z
      .object({
        userId: id,
        /** "2026-11-24" for the daily digest; absent when mailing as things come. */
        periodKey: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date YYYY-MM-DD").optional(),
      })
      .strict(),
  },
  /** Fan-out: one courseDemandDigest job per institution user. */
  courseDemandDigests: {
    queue: QUEUES.notifications,
    name: "course-demand-digests",
    schema: z.object({}).strict(),
  },
  courseDemandDigest: {
    queue: QUEUES.notifications,
    name: "course-demand-digest",
    schema: z.object({ userId: id, week: z.string().regex(/^\d{4}-W\d{2}$/, "an ISO week YYYY-Www") }).strict(),
  },
  /** Imports the taxonomy from the configured data directory (JOBBRO_DATA_DIR); started by an operator. */
  taxonomyImport: {
    queue: QUEUES.taxonomy,
    name: "import",
    schema: z.object({ startedById: id.optional() }).strict(),
  },
  /** E-mails a citizen the link to their page (they asked for it on /borger). */
  citizenLink: {
    queue: QUEUES.privacy,
    name: "citizen-link",
    schema: z.object({ candidateId: id }).strict(),
  },
  /** Outbox "introduction.proposed": e-mails the citizen that a company asks to be introduced. */
  introductionProposed: {
    queue: QUEUES.privacy,
    name: "introduction-proposed",
    schema: z.object({ topic: z.literal("introduction.proposed"), aggregateId: id, outboxId: z.string().regex(/^\d+$/).optional() }).strict(),
  },
  /** Carries out one ErasureRequest. */
  erasure: {
    queue: QUEUES.privacy,
    name: "erasure",
    schema: z.object({ erasureRequestId: id }).strict(),
  },
  /** Re-enqueues pending erasure requests whose job Redis lost. */
  erasureSweep: {
    queue: QUEUES.privacy,
    name: "erasure-sweep",
    schema: z.object({}).strict(),
  },
  /** Daily: erasure requests for candidates inactive longer than RETENTION_INACTIVE_DAYS. */
  retention: {
    queue: QUEUES.privacy,
    name: "retention",
    schema: z.object({}).strict(),
  },
} as const;

export type JobDefinition = (typeof JOBS)[keyof typeof JOBS];
export type SearchSyncPayload = z.infer<typeof JOBS.searchSync.schema>;

/**
 * Which queues an outbox topic goes to. Search sync takes every topic; other
 * consumers (matching, notifications) add their routes here.
 */
/** Jobs an outbox row can become: each takes { topic, aggregateId, outboxId }. */
export type OutboxRouteJob = typeof JOBS.searchSync | typeof JOBS.introductionProposed;

export const OUTBOX_ROUTES: Record<OutboxTopic, readonly OutboxRouteJob[]> = {
  "skill.changed": [JOBS.searchSync],
  "occupation.changed": [JOBS.searchSync],
  "vacancy.changed": [JOBS.searchSync],
  "candidate.changed": [JOBS.searchSync],
  "offering.changed": [JOBS.searchSync],
  "course.changed": [JOBS.searchSync],
  "introduction.proposed": [JOBS.introductionProposed],
};

/**
 * Retries with exponential backoff (1 s, 2 s, 4 s … about 17 min in all);
 * completed jobs are trimmed soon, failed ones kept for a week to inspect.
 */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 10,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 10_000 },
};

export interface QueueOptions {
  /** A producer connection (createRedis("producer")): fails fast when Redis is down. */
  connection: Redis;
  prefix: string;
}

export function createQueue(name: QueueName, options: QueueOptions): Queue {
  return new Queue(name, { connection: options.connection, prefix: options.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS });
}

/** Validates a payload against its job's schema before it reaches Redis. */
export function parsePayload<J extends JobDefinition>(job: J, data: unknown): z.infer<J["schema"]> {
  const parsed = job.schema.safeParse(data);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join(".") || "(payload)"}: ${i.message}`).join("; ");
    throw new InvalidPayloadError(`Invalid payload for job ${job.queue}/${job.name}: ${fields}`);
  }
  return parsed.data as z.infer<J["schema"]>;
}

export class InvalidPayloadError extends Error {
  name = "InvalidPayloadError";
}
