// `npm run eval:matching`: the labelled matching cases against the local
// services, then the ESCO-grounded relevance evaluation (esco-relevance.ts) in
// the same scratch database and index prefix, both removed afterwards. Prints
// each case, each ESCO vacancy and the totals; ends with the two lines
// "pairwise accuracy: X" and "ndcg@10: Y". Exits 1 when any exclusion fails
// (or when an ESCO vacancy's pool was not cleaned up).
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
const { describePool, describeSummary, prepareEscoEval, runEscoEval } = await import("./esco-relevance");

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
  if (s.exclusionsHeld < s.exclusions) exitCode = 1;

  // The ESCO evaluation imports the whole taxonomy into the same database; the
  // cases above have removed their worlds, so their eval skills may go.
  const escoStarted = Date.now();
  await prepareEscoEval(db, admin, env.JOBBRO_DATA_DIR);
  console.log(`\nESCO relevance evaluation (taxonomy from ${env.JOBBRO_DATA_DIR} imported in ${((Date.now() - escoStarted) / 1000).toFixed(1)} s)`);
  const esco = await runEscoEval({ db, admin, search }, { onPool: (r) => console.log(describePool(r)) });
  console.log(`ESCO evaluation took ${((Date.now() - escoStarted) / 1000).toFixed(1)} s\n`);
  for (const line of describeSummary(esco.summary)) console.log(line);
  console.log(`pairwise accuracy: ${s.accuracy.toFixed(3)}`);
  console.log(`ndcg@10: ${esco.summary.ndcg10.toFixed(3)}`);
  // A pool left behind would leak into the next ones: the figures cannot be trusted.
  if (!esco.summary.allCleanedUp) exitCode = 1;
} finally {
  await disconnectDb();
  await dropDatabase(env.DATABASE_URL);
  const admin = getAdminClient();
  const { results } = await admin.getIndexes({ limit: 1000 });
  await Promise.all(results.filter((i) => i.uid.startsWith(env.MEILI_INDEX_PREFIX)).map((i) => admin.deleteIndex(i.uid)));
  await meili.stop();
}
process.exit(exitCode);
