import { describe, expect, it } from "vitest";
import { readTimings } from "~/lib/queues/schedules";
import { getNotifyConfig } from "./notify-config";

describe("notification settings", () => {
  it("defaults to a daily digest at 07:00 and Monday's course demand, Copenhagen time", () => {
    expect(getNotifyConfig({})).toMatchObject({ emailMode: "daily", digestCron: "0 7 * * *", demandCron: "0 7 * * 1", timeZone: "Europe/Copenhagen" });
  });

  it("names the variable that is wrong", () => {
    expect(() => getNotifyConfig({ NOTIFY_EMAIL_MODE: "hourly" })).toThrow(/NOTIFY_EMAIL_MODE/);
    expect(() => getNotifyConfig({ NOTIFY_SWEEP_EVERY_MS: "fast" })).toThrow(/NOTIFY_SWEEP_EVERY_MS/);
  });

  it("takes its timings from the one list of timings, variable for variable", () => {
    const source = { NOTIFY_SWEEP_EVERY_MS: "200", NOTIFY_RETRY_DELAY_MS: "300", NOTIFY_DIGEST_CRON: "0 6 * * *", NOTIFY_EMAIL_MODE: "immediate" };
    const timings = readTimings(source);
    expect(getNotifyConfig(source)).toMatchObject({
      emailMode: timings.emailMode,
      digestCron: timings.emailDigestCron,
      sweepEveryMs: timings.notifySweepEveryMs,
      retryDelayMs: timings.notifyRetryDelayMs,
    });
    expect(timings).toMatchObject({ notifySweepEveryMs: 200, notifyRetryDelayMs: 300, emailDigestCron: "0 6 * * *", emailMode: "immediate" });
  });
});
