// Vitest global setup for integration tests: a migrated template database and a
// running Meilisearch. Each test file then copies the template (see test-db.ts).
import { spawnSync } from "node:child_process";
import { dropDatabase } from "../../prisma/tools/database";
import { ensureMeili, type RunningMeili } from "../../search/meili-server";
import {
  TEST_MEILI_DB_PATH,
  TEST_MEILI_MASTER_KEY,
  TEST_MEILI_URL,
  TEST_TEMPLATE_DB,
  testDatabaseUrl,
} from "./services";

let meili: RunningMeili | undefined;

export async function setup(): Promise<void> {
  const templateUrl = testDatabaseUrl(TEST_TEMPLATE_DB);
  // Rebuilt every run so a changed migration can never leave a stale template.
  await dropDatabase(templateUrl);
  // A child process, so that no connection to the template stays open: PostgreSQL
  // refuses to copy a template that someone is connected to.
  const migrate = spawnSync(process.execPath, ["--import", "tsx", "prisma/tools/migrate.ts", "deploy"], {
    env: { ...process.env, DATABASE_URL: templateUrl },
    encoding: "utf8",
  });
  if (migrate.status !== 0) throw new Error(`Migrating the test template failed:\n${migrate.stdout}\n${migrate.stderr}`);
  meili = await ensureMeili({
    url: TEST_MEILI_URL,
    masterKey: TEST_MEILI_MASTER_KEY,
    dbPath: TEST_MEILI_DB_PATH,
    autostart: true,
  });
}

export async function teardown(): Promise<void> {
  await meili?.stop();
}
