// Vitest global setup for integration tests: a migrated template database and a
// running Meilisearch. Each test file then copies the template (see test-db.ts).
import { spawnSync } from "node:child_process";
import pg from "pg";
import { dropDatabase } from "../../prisma/tools/database";
import { ensureMeili, type RunningMeili } from "../../search/meili-server";
import {
  TEMPLATE_PREFIX,
  TEST_MEILI_DB_PATH,
  TEST_MEILI_MASTER_KEY,
  TEST_MEILI_URL,
  TEST_PG_BASE,
  testDatabaseUrl,
  testTemplateName,
} from "./services";

let meili: RunningMeili | undefined;
/**
 * Held for the whole run: a shared advisory lock on this run's template, so
 * that a concurrent run on other migrations (a branch, another checkout) does
 * not drop the template while this run still copies it.
 */
let templateGuard: pg.Client | undefined;

const templateLock = (name: string) => `hashtext('${TEMPLATE_PREFIX}lock:' || '${name.replace(/'/g, "")}')`;

async function guardTemplate(name: string): Promise<void> {
  templateGuard = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` });
  await templateGuard.connect();
  await templateGuard.query(`SELECT pg_advisory_lock_shared(${templateLock(name)})`);
}

async function ensureTemplate(): Promise<void> {
  const name = testTemplateName();
  const admin = new pg.Client({ connectionString: `${TEST_PG_BASE}/postgres` });
  await admin.connect();
  try {
    // Serialise concurrent test runs while the template is built.
    await admin.query("SELECT pg_advisory_lock(hashtext('jobbro_test_template'))");
    const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!exists.rowCount) {
      const url = testDatabaseUrl(name);
      // A child process, so that no connection to the template stays open:
      // PostgreSQL refuses to copy a database that someone is connected to.
      const migrate = spawnSync(process.execPath, ["--import", "tsx", "prisma/tools/migrate.ts", "deploy"], {
        env: { ...process.env, DATABASE_URL: url },
        encoding: "utf8",
      });
      if (migrate.status !== 0) {
        await dropDatabase(url);
        throw new Error(`Migrating the test template failed:\n${migrate.stdout}\n${migrate.stderr}`);
      }
      // Templates of older migrations are no longer needed, unless a run that
      // is still going holds one (guardTemplate): those are left for later.
      const old = await admin.query("SELECT datname FROM pg_database WHERE datname LIKE $1 AND datname <> $2", [`${TEMPLATE_PREFIX}%`, name]);
      for (const row of old.rows as { datname: string }[]) {
        const free = await admin.query(`SELECT pg_try_advisory_lock(${templateLock(row.datname)}) AS ok`);
        if (!(free.rows[0] as { ok: boolean }).ok) continue;
        await dropDatabase(testDatabaseUrl(row.datname)).catch(() => {});
        await admin.query(`SELECT pg_advisory_unlock(${templateLock(row.datname)})`);
      }
    }
  } finally {
    await admin.query("SELECT pg_advisory_unlock(hashtext('jobbro_test_template'))").catch(() => {});
    await admin.end();
  }
}

export async function setup(): Promise<void> {
  await guardTemplate(testTemplateName());
  await ensureTemplate();
  meili = await ensureMeili({
    url: TEST_MEILI_URL,
    masterKey: TEST_MEILI_MASTER_KEY,
    dbPath: TEST_MEILI_DB_PATH,
    autostart: true,
    // Other runs on this machine may be using it already, and a run that ends
    // (or is stopped with its whole process group) must not take it with it.
    detached: !process.env.CI,
  });
}

export async function teardown(): Promise<void> {
  // On a developer's machine several test runs may share this server (a run
  // reuses one it finds), so it is left running for them and for the next run;
  // CI runs once and stops what it started.
  if (process.env.CI) await meili?.stop();
  else meili?.child?.unref();
  await templateGuard?.end();
}
