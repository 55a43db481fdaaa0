// The measured phases of the matching benchmark: index build, consultant search
// latency, and matching every open vacancy next to the raw-query floor.
import type { Meilisearch, MultiSearchQuery, SearchParams } from "meilisearch";
import type { VacancyForMatching } from "~/modules/matching/types";
import { VACANCIES_PER_REQUEST } from "~/modules/matching/runs.server";
import { computeManyVacancyMatches, matchVacancies } from "~/modules/matching/service.server";
import type { Db } from "~/utils/db.server";
import { indexUid } from "../../search/client";
import { INDEXES } from "../../search/indexes/registry";
import { candidateQueriesForVacancy, MAX_HITS_PER_QUERY, offeringQueryForSkills } from "../../search/queries/matching";
import { candidateSearchParams } from "../../search/queries/candidate-search";
import { reindexIndex } from "../../search/reindex";
import { median, percentile, round, RssSampler, runPool, timed } from "./measure";
import { Rng } from "./rng";

// ───────────── 1. Index build ─────────────

export interface IndexBuildResult {
  index: string;
  documents: number;
  seconds: number;
  docsPerSecond: number;
  /** Sum of Meilisearch's own document-addition task durations: the rest is reading PostgreSQL and waiting. */
  meiliIndexingSeconds: number;
}

export async function measureIndexBuild(db: Db, admin: Meilisearch): Promise<IndexBuildResult[]> {
  const results: IndexBuildResult[] = [];
  for (const definition of INDEXES) {
    const since = new Date(Date.now() - 1000).toISOString();
    const { value, ms } = await timed(() => reindexIndex(definition, { db, client: admin }));
    const tasks = await admin.tasks.getTasks({ types: ["documentAdditionOrUpdate"], afterEnqueuedAt: since, limit: 1000 });
    const live = indexUid(definition.name);
    const meiliSeconds = tasks.results
      .filter((t) => t.indexUid?.startsWith(`${live}__build_`))
      .reduce((sum, t) => sum + isoDurationSeconds(t.duration), 0);
    results.push({
      index: definition.name,
      documents: value.documents,
      seconds: round(ms / 1000, 2),
      docsPerSecond: Math.round(value.documents / (ms / 1000)),
      meiliIndexingSeconds: round(meiliSeconds, 2),
    });
  }
  return results;
}

