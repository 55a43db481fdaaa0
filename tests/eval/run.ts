// `npm run eval:matching`: the labelled matching cases against the local
// services, in a scratch database and index prefix that are removed afterwards.
// Prints each case and the totals; ends with "pairwise accuracy: X". Exits 1
// when any exclusion fails.
import { randomBytes } from "node:crypto";
import { EVAL_CASES } from "./cases";

const id = randomBytes(4).toString("hex");
const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/jobbro");
base.pathname = `/jobbro_eval_${id}`;
process.env.DATABASE_URL = base.toString();
process.env.MEILI_INDEX_PREFIX = `eval_${id}_`;
process.env.LOG_LEVEL ??= "warn";

const { getEnv } = await import("~/utils/env.server");
const { getDb, disconnectDb } = await import("~/utils/db.server");
const { applyMigrations } = await import("../../prisma/tools/migrate");
const { dropDatabase } = await import("../../prisma/tools/database");
const { ensureMeili } = await import("../../search/meili-server");
const { getAdminClient, getSearchClient } = await import("../../search/client");
const { setupIndexes } = await import("../../search/setup");
const { runCase, seedEvalTaxonomy, summarise } = await import("./evaluate");

const env = getEnv();
const meili = await ensureMeili({ url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, dbPath: env.MEILI_DB_PATH, autostart: env.MEILI_AUTOSTART });
let exitCode = 0;
try {
  await applyMigrations(env.DATABASE_URL);
  const db = getDb();
  const admin = getAdminClient();
  await setupIndexes(admin);
  await seedEvalTaxonomy(db, admin);
  const search = await getSearchClient();
  const labels = new Map<string, string>();
  const results = [];
  for (const c of EVAL_CASES) {
    const r = await runCase(c, { db, admin, search, labels });
    results.push(r);
    const ok = r.problems.length === 0;
    console.log(`${ok ? "✔" : "✘"} ${c.name}  (orderings ${r.pairsCorrect}/${r.pairs}, rules ${r.exclusionsHeld}/${r.exclusions})`);
    for (const p of r.problems) console.log(`    ${p}`);
  }
  const s = summarise(results);
  console.log(`\n${s.cases} cases; expected orderings ${s.pairsCorrect}/${s.pairs}; exclusions and upskilling rules held ${s.exclusionsHeld}/${s.exclusions}`);
  console.log(`pairwise accuracy: ${s.accuracy.toFixed(3)}`);
  if (s.exclusionsHeld < s.exclusions) exitCode = 1;
} finally {
  await disconnectDb();
  await dropDatabase(env.DATABASE_URL);
  const admin = getAdminClient();
  const { results } = await admin.getIndexes({ limit: 1000 });
  await Promise.all(results.filter((i) => i.uid.startsWith(env.MEILI_INDEX_PREFIX)).map((i) => admin.deleteIndex(i.uid)));
  await meili.stop();
}
process.exit(exitCode);
