// Worker-only settings, validated with zod like getEnv() but kept here so the
// web process never sees (or needs) them.
import { z } from "zod";

const WorkerConfigSchema = z.object({
  /** Jobs of one queue processed at once by this process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
  /** BullMQ key prefix; tests use their own so that parallel runs never share queues. */
  WORKER_QUEUE_PREFIX: z.string().regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only").default("jobbro"),
  /** How often the outbox dispatcher runs. */
  OUTBOX_DISPATCH_EVERY_MS: z.coerce.number().int().min(50).max(60_000).default(500),
});

export type WorkerConfig = {
  concurrency: number;
  queuePrefix: string;
  dispatchEveryMs: number;
};

export function getWorkerConfig(source: Record<string, string | undefined> = process.env): WorkerConfig {
  const parsed = WorkerConfigSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid worker environment:\n${lines.join("\n")}`);
  }
  return {
    concurrency: parsed.data.WORKER_CONCURRENCY,
    queuePrefix: parsed.data.WORKER_QUEUE_PREFIX,
    dispatchEveryMs: parsed.data.OUTBOX_DISPATCH_EVERY_MS,
  };
}
