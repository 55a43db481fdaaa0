// A task a worker process runs by itself at an interval, outside BullMQ: what
// must keep happening when Redis has lost every key (docs/decisions/024-…).
// Ticks never overlap; stop() waits for the tick in progress, so a worker stops
// cleanly on SIGTERM.
import type { Logger } from "~/lib/logger.server";

export interface Loop {
  /** Runs a tick as soon as the one in progress (if any) ends; resolves when it has run. */
  runNow(): Promise<void>;
  /** No further ticks; resolves once the tick in progress has finished. */
  stop(): Promise<void>;
}

export interface LoopOptions {
  name: string;
  everyMs: number;
  log: Logger;
  tick: () => Promise<void>;
  /** The first tick at once rather than after everyMs. */
  immediately?: boolean;
}

export function startLoop({ name, everyMs, log, tick, immediately = false }: LoopOptions): Loop {
  let timer: NodeJS.Timeout | undefined;
  let tail: Promise<void> = Promise.resolve(); // the last tick started or queued
  let queued: Promise<void> | undefined; // a tick waiting for the running one
  let stopped = false;
  let failing: string | undefined;

  const tickSafely = async () => {
    try {
      await tick();
      if (failing) log.info({ loop: name }, "loop works again");
      failing = undefined;
    } catch (error) {
      // The next tick is the retry, so a loop logs and goes on: one line per
      // kind of failure, not one per tick of an outage.
      const message = error instanceof Error ? error.message : String(error);
      if (message !== failing) log.error({ loop: name, err: message }, "loop tick failed");
      failing = message;
    }
  };

  const request = (): Promise<void> => {
    if (stopped) return tail;
    if (queued) return queued;
    clearTimeout(timer);
    const next = tail.then(async () => {
      queued = undefined;
      if (stopped) return;
      await tickSafely();
      if (!stopped && !queued) {
        clearTimeout(timer);
        timer = setTimeout(() => void request(), everyMs);
      }
    });
    queued = next;
    tail = next;
    return next;
  };

  if (immediately) void request();
  else timer = setTimeout(() => void request(), everyMs);

  return {
    runNow: request,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await tail;
    },
  };
}
