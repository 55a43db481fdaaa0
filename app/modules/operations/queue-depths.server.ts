// Queue depths for /healthz: waiting, active, delayed and failed jobs per queue.
// A connection of its own with a hard time limit, like the Redis health check:
// when Redis is down the depths are null and /healthz still answers at once.
import { Queue } from "bullmq";
import { QUEUES, type QueueName } from "~/modules/jobs/registry";
import { createRedis } from "~/utils/redis.server";
import { getQueuePrefix } from "~/utils/queue.server";

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

export async function queueDepths(ms: number, prefix = getQueuePrefix()): Promise<QueueDepths> {
  const redis = createRedis("producer");
  redis.on("error", () => {}); // the null depths report it; /healthz's redis field says why
  const queues = Object.values(QUEUES).map((name) => new Queue(name, { connection: redis, prefix }));
  for (const queue of queues) queue.on("error", () => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    const read = (async () => {
      if (redis.status !== "ready") {
        await new Promise<void>((resolve, reject) => {
          redis.once("ready", () => resolve());
          redis.once("end", () => reject(new Error("Redis connection ended")));
        });
      }
      const depths = noQueueDepths();
      await Promise.all(
        queues.map(async (queue) => {
          const counts = await queue.getJobCounts("waiting", "active", "delayed", "failed");
          depths[queue.name as QueueName] = {
            waiting: counts.waiting ?? 0,
            active: counts.active ?? 0,
            delayed: counts.delayed ?? 0,
            failed: counts.failed ?? 0,
          };
        }),
      );
      return depths;
    })();
    read.catch(() => {}); // may settle after the time limit; nobody waits for it then
    const timeout = new Promise<QueueDepths>((resolve) => {
      timer = setTimeout(() => resolve(noQueueDepths()), ms);
    });
    return await Promise.race([read.catch(() => noQueueDepths()), timeout]);
  } finally {
    clearTimeout(timer);
    await Promise.all(queues.map((q) => q.close().catch(() => {})));
    redis.disconnect();
  }
}
