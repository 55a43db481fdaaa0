// Waiting for what workers do in the background, and cleaning up their queues.
import { randomBytes } from "node:crypto";
import { createRedis } from "~/lib/redis.server";

/** Polls `read` until `ok` holds; fails with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A BullMQ key prefix of the test's own, so parallel test files never share queues. */
export function testQueuePrefix(): string {
  return `test_${randomBytes(4).toString("hex")}`;
}

export async function deleteQueueKeys(prefix: string): Promise<void> {
  const redis = createRedis("worker");
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