/** Meilisearch task durations look like "PT1.234S" or "PT2M3.5S". */
export function isoDurationSeconds(d: string | null | undefined): number {
  const m = d ? /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(d) : null;
  if (!m) return 0;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

// ───────────── 2. Consultant search latency ─────────────

/** How a consultant search limits the place: by who can reach the workplace (the app's), or by a radius around it (a geo filter). */
export type SearchPlace = "reach" | "radius";

/**
 * A consultant looking for people for a job: the job's key skills, available
 * by the start date, one page; in reach of the workplace (by each person's own
 * commuting radius) or within a radius of it; optionally nearest first.
 */
export function consultantSearches(
  vacancies: VacancyForMatching[],
  count: number,
  seed: number,
  nearestFirst: boolean,
  place: SearchPlace = "reach",
): { params: SearchParams }[] {
  // Same seed for every variant: the same searches, with and without the sort.
  const rng = new Rng(seed, "consultant-searches");
  return Array.from({ length: count }, () => {
    const v = rng.pick(vacancies);
    const skills = rng.sample(v.requiredSkillIds, rng.int(1, Math.min(3, v.requiredSkillIds.length)));
    const radius = rng.pick([10, 20, 25, 30, 50]);
    return {
      params: candidateSearchParams({
        skillIds: skills,
        availableBy: v.startDate,
        ...(place === "reach" ? { reachOf: v.location } : { livingWithin: { point: v.location, km: radius } }),
        ...(nearestFirst ? { nearestTo: v.location } : {}),
        limit: 20,
      }),
    };
  });
}

export interface LatencyRound {
  concurrency: number;
  queries: number;
  p50: number;
  p95: number;
  max: number;
  serverP50: number;
  serverP95: number;
  meanTotalHits: number;
  queriesPerSecond: number;
}

export interface LatencyResult {
  variant: string;
  concurrency: number;
  rounds: LatencyRound[];
  /** Medians over the rounds. */
  p50: number;
  p95: number;
  queriesPerSecond: number;
}

export async function measureSearchLatency(
  variant: string,
  search: Meilisearch,
  queries: { params: SearchParams }[],
  concurrency: number,
  rounds: number,
  perRound: number,
): Promise<LatencyResult> {
  const uid = indexUid("candidates");
  const index = search.index(uid);
  // Warm-up: first queries pay for opening the index and filling caches.
  await runPool(queries.slice(0, 30), concurrency, async (q) => void (await index.search("", q.params)));
  const results: LatencyRound[] = [];
  for (let r = 0; r < rounds; r++) {
    const slice = Array.from({ length: perRound }, (_, i) => queries[(r * perRound + i) % queries.length]);
    const server: number[] = [];
    const totals: number[] = [];
    const started = performance.now();
    const durations = await runPool(slice, concurrency, async (q) => {
      const res = await index.search("", q.params);
      server.push(res.processingTimeMs);
      totals.push(res.estimatedTotalHits ?? 0);
    });
    const wall = (performance.now() - started) / 1000;
    results.push({
      concurrency,
      queries: slice.length,
      p50: round(percentile(durations, 50)),
      p95: round(percentile(durations, 95)),
      max: round(Math.max(...durations)),
      serverP50: percentile(server, 50),
      serverP95: percentile(server, 95),
      meanTotalHits: Math.round(totals.reduce((a, b) => a + b, 0) / totals.length),
      queriesPerSecond: Math.round(slice.length / wall),
    });
  }
  return {
    variant,
    concurrency,
    rounds: results,
    p50: median(results.map((r) => r.p50)),
    p95: median(results.map((r) => r.p95)),
    queriesPerSecond: median(results.map((r) => r.queriesPerSecond)),
  };
}

// ───────────── 3. Matching all vacancies, and the raw-query floor ─────────────

/** Every open vacancy as matching sees it, in one query (the engine reads them one by one). */
export async function loadOpenVacancies(db: Db): Promise<VacancyForMatching[]> {
  const rows = await db.$queryRaw<
    { id: string; start: string; latitude: number; longitude: number; dl: boolean; up: boolean; req: string[]; nice: string[] }[]
  >`
    SELECT v.id, to_char(v."startDate", 'YYYY-MM-DD') AS start, v.latitude, v.longitude,
           v."requiresDrivingLicence" AS dl, v."acceptsUpskilling" AS up,
           coalesce(array_agg(s."skillId" ORDER BY s."skillId") FILTER (WHERE s.requirement = 'REQUIRED'), '{}') AS req,
           coalesce(array_agg(s."skillId" ORDER BY s."skillId") FILTER (WHERE s.requirement = 'NICE_TO_HAVE'), '{}') AS nice
    FROM "Vacancy" v LEFT JOIN "VacancySkill" s ON s."vacancyId" = v.id
    WHERE v.status = 'OPEN' GROUP BY v.id ORDER BY v.id`;
  return rows.map((r) => ({
    id: r.id,
    requiredSkillIds: r.req,
    niceSkillIds: r.nice,
    startDate: new Date(`${r.start}T00:00:00Z`),
    location: { latitude: r.latitude, longitude: r.longitude },
    requiresDrivingLicence: r.dl,
    acceptsUpskilling: r.up,
  }));
}

/** Exactly the queries computeManyVacancyMatches sends for one vacancy (app/modules/matching/service.server.ts). */
export function engineQueries(vacancy: VacancyForMatching): { queries: MultiSearchQuery[]; candidateQueries: number } {
  const candidateQueries = candidateQueriesForVacancy(vacancy, indexUid("candidates"));
  if (candidateQueries.length === 0) return { queries: [], candidateQueries: 0 };
  const offeringQuery = offeringQueryForSkills(vacancy.requiredSkillIds, vacancy.startDate, indexUid("offerings"));
  return { queries: vacancy.requiredSkillIds.length ? [...candidateQueries, offeringQuery] : candidateQueries, candidateQueries: candidateQueries.length };
}

/** The vacancies in the groups the nightly run sends them in (VACANCIES_PER_REQUEST per request). */
export function chunk<T>(items: readonly T[], size = VACANCIES_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface FloorResult {
  vacancies: number;
  requests: number;
  seconds: number;
  /** Per multi-search request (VACANCIES_PER_REQUEST vacancies each). */
  perRequestMs: { p50: number; p95: number; max: number };
  candidateHits: { total: number; p50: number; p95: number; max: number };
  candidateQueryCount: number;
  /** Candidate queries that returned MAX_HITS_PER_QUERY hits: candidates beyond the cap were never seen. */
  candidateQueriesAtCap: number;
  vacanciesAtCap: number;
  serverMsTotal: number;
  /** Per request, in request order. */
  durations: number[];
  hitsByVacancy: Map<string, number>;
}

/** The raw floor: the same multi-search requests the engine sends, nothing else. */
export async function measureRawFloor(
  search: Meilisearch,
  vacancies: VacancyForMatching[],
  concurrency: number,
  progress: (done: number) => void = () => {},
): Promise<FloorResult> {
  const hitsByVacancy = new Map<string, number>(vacancies.map((v) => [v.id, 0]));
  let candidateQueryCount = 0;
  let atCap = 0;
  let vacanciesAtCap = 0;
  let serverMs = 0;
  let done = 0;
  const requests = chunk(vacancies);
  const started = performance.now();
  const durations = await runPool(requests, concurrency, async (group) => {
    const plans = group.map((v) => ({ vacancy: v, ...engineQueries(v) }));
    const queries = plans.flatMap((p) => p.queries);
    if (queries.length === 0) return;
    const { results } = await search.multiSearch({ queries });
    let offset = 0;
    for (const plan of plans) {
      let capped = false;
      for (let k = 0; k < plan.queries.length; k++) {
        const r = results[offset + k];
        serverMs += r.processingTimeMs;
        if (k >= plan.candidateQueries) continue;
        candidateQueryCount++;
        hitsByVacancy.set(plan.vacancy.id, (hitsByVacancy.get(plan.vacancy.id) ?? 0) + r.hits.length);
        if (r.hits.length >= MAX_HITS_PER_QUERY) {
          atCap++;
          capped = true;
        }
      }
      if (capped) vacanciesAtCap++;
      offset += plan.queries.length;
    }
    done += group.length;
    if (done % 5000 < group.length) progress(done);
  });
  const seconds = (performance.now() - started) / 1000;
  const hits = [...hitsByVacancy.values()];
  return {
    vacancies: vacancies.length,
    requests: requests.length,
    seconds: round(seconds, 1),
    perRequestMs: { p50: round(percentile(durations, 50)), p95: round(percentile(durations, 95)), max: round(Math.max(...durations)) },
    candidateHits: {
      total: hits.reduce((a, b) => a + b, 0),
      p50: percentile(hits, 50),
      p95: percentile(hits, 95),
      max: Math.max(...hits),
    },
    candidateQueryCount,
    candidateQueriesAtCap: atCap,
    vacanciesAtCap,
    serverMsTotal: Math.round(serverMs),
    durations,
    hitsByVacancy,
  };
}

export interface MatchAllResult {
  vacancies: number;
  requests: number;
  seconds: number;
  perRequestMs: { p50: number; p95: number; max: number };
  considered: number;
  stored: number;
  created: number;
  upskilling: number;
  baselineRssBytes: number;
  peakRssBytes: number;
  peakMeiliRssBytes: number | null;
  rssSamples: number;
  durations: number[];
}

/** matchVacancies (load + multi-search + score + store) for every open vacancy, in the nightly run's groups, `concurrency` groups in flight. */
export async function measureMatchAll(
  db: Db,
  search: Meilisearch,
  vacancyIds: string[],
  concurrency: number,
  meiliPid?: number,
  progress: (done: number) => void = () => {},
): Promise<MatchAllResult> {
  const totals = { considered: 0, stored: 0, created: 0, upskilling: 0 };
  const baselineRssBytes = process.memoryUsage().rss;
  const sampler = new RssSampler(meiliPid).start();
  const requests = chunk(vacancyIds);
  let done = 0;
  const started = performance.now();
  let durations: number[];
  let memory: ReturnType<RssSampler["stop"]>;
  try {
    durations = await runPool(requests, concurrency, async (group) => {
      const outcome = await matchVacancies(group, { db, search, runId: null });
      totals.considered += outcome.considered;
      totals.stored += outcome.stored;
      totals.created += outcome.created;
      totals.upskilling += outcome.upskilling;
      done += group.length;
      if (done % 5000 < group.length) progress(done);
    });
  } finally {
    memory = sampler.stop();
  }
  const seconds = (performance.now() - started) / 1000;
  return {
    vacancies: vacancyIds.length,
    requests: requests.length,
    seconds: round(seconds, 1),
    perRequestMs: { p50: round(percentile(durations, 50)), p95: round(percentile(durations, 95)), max: round(Math.max(...durations)) },
    considered: totals.considered,
    stored: totals.stored,
    created: totals.created,
    upskilling: totals.upskilling,
    baselineRssBytes,
    peakRssBytes: memory.peakRssBytes,
    peakMeiliRssBytes: memory.peakOtherRssBytes,
    rssSamples: memory.samples,
    durations,
  };
}

export interface BreakdownResult {
  /** Vacancies in the sampled requests. */
  sample: number;
  /** Mean ms per vacancy (request time ÷ vacancies in it), all measured at the same concurrency in this run. */
  rawQueryMs: number;
  /** The same raw requests for the same sample, sent through Node's built-in fetch (the client library's default) instead of the app's node:http transport. */
  rawQueryNodeHttpMs: number;
  computeMs: number;
  matchAndStoreMs: number;
  /** computeManyVacancyMatches' `considered` equals the raw floor's candidate hits for every sampled vacancy. */
  sameHitsAsFloor: boolean;
}

/**
 * Splits the cost for a sample of requests: raw query (floor), compute (load +
 * query + score), and match-and-store (from the full run). compute is re-run
 * here without storing.
 */
export async function measureBreakdown(
  db: Db,
  search: Meilisearch,
  nodeHttpSearch: Meilisearch,
  vacancies: VacancyForMatching[],
  floor: FloorResult,
  full: MatchAllResult,
  sampleSize: number,
  concurrency: number,
): Promise<BreakdownResult> {
  const requests = chunk(vacancies);
  const wanted = Math.max(1, Math.round(sampleSize / VACANCIES_PER_REQUEST));
  const step = Math.max(1, Math.floor(requests.length / wanted));
  const indices = requests.map((_, i) => i).filter((i) => i % step === 0).slice(0, wanted);
  let sameHits = true;
  const computeDurations = await runPool(indices, concurrency, async (i) => {
    const computed = await computeManyVacancyMatches(requests[i].map((v) => v.id), { db, search });
    for (const v of requests[i]) if ((computed.get(v.id)?.considered ?? 0) !== floor.hitsByVacancy.get(v.id)) sameHits = false;
  });
  const nodeHttpFloor = await measureRawFloor(nodeHttpSearch, indices.flatMap((i) => requests[i]), concurrency);
  const perVacancy = (durations: number[], which: number[]) =>
    round(which.reduce((sum, i, k) => sum + durations[k] / requests[i].length, 0) / which.length);
  return {
    sample: indices.reduce((sum, i) => sum + requests[i].length, 0),
    rawQueryMs: perVacancy(indices.map((i) => floor.durations[i]), indices),
    rawQueryNodeHttpMs: perVacancy(nodeHttpFloor.durations, indices),
    computeMs: perVacancy(computeDurations, indices),
    matchAndStoreMs: perVacancy(indices.map((i) => full.durations[i]), indices),
    sameHitsAsFloor: sameHits,
  };
}
