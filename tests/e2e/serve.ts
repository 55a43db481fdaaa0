// Playwright's web server: a fresh, migrated e2e database with the Danish
// geography, the demo organisations and users and the story's small taxonomy
// and candidates (tests/e2e/story.spec.ts), a Meilisearch of its own with
// freshly built indexes, a mail server, a worker, and the Jobbro web server on
// port 3100 serving the existing Remix build (`npm run build` runs before).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { DEMO_PASSWORD, DEMO_USERS, type DemoUserRole } from "../../prisma/seed/demo-users";
import { dropDatabase, ensureDatabase } from "../../prisma/tools/database";
import { importGeography } from "../../prisma/geography/import";
import { getAdminClient } from "../../search/client";
import { ensureMeili, type RunningMeili } from "../../search/meili-server";
import { reindexAll } from "../../search/reindex";
import { setupIndexes } from "../../search/setup";
import { waitOk } from "../../search/tasks";
import { getEnv } from "~/lib/env.server";
import { STORY_CANDIDATES, STORY_OCCUPATION, STORY_SKILLS } from "./story-data";
import type { OrganisationKind } from "~/generated/prisma/enums";
import { hashPassword } from "~/modules/auth/password.server";
import { createPrismaClient, disconnectDb, getDb, type Db } from "~/lib/db.server";
import { createRedis } from "~/lib/redis.server";
import { startWebServer, type RunningWebServer } from "~/server/app";
import { startMailServer } from "~/cli/mail-server";

export const E2E_PORT = 3100;
/** The e2e mail server: mails the web server and worker send are readable at E2E_MAIL_WEB/messages.json. */
export const E2E_SMTP_PORT = 1125;
export const E2E_MAIL_WEB = "http://127.0.0.1:1180";
const PG_BASE = process.env.TEST_DATABASE_BASE_URL ?? "postgresql://postgres@127.0.0.1:5432";
const DATABASE_URL = `${PG_BASE}/jobbro_e2e`;
const MEILI_URL = "http://127.0.0.1:7702";

// Production mode, as users get it: Secure __Host- cookies work on http://localhost.
Object.assign(process.env, {
  NODE_ENV: "production",
  PORT: String(E2E_PORT),
  APP_URL: `http://localhost:${E2E_PORT}`,
  DATABASE_URL,
  MEILI_URL,
  MEILI_MASTER_KEY: "jobbro-e2e-master-key-0123456789",
  MEILI_INDEX_PREFIX: "e2e_",
  MEILI_AUTOSTART: "false",
  SESSION_SECRET: "jobbro-e2e-session-secret-0123456789abcdef",
  // Queues of their own, shared by this web server and the worker started below.
  WORKER_QUEUE_PREFIX: "jobbro_e2e",
  SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
});

/** Municipality of each demo jobcentre, so that /registrer finds the jobcentre that serves a new company. */
const JOBCENTRE_MUNICIPALITY: Record<string, string> = {
  "Jobcenter Aarhus": "0751",
  "Jobcenter Aalborg": "0851",
  "Jobcenter Odense": "0461",
};

const KIND_OF_ROLE: Record<DemoUserRole, OrganisationKind> = {
  company: "COMPANY",
  consultant: "JOBCENTRE",
  institution: "INSTITUTION",
  operator: "OPERATOR",
};

