// What /healthz reads from Redis: waiting, active, delayed and failed jobs per
// queue, whether each job scheduler of the table exists, and the eviction
// policy. A connection of its own with a hard time limit, like the Redis health
// check: when Redis is down the answers are null and /healthz still answers at once.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { QUEUES, type QueueName } from "~/lib/queues/registry";
import { readScheduler, type SchedulerPresence } from "~/lib/queues/scheduler-state.server";
import { EXPECTED_SCHEDULERS } from "~/lib/queues/schedules";
import { createRedis, evictionPolicy } from "~/lib/redis.server";
import { getQueuePrefix } from "~/lib/queue.server";

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
}

export type QueueDepths = Record<QueueName, QueueDepth | null>;

/** Every queue unknown: what /healthz reports when Redis cannot be read. */
export function noQueueDepths(): QueueDepths {
  return Object.fromEntries(Object.values(QUEUES).map((name) => [name, null])) as QueueDepths;
}

type Queues = ReadonlyMap<QueueName, Queue>;

/**
 * Runs `read` on a fresh connection with a Queue per queue name; `fallback()`
 * when Redis does not answer within `ms` or the read fails.
 */
export async function readQueues<T>(ms: number, fallback: () => T, read: (queues: Queues, redis: Redis) => Promise<T>, prefix = getQueuePrefix()): Promise<T> {
  const redis = createRedis("producer");
  redis.on("error", () => {}); // the fallback reports it; /healthz's redis field says why
  const queues = new Map(Object.values(QUEUES).map((name) => [name, new Queue(name, { connection: redis, prefix })] as const));
  for (const queue of queues.values()) queue.on("error", () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    const reading = (async () => {
      if (redis.status !== "ready") {
        await new Promise<void>((resolve, reject) => {
          redis.once("ready", () => resolve());
          redis.once("end", () => reject(new Error("Redis connection ended")));
        });
      }
      return read(queues, redis);
    })();
    reading.catch(() => {}); // may settle after the time limit; nobody waits for it then
    const timeout = new Promise<T>((resolve) => {
      timer = setTimeout(() => resolve(fallback()), ms);
    });
    return await Promise.race([reading.catch(() => fallback()), timeout]);
  } finally {
    clearTimeout(timer);
    await Promise.all([...queues.values()].map((q) => q.close().catch(() => {})));
    redis.disconnect();
  }
}

async function depthsOf(queues: Queues): Promise<QueueDepths> {
  const depths = noQueueDepths();
  await Promise.all(
    [...queues].map(async ([name, queue]) => {
      const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
      depths[name] = { waiting: counts.waiting ?? 0, active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
    }),
  );
  return depths;
}

export type SchedulerPresences = Record<string, SchedulerPresence>;

async function schedulersOf(queues: Queues): Promise<SchedulerPresences> {
  const states = await Promise.all(EXPECTED_SCHEDULERS.map(async ({ id, queue }) => [id, (await readScheduler(queues.get(queue)!, id)).presence] as const));
  return Object.fromEntries(states);
}

export async function queueDepths(ms: number, prefix = getQueuePrefix()): Promise<QueueDepths> {
  return readQueues(ms, noQueueDepths, depthsOf, prefix);
}

export interface RedisSignals {
  queues: QueueDepths;
  /** null: Redis could not be read. */
  schedulers: SchedulerPresences | null;
  /** null: unknown (Redis down, or CONFIG disabled as on some managed services). */
  evictionPolicy: string | null;
}

/** Depths, schedulers and eviction policy in one connection, within `ms`. */
export async function redisSignals(ms: number, prefix = getQueuePrefix()): Promise<RedisSignals> {
  return readQueues<RedisSignals>(
    ms,
    () => ({ queues: noQueueDepths(), schedulers: null, evictionPolicy: null }),
    async (queues, redis) => {
      const [depths, schedulers, policy] = await Promise.all([depthsOf(queues), schedulersOf(queues), evictionPolicy(redis)]);
      return { queues: depths, schedulers, evictionPolicy: policy };
    },
    prefix,
  );
}
