// Moves committed outbox rows into BullMQ. Runs as a job of the "outbox" queue,
// triggered by a BullMQ job scheduler, so that however many worker processes
// run, one dispatch runs at a time (docs/decisions/005-search-and-outbox.md).
//
// Safe anyway if two ever overlap: rows are claimed with FOR UPDATE SKIP LOCKED
// inside a transaction, and each job's id is derived from its outbox row, so a
// row dispatched twice (the add succeeded but the commit did not) is a no-op.
import type { JobsOptions, Queue } from "bullmq";
import type { Logger } from "~/utils/logger.server";
import { isOutboxTopic } from "~/modules/outbox/topics";
import type { Db } from "~/utils/db.server";
import { InvalidPayloadError, OUTBOX_ROUTES, parsePayload, type QueueName } from "~/modules/jobs/registry";

export interface DispatchDeps {
  db: Db;
  queues: ReadonlyMap<QueueName, Queue>;
  log: Logger;
  batchSize?: number;
  /** Bounds one run, so a backlog is worked off across runs, not in one long job. */
  maxBatches?: number;
}

interface ClaimedRow {
  id: bigint;
  topic: string;
  aggregateId: string;
}

export function outboxJobId(outboxId: bigint | string): string {
  return `outbox-${outboxId}`;
}

/** Dispatches pending outbox rows; returns how many rows it handled. */
export async function dispatchOutbox(deps: DispatchDeps): Promise<number> {
  const batchSize = deps.batchSize ?? 500;
  const maxBatches = deps.maxBatches ?? 20;
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const handled = await dispatchBatch(deps, batchSize);
    total += handled;
    if (handled < batchSize) break;
  }
  return total;
}

async function dispatchBatch(deps: DispatchDeps, batchSize: number): Promise<number> {
  let claimedIds: string[] = [];
  try {
    return await deps.db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRaw<ClaimedRow[]>`
          SELECT id, topic, "aggregateId" FROM "OutboxEvent"
          WHERE "dispatchedAt" IS NULL
          ORDER BY id
          LIMIT ${batchSize}
          FOR UPDATE SKIP LOCKED`;
        if (rows.length === 0) return 0;
        claimedIds = rows.map((r) => r.id.toString());

        const parked: { id: string; reason: string }[] = [];
        const dispatched: string[] = [];
        const byQueue = new Map<QueueName, { name: string; data: unknown; opts: JobsOptions }[]>();
        for (const row of rows) {
          const jobs = routeRow(row);
          if ("reason" in jobs) {
            parked.push({ id: row.id.toString(), reason: jobs.reason });
            continue;
          }
          dispatched.push(row.id.toString());
          for (const job of jobs) {
            const list = byQueue.get(job.queue) ?? [];
            list.push({
              name: job.name,
              data: job.data,
              opts: {
                jobId: outboxJobId(row.id),
                // A burst of changes to one row becomes one job: the job reads the
                // current row, so the latest change is never lost (one more job is
                // kept if a change arrives while one runs).
                deduplication: { id: `${job.queue}:${row.topic}:${row.aggregateId}`, keepLastIfActive: true },
              },
            });
            byQueue.set(job.queue, list);
          }
        }
        for (const [queueName, jobs] of byQueue) {
          const queue = deps.queues.get(queueName);
          if (!queue) throw new Error(`No producer for queue ${queueName}`);
          await queue.addBulk(jobs);
        }

        if (dispatched.length > 0) {
          await tx.$executeRaw`
            UPDATE "OutboxEvent" SET "dispatchedAt" = now(), attempts = attempts + 1, "lastError" = NULL
            WHERE id = ANY(${dispatched}::bigint[])`;
        }
        // No consumer could ever take these; park them (dispatched, with the reason) instead of retrying forever.
        for (const p of parked) {
          await tx.$executeRaw`
            UPDATE "OutboxEvent" SET "dispatchedAt" = now(), attempts = attempts + 1, "lastError" = ${p.reason}
            WHERE id = ${p.id}::bigint`;
          deps.log.error({ outboxId: p.id, reason: p.reason }, "outbox row parked");
        }
        return rows.length;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (claimedIds.length > 0) {
      await deps.db.$executeRaw`
        UPDATE "OutboxEvent" SET attempts = attempts + 1, "lastError" = ${message.slice(0, 500)}
        WHERE id = ANY(${claimedIds}::bigint[]) AND "dispatchedAt" IS NULL`.catch(() => undefined);
    }
    throw error;
  }
}

type RoutedJob = { queue: QueueName; name: string; data: unknown };

/** The jobs an outbox row becomes, or why it cannot become any. */
function routeRow(row: ClaimedRow): RoutedJob[] | { reason: string } {
  if (!isOutboxTopic(row.topic)) return { reason: `unknown topic "${row.topic}"` };
  try {
    return OUTBOX_ROUTES[row.topic].map((job) => ({
      queue: job.queue,
      name: job.name,
      data: parsePayload(job, { topic: row.topic, aggregateId: row.aggregateId, outboxId: row.id.toString() }),
    }));
  } catch (error) {
    if (error instanceof InvalidPayloadError) return { reason: error.message.slice(0, 500) };
    throw error;
  }
}
