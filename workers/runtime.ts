// Starts this process's queues, workers and schedulers, and stops them again.
// Only workers/main.ts and tests call this: nothing under app/ may, so a worker
// can never start inside the web process.
import { FlowProducer, UnrecoverableError, Worker, type Queue } from "bullmq";
import type { Redis } from "ioredis";
import { getDb, type Db } from "~/utils/db.server";
import type { Logger } from "~/utils/logger.server";
import { createRedis } from "~/utils/redis.server";
import type { WorkerConfig } from "./config";
import { dispatchOutbox } from "./jobs/outbox-dispatch";
import { pruneOutbox } from "./jobs/outbox-prune";
import { createRunProcessor, upsertRunSchedulers } from "./jobs/match-runs";
import { createMatchingProcessor } from "./jobs/rematch";
import { createSearchSyncProcessor } from "./jobs/search-sync";
import { createNotifyProcessor, upsertNotifySchedulers } from "./jobs/notify";
import { getNotifyConfig, type NotifyConfig } from "./jobs/notify-config";
import { createPrivacyProcessor, getPrivacyConfig, upsertPrivacySchedulers, type PrivacyConfig } from "./jobs/privacy";
import { createTaxonomyProcessor } from "./jobs/taxonomy-import";
import { getEnv } from "~/utils/env.server";
import { createMailer, type Mailer } from "~/utils/mailer.server";
import { createQueue, JOBS, QUEUES, type QueueName } from "~/modules/jobs/registry";

export const OUTBOX_SCHEDULER_ID = "outbox-dispatch";
export const OUTBOX_PRUNE_SCHEDULER_ID = "outbox-prune";

export interface WorkerRuntime {
  queues: ReadonlyMap<QueueName, Queue>;
  workers: readonly Worker[];
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
        if (job.name === JOBS.outboxDispatch.name) return { dispatched: await dispatchOutbox({ db, queues, log: log.child({ job: "outbox-dispatch" }) }) };
        throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${QUEUES.outbox}`);
      },
      { ...common, connection: workerConnection(), concurrency: 1 },
    ),
    new Worker(
      QUEUES.searchSync,
      createSearchSyncProcessor(log.child({ job: "search-sync" }), { queue: () => queues.get(QUEUES.matching)!, db }),
      { ...common, connection: workerConnection(), concurrency: config.concurrency },
    ),
    new Worker(
      QUEUES.matching,
      createMatchingProcessor({ db, queue: () => queues.get(QUEUES.matching)!, log: log.child({ job: "matching" }) }),
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

  const upsertSchedulers = async () => {
    // One scheduler entry however many processes upsert it: only one dispatch
    // job exists at a time, instead of every process polling PostgreSQL.
    await queues.get(QUEUES.outbox)!.upsertJobScheduler(
      OUTBOX_SCHEDULER_ID,
      { every: config.dispatchEveryMs },
      { name: JOBS.outboxDispatch.name, data: {}, opts: { attempts: 1, removeOnComplete: true, removeOnFail: { count: 100 } } },
    );
    await queues.get(QUEUES.outbox)!.upsertJobScheduler(
      OUTBOX_PRUNE_SCHEDULER_ID,
      { pattern: "30 3 * * *", tz: "Europe/Copenhagen" },
      { name: JOBS.outboxPrune.name, data: {}, opts: { attempts: 3, removeOnComplete: { count: 10 }, removeOnFail: { count: 100 } } },
    );
    await upsertRunSchedulers(queues.get(QUEUES.runs)!, config);
    await upsertNotifySchedulers(queues.get(QUEUES.notifications)!, notify);
    await upsertPrivacySchedulers(queues.get(QUEUES.privacy)!, privacy);
  };
  await upsertSchedulers();
  // Redis often runs without persistence: after a restart it has lost the
  // schedulers (and every job). Registering them again on reconnect brings back
  // the outbox dispatcher and the run reconciler, which re-enqueue the rest from
  // PostgreSQL.
  let connectedBefore = false;
  producer.on("ready", () => {
    if (!connectedBefore) {
      connectedBefore = true;
      return;
    }
    upsertSchedulers().then(
      () => log.warn("Redis reconnected: job schedulers registered again"),
      (error: Error) => log.error({ err: error.message }, "could not register job schedulers after a Redis reconnect"),
    );
  });
  if (producer.status === "ready") connectedBefore = true;
  log.info({ queues: [...queues.keys()], concurrency: config.concurrency, prefix: config.queuePrefix }, "workers started");

  return {
    queues,
    workers,
    async close() {
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
