// Settings of the notification jobs, validated like workers/config.ts and kept
// next to the jobs that use them.
import { z } from "zod";

const NotifyConfigSchema = z.object({
  /** "daily": one digest per user per day at NOTIFY_DIGEST_CRON; "immediate": mail new things within NOTIFY_IMMEDIATE_EVERY_MS. */
  NOTIFY_EMAIL_MODE: z.enum(["daily", "immediate"]).default("daily"),
  NOTIFY_DIGEST_CRON: z.string().min(9).default("0 7 * * *"),
  /** Institutions' weekly course-demand mail: Mondays 07:00. */
  NOTIFY_DEMAND_CRON: z.string().min(9).default("0 7 * * 1"),
  NOTIFY_TZ: z.string().min(1).default("Europe/Copenhagen"),
  /** How often new matches are turned into in-app notifications. */
  NOTIFY_SWEEP_EVERY_MS: z.coerce.number().int().min(50).max(3_600_000).default(5000),
  NOTIFY_IMMEDIATE_EVERY_MS: z.coerce.number().int().min(50).max(3_600_000).default(60_000),
  /** First retry delay of a mail that failed (doubling each time). */
  NOTIFY_RETRY_DELAY_MS: z.coerce.number().int().min(10).max(3_600_000).default(5000),
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
  const d = parsed.data;
  return {
    emailMode: d.NOTIFY_EMAIL_MODE,
    digestCron: d.NOTIFY_DIGEST_CRON,
    demandCron: d.NOTIFY_DEMAND_CRON,
    timeZone: d.NOTIFY_TZ,
    sweepEveryMs: d.NOTIFY_SWEEP_EVERY_MS,
    immediateEveryMs: d.NOTIFY_IMMEDIATE_EVERY_MS,
    retryDelayMs: d.NOTIFY_RETRY_DELAY_MS,
    retryAttempts: d.NOTIFY_RETRY_ATTEMPTS,
  };
}
