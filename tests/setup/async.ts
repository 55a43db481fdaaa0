// Waiting for what workers do in the background, and cleaning up their queues.
import { randomBytes } from "node:crypto";
import { createRedis } from "~/lib/redis.server";

/**
 * vi.waitFor's options for work done in the background (outbox, queues,
 * matching, mail): polled every 100 ms, up to `timeout` (30 s unless told).
 * A generous limit costs nothing when things work: the wait ends as soon as
 * the condition holds.
 */
export function within(timeout = 30_000): { timeout: number; interval: number } {
  return { timeout, interval: 100 };
}

/** A BullMQ key prefix of the test's own, so parallel test files never share queues. */
export function testQueuePrefix(): string {
  return `test_${randomBytes(4).toString("hex")}`;
}

export async function deleteQueueKeys(prefix: string, url?: string): Promise<void> {
  const redis = createRedis("worker", url);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
