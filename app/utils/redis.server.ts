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
