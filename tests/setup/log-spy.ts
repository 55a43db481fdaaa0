// What the app's loggers of one name warn about while a test runs, for tests
// that assert which path the code took (e.g. a health check that gave up at its
// own time limit) rather than how long it took. The lines are still logged.
import { vi } from "vitest";
import * as logger from "~/lib/logger.server";

export interface WarningRecorder {
  /** The bindings object of each warn(obj, msg) call, in order. */
  warnings: Record<string, unknown>[];
  restore(): void;
}

export function recordWarnings(name: string): WarningRecorder {
  const createLogger = logger.createLogger;
  const warnings: Record<string, unknown>[] = [];
  const spy = vi.spyOn(logger, "createLogger").mockImplementation((loggerName, bindings) => {
    const log = createLogger(loggerName, bindings);
    if (loggerName !== name) return log;
    const recording = Object.create(log) as typeof log;
    recording.warn = ((obj: Record<string, unknown>, ...rest: [string?, ...unknown[]]) => {
      warnings.push(obj);
      log.warn(obj, ...(rest as [string]));
    }) as typeof log.warn;
    return recording;
  });
  return { warnings, restore: () => spy.mockRestore() };
}
