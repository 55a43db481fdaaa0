// The evaluation runners (`npm run eval:matching`, `npm run eval:search`) work
// against the local services in a scratch database and index prefix of their
// own, removed afterwards, so they never touch development data. The
// environment is set before any app module reads it (hence the dynamic imports).
import { randomBytes } from "node:crypto";
import type { Meilisearch } from "meilisearch";
import type { Db } from "~/lib/db.server";

export interface ScratchServices {
  db: Db;
  admin: Meilisearch;
  search: () => Promise<Meilisearch>;
  dataDir: string;
}

/** Runs `body` in scratch services, cleans up whatever happens, and exits with the code it returns. */
export async function runInScratch(label: string, body: (services: ScratchServices) => Promise<number>): Promise<never> {
  const id = randomBytes(4).toString("hex");
  const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/jobbro");
  base.pathname = `/jobbro_${label}_${id}`;
  process.env.DATABASE_URL = base.toString();
  process.env.MEILI_INDEX_PREFIX = `${label}_${id}_`;
  process.env.LOG_LEVEL ??= "warn";

  const { getEnv } = await import("~/lib/env.server");
  const { getDb, disconnectDb } = await import("~/lib/db.server");
  const { applyMigrations } = await import("../../prisma/tools/migrate");
  const { dropDatabase } = await import("../../prisma/tools/database");
  const { ensureMeili } = await import("../../search/meili-server");
  const { getAdminClient, getSearchClient } = await import("../../search/client");

  const env = getEnv();
  const meili = await ensureMeili({ url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, dbPath: env.MEILI_DB_PATH, autostart: env.MEILI_AUTOSTART });
  let exitCode = 1;
  try {
    await applyMigrations(env.DATABASE_URL);
    exitCode = await body({ db: getDb(), admin: getAdminClient(), search: getSearchClient, dataDir: env.JOBBRO_DATA_DIR });
  } finally {
    await disconnectDb();
    await dropDatabase(env.DATABASE_URL);
    const admin = getAdminClient();
    const { results } = await admin.getIndexes({ limit: 1000 });
    await Promise.all(results.filter((i) => i.uid.startsWith(env.MEILI_INDEX_PREFIX)).map((i) => admin.deleteIndex(i.uid)));
    await meili.stop();
  }
  process.exit(exitCode);
}
