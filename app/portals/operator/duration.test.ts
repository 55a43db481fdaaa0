import { describe, expect, it } from "vitest";
import { durationParts, progressPercent, runDurationMs } from "./duration";

describe("run durations", () => {
  it("splits into the largest sensible units", () => {
    expect(durationParts(4_400)).toEqual({ unit: "seconds", seconds: 4 });
    expect(durationParts(125_000)).toEqual({ unit: "minutes", minutes: 2, seconds: 5 });
    expect(durationParts(3 * 3600_000 + 7 * 60_000 + 59_000)).toEqual({ unit: "hours", hours: 3, minutes: 7 });
    expect(durationParts(-5)).toEqual({ unit: "seconds", seconds: 0 });
  });

  it("measures a running run up to now and a finished one up to its end", () => {
    const start = "2026-11-24T01:00:00.000Z";
    expect(runDurationMs(start, "2026-11-24T01:00:30.000Z")).toBe(30_000);
    expect(runDurationMs(start, null, new Date("2026-11-24T01:01:00.000Z"))).toBe(60_000);
  });

  it("gives progress in whole percent, an empty run being done", () => {
    expect(progressPercent(1, 3)).toBe(33);
    expect(progressPercent(5, 5)).toBe(100);
    expect(progressPercent(0, 0)).toBe(100);
  });
});
