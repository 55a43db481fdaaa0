// `npm run bench:matching` (npx tsx tests/bench/matching.ts [--small]): the
// matching engine at national size on seeded synthetic data, in a scratch
// database (jobbro_bench_<id>) and index prefix (bench_<id>_) that are removed
// afterwards, also on failure or Ctrl-C. The full run writes RESULTS.md,
// matching-chart.svg and results-full.json; --small (CI) prints its figures and
// writes results-small.json only.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { writeFile } from "node:fs/promises";
import { fork, type ChildProcess } from "node:child_process";
// Type-only imports are erased: they load no app module before the environment is set below.
import type { MatchRunRequest } from "./matching-run";
import type { BreakdownResult } from "./phases";
import type { BenchResults } from "./report";

const small = process.argv.includes("--small");
// --match-sample=N: time matching on N evenly spaced vacancies instead of all (for a
// machine or a time budget where all would take hours); the report then says so.
const sampleArg = process.argv.find((a) => a.startsWith("--match-sample="));
const matchSample = sampleArg ? Number(sampleArg.split("=")[1]) : undefined;
if (matchSample !== undefined && !(Number.isInteger(matchSample) && matchSample > 0)) {
  console.error(`--match-sample must be a positive whole number, got "${sampleArg}"`);
  process.exit(2);
}
const id = randomBytes(4).toString("hex");
const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/jobbro");
base.pathname = `/jobbro_bench_${id}`;
process.env.DATABASE_URL = base.toString();
process.env.MEILI_INDEX_PREFIX = `bench_${id}_`;
process.env.LOG_LEVEL ??= "warn";
delete process.env.MEILI_SEARCH_KEY; // the key must be one that can search this run's prefix

const here = path.dirname(fileURLToPath(import.meta.url));
const { FULL, SMALL } = await import("./config");
const config = small ? SMALL : FULL;

const { getEnv } = await import("~/lib/env.server");
const { getDb, disconnectDb } = await import("~/lib/db.server");
const { applyMigrations } = await import("../../prisma/tools/migrate");
const { dropDatabase } = await import("../../prisma/tools/database");
const { importGeography } = await import("../../prisma/geography/import");
const { ensureMeili } = await import("../../search/meili-server");
const { getAdminClient, getSearchClient, searchKeyUid } = await import("../../search/client");
const { generateAndInsert } = await import("./dataset");
const phases = await import("./phases");
const { findMeiliPid } = await import("./meili-pid");
const { withFetchTransport } = await import("./node-http-transport");
const report = await import("./report");
const { round, LoadSampler } = await import("./measure");

const env = getEnv();
const log = (msg: string) => console.log(`[bench ${config.name} ${new Date().toISOString().slice(11, 19)}] ${msg}`);
const meili = await ensureMeili({ url: env.MEILI_URL, masterKey: env.MEILI_MASTER_KEY, dbPath: env.MEILI_DB_PATH, autostart: env.MEILI_AUTOSTART });

let cleaning: Promise<void> | undefined;
let matchingProcess: ChildProcess | undefined;
/** One cleanup, however many callers (a signal and the main flow's finally): each waits for it to finish. */
function cleanup(): Promise<void> {
  cleaning ??= removeScratchResources();
  return cleaning;
}
async function removeScratchResources(): Promise<void> {
  // A matching process still running would hold connections to the database we drop.
  if (matchingProcess && matchingProcess.exitCode === null) matchingProcess.kill("SIGTERM");
  const problems: string[] = [];
  await disconnectDb().catch((e: Error) => problems.push(`disconnect: ${e.message}`));
  await dropDatabase(env.DATABASE_URL).catch((e: Error) => problems.push(`drop database: ${e.message}`));
  try {
    const admin = getAdminClient();
    const { results } = await admin.getIndexes({ limit: 1000 });
    for (const index of results.filter((i) => i.uid.startsWith(env.MEILI_INDEX_PREFIX))) {
      await admin.deleteIndex(index.uid).waitTask({ timeout: 120_000 });
    }
    await admin.deleteKey(searchKeyUid(env.MEILI_INDEX_PREFIX)).catch(() => undefined);
  } catch (e) {
    problems.push(`delete indexes: ${(e as Error).message}`);
  }
  await meili.stop();
  if (problems.length) console.error(`Cleanup was incomplete (database jobbro_bench_${id}, prefix ${env.MEILI_INDEX_PREFIX}): ${problems.join("; ")}`);
}
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

type MatchRunReply =
  | { ok: true; floor: BenchResults["matching"]["floor"]; full: BenchResults["matching"]["full"]; breakdown: BreakdownResult }
  | { ok: false; error: string };

/** Forks ./matching-run.ts (the matching process whose memory we report) and waits for its figures. */
function runMatchingProcess(request: MatchRunRequest): Promise<Extract<MatchRunReply, { ok: true }>> {
  return new Promise((resolve, reject) => {
    const child = (matchingProcess = fork(path.join(here, "matching-run.ts"), [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, BENCH_MATCH_REQUEST: JSON.stringify(request) },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }));
    let reply: MatchRunReply | undefined;
    child.on("message", (m) => (reply = m as MatchRunReply));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (reply?.ok) resolve(reply);
      else reject(new Error(`The matching process failed (exit code ${code}): ${reply && !reply.ok ? reply.error : "no figures received"}`));
    });
  });
}

