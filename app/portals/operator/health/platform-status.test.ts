import { describe, expect, it } from "vitest";
import { platformReasons, platformStatus, type PlatformSignals } from "./platform-status";

const thresholds = { outboxLagMs: 30_000, workerStaleMs: 60_000 };
const healthy: PlatformSignals = {
  services: { postgres: "ok", redis: "ok", meilisearch: "ok" },
  schedulers: { "nightly-matching": "ok", "match-run-reconcile": "ok" },
  outbox: { undispatched: 2, oldestAgeMs: 400 },
  workers: { lastHeartbeatAgeMs: 3000 },
  evictionPolicy: "noeviction",
};
const codes = (signals: PlatformSignals) => platformReasons(signals, thresholds).map((r) => [r.code, r.subject ?? null]);

describe("platform status", () => {
  it("is ok when everything runs", () => {
    expect(platformReasons(healthy, thresholds)).toEqual([]);
    expect(platformStatus([])).toBe("ok");
  });

  it("is degraded, with a reason each, when schedulers are gone, the outbox lags, no worker beats or Redis may evict", () => {
    const reasons = platformReasons(
      {
        ...healthy,
        schedulers: { "nightly-matching": "missing", "match-run-reconcile": "stalled" },
        outbox: { undispatched: 6, oldestAgeMs: 45_000 },
        workers: { lastHeartbeatAgeMs: 90_000 },
        evictionPolicy: "allkeys-lru",
      },
      thresholds,
    );
    expect(reasons.map((r) => [r.code, r.subject ?? null])).toEqual([
      ["scheduler-missing", "nightly-matching"],
      ["scheduler-missing", "match-run-reconcile"],
      ["outbox-lag", null],
      ["no-worker-heartbeat", null],
      ["redis-eviction-policy", "allkeys-lru"],
    ]);
    expect(reasons[2]!.message).toBe("6 outbox rows wait; the oldest for 45 s (more than 30 s)");
    expect(platformStatus(reasons)).toBe("degraded");
  });

  it("counts a platform that never saw a worker as degraded", () => {
    expect(codes({ ...healthy, workers: { lastHeartbeatAgeMs: null } })).toEqual([["no-worker-heartbeat", null]]);
  });

  it("does not guess: unknown signals give no reason, and a service down makes it down", () => {
    const down: PlatformSignals = { ...healthy, services: { ...healthy.services, redis: "down" }, schedulers: null, evictionPolicy: null };
    const reasons = platformReasons(down, thresholds);
    expect(reasons.map((r) => [r.code, r.subject])).toEqual([["service-down", "redis"]]);
    expect(platformStatus(reasons)).toBe("down");
    expect(codes({ ...healthy, outbox: null, workers: null })).toEqual([]);
    expect(codes({ ...healthy, outbox: { undispatched: 1, oldestAgeMs: 30_000 } })).toEqual([]);
  });
});
