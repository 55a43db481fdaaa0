// Settings of the notification jobs, validated like workers/config.ts and kept
// next to the jobs that use them. Their timings (modes, cron patterns, sweep and
// retry intervals) are defined in app/lib/queues/schedules.ts.
import { z } from "zod";
import { TIMING_VARIABLES, timingsFrom } from "~/lib/queues/schedules";

const NotifyConfigSchema = TIMING_VARIABLES.extend({
  NOTIFY_RETRY_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(12),
});

export interface NotifyConfig {
  emailMode: "daily" | "immediate";
  digestCron: string;
  demandCron: string;
  timeZone: string;
  sweepEveryMs: number;
  immediateEveryMs: number;
  retryDelayMs: number;
  retryAttempts: number;
}

export function getNotifyConfig(source: Record<string, string | undefined> = process.env): NotifyConfig {
  const parsed = NotifyConfigSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid notification settings:\n${lines.join("\n")}`);
  }
  const t = timingsFrom(parsed.data);
  return {
    emailMode: t.emailMode,
    digestCron: t.emailDigestCron,
    demandCron: t.courseDemandCron,
    timeZone: t.notifyTimeZone,
    sweepEveryMs: t.notifySweepEveryMs,
    immediateEveryMs: t.emailImmediateEveryMs,
    retryDelayMs: t.notifyRetryDelayMs,
    retryAttempts: parsed.data.NOTIFY_RETRY_ATTEMPTS,
  };
}
