// npm run search:setup | search:reindex | meili
import { getEnv } from "~/lib/env.server";
import { disconnectDb, getDb } from "~/lib/db.server";
import { createLogger } from "~/lib/logger.server";
import { ensureMeili } from "./meili-server";
import { reindexAll } from "./reindex";
import { setupIndexes } from "./setup";

const USAGE = "usage: tsx search/cli.ts setup|reindex|serve";

async function serve(): Promise<void> {
  const env = getEnv();
  const log = createLogger("meili");
  const meili = await ensureMeili({ url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, dbPath: env.MEILI_DB_PATH, autostart: env.MEILI_AUTOSTART });
  if (!meili.child) {
    log.info({ url: meili.url }, "Meilisearch already answers; nothing to start");
    return;
  }
  log.info({ url: meili.url, pid: meili.child.pid }, "Meilisearch started; Ctrl-C stops it");
  const stop = () => {
    meili.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error instanceof Error ? error.message : String(error) }, "could not stop Meilisearch");
        process.exit(1);
      },
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  meili.child.once("exit", (code) => {
    log.error({ code }, "Meilisearch exited");
    process.exit(code ?? 1);
  });
}

async function main(command: string | undefined): Promise<void> {
  const log = createLogger("search-cli");
  switch (command) {
    case "setup":
      await setupIndexes();
      log.info("indexes created and settings applied");
      break;
    case "reindex":
      await setupIndexes();
      for (const r of await reindexAll({ db: getDb() })) log.info(r, "reindexed");
      await disconnectDb();
      break;
    case "serve":
      await serve();
      break;
    default:
      console.error(USAGE);
      process.exitCode = 2;
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(`search ${process.argv[2] ?? ""}: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
