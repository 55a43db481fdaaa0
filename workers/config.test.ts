import { describe, expect, it } from "vitest";
import { getWorkerConfig } from "./config";

describe("worker config", () => {
  it("has defaults and names a bad variable", () => {
    expect(getWorkerConfig({})).toEqual({
      concurrency: 4,
      queuePrefix: "jobbro",
      dispatchEveryMs: 500,
      redeliverWindowMs: 3_600_000,
      schedulerCheckEveryMs: 20_000,
      heartbeatEveryMs: 10_000,
      nightlyCron: "0 2 * * *",
      nightlyTimeZone: "Europe/Copenhagen",
      matchBatchSize: 100,
      reconcileEveryMs: 60_000,
      rematchDelayMs: 1000,
      lockDurationMs: 30_000,
      stalledIntervalMs: 30_000,
      rateLimitPerSecond: null,
    });
    expect(getWorkerConfig({ WORKER_RATE_LIMIT_PER_SECOND: "50" }).rateLimitPerSecond).toBe(50);
    expect(() => getWorkerConfig({ MATCH_BATCH_SIZE: "0" })).toThrow(/MATCH_BATCH_SIZE/);
    expect(() => getWorkerConfig({ WORKER_CONCURRENCY: "zero" })).toThrow(/WORKER_CONCURRENCY/);
    expect(() => getWorkerConfig({ WORKER_QUEUE_PREFIX: "a:b" })).toThrow(/WORKER_QUEUE_PREFIX/);
    expect(() => getWorkerConfig({ SCHEDULER_CHECK_EVERY_MS: "10" })).toThrow(/SCHEDULER_CHECK_EVERY_MS/);
    expect(getWorkerConfig({ OUTBOX_REDELIVER_WINDOW_MS: "0" }).redeliverWindowMs).toBe(0);
    expect(getWorkerConfig({ REMATCH_DELAY_MS: "0" }).rematchDelayMs).toBe(0);
  });
});