function migrate(): void {
  // A child process, as in the integration tests' global setup: the migration
  // engine then holds no connection once it is done.
  const result = spawnSync(process.execPath, ["--import", "tsx", "prisma/tools/migrate.ts", "deploy"], {
    env: { ...process.env, DATABASE_URL },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`Migrating ${DATABASE_URL} failed:\n${result.stdout}\n${result.stderr}`);
}

/** The demo organisations and users, plus one row of each kind the home pages show. */
async function seed(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgIds = new Map<string, string>();
  for (const user of DEMO_USERS) {
    let organisationId = orgIds.get(user.organisation);
    if (!organisationId) {
      const org = await db.organisation.create({
        data: { name: user.organisation, kind: KIND_OF_ROLE[user.role], municipalityCode: JOBCENTRE_MUNICIPALITY[user.organisation] ?? null },
        select: { id: true },
      });
      organisationId = org.id;
      orgIds.set(user.organisation, organisationId);
    }
    await db.user.create({
      data: { email: user.email, name: user.name, passwordHash, memberships: { create: { organisationId, role: "ADMIN" } } },
      select: { id: true },
    });
  }
  const company = DEMO_USERS.find((u) => u.role === "company");
  const jobcentre = DEMO_USERS.find((u) => u.role === "consultant");
  const institution = DEMO_USERS.find((u) => u.role === "institution");
  if (!company || !jobcentre || !institution) throw new Error("prisma/seed/demo-users.ts lacks a company, consultant or institution user");
  const companyId = orgIds.get(company.organisation)!;
  const jobcentreId = orgIds.get(jobcentre.organisation)!;
  const institutionId = orgIds.get(institution.organisation)!;

  await db.organisation.update({ where: { id: companyId }, data: { servedById: jobcentreId }, select: { id: true } });
  const inAMonth = new Date(Date.now() + 30 * 24 * 3600 * 1000);
  await db.vacancy.create({
    data: { organisationId: companyId, title: "Tømrer", postalCode: "8000", city: "Aarhus C", latitude: 56.1567, longitude: 10.2108, startDate: inAMonth },
    select: { id: true },
  });
  await db.candidate.create({
    data: {
      jobcentreId,
      pseudonym: "Kandidat E2E-1",
      firstName: "Test",
      lastName: "Kandidat",
      postalCode: "8000",
      latitude: 56.1567,
      longitude: 10.2108,
      availableFrom: new Date(),
    },
    select: { id: true },
  });
  await db.course.create({
    data: {
      institutionId,
      title: "Truckcertifikat B",
      amuCode: "47305",
      offerings: { create: { startDate: inAMonth, endDate: new Date(inAMonth.getTime() + 5 * 24 * 3600 * 1000), seats: 12, postalCode: "9000", city: "Aalborg" } },
    },
    select: { id: true },
  });
  await seedStory(db, jobcentreId);
}

async function seedStory(db: Db, jobcentreId: string): Promise<void> {
  const occupation = await db.occupation.create({
    data: { escoUri: "http://example.test/occupation/e2e-story-warehouse", ...STORY_OCCUPATION, altLabelsEn: [], altLabelsDa: [] },
    select: { id: true },
  });
  const skillIds = new Map<string, string>();
  for (const skill of STORY_SKILLS) {
    const { id } = await db.skill.create({
      data: { key: skill.key, labelDa: skill.labelDa, labelEn: skill.labelEn, altLabelsEn: [], altLabelsDa: [] },
      select: { id: true },
    });
    skillIds.set(skill.key, id);
    await db.occupationSkill.create({ data: { occupationId: occupation.id, skillId: id, relation: skill.relation }, select: { occupationId: true } });
  }
  for (const candidate of STORY_CANDIDATES) {
    const place = await db.postalCode.findUniqueOrThrow({ where: { code: candidate.postalCode }, select: { name: true, latitude: true, longitude: true } });
    if (place.latitude === null || place.longitude === null) throw new Error(`postal code ${candidate.postalCode} has no coordinates`);
    await db.candidate.create({
      data: {
        jobcentreId,
        pseudonym: candidate.pseudonym,
        firstName: candidate.firstName,
        lastName: candidate.lastName,
        postalCode: candidate.postalCode,
        city: place.name,
        latitude: place.latitude,
        longitude: place.longitude,
        commuteRadiusKm: 30,
        availableFrom: new Date(),
        skills: { create: candidate.skills.map((key) => ({ skillId: skillIds.get(key)! })) },
        consents: { create: { purpose: "MATCHING", channel: "IN_PERSON" } },
      },
      select: { id: true },
    });
  }
}

/**
 * The database is new on each start but Meilisearch keeps its data folder:
 * the e2e indexes of an earlier run go, and are built afresh from the seed.
 */
async function rebuildSearchIndexes(): Promise<void> {
  const client = getAdminClient();
  const prefix = process.env.MEILI_INDEX_PREFIX!;
  const { results } = await client.getIndexes({ limit: 1000 });
  for (const index of results.filter((i) => i.uid.startsWith(prefix))) {
    await waitOk(`Deleting ${index.uid}`, client.deleteIndex(index.uid));
  }
  await setupIndexes(client);
  await reindexAll({ db: getDb(), client });
}

/**
 * A real worker process, so that a matching run started in the browser
 * completes (tests/e2e/operator.spec.ts). Jobs an earlier e2e run left in Redis
 * refer to a database that no longer exists: they go first.
 */
async function startWorker(): Promise<ChildProcess> {
  const redis = createRedis("worker");
  try {
    const keys = await redis.keys(`${process.env.WORKER_QUEUE_PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
  return spawn(process.execPath, ["--import", "tsx", "workers/main.ts"], { env: process.env, stdio: ["ignore", "inherit", "inherit"] });
}

async function main() {
  await dropDatabase(DATABASE_URL);
  await ensureDatabase(DATABASE_URL);
  migrate();
  const db = createPrismaClient(DATABASE_URL);
  try {
    await importGeography(db, { dataDir: path.resolve(getEnv().JOBBRO_DATA_DIR) });
    await seed(db);
  } finally {
    await db.$disconnect();
  }

  const mail = await startMailServer({ smtpPort: E2E_SMTP_PORT, httpPort: Number(new URL(E2E_MAIL_WEB).port) });
  const meili: RunningMeili = await ensureMeili({ url: MEILI_URL, masterKey: process.env.MEILI_MASTER_KEY!, dbPath: ".data/meili-e2e", autostart: true });
  let web: RunningWebServer;
  try {
    await rebuildSearchIndexes();
    web = await startWebServer({ port: E2E_PORT, host: "127.0.0.1" });
  } catch (error) {
    await meili.stop();
    throw error;
  }
  const worker = await startWorker();
  console.log(`e2e server on ${web.url}`);

  const stop = async () => {
    const workerExited = worker.exitCode === null ? new Promise((resolve) => worker.once("exit", resolve)) : Promise.resolve();
    worker.kill("SIGTERM");
    await web.close().catch(() => {});
    await workerExited;
    await disconnectDb().catch(() => {});
    await meili.stop();
    await mail.close().catch(() => {});
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop());
  process.on("SIGINT", () => void stop());
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
