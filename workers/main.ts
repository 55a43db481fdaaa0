// The worker process (npm run worker). Run as many as you like, on any number
// of machines, against the same Redis and PostgreSQL.
import { disconnectDb } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import { createLogger } from "~/lib/logger.server";
import { createRedis } from "~/lib/redis.server";
import { setupIndexes } from "../search/setup";
import { getWorkerConfig } from "./config";
import { warnUnlessNoEviction } from "./redis-check";
import { startWorkers } from "./runtime";

const log = createLogger("worker");

async function main(): Promise<void> {
  getEnv(); // fail at start, with every bad variable named, not at the first job
  const config = getWorkerConfig();
  const probe = createRedis("worker");
  await warnUnlessNoEviction(probe, log);
  probe.disconnect();
  await setupIndexes();
  const runtime = await startWorkers({ config, log });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    try {
      await runtime.close();
      await disconnectDb();
      process.exit(0);
    } catch (error) {
      log.error({ err: error instanceof Error ? error.message : String(error) }, "unclean shutdown");
      process.exit(1);
    }
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  log.fatal({ err: error instanceof Error ? error.message : String(error) }, "worker failed to start");
  process.exit(1);
});
