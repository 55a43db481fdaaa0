import { describe, expect, it } from "vitest";
import { getNotifyConfig } from "./notify-config";

describe("notification settings", () => {
  it("defaults to a daily digest at 07:00 and Monday's course demand, Copenhagen time", () => {
    expect(getNotifyConfig({})).toMatchObject({ emailMode: "daily", digestCron: "0 7 * * *", demandCron: "0 7 * * 1", timeZone: "Europe/Copenhagen" });
  });

  it("names the variable that is wrong", () => {
    expect(() => getNotifyConfig({ NOTIFY_EMAIL_MODE: "hourly" })).toThrow(/NOTIFY_EMAIL_MODE/);
    expect(() => getNotifyConfig({ NOTIFY_SWEEP_EVERY_MS: "fast" })).toThrow(/NOTIFY_SWEEP_EVERY_MS/);
  });
});
