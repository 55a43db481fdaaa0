// The OutboxEvent table: rows written in the transaction of the change itself
// (./outbox.server.ts checks them first), moved to the queues by
// workers/jobs/outbox-dispatch.ts, pruned once old, and read for the delivery
// lag and for a reindex's catch-up.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import type { OutboxPayload, OutboxTopic } from "./topics";

type Reader = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

/** What writes outbox rows: the transaction client of the change, so both commit or neither does. */
export type OutboxWriter = Pick<Prisma.TransactionClient, "outboxEvent">;

export async function insertOutboxEvent(tx: OutboxWriter, event: { topic: OutboxTopic; aggregateId: string; payload: OutboxPayload }): Promise<void> {
  await tx.outboxEvent.create({ data: event });
}

/** One row per aggregate, in one statement. */
export async function insertOutboxEvents(tx: OutboxWriter, topic: OutboxTopic, aggregateIds: readonly string[]): Promise<void> {
  await tx.outboxEvent.createMany({ data: aggregateIds.map((aggregateId) => ({ topic, aggregateId })) });
}

/** A row as the dispatcher routes it. */
export interface OutboxRow {
  id: bigint;
  topic: string;
  aggregateId: string;
}

/**
 * Up to `limit` undispatched rows, oldest first, locked until the transaction
 * ends; rows another transaction holds are skipped, not waited for.
 */
export async function claimUndispatchedOutboxRows(tx: Tx, limit: number): Promise<OutboxRow[]> {
  return tx.$queryRaw<OutboxRow[]>`
    SELECT id, topic, "aggregateId" FROM "OutboxEvent"
    WHERE "dispatchedAt" IS NULL
    ORDER BY id
    LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
}

export async function markOutboxRowsDispatched(tx: Tx, ids: readonly string[]): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OutboxEvent" SET "dispatchedAt" = now(), attempts = attempts + 1, "lastError" = NULL
    WHERE id = ANY(${ids}::bigint[])`;
}

/** Dispatched without a job, with the reason no consumer can take it: never retried. */
export async function parkOutboxRow(tx: Tx, id: string, reason: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "OutboxEvent" SET "dispatchedAt" = now(), attempts = attempts + 1, "lastError" = ${reason}
    WHERE id = ${id}::bigint`;
}

/** Counts a failed attempt on rows still undispatched; the next run tries them again. */
export async function recordOutboxDispatchFailure(db: Reader, ids: readonly string[], message: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "OutboxEvent" SET attempts = attempts + 1, "lastError" = ${message}
    WHERE id = ANY(${ids}::bigint[]) AND "dispatchedAt" IS NULL`;
}

/** Rows given a job within the last `sinceMs` (database time), after `afterId`, in id order; parked rows are not among them. */
export async function findOutboxRowsDispatchedSince(db: Reader, sinceMs: number, afterId: bigint, limit: number): Promise<OutboxRow[]> {
  return db.$queryRaw<OutboxRow[]>`
    SELECT id, topic, "aggregateId" FROM "OutboxEvent"
    WHERE "dispatchedAt" >= now() - make_interval(secs => ${sinceMs / 1000}) AND "lastError" IS NULL AND id > ${afterId}
    ORDER BY id
    LIMIT ${limit}`;
}

/** Deletes rows dispatched before `cutoff`; returns how many. */
export async function deleteOutboxRowsDispatchedBefore(db: Reader, cutoff: Date): Promise<number> {
  const { count } = await db.outboxEvent.deleteMany({ where: { dispatchedAt: { lt: cutoff } } });
  return count;
}

/** How many rows wait for dispatch, and the oldest one's age by the database's clock (null when none waits). */
export async function undispatchedOutboxStats(db: Reader): Promise<{ undispatched: bigint; oldestAgeMs: bigint | null } | undefined> {
  const [row] = await db.$queryRaw<{ undispatched: bigint; oldestAgeMs: bigint | null }[]>`
    SELECT count(*) AS undispatched,
           (EXTRACT(EPOCH FROM (now() - min("createdAt"))) * 1000)::bigint AS "oldestAgeMs"
    FROM "OutboxEvent" WHERE "dispatchedAt" IS NULL`;
  return row;
}

/** The database's clock, which stamps outbox rows: compare createdAt with this, not with the process's clock. */
export async function outboxClock(db: Reader): Promise<Date> {
  const [{ now }] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  return now;
}

/** The aggregates of `topic` with a row written at or after `since`, each once. */
export async function outboxAggregateIdsSince(db: Reader, topic: string, since: Date): Promise<string[]> {
  const rows = await db.outboxEvent.findMany({
    where: { topic, createdAt: { gte: since } },
    select: { aggregateId: true },
    distinct: ["aggregateId"],
  });
  return rows.map((r) => r.aggregateId);
}
