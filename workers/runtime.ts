// Starts this process's queues, workers and schedulers, and stops them again.
// Only workers/main.ts and tests call this: nothing under app/ may, so a worker
// can never start inside the web process.
import { FlowProducer, UnrecoverableError, Worker, type Queue } from "bullmq";
import type { Redis } from "ioredis";
import { getDb, type Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import { createRedis } from "~/lib/redis.server";
import type { WorkerConfig } from "./config";
import { dispatchOutbox, redeliverDispatchedSince } from "./jobs/outbox-dispatch";
import { pruneOutbox } from "./jobs/outbox-prune";
import { createRunProcessor } from "./jobs/match-runs";
import { createMatchingProcessor } from "./jobs/rematch";
import { createSearchSyncProcessor } from "./jobs/search-sync";
import { createNotifyProcessor } from "./jobs/notify";
import { getNotifyConfig, type NotifyConfig } from "./jobs/notify-config";
import { createPrivacyProcessor, getPrivacyConfig, type PrivacyConfig } from "./jobs/privacy";
import { createTaxonomyProcessor } from "./jobs/taxonomy-import";
import { startHeartbeat } from "./heartbeat";
import { startLoop } from "./loop";
import { startOutboxLoop } from "./outbox-loop";
import { convergeSchedulers, scheduleSettings, type ConvergeResult } from "./schedulers";
import { getEnv } from "~/lib/env.server";
import { createMailer, type Mailer } from "~/lib/mailer.server";
import { createQueue, JOBS, QUEUES, type QueueName } from "~/lib/queues/registry";
import { resolveSchedules } from "~/lib/queues/schedules";

export interface WorkerRuntime {
  queues: ReadonlyMap<QueueName, Queue>;
  workers: readonly Worker[];
  /** Checks every job scheduler against the table now, as the interval check does (tests, reconnects). */
  checkSchedulers(): Promise<ConvergeResult>;
  close(): Promise<void>;
}

export interface StartOptions {
  config: WorkerConfig;
  log: Logger;
  db?: Db;
  /** Notification settings; read from the environment when omitted. */
  notify?: NotifyConfig;
  /** Outgoing mail; an SMTP_URL mailer when omitted. */
  mailer?: Mailer;
  /** Retention and erasure settings; read from the environment when omitted. */
  privacy?: PrivacyConfig;
}

export async function startWorkers({ config, log, db = getDb(), notify = getNotifyConfig(), mailer: givenMailer, privacy = getPrivacyConfig() }: StartOptions): Promise<WorkerRuntime> {
  const mailer = givenMailer ?? createMailer();
  const producer = createRedis("producer");
  const connections: Redis[] = [producer];
  const workerConnection = () => {
    const c = createRedis("worker");
    connections.push(c);
    return c;
  };
  const queues = new Map<QueueName, Queue>(
    Object.values(QUEUES).map((name) => [name, createQueue(name, { connection: producer, prefix: config.queuePrefix })]),
  );

  const flows = new FlowProducer({ connection: producer, prefix: config.queuePrefix });
  const common = {
    prefix: config.queuePrefix,
    autorun: true,
    lockDuration: config.lockDurationMs,
    stalledInterval: config.stalledIntervalMs,
    ...(config.rateLimitPerSecond ? { limiter: { max: config.rateLimitPerSecond, duration: 1000 } } : {}),
  } as const;
  const workers = [
    new Worker(
      QUEUES.outbox,
      async (job) => {
        if (job.name === JOBS.outboxPrune.name) return { pruned: await pruneOutbox(db) };
        // Left by the retired "outbox-dispatch" scheduler of an earlier release; harmless to serve.
        if (job.name === JOBS.outboxDispatch.name) return { dispatched: await dispatchOutbox({ db, queues, log: log.child({ job: "outbox-dispatch" }) }) };
        throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${QUEUES.outbox}`);
      },
      { ...common, connection: workerConnection(), concurrency: 1 },
    ),
    new Worker(
      QUEUES.searchSync,
      createSearchSyncProcessor(log.child({ job: "search-sync" }), { queue: () => queues.get(QUEUES.matching)!, db, delayMs: config.rematchDelayMs }),
      { ...common, connection: workerConnection(), concurrency: config.concurrency },
    ),
    new Worker(
      QUEUES.matching,
      createMatchingProcessor({ db, queue: () => queues.get(QUEUES.matching)!, log: log.child({ job: "matching" }), delayMs: config.rematchDelayMs }),
      { ...common, connection: workerConnection(), concurrency: config.concurrency },
    ),
    new Worker(
      QUEUES.runs,
      createRunProcessor({ db, flows, queue: () => queues.get(QUEUES.runs)!, config, log: log.child({ job: "match-runs" }) }),
      { ...common, connection: workerConnection(), concurrency: config.concurrency },
    ),
    new Worker(
      QUEUES.notifications,
      createNotifyProcessor({
        db,
        mailer,
        queue: () => queues.get(QUEUES.notifications)!,
        config: notify,
        log: log.child({ job: "notifications" }),
        appUrl: getEnv().APP_URL,
        secret: getEnv().SESSION_SECRET,
      }),
      { ...common, connection: workerConnection(), concurrency: config.concurrency },
    ),
    // One import at a time: each rewrites the whole taxonomy in one transaction.
    new Worker(QUEUES.taxonomy, createTaxonomyProcessor({ db, log: log.child({ job: "taxonomy" }) }), { ...common, connection: workerConnection(), concurrency: 1 }),
    new Worker(
      QUEUES.privacy,
      createPrivacyProcessor({ db, mailer, queue: () => queues.get(QUEUES.privacy)!, config: privacy, log: log.child({ job: "privacy" }) }),
      { ...common, connection: workerConnection(), concurrency: config.concurrency },
    ),
  ];
  for (const worker of workers) {
    worker.on("failed", (job, error) => {
      // Ids and the error message only: job data never holds personal data, but logs stay lean anyway.
      log.warn({ queue: worker.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: error.message }, "job failed");
    });
    worker.on("error", (error) => log.error({ queue: worker.name, err: error.message }, "worker error"));
  }

  // The one table of schedules with this deployment's timings; registered now
  // and checked again at an interval, so schedulers come back after Redis lost
  // them without a reconnect (ADR 024).
  const schedules = resolveSchedules(scheduleSettings(config, notify, privacy));
  const schedulerLog = log.child({ job: "schedulers" });
  const checkSchedulers = async (): Promise<ConvergeResult> => {
    const result = await convergeSchedulers({ queues, schedules, log: schedulerLog });
    if (result.lost.length > 0) await afterRedisLoss(result.lost);
    // Thrown after the repairs, so that the loop logs it (once per kind of failure) and the next tick retries.
    if (result.failed.length > 0) throw new Error(`job schedulers not checked: ${result.failed.map((f) => `${f.id} (${f.error})`).join(", ")}`);
    return result;
  };
  // Missing schedulers mean a first start or a Redis that lost its data, and
  // with it the jobs of outbox rows dispatched shortly before: those are added
  // again. Runs and erasures need nothing here: their reconcile and sweep
  // schedulers run at once when re-registered and re-enqueue from PostgreSQL.
  const afterRedisLoss = async (lost: string[]) => {
    const redelivered = config.redeliverWindowMs > 0 ? await redeliverDispatchedSince({ db, queues, log: schedulerLog }, config.redeliverWindowMs) : 0;
    schedulerLog.warn({ lost, redeliveredOutboxRows: redelivered, windowMs: config.redeliverWindowMs }, "job schedulers were missing (first start, or Redis lost its data): registered again");
  };
  await checkSchedulers();

  const outboxLoop = startOutboxLoop({ db, queues, producer, everyMs: config.dispatchEveryMs, log: log.child({ job: "outbox-dispatch" }) });
  const schedulerLoop = startLoop({
    name: "scheduler-check",
    everyMs: config.schedulerCheckEveryMs,
    log: schedulerLog,
    tick: async () => {
      if (producer.status !== "ready") return; // an outage is reported by /healthz; the reconnect below checks at once
      await checkSchedulers();
    },
  });
  const heartbeat = startHeartbeat({ db, everyMs: config.heartbeatEveryMs, log: log.child({ job: "heartbeat" }) });
  await heartbeat.ready;

  // A Redis restarted without persistence has lost everything: check at once
  // rather than at the next interval.
  let connectedBefore = producer.status === "ready";
  producer.on("ready", () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    log.warn("Redis reconnected: checking job schedulers");
    void schedulerLoop.runNow();
  });
  log.info({ queues: [...queues.keys()], concurrency: config.concurrency, prefix: config.queuePrefix, workerId: heartbeat.identity.id }, "workers started");

  return {
    queues,
    workers,
    checkSchedulers,
    async close() {
      // The loops first: they use the queues closed below.
      await Promise.all([outboxLoop.stop(), schedulerLoop.stop(), heartbeat.stop()]);
      // Lets running jobs finish; unfinished ones are picked up again after a restart.
      await Promise.all(workers.map((w) => w.close()));
      await Promise.all([...queues.values()].map((q) => q.close()));
      await flows.close();
      if (!givenMailer) mailer.close();
      for (const c of connections) c.disconnect();
      log.info("workers stopped");
    },
  };
}
