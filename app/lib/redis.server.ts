// One place that makes Redis connections. Producers (the web process) fail fast
// when Redis is down; BullMQ workers must wait and retry forever instead.
import { Redis, type RedisOptions } from "ioredis";
import { getEnv } from "./env.server";

export type RedisRole = "producer" | "worker";

export function createRedis(role: RedisRole, url = getEnv().REDIS_URL): Redis {
  const options: RedisOptions =
    role === "worker"
      ? { maxRetriesPerRequest: null }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000 };
  return new Redis(url, options);
}

let producer: Redis | undefined;

/** Shared connection for queue producers and health checks in the web process. */
export function getProducerRedis(): Redis {
  producer ??= createRedis("producer");
  return producer;
}

export async function closeProducerRedis(): Promise<void> {
  if (producer) {
    const p = producer;
    producer = undefined;
    p.disconnect();
  }
}

/**
 * Redis's maxmemory-policy, or null when it will not tell (managed services may
 * disable CONFIG). BullMQ keeps jobs as keys, so anything but "noeviction" may
 * silently drop jobs under memory pressure (ADR 005, ADR 024).
 */
export async function evictionPolicy(redis: Redis): Promise<string | null> {
  try {
    const reply = (await redis.config("GET", "maxmemory-policy")) as string[];
    return reply[1] ?? null;
  } catch {
    return null;
  }
}
