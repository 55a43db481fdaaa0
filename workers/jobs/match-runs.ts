// Full matching runs as a BullMQ flow: a "finish" parent whose children are the
// batches, so any number of worker processes share a run and it completes when
// every batch has. Progress is kept in PostgreSQL (app/modules/matching/runs),
// so a reconcile job can enqueue again whatever Redis lost; job ids derived from
// run and batch make such re-enqueues no-ops when the job still exists.
import { type FlowProducer, UnrecoverableError, type Job, type Queue } from "bullmq";
import { failBatch, finishRunIfDone, localDate, runBatch, startRun, unfinishedRuns } from "~/modules/matching/runs.server";
import { matchVacancies } from "../../search/matching-engine.server";
import type { Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import type { WorkerConfig } from "../config";
import { InvalidPayloadError, JOBS, parsePayload, QUEUES } from "~/lib/queues/registry";

export const batchJobId = (runId: string, batchNo: number) => `run-${runId}-batch-${batchNo}`;
export const finishJobId = (runId: string) => `run-${runId}-finish`;

const BATCH_OPTIONS = { attempts: 8, backoff: { type: "exponential", delay: 2000 } } as const;

export interface RunDeps {
  db: Db;
  flows: FlowProducer;
  queue: () => Queue;
  config: WorkerConfig;
  log: Logger;
}

async function enqueueRun(deps: RunDeps, runId: string, batchNos: number[]): Promise<void> {
  await deps.flows.add({
    name: JOBS.runFinish.name,
    queueName: QUEUES.runs,
    data: { runId },
    opts: { jobId: finishJobId(runId) },
    children: batchNos.map((batchNo) => ({
      name: JOBS.runBatch.name,
      queueName: QUEUES.runs,
      data: { runId, batchNo },
      // A batch that fails for good is recorded as failures; the run still finishes.
      opts: { jobId: batchJobId(runId, batchNo), ...BATCH_OPTIONS, ignoreDependencyOnFailure: true },
    })),
  });
}

export function createRunProcessor(deps: RunDeps) {
  return async function processRun(job: Job) {
    try {
      switch (job.name) {
        case JOBS.runStart.name: {
          const { kind, startedById } = parsePayload(JOBS.runStart, job.data);
          // One nightly run per calendar night in the configured zone, however many
          // schedulers fire or processes retry.
          // A retried start job finds its own run again; job ids alone restart
          // after Redis loses its data, so the key carries the job's timestamp too.
          const runKey =
            kind === "NIGHTLY" ? `nightly-${localDate(new Date(job.timestamp), deps.config.nightlyTimeZone)}` : `manual-${job.timestamp}-${job.id}`;
          const started = await startRun(deps.db, { kind, runKey, startedById, batchSize: deps.config.matchBatchSize });
          if (started.batchNos.length === 0) await finishRunIfDone(deps.db, started.runId);
          else await enqueueRun(deps, started.runId, started.batchNos);
          deps.log.info({ jobId: job.id, runId: started.runId, created: started.created, batches: started.batchNos.length }, "match run started");
          return started;
        }
        case JOBS.runBatch.name: {
          const { runId, batchNo } = parsePayload(JOBS.runBatch, job.data);
          try {
            const result = await runBatch(deps.db, runId, batchNo, matchVacancies);
            await finishRunIfDone(deps.db, runId);
            return result;
          } catch (error) {
            const attempts = job.opts.attempts ?? 1;
            if (job.attemptsMade + 1 >= attempts) {
              await failBatch(deps.db, runId, batchNo, error instanceof Error ? error.message : String(error));
              await finishRunIfDone(deps.db, runId);
            }
            throw error;
          }
        }
        case JOBS.runFinish.name: {
          const { runId } = parsePayload(JOBS.runFinish, job.data);
          const finished = await finishRunIfDone(deps.db, runId);
          if (finished) deps.log.info({ runId }, "match run completed");
          return { finished };
        }
        case JOBS.runReconcile.name: {
          let requeued = 0;
          for (const run of await unfinishedRuns(deps.db)) {
            if (run.batchNos.length === 0) {
              await finishRunIfDone(deps.db, run.runId);
              continue;
            }
            // Existing job ids are ignored by BullMQ, so only what Redis lost is added.
            await deps.queue().addBulk(
              run.batchNos.map((batchNo) => ({ name: JOBS.runBatch.name, data: { runId: run.runId, batchNo }, opts: { jobId: batchJobId(run.runId, batchNo), ...BATCH_OPTIONS } })),
            );
            requeued += run.batchNos.length;
          }
          return { requeued };
        }
      }
    } catch (error) {
      if (error instanceof InvalidPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
    throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${QUEUES.runs}`);
  };
}