let exitCode = 0;
try {
  const started = Date.now();
  const loadSampler = new LoadSampler().start();
  log(`scratch database jobbro_bench_${id}, index prefix ${env.MEILI_INDEX_PREFIX}, Meilisearch ${env.MEILI_URL}`);
  await applyMigrations(env.DATABASE_URL);
  const db = getDb();
  const geo = await importGeography(db, { dataDir: path.resolve(env.JOBBRO_DATA_DIR) });
  log(`geography imported: ${geo.municipalities} municipality rows, ${geo.withCoordinates} postal codes with coordinates`);

  const dataset = await generateAndInsert(db, env.DATABASE_URL, config, log);
  log(`data on ${dataset.municipalities} municipalities: ${Object.entries(dataset.rows).map(([k, v]) => `${k} ${v}`).join(", ")} in ${dataset.insertSeconds} s`);

  const admin = getAdminClient();
  const indexes = await phases.measureIndexBuild(db, admin);
  const totalDocuments = indexes.reduce((a, i) => a + i.documents, 0);
  const totalSeconds = round(indexes.reduce((a, i) => a + i.seconds, 0), 2);
  for (const i of indexes) log(`index ${i.index}: ${i.documents} docs in ${i.seconds} s = ${i.docsPerSecond} docs/s (Meilisearch ${i.meiliIndexingSeconds} s)`);

  const search = await getSearchClient();
  const vacancies = await phases.loadOpenVacancies(db);
  const latency = [];
  const fetchSearch = withFetchTransport(search);
  const variants = [
    ["in reach, nearest first", true, "reach", search],
    ["in reach, unsorted", false, "reach", search],
    ["within radius (geo filter), nearest first", true, "radius", search],
    ["in reach, nearest first, built-in fetch (client default)", true, "reach", fetchSearch],
  ] as const;
  for (const [variant, nearestFirst, place, client] of variants) {
    const searches = phases.consultantSearches(vacancies, config.latencyQueriesPerRound * config.latencyRounds, config.seed, nearestFirst, place);
    for (const concurrency of [1, 10]) {
      const l = await phases.measureSearchLatency(variant, client, searches, concurrency, config.latencyRounds, config.latencyQueriesPerRound);
      log(`search (${variant}) at ${concurrency} client(s): p50 ${l.p50} ms, p95 ${l.p95} ms (rounds: ${l.rounds.map((r) => r.p95).join(", ")}), ${l.queriesPerSecond} q/s`);
      latency.push(l);
    }
  }

  const meiliPid = meili.child?.pid ?? (await findMeiliPid(env.MEILI_URL));
  const { floor, full, breakdown } = await runMatchingProcess({
    concurrency: config.matchConcurrency,
    breakdownSample: config.breakdownSample,
    meiliPid,
    sample: matchSample,
  });
  const ratio = round(full.seconds / floor.seconds, 2);
  log(`matching ${full.seconds} s vs floor ${floor.seconds} s: ${ratio}×; sample of ${breakdown.sample}: raw ${breakdown.rawQueryMs} ms (built-in fetch ${breakdown.rawQueryNodeHttpMs} ms), compute ${breakdown.computeMs} ms, match+store ${breakdown.matchAndStoreMs} ms per vacancy`);

  const partial = {
    config,
    startedAt: new Date(started).toISOString(),
    totalSeconds: round((Date.now() - started) / 1000, 1),
    machine: await report.describeMachine(admin, db),
    load: loadSampler.stop(),
    dataset,
    indexBuild: { indexes, totalDocuments, totalSeconds, docsPerSecond: Math.round(totalDocuments / totalSeconds) },
    latency,
    matching: {
      concurrency: config.matchConcurrency,
      allVacancies: vacancies.length,
      sampled: full.vacancies < vacancies.length,
      projectedSeconds: round(full.seconds * (vacancies.length / full.vacancies), 0),
      projectedFloorSeconds: round(floor.seconds * (vacancies.length / floor.vacancies), 0),
      floor,
      full,
      ratio,
      breakdown,
    },
  };
  const results = { ...partial, targets: report.evaluateTargets(partial) };

  if (!breakdown.sameHitsAsFloor) {
    exitCode = 1;
    console.error("The engine retrieved different candidates than the raw floor's identical queries: the floor is not comparable.");
  }
  if (small) {
    await report.writeJson(path.join(here, "results-small.json"), results);
  } else {
    await report.writeJson(path.join(here, "results-full.json"), results);
    await writeFile(path.join(here, "matching-chart.svg"), report.renderChart(results));
    await report.writeResultsMarkdown(path.join(here, "RESULTS.md"), results, "matching-chart.svg");
  }
  console.log(`\nMachine: ${results.machine.cpu}, ${results.machine.cores} cores, ${results.machine.memoryGiB} GiB, Node ${results.machine.node}, Meilisearch ${results.machine.meilisearch}`);
  for (const t of results.targets) console.log(`${t.met ? "✔" : "✘"} ${t.what}: ${t.actual} (target ${t.target})`);
  console.log(`Written: ${small ? "tests/bench/results-small.json" : "tests/bench/RESULTS.md, matching-chart.svg, results-full.json"}`);
} catch (error) {
  exitCode = 1;
  console.error(`Benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
} finally {
  await cleanup();
}
process.exit(exitCode);
