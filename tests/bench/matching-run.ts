// The matching process of the benchmark, forked by ./matching.ts so that its RSS
// is that of a process that only matches (like a matching worker), not of the
// one that generated 100,000 candidates and imported the geography. Runs the raw
// floor, the full matching run and the breakdown side by side, and sends the
// figures to the parent over IPC. Environment (database, index prefix) comes
// from the parent.
import { disconnectDb, getDb } from "~/lib/db.server";
import { getSearchClient } from "../../search/client";
import { withFetchTransport } from "./node-http-transport";
import { VACANCIES_PER_REQUEST } from "~/modules/matching/runs.server";
import { chunk, measureBreakdown, measureMatchAll, measureRawFloor, loadOpenVacancies } from "./phases";

export interface MatchRunRequest {
  concurrency: number;
  breakdownSample: number;
  meiliPid?: number;
  /** Match only this many evenly spaced vacancies instead of all. */
  sample?: number;
}

const request = JSON.parse(process.env.BENCH_MATCH_REQUEST ?? "null") as MatchRunRequest | null;
if (!request || !process.send) {
  console.error("matching-run.ts is started by tests/bench/matching.ts (needs BENCH_MATCH_REQUEST and an IPC channel).");
  process.exit(2);
}
const say = (msg: string) => console.log(`[bench matching ${new Date().toISOString().slice(11, 19)}] ${msg}`);

try {
  const db = getDb();
  const search = await getSearchClient();
  const open = await loadOpenVacancies(db);
  // A sample takes whole groups of the nightly run (evenly spaced), not single
  // vacancies: a group shares one offering query, so scattered vacancies would
  // not cost what the run's groups of one occupation cost.
  const groups = chunk(open);
  const wantedGroups = request.sample ? Math.max(1, Math.round(request.sample / VACANCIES_PER_REQUEST)) : groups.length;
  const step = Math.max(1, Math.floor(groups.length / wantedGroups));
  const vacancies = groups.filter((_, i) => i % step === 0).slice(0, wantedGroups).flat();
  // Matching first, recording the requests it sends; then the floor sends the same
  // requests again. Matching therefore meets the colder caches: if the order
  // favours either, it favours the floor.
  say(`matchVacancies for ${vacancies.length} vacancies, ${request.concurrency} groups in flight`);
  const full = await measureMatchAll(db, search, vacancies.map((v) => v.id), request.concurrency, request.meiliPid, (n) =>
    say(`matched ${n} vacancies`),
  );
  say(`matching: ${full.seconds} s, ${full.stored} matches stored, peak RSS ${Math.round(full.peakRssBytes / 1048576)} MiB`);
  say(`raw-query floor: the same ${full.recorded.reduce((n, r) => n + r.length, 0)} requests`);
  const floor = await measureRawFloor(search, full.recorded, vacancies.length, request.concurrency);
  say(`floor: ${floor.seconds} s, ${floor.candidateHits.total} candidate hits, ${floor.candidateQueriesAtCap}/${floor.candidateQueryCount} candidate queries at the hit cap`);
  const breakdown = await measureBreakdown(db, search, withFetchTransport(search), vacancies.map((v) => v.id), floor, full, request.breakdownSample, request.concurrency);
  const { durations: _fd, hitsByGroup: _h, ...floorFigures } = floor;
  const { durations: _md, recorded: _r, consideredByGroup: _c, ...fullFigures } = full;
  await new Promise<void>((resolve, reject) =>
    process.send!({ ok: true, floor: floorFigures, full: fullFigures, breakdown }, (error: Error | null) => (error ? reject(error) : resolve())),
  );
} catch (error) {
  process.send({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
} finally {
  await disconnectDb();
}
