// Whether the platform does its job, from signals that are read elsewhere
// (pure; tested next to it). "down": a service /healthz depends on does not
// answer (the 503 case). "degraded": every service answers but something that
// keeps Jobbro working is not happening: a job scheduler is missing, outbox
// rows wait too long, no worker has sent a heartbeat, or Redis may evict jobs.
// Each reason names itself with a stable code for monitoring and a sentence
// for people. docs/decisions/024-self-healing-when-redis-loses-data.md
import type { SchedulerPresence } from "~/lib/queues/scheduler-state.server";

export type PlatformStatus = "ok" | "degraded" | "down";

export type ReasonCode = "service-down" | "scheduler-missing" | "outbox-lag" | "no-worker-heartbeat" | "redis-eviction-policy";

export interface Reason {
  code: ReasonCode;
  /** What the reason is about: a service, a scheduler id, a policy; absent when the code says it all. */
  subject?: string;
  message: string;
}

export interface PlatformSignals {
  services: Record<"postgres" | "redis" | "meilisearch", "ok" | "down">;
  /** Scheduler id → presence; null when Redis could not be read. */
  schedulers: Record<string, SchedulerPresence> | null;
  /** null when PostgreSQL could not be read. */
  outbox: { undispatched: number; oldestAgeMs: number | null } | null;
  /** Age of the most recent worker heartbeat (null: none in the last day); the whole is null when PostgreSQL could not be read. */
  workers: { lastHeartbeatAgeMs: number | null } | null;
  /** null when unknown: Redis down, or CONFIG disabled (managed services). */
  evictionPolicy: string | null;
}

export interface Thresholds {
  /** The oldest undispatched outbox row may be this old before it is a reason. */
  outboxLagMs: number;
  /** The newest worker heartbeat may be this old before it is a reason. */
  workerStaleMs: number;
}

const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

export function platformReasons(signals: PlatformSignals, thresholds: Thresholds): Reason[] {
  const reasons: Reason[] = [];
  for (const [service, state] of Object.entries(signals.services)) {
    if (state === "down") reasons.push({ code: "service-down", subject: service, message: `${service} does not answer` });
  }
  for (const [id, presence] of Object.entries(signals.schedulers ?? {})) {
    if (presence === "ok") continue;
    reasons.push({
      code: "scheduler-missing",
      subject: id,
      message: presence === "missing" ? `job scheduler ${id} is missing in Redis` : `job scheduler ${id} has no next job in Redis and will not fire`,
    });
  }
  const oldest = signals.outbox?.oldestAgeMs;
  if (oldest != null && oldest > thresholds.outboxLagMs) {
    reasons.push({
      code: "outbox-lag",
      message: `${signals.outbox!.undispatched} outbox rows wait; the oldest for ${seconds(oldest)} (more than ${seconds(thresholds.outboxLagMs)})`,
    });
  }
  if (signals.workers) {
    const age = signals.workers.lastHeartbeatAgeMs;
    if (age === null || age > thresholds.workerStaleMs) {
      reasons.push({
        code: "no-worker-heartbeat",
        message: age === null ? "no worker has sent a heartbeat" : `no worker heartbeat for ${seconds(age)} (more than ${seconds(thresholds.workerStaleMs)})`,
      });
    }
  }
  if (signals.evictionPolicy !== null && signals.evictionPolicy !== "noeviction") {
    reasons.push({
      code: "redis-eviction-policy",
      subject: signals.evictionPolicy,
      message: `Redis maxmemory-policy is ${signals.evictionPolicy}, not noeviction: Redis may delete queued jobs`,
    });
  }
  return reasons;
}

export function platformStatus(reasons: readonly Reason[]): PlatformStatus {
  if (reasons.some((r) => r.code === "service-down")) return "down";
  return reasons.length > 0 ? "degraded" : "ok";
}
