// Readiness of the services the web process needs. Each check has a short
// timeout of its own so that /healthz answers quickly even when one hangs.
import type { Db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { createLogger } from "~/lib/logger.server";
import { createRedis } from "~/lib/redis.server";
import { outboxLag, type OutboxLag } from "~/lib/outbox/lag.server";
import { redisSignals, type QueueDepths, type SchedulerPresences } from "~/portals/operator/queue-depths.server";
import { lastNightlyRun, pingDatabase } from "~/portals/operator/repository.server";
import { workerHeartbeats, type WorkerHeartbeatView } from "~/portals/operator/worker-heartbeats.server";
import { platformReasons, platformStatus, type PlatformStatus, type Reason } from "./platform-status";

export type ServiceState = "ok" | "down";

export interface HealthReport {
  postgres: ServiceState;
  redis: ServiceState;
  meilisearch: ServiceState;
}

// Generous enough for the first query of a cold Prisma client (its query compiler loads then).
export const HEALTH_CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function state(check: () => Promise<unknown>, ms: number, what: string): Promise<ServiceState> {
  try {
    await withTimeout(check(), ms, what);
    return "ok";
  } catch (error) {
    createLogger("health").warn({ service: what, err: (error as Error).message }, "health check failed");
    return "down";
  }
}

export async function checkPostgres(db: Db, ms = HEALTH_CHECK_TIMEOUT_MS): Promise<ServiceState> {
  return state(() => pingDatabase(db), ms, "PostgreSQL");
}

export async function checkRedis(ms = HEALTH_CHECK_TIMEOUT_MS): Promise<ServiceState> {
  // A connection of its own: the shared producer connection may be mid-reconnect,
  // and a health check must say what Redis is like now.
  const redis = createRedis("producer");
  redis.on("error", () => {}); // the check's result reports it
  try {
    return await state(
      async () => {
        if (redis.status !== "ready") await new Promise((resolve, reject) => {
          redis.once("ready", resolve);
          redis.once("end", () => reject(new Error("Redis connection ended")));
        });
        const pong = await redis.ping();
        if (pong !== "PONG") throw new Error(`Redis answered ${pong}`);
      },
      ms,
      "Redis",
    );
  } finally {
    redis.disconnect();
  }
}

export async function checkMeilisearch(ms = HEALTH_CHECK_TIMEOUT_MS): Promise<ServiceState> {
  return state(
    async () => {
      const res = await fetch(new URL("/health", getEnv().MEILI_URL), { signal: AbortSignal.timeout(ms) });
      if (!res.ok) throw new Error(`Meilisearch /health answered ${res.status}`);
      const body = (await res.json()) as { status?: string };
      if (body.status !== "available") throw new Error(`Meilisearch is ${body.status}`);
    },
    ms,
    "Meilisearch",
  );
}

export async function checkHealth(db: Db, ms = HEALTH_CHECK_TIMEOUT_MS): Promise<{ healthy: boolean; report: HealthReport }> {
  const [postgres, redis, meilisearch] = await Promise.all([checkPostgres(db, ms), checkRedis(ms), checkMeilisearch(ms)]);
  const report = { postgres, redis, meilisearch };
  return { healthy: Object.values(report).every((s) => s === "ok"), report };
}

export interface NightlyRunReport {
  status: string;
  startedAt: string;
  finishedAt: string | null;
}

/** What operators and monitoring read besides readiness; never decides 200 or 503. */
export interface OperationsReport {
  /** "down" with a 503; "degraded" (still 200) when Jobbro is not doing its job although every service answers. */
  status: PlatformStatus;
  reasons: Reason[];
  queues: QueueDepths;
  /** Each job scheduler of the table: "ok", "missing" or "stalled"; null when Redis could not be read. */
  schedulers: SchedulerPresences | null;
  /** Outbox rows not yet moved to the queues; null when PostgreSQL could not be read. */
  outbox: OutboxLag | null;
  /** Workers whose heartbeat is fresh, and the age of the newest; null when PostgreSQL could not be read. */
  workers: { alive: number; lastHeartbeatAgeMs: number | null } | null;
  /** null when unknown (Redis down, or CONFIG disabled). */
  redisEvictionPolicy: string | null;
  lastNightlyRun: NightlyRunReport | null;
}

async function nightlyRunReport(db: Db, ms: number): Promise<NightlyRunReport | null> {
  try {
    const run = await withTimeout(lastNightlyRun(db), ms, "PostgreSQL (last nightly run)");
    return run ? { status: run.status, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null } : null;
  } catch {
    return null; // the postgres field already says whether PostgreSQL is down
  }
}

/** null when PostgreSQL does not answer in time: the postgres field says so. */
async function orNull<T>(read: () => Promise<T>, ms: number, what: string): Promise<T | null> {
  return withTimeout(read(), ms, what).catch(() => null);
}

export interface PlatformHealth {
  healthy: boolean;
  report: HealthReport & OperationsReport;
  /** Every worker seen in the last day, for the operator's page (not part of /healthz's body). */
  heartbeats: WorkerHeartbeatView[] | null;
}

/** Readiness plus what tells whether the platform does its job, all within the same time limit. */
export async function checkHealthWithOperations(db: Db, ms = HEALTH_CHECK_TIMEOUT_MS): Promise<PlatformHealth> {
  const [health, redis, nightly, outbox, heartbeats] = await Promise.all([
    checkHealth(db, ms),
    redisSignals(ms),
    nightlyRunReport(db, ms),
    orNull(() => outboxLag(db), ms, "PostgreSQL (outbox lag)"),
    orNull(() => workerHeartbeats(db), ms, "PostgreSQL (worker heartbeats)"),
  ]);
  const env = getEnv();
  const lastHeartbeatAgeMs = heartbeats && heartbeats.length > 0 ? Math.min(...heartbeats.map((h) => h.ageMs)) : null;
  const workers = heartbeats ? { alive: heartbeats.filter((h) => h.ageMs <= env.HEALTH_WORKER_STALE_MS).length, lastHeartbeatAgeMs } : null;
  const reasons = platformReasons(
    { services: health.report, schedulers: redis.schedulers, outbox, workers, evictionPolicy: redis.evictionPolicy },
    { outboxLagMs: env.HEALTH_OUTBOX_LAG_MS, workerStaleMs: env.HEALTH_WORKER_STALE_MS },
  );
  return {
    healthy: health.healthy,
    report: {
      ...health.report,
      status: platformStatus(reasons),
      reasons,
      queues: redis.queues,
      schedulers: redis.schedulers,
      outbox,
      workers,
      redisEvictionPolicy: redis.evictionPolicy,
      lastNightlyRun: nightly,
    },
    heartbeats,
  };
}
