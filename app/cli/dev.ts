// `npm run dev`: everything a developer needs, from an empty machine to a running
// platform with demo data. Steps are idempotent, so a second start is quick.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { getEnv } from "~/lib/env.server";
import { getDb } from "~/lib/db.server";
import { applyMigrations } from "../../prisma/tools/migrate";
import { importTaxonomy } from "../../prisma/taxonomy/import";
import { importGeography } from "../../prisma/geography/import";
import { seedDemoData } from "../../prisma/seed/seed";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-users";
import { ensureMeili } from "../../search/meili-server";
import { setupIndexes } from "../../search/setup";
import { reindexAll } from "../../search/reindex";
import { DEFAULT_HTTP_PORT, startMailServer, type MailServer } from "./mail-server";
import { checkPostgres, checkRedis, ServiceUnavailableError } from "./preflight.server";
import { JOBS } from "~/lib/queues/registry";
import { closeQueues, enqueue } from "~/lib/queue.server";

const step = (message: string) => console.log(`\x1b[36m▸\x1b[0m ${message}`);
const children: ChildProcess[] = [];

async function main() {
  const env = getEnv();
  step("Checking PostgreSQL and Redis");
  await checkPostgres(env.DATABASE_URL);
  await checkRedis(env.REDIS_URL);

  step("Migrating the database");
  const applied = await applyMigrations(env.DATABASE_URL);
  if (applied.length) console.log(`  applied ${applied.join(", ")}`);

  const db = getDb();
  const dataDir = path.resolve(env.JOBBRO_DATA_DIR);
  if ((await db.postalCode.count()) === 0) {
    step(`Importing Danish geography from ${dataDir}`);
    await importGeography(db, { dataDir, log: (m) => console.log(`  ${m}`) });
  }
  if ((await db.skill.count()) === 0) {
    step(`Importing the ESCO taxonomy from ${dataDir}`);
    await importTaxonomy(db, { dataDir, log: (m) => console.log(`  ${m}`) });
  }
  step("Seeding demo data (only into an empty database)");
  const seed = await seedDemoData(db, { log: (m) => console.log(`  ${m}`) });

  step(`Starting Meilisearch (${env.MEILI_URL})`);
  const meili = await ensureMeili({ url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, dbPath: env.MEILI_DB_PATH, autostart: env.MEILI_AUTOSTART });
  await setupIndexes();
  if (seed.seeded || process.argv.includes("--reindex")) {
    step("Building the search indexes");
    await reindexAll();
  }
  await db.$disconnect();

  // A local SMTP server that keeps and shows every mail, unless SMTP_URL points elsewhere.
  let mail: MailServer | null = null;
  const smtp = new URL(env.SMTP_URL);
  if (["127.0.0.1", "localhost"].includes(smtp.hostname)) {
    step(`Starting the development mail server (${env.SMTP_URL})`);
    try {
      mail = await startMailServer({ smtpPort: Number(smtp.port || 25), httpPort: DEFAULT_HTTP_PORT });
    } catch (error) {
      console.log(`  not started (${(error as Error).message}); mail goes to whatever answers ${env.SMTP_URL}`);
    }
  }

  step("Building the web app");
  const build = spawnSync("npx", ["remix", "build"], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("remix build failed");

  step("Starting the web server and a worker");
  const childEnv = { ...process.env, MEILI_AUTOSTART: "false" };
  children.push(spawn(process.execPath, ["--import", "tsx", "app/server/main.ts"], { stdio: "inherit", env: childEnv }));
  children.push(spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], { stdio: "inherit", env: childEnv }));

  const shutdown = async () => {
    for (const child of children) child.kill("SIGTERM");
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once("exit", r)))));
    await mail?.close();
    await meili.stop();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  for (const child of children) {
    child.once("exit", (code) => {
      if (code) {
        console.error(`A Jobbro process exited with code ${code}; stopping.`);
        void shutdown();
      }
    });
  }

  if (seed.seeded) {
    // Fresh demo data has no matches until the nightly run; start one now so the
    // portals show matches within a minute.
    await enqueue(JOBS.runStart, { kind: "MANUAL" });
    await closeQueues();
    console.log("  A first matching run was started for the demo data.");
  }
  console.log(`\n  Jobbro runs at \x1b[1m${env.APP_URL}\x1b[0m`);
  if (mail) console.log(`  Mail sent by Jobbro: ${mail.webUrl}`);
  console.log(`  Queue dashboard (operators): ${env.APP_URL}/admin/queues\n`);
  console.log(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`    ${user.role.padEnd(12)} ${user.email.padEnd(36)} ${user.organisation}`);
  console.log("\n  Stop with Ctrl+C.\n");
}

main().catch((error: Error) => {
  if (error instanceof ServiceUnavailableError) console.error(`\n${error.message}\n`);
  else console.error(error);
  for (const child of children) child.kill("SIGTERM");
  process.exit(1);
});
