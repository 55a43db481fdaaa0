// Queue producers for the web process (an operator starting a run, the queue
// dashboard, /healthz). Built on the one registry of queues and payloads; the
// web process never imports workers/. The connection is a producer one: when
// Redis is down, enqueueing fails within a few seconds with QueueUnavailableError
// instead of hanging the request.
import type { JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import { createQueue, parsePayload, type JobDefinition, type QueueName } from "~/lib/queues/registry";
import { createLogger } from "./logger.server";
import { createRedis } from "./redis.server";

/**
 * The BullMQ key prefix the workers use. Read here with the same variable and
 * default as workers/config.ts (WORKER_QUEUE_PREFIX, "jobbro"), because app/ may
 * not import workers/: keep the two in step.
 */
export const DEFAULT_QUEUE_PREFIX = "jobbro";

export function getQueuePrefix(source: Record<string, string | undefined> = process.env): string {
  const prefix = source.WORKER_QUEUE_PREFIX || DEFAULT_QUEUE_PREFIX;
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) throw new Error("WORKER_QUEUE_PREFIX: letters, digits, _ and - only");
  return prefix;
}

/** How long a request waits for Redis before it is told the queues are unavailable. */
export const QUEUE_READY_TIMEOUT_MS = 2500;

export class QueueUnavailableError extends Error {
  name = "QueueUnavailableError";
  readonly status = 503;
}

let connection: Redis | undefined;
const queues = new Map<string, Queue>();

function producerConnection(): Redis {
  if (!connection) {
    const redis = createRedis("producer");
    const log = createLogger("queue");
    let reported = false;
    // ioredis retries on its own; one log line per outage, not one per retry.
    redis.on("error", (error: Error) => {
      if (!reported) log.warn({ err: error.message }, "Redis connection for queue producers failed");
      reported = true;
    });
    redis.on("ready", () => {
      reported = false;
    });
    connection = redis;
  }
  return connection;
}

/**
 * Resolves once the producer connection is ready, or throws QueueUnavailableError
 * after `ms`. BullMQ itself would wait for a first connection for ever.
 */
export async function ensureQueueConnection(ms = QUEUE_READY_TIMEOUT_MS): Promise<Redis> {
  const redis = producerConnection();
  if (redis.status === "ready") return redis;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.off("ready", onReady);
      reject(new QueueUnavailableError(`Redis did not answer within ${ms} ms`));
    }, ms);
    const onReady = () => {
      clearTimeout(timer);
      resolve();
    };
    redis.once("ready", onReady);
  });
  return redis;
}

/** The queue of this name under the current prefix, one instance per process. */
export function getQueue(name: QueueName): Queue {
  const prefix = getQueuePrefix();
  const key = `${prefix}:${name}`;
  let queue = queues.get(key);
  if (!queue) {
    queue = createQueue(name, { connection: producerConnection(), prefix });
    // Errors surface at the call that failed; this only keeps them from being unhandled.
    queue.on("error", () => {});
    queues.set(key, queue);
  }
  return queue;
}

/** Validates the payload against the registry and adds the job; fails fast when Redis is down. */
export async function enqueue<J extends JobDefinition>(job: J, data: unknown, options?: JobsOptions): Promise<{ jobId: string }> {
  const payload = parsePayload(job, data);
  await ensureQueueConnection();
  try {
    const added = await getQueue(job.queue).add(job.name, payload, options);
    return { jobId: String(added.id) };
  } catch (error) {
    throw new QueueUnavailableError(`Could not add ${job.queue}/${job.name}: ${(error as Error).message}`);
  }
}

/** For tests and shutdown: closes the queues and the producer connection. */
export async function closeQueues(): Promise<void> {
  const open = [...queues.values()];
  queues.clear();
  await Promise.all(open.map((q) => q.close().catch(() => {})));
  connection?.disconnect();
  connection = undefined;
}
