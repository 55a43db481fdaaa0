// Every Meilisearch write is an asynchronous task: a 202 only means "queued".
// We wait for each one and turn a failed task into an exception, so that a
// broken setting or document never passes silently (and a job retries).
import type { EnqueuedTaskPromise, Task } from "meilisearch";

export class MeiliTaskError extends Error {
  constructor(
    readonly what: string,
    readonly task: Task,
  ) {
    super(`${what} failed: Meilisearch task ${task.uid} ended ${task.status}` + (task.error ? ` (${task.error.code}: ${task.error.message})` : ""));
    this.name = "MeiliTaskError";
  }

  get code(): string | undefined {
    return this.task.error?.code;
  }
}

export const TASK_TIMEOUT_MS = 120_000;

/** Waits for the task and throws MeiliTaskError unless it succeeded. */
export async function waitOk(what: string, enqueued: EnqueuedTaskPromise, options: { allowCodes?: string[] } = {}): Promise<Task> {
  const task = await enqueued.waitTask({ timeout: TASK_TIMEOUT_MS, interval: 50 });
  if (task.status === "succeeded") return task;
  if (task.status === "failed" && task.error && options.allowCodes?.includes(task.error.code)) return task;
  throw new MeiliTaskError(what, task);
}
