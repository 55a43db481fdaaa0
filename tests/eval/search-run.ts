// `npm run eval:search`: the Danish search evaluation against the local
// services, in a scratch database and index prefix that are removed afterwards.
// Prints every case and ends with "top-3 accuracy: X". Exits 1 below the target
// or when one of the 20 most common unskilled job titles fails.
import { randomBytes } from "node:crypto";
import { SEARCH_CASES } from "./search-cases";

const id = randomBytes(4).toString("hex");
const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/jobbro");
base.pathname = `/jobbro_evalsearch_${id}`;
process.env.DATABASE_URL = base.toString();
process.env.MEILI_INDEX_PREFIX = `evalsearch_${id}_`;
process.env.LOG_LEVEL ??= "warn";

const { getEnv } = await import("~/utils/env.server");
const { getDb, disconnectDb } = await import("~/utils/db.server");
const { applyMigrations } = await import("../../prisma/tools/migrate");
const { dropDatabase } = await import("../../prisma/tools/database");
const { ensureMeili } = await import("../../search/meili-server");
const { getAdminClient, getSearchClient } = await import("../../search/client");
const { describeResult, prepareSearchEval, runSearchCases, summariseSearch, TARGET_ACCURACY } = await import("./search-evaluate");

const env = getEnv();
const meili = await ensureMeili({ url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, dbPath: env.MEILI_DB_PATH, autostart: env.MEILI_AUTOSTART });
let exitCode = 0;
try {
  await applyMigrations(env.DATABASE_URL);
  const db = getDb();
  const started = Date.now();
  await prepareSearchEval(db, getAdminClient(), env.JOBBRO_DATA_DIR);
  console.log(`Taxonomy imported and indexed from ${env.JOBBRO_DATA_DIR} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  const results = await runSearchCases(SEARCH_CASES, { db, search: getSearchClient });
  for (const r of results) console.log(describeResult(r));
  const s = summariseSearch(results);
  console.log(`\n${s.cases} queries, ${s.passed} with the expected concept in the top 3`);
  for (const [form, f] of Object.entries(s.byForm)) console.log(`  ${form.padEnd(13)} ${f.passed}/${f.cases}`);
  console.log(`common unskilled job titles failed: ${s.commonFailed.length ? s.commonFailed.join(", ") : "none"}`);
  console.log(`top-3 accuracy: ${s.accuracy.toFixed(3)}`);
  if (s.accuracy < TARGET_ACCURACY || s.commonFailed.length > 0) exitCode = 1;
} finally {
  await disconnectDb();
  await dropDatabase(env.DATABASE_URL);
  const admin = getAdminClient();
  const { results } = await admin.getIndexes({ limit: 1000 });
  await Promise.all(results.filter((i) => i.uid.startsWith(env.MEILI_INDEX_PREFIX)).map((i) => admin.deleteIndex(i.uid)));
  await meili.stop();
}
process.exit(exitCode);
