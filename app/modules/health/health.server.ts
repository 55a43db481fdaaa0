// Readiness of the services the web process needs. Each check has a short
// timeout of its own so that /healthz answers quickly even when one hangs.
import { getDb } from "~/utils/db.server";
import { getEnv } from "~/utils/env.server";
import { createLogger } from "~/utils/logger.server";
import { createRedis } from "~/utils/redis.server";
import { noQueueDepths, queueDepths, type QueueDepths } from "~/modules/operations/queue-depths.server";
import { lastNightlyRun } from "~/modules/operations/repository.server";

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

export async function checkPostgres(ms = HEALTH_CHECK_TIMEOUT_MS): Promise<ServiceState> {
  return state(() => getDb().$queryRaw`SELECT 1`, ms, "PostgreSQL");
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

export async function checkHealth(ms = HEALTH_CHECK_TIMEOUT_MS): Promise<{ healthy: boolean; report: HealthReport }> {
  const [postgres, redis, meilisearch] = await Promise.all([checkPostgres(ms), checkRedis(ms), checkMeilisearch(ms)]);
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
  queues: QueueDepths;
  lastNightlyRun: NightlyRunReport | null;
}

async function nightlyRunReport(ms: number): Promise<NightlyRunReport | null> {
  try {
    const run = await withTimeout(lastNightlyRun(getDb()), ms, "PostgreSQL (last nightly run)");
    return run ? { status: run.status, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null } : null;
  } catch {
    return null; // the postgres field already says whether PostgreSQL is down
  }
}

/** Readiness plus queue depths and the last nightly run, all within the same time limit. */
export async function checkHealthWithOperations(ms = HEALTH_CHECK_TIMEOUT_MS): Promise<{ healthy: boolean; report: HealthReport & OperationsReport }> {
  const [health, queues, nightly] = await Promise.all([checkHealth(ms), queueDepths(ms).catch(() => null), nightlyRunReport(ms)]);
  return { healthy: health.healthy, report: { ...health.report, queues: queues ?? noQueueDepths(), lastNightlyRun: nightly } };
}
