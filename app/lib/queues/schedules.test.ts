import { describe, expect, it } from "vitest";
import { QUEUES } from "./registry";
import { EXPECTED_SCHEDULERS, RETIRED_SCHEDULERS, resolveSchedules, schedulerDifference, type ScheduleSettings } from "./schedules";

const settings: ScheduleSettings = {
  nightlyMatchCron: "0 2 * * *",
  nightlyMatchTimeZone: "Europe/Copenhagen",
  runReconcileEveryMs: 60_000,
  notifySweepEveryMs: 5000,
  emailMode: "daily",
  emailDigestCron: "0 7 * * *",
  emailImmediateEveryMs: 60_000,
  courseDemandCron: "0 7 * * 1",
  notifyTimeZone: "Europe/Copenhagen",
  retentionCron: "15 4 * * *",
  retentionTimeZone: "Europe/Copenhagen",
  erasureSweepEveryMs: 60_000,
};

const byId = (s: ScheduleSettings) => new Map(resolveSchedules(s).map((entry) => [entry.id, entry]));

describe("the table of schedules", () => {
  it("lists each scheduler once, on a queue of the registry, and /healthz expects exactly those", () => {
    const schedules = resolveSchedules(settings);
    expect(new Set(schedules.map((s) => s.id)).size).toBe(schedules.length);
    expect(schedules.every((s) => (Object.values(QUEUES) as string[]).includes(s.queue))).toBe(true);
    expect(EXPECTED_SCHEDULERS).toEqual(schedules.map((s) => ({ id: s.id, queue: s.queue })));
    // The outbox is delivered by a loop in every worker, never by a scheduler.
    expect(schedules.map((s) => s.id)).not.toContain("outbox-dispatch");
    expect(RETIRED_SCHEDULERS.map((s) => s.id)).toEqual(["outbox-dispatch"]);
  });

  it("takes its timings from the settings the environment feeds", () => {
    const daily = byId(settings);
    expect(daily.get("nightly-matching")).toMatchObject({
      queue: QUEUES.runs,
      repeat: { pattern: "0 2 * * *", tz: "Europe/Copenhagen" },
      template: { name: "start", data: { kind: "NIGHTLY" } },
    });
    expect(daily.get("match-run-reconcile")?.repeat).toEqual({ every: 60_000 });
    expect(daily.get("email-digests")?.repeat).toEqual({ pattern: "0 7 * * *", tz: "Europe/Copenhagen" });
    expect(daily.get("outbox-prune")?.repeat).toEqual({ pattern: "30 3 * * *", tz: "Europe/Copenhagen" });

    const immediate = byId({ ...settings, emailMode: "immediate", emailImmediateEveryMs: 30_000, nightlyMatchCron: "0 3 * * *" });
    expect(immediate.get("email-digests")?.repeat).toEqual({ every: 30_000 });
    expect(immediate.get("nightly-matching")?.repeat).toMatchObject({ pattern: "0 3 * * *" });
  });
});

describe("comparing a stored scheduler with the table", () => {
  const nightly = byId(settings).get("nightly-matching")!;
  // As BullMQ returns it: options merged with the queue's defaults, keys in an order of its own.
  const stored = {
    name: "start",
    pattern: "0 2 * * *",
    tz: "Europe/Copenhagen",
    template: {
      data: { kind: "NIGHTLY" },
      opts: { removeOnFail: { age: 604800, count: 10000 }, backoff: { delay: 5000, type: "exponential" }, removeOnComplete: { age: 3600, count: 1000 }, attempts: 5, lifo: false },
    },
  };

  it("finds none when only key order and the queue's defaults differ", () => {
    expect(schedulerDifference(stored, nightly)).toBeNull();
  });

  it("names what differs", () => {
    expect(schedulerDifference({ ...stored, pattern: "0 4 * * *" }, nightly)).toMatch(/pattern 0 4/);
    expect(schedulerDifference({ ...stored, tz: undefined }, nightly)).toMatch(/pattern/);
    expect(schedulerDifference({ ...stored, name: "other" }, nightly)).toMatch(/job name/);
    expect(schedulerDifference({ ...stored, template: { ...stored.template, data: { kind: "MANUAL" } } }, nightly)).toBe("job data");
    expect(schedulerDifference({ ...stored, template: { ...stored.template, opts: { ...stored.template.opts, attempts: 1 } } }, nightly)).toBe("job option attempts");
    const reconcile = byId(settings).get("match-run-reconcile")!;
    expect(schedulerDifference({ name: "reconcile", every: 1000, template: { data: {}, opts: reconcile.template.opts } }, reconcile)).toMatch(/every 1000/);
    expect(schedulerDifference({ name: "reconcile", every: 60_000, template: { data: {}, opts: reconcile.template.opts } }, reconcile)).toBeNull();
  });
});
