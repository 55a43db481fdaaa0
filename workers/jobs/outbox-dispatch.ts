// Moves committed outbox rows into BullMQ. Every worker process calls this in a
// loop of its own (workers/outbox-loop.ts), so delivery needs Redis to answer
// but no Redis key to have survived (docs/decisions/024-…). A transaction-level
// PostgreSQL advisory lock lets one process dispatch at a time; the others skip
// that tick.
//
// Safe anyway if two ever overlap: rows are claimed with FOR UPDATE SKIP LOCKED
// inside a transaction, and each job's id is derived from its outbox row, so a
// row dispatched twice (the add succeeded but the commit did not) is a no-op.
import type { JobsOptions, Queue } from "bullmq";
import { tryLockForTransaction } from "~/lib/advisory-locks.repository.server";
import type { Logger } from "~/lib/logger.server";
import {
  claimUndispatchedOutboxRows,
  findOutboxRowsDispatchedSince,
  markOutboxRowsDispatched,
  parkOutboxRow,
  recordOutboxDispatchFailure,
  type OutboxRow,
} from "~/lib/outbox/outbox.repository.server";
import { isOutboxTopic } from "~/lib/outbox/topics";
import type { Db } from "~/lib/db.server";
import { InvalidPayloadError, OUTBOX_ROUTES, parsePayload, type QueueName } from "~/lib/queues/registry";

export interface DispatchDeps {
  db: Db;
  queues: ReadonlyMap<QueueName, Queue>;
  log: Logger;
  batchSize?: number;
  /** Bounds one run, so a backlog is worked off across runs, not in one long transaction chain. */
  maxBatches?: number;
}

/** The advisory lock key of the dispatcher ('jobbro:outbox-dispatch' hashed, as search sync hashes its keys). */
const DISPATCH_LOCK = "jobbro:outbox-dispatch";

export function outboxJobId(outboxId: bigint | string): string {
  return `outbox-${outboxId}`;
}

/** Dispatches pending outbox rows; returns how many rows it handled (0 when another process holds the lock). */
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
        if (!(await tryLockForTransaction(tx, DISPATCH_LOCK))) return 0;
        const rows = await claimUndispatchedOutboxRows(tx, batchSize);
        if (rows.length === 0) return 0;
        claimedIds = rows.map((r) => r.id.toString());

        const { jobs, routed, parked } = jobsForRows(rows);
        await addJobs(deps, jobs);

        if (routed.length > 0) await markOutboxRowsDispatched(tx, routed);
        // No consumer could ever take these; park them (dispatched, with the reason) instead of retrying forever.
        for (const p of parked) {
          await parkOutboxRow(tx, p.id, p.reason);
          deps.log.error({ outboxId: p.id, reason: p.reason }, "outbox row parked");
        }
        return rows.length;
      },
      { timeout: 30_000, maxWait: 10_000 },
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (claimedIds.length > 0) {
      await recordOutboxDispatchFailure(deps.db, claimedIds, message.slice(0, 500)).catch(() => undefined);
    }
    throw error;
  }
}

/**
 * Adds again the jobs of rows dispatched since `since` (database time). After
 * Redis lost its data, the jobs of rows dispatched shortly before are gone
 * although their rows say "dispatched"; consumers read current state, so a
 * second delivery is harmless, and a job that still exists is not added twice
 * (its id comes from the row). Returns how many rows it delivered again.
 */
export async function redeliverDispatchedSince(deps: Pick<DispatchDeps, "db" | "queues" | "log">, sinceMs: number, batchSize = 500): Promise<number> {
  let after = 0n;
  let total = 0;
  for (;;) {
    // Parked rows (lastError set) never had a job; they stay parked.
    const rows = await findOutboxRowsDispatchedSince(deps.db, sinceMs, after, batchSize);
    if (rows.length === 0) return total;
    await addJobs(deps, jobsForRows(rows).jobs);
    total += rows.length;
    after = rows[rows.length - 1].id;
  }
}

type QueuedJob = { name: string; data: unknown; opts: JobsOptions };

/** The jobs a set of rows becomes, per queue, and the rows no consumer can take. */
function jobsForRows(rows: readonly OutboxRow[]) {
  const parked: { id: string; reason: string }[] = [];
  const routed: string[] = [];
  const jobs = new Map<QueueName, QueuedJob[]>();
  for (const row of rows) {
    const routes = routeRow(row);
    if ("reason" in routes) {
      parked.push({ id: row.id.toString(), reason: routes.reason });
      continue;
    }
    routed.push(row.id.toString());
    for (const job of routes) {
      const list = jobs.get(job.queue) ?? [];
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
      jobs.set(job.queue, list);
    }
  }
  return { jobs, routed, parked };
}

async function addJobs(deps: Pick<DispatchDeps, "queues">, jobs: ReadonlyMap<QueueName, QueuedJob[]>): Promise<void> {
  for (const [queueName, list] of jobs) {
    const queue = deps.queues.get(queueName);
    if (!queue) throw new Error(`No producer for queue ${queueName}`);
    await queue.addBulk(list);
  }
}

type RoutedJob = { queue: QueueName; name: string; data: unknown };

/** The jobs an outbox row becomes, or why it cannot become any. */
function routeRow(row: OutboxRow): RoutedJob[] | { reason: string } {
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
