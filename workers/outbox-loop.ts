// Every worker process moves outbox rows to the queues in a loop of its own,
// not in a job that a Redis key triggers: after Redis has lost its data the
// loop simply goes on, and every row that waited is moved (ADR 024). One
// process dispatches at a time (an advisory lock in dispatchOutbox); the others'
// ticks return at once.
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { QueueName } from "~/lib/queues/registry";
import type { Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import { dispatchOutbox } from "./jobs/outbox-dispatch";
import { startLoop, type Loop } from "./loop";

export interface OutboxLoopOptions {
  db: Db;
  queues: ReadonlyMap<QueueName, Queue>;
  /** The producer connection the queues add through. */
  producer: Redis;
  everyMs: number;
  log: Logger;
}

export function startOutboxLoop({ db, queues, producer, everyMs, log }: OutboxLoopOptions): Loop {
  return startLoop({
    name: "outbox-dispatch",
    everyMs,
    log,
    immediately: true,
    tick: async () => {
      // While Redis is away every add would fail and count an attempt on each
      // row, twice a second; the rows wait unchanged instead (their age shows in /healthz).
      if (producer.status !== "ready") return;
      await dispatchOutbox({ db, queues, log });
    },
  });
}
