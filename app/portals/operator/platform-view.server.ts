// The operator's view of the platform status on the runs page: the same checks
// as /healthz (app/modules/health), shaped for the page. Host names and process
// ids of workers only: nothing about people.
import { checkHealthWithOperations } from "~/portals/operator/health/health.server";
import type { PlatformStatus, ReasonCode } from "~/portals/operator/health/platform-status";
import type { Db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";

/** Shorter than /healthz's limit: the page must render even while Redis hangs. */
const PAGE_CHECK_MS = 1500;

export interface PlatformView {
  status: PlatformStatus;
  reasons: { code: ReasonCode; subject: string | null }[];
  outbox: { undispatched: number; oldestAgeMs: number | null } | null;
  workers: { id: string; hostname: string; pid: number; startedAt: string; lastSeenAt: string; ageMs: number; alive: boolean }[] | null;
}

export async function platformView(db: Db): Promise<PlatformView> {
  const { report, heartbeats } = await checkHealthWithOperations(db, PAGE_CHECK_MS);
  const staleMs = getEnv().HEALTH_WORKER_STALE_MS;
  return {
    status: report.status,
    reasons: report.reasons.map((r) => ({ code: r.code, subject: r.subject ?? null })),
    outbox: report.outbox,
    workers:
      heartbeats?.map((h) => ({
        id: h.id,
        hostname: h.hostname,
        pid: h.pid,
        startedAt: h.startedAt.toISOString(),
        lastSeenAt: h.lastSeenAt.toISOString(),
        ageMs: h.ageMs,
        alive: h.ageMs <= staleMs,
      })) ?? null,
  };
}
