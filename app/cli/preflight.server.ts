// Checks that the services Jobbro cannot start itself are reachable, and says in
// one message which one is not, the URL tried and how to start it.
import pg from "pg";
import { Redis } from "ioredis";
import { redactUrl } from "../../prisma/tools/database";

export class ServiceUnavailableError extends Error {}

export async function checkPostgres(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new ServiceUnavailableError(
      `PostgreSQL is not reachable at ${redactUrl(databaseUrl)} (${(error as Error).message}).\n` +
        "Start it with:  pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start\n" +
        "or point DATABASE_URL at a running server.",
    );
  } finally {
    await client.end().catch(() => {});
  }
}

export async function checkRedis(redisUrl: string): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false, connectTimeout: 3000, retryStrategy: () => null });
  redis.on("error", () => {}); // reported below, once
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new ServiceUnavailableError(
      `Redis is not reachable at ${redactUrl(redisUrl)} (${(error as Error).message}).\n` +
        'Start it with:  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no\n' +
        "or point REDIS_URL at a running server.",
    );
  } finally {
    redis.disconnect();
  }
}
