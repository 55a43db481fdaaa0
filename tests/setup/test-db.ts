// Gives a test file its own database (a copy of the migrated template), its own
// Meilisearch index prefix and its own BullMQ key prefix, points the app's env
// at them, and cleans up. Test files run in parallel processes: nothing a file
// writes may be named the same as another file's.
import { randomBytes } from "node:crypto";
import { dropDatabase, ensureDatabase } from "../../prisma/tools/database";
import { resetEnvCache } from "~/lib/env.server";
import { createPrismaClient, disconnectDb } from "~/lib/db.server";
import { deleteQueueKeys } from "./async";
import {
  TEST_MEILI_MASTER_KEY,
  TEST_MEILI_URL,
  TEST_REDIS_URL,
  testDatabaseUrl,
  testTemplateName,
} from "./services";

export interface TestContext {
  databaseUrl: string;
  indexPrefix: string;
  /** WORKER_QUEUE_PREFIX of the web process's queue producers; a file that starts workers may choose its own. */
  queuePrefix: string;
  db: ReturnType<typeof createPrismaClient>;
  cleanup(): Promise<void>;
}

export async function createTestContext(label = "t"): Promise<TestContext> {
  const id = `${label.replace(/[^a-z0-9]/gi, "").toLowerCase().slice(0, 12)}_${randomBytes(4).toString("hex")}`;
  const databaseUrl = testDatabaseUrl(`jobbro_test_${id}`);
  await ensureDatabase(databaseUrl, testTemplateName());
  const indexPrefix = `test_${id}_`;
  const queuePrefix = `test_${id}`;
  Object.assign(process.env, {
    NODE_ENV: "test",
    DATABASE_URL: databaseUrl,
    REDIS_URL: TEST_REDIS_URL,
    MEILI_URL: TEST_MEILI_URL,
    MEILI_MASTER_KEY: TEST_MEILI_MASTER_KEY,
    MEILI_INDEX_PREFIX: indexPrefix,
    WORKER_QUEUE_PREFIX: queuePrefix,
    MEILI_AUTOSTART: "false",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "silent",
  });
  resetEnvCache();
  const db = createPrismaClient(databaseUrl);
  return {
    databaseUrl,
    indexPrefix,
    queuePrefix,
    db,
    async cleanup() {
      await db.$disconnect();
      await disconnectDb();
      await deleteIndexes(indexPrefix);
      // The machine's Redis, whatever a test pointed REDIS_URL at meanwhile.
      await deleteQueueKeys(queuePrefix, TEST_REDIS_URL);
      await dropDatabase(databaseUrl);
    },
  };
}

async function deleteIndexes(prefix: string): Promise<void> {
  const headers = { Authorization: `Bearer ${TEST_MEILI_MASTER_KEY}` };
  const res = await fetch(`${TEST_MEILI_URL}/indexes?limit=1000`, { headers }).catch(() => null);
  if (!res?.ok) return;
  const body = (await res.json()) as { results: { uid: string }[] };
  await Promise.all(
    body.results
      .filter((i) => i.uid.startsWith(prefix))
      .map((i) => fetch(`${TEST_MEILI_URL}/indexes/${i.uid}`, { method: "DELETE", headers })),
  );
}
