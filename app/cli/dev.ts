// `npm run dev`: everything a developer needs, from an empty machine to a running
// platform with demo data. Steps are idempotent, so a second start is quick.
// Ctrl+C (or SIGTERM to the process or its group) stops the web server, the
// worker and the mail server, and then this process; a second signal kills.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { getEnv } from "~/lib/env.server";
import { getDb } from "~/lib/db.server";
import { applyMigrations } from "../../prisma/tools/migrate";
import { importTaxonomy } from "../../prisma/taxonomy/import";
import { importGeography } from "../../prisma/geography/import";
import { seedDemoData } from "../../prisma/seed/seed";
import { DEMO_PASSWORD, DEMO_USERS } from "../../prisma/seed/demo-users";
import { ensureMeili, type RunningMeili } from "../../search/meili-server";
import { setupIndexes } from "../../search/setup";
import { reindexAll } from "../../search/reindex";
import { buildRemixApp } from "./build";
import { DEFAULT_HTTP_PORT, startMailServer, type MailServer } from "./mail-server";
import { checkPostgres, checkRedis, ServiceUnavailableError } from "./preflight.server";
import { JOBS } from "~/lib/queues/registry";
import { closeQueues, enqueue } from "~/lib/queue.server";

const step = (message: string) => console.log(`\x1b[36m▸\x1b[0m ${message}`);

interface Child {
  process: ChildProcess;
  /** Settles when the process has ended, however it ended (also before anyone asked). */
  exited: Promise<void>;
}

const children: Child[] = [];
let mail: MailServer | null = null;
let meili: RunningMeili | null = null;
let stopping = false;

function startChild(script: string, env: NodeJS.ProcessEnv): Child {
  const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: "inherit", env });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", (code, signal) => {
    if (stopping) return;
    // A signal to the whole group (Ctrl+C) ends the children too: this process's
    // own handler gets the first word, so that the stop is not reported as a failure.
    setTimeout(() => {
      if (stopping) return;
      console.error(`A Jobbro process (${script}) ended (${signal ?? `exit code ${code}`}); stopping the others.`);
      void shutdown(1);
    }, 500);
  });
  return { process: child, exited };
}

const running = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function shutdown(code = 0): Promise<void> {
  if (stopping) return;
  stopping = true;
  // Children that died of the group's signal need no second one.
  for (const { process: child } of children) if (running(child)) child.kill("SIGTERM");
  await Promise.all(children.map((c) => c.exited));
  await mail?.close();
  await meili?.stop();
  process.exit(code);
}

function onSignal(signal: NodeJS.Signals) {
  if (!stopping) {
    console.log(`\n  ${signal}: stopping Jobbro…`);
    void shutdown(0);
    return;
  }
  for (const { process: child } of children) if (running(child)) child.kill("SIGKILL");
  process.exit(1);
}

/** The mail page's usual port, or any free one when another checkout's dev server has it. */
async function startDevMailServer(smtpPort: number): Promise<MailServer> {
  try {
    return await startMailServer({ smtpPort, httpPort: DEFAULT_HTTP_PORT });
  } catch (error) {
    const { code, port } = error as NodeJS.ErrnoException & { port?: number };
    if (code !== "EADDRINUSE" || port !== DEFAULT_HTTP_PORT) throw error;
    return startMailServer({ smtpPort, httpPort: 0 });
  }
}

/** Waits until the web server answers HTTP (any status), so that the ready line is true. */
async function webServerAnswers(port: number, web: Child, timeoutMs = 60_000): Promise<boolean> {
  let ended = false;
  void web.exited.then(() => (ended = true));
  const deadline = Date.now() + timeoutMs;
  while (!ended && Date.now() < deadline) {
    const answered = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
    if (answered) return true;
    await sleep(200);
  }
  return false;
}

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
  meili = await ensureMeili({ url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, dbPath: env.MEILI_DB_PATH, autostart: env.MEILI_AUTOSTART });
  await setupIndexes();
  if (seed.seeded || process.argv.includes("--reindex")) {
    step("Building the search indexes");
    await reindexAll({ db });
  }
  await db.$disconnect();

  // A local SMTP server that keeps and shows every mail, unless SMTP_URL points elsewhere.
  const smtp = new URL(env.SMTP_URL);
  if (["127.0.0.1", "localhost"].includes(smtp.hostname)) {
    step(`Starting the development mail server (${env.SMTP_URL})`);
    try {
      mail = await startDevMailServer(Number(smtp.port || 25));
    } catch (error) {
      console.log(`  not started (${(error as Error).message}); mail goes to whatever answers ${env.SMTP_URL}`);
    }
  }

  step("Building the web app");
  const { ms } = await buildRemixApp();
  console.log(`  built in ${(ms / 1000).toFixed(1)} s`);

  step("Starting the web server and a worker");
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  const childEnv = { ...process.env, MEILI_AUTOSTART: "false" };
  const web = startChild("app/server/main.ts", childEnv);
  children.push(web, startChild("workers/main.ts", childEnv));

  if (seed.seeded) {
    // Fresh demo data has no matches until the nightly run; start one now so the
    // portals show matches within a minute.
    await enqueue(JOBS.runStart, { kind: "MANUAL" });
    await closeQueues();
    console.log("  A first matching run was started for the demo data.");
  }
  if (!(await webServerAnswers(env.PORT, web))) {
    if (!stopping) console.error(`  The web server does not answer on port ${env.PORT} yet; its log above says why.`);
    return;
  }
  console.log(`\n  Jobbro runs at \x1b[1m${env.APP_URL}\x1b[0m`);
  if (mail) console.log(`  Mail sent by Jobbro: ${mail.webUrl}`);
  console.log(`  Queue dashboard (operators): ${env.APP_URL}/admin/queues\n`);
  console.log(`  Demo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of DEMO_USERS) console.log(`    ${user.role.padEnd(12)} ${user.email.padEnd(36)} ${user.organisation}`);
  console.log("\n  Stop with Ctrl+C.\n");
}

main().catch(async (error: Error) => {
  if (error instanceof ServiceUnavailableError) console.error(`\n${error.message}\n`);
  else console.error(error);
  await shutdown(1);
});
