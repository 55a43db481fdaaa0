// BullMQ keeps jobs as Redis keys: a Redis that evicts keys under memory
// pressure silently loses jobs. Production must run with noeviction.
import type { Redis } from "ioredis";
import type { Logger } from "~/lib/logger.server";
import { evictionPolicy } from "~/lib/redis.server";

export async function warnUnlessNoEviction(redis: Redis, log: Logger): Promise<string | null> {
  const policy = await evictionPolicy(redis);
  if (policy === null) {
    log.warn("could not read Redis maxmemory-policy; make sure it is noeviction, or jobs may be lost");
  } else if (policy !== "noeviction") {
    log.error(
      { maxmemoryPolicy: policy },
      `!!! Redis maxmemory-policy is "${policy}", not "noeviction": Redis may DELETE QUEUED JOBS under memory pressure. Set maxmemory-policy noeviction. !!!`,
    );
  }
  return policy;
}
