// The measured phases of the matching benchmark: index build, consultant search
// latency, and matching every open vacancy next to the raw-query floor.
import type { Meilisearch, MultiSearchQuery, SearchParams } from "meilisearch";
import type { VacancyForMatching } from "~/modules/matching/types";
import { openVacancyIdsInRunOrder, VACANCIES_PER_REQUEST } from "~/modules/matching/runs.server";
import { computeManyVacancyMatches, matchVacancies } from "../../search/matching-engine.server";
import type { Db } from "~/lib/db.server";
import { indexUid } from "../../search/client";
import { INDEXES } from "../../search/indexes/registry";
import { MAX_HITS_PER_QUERY } from "../../search/queries/matching";
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

/** Every open vacancy as matching sees it, in one query (the engine reads them group by group), in the nightly run's order. */
export async function loadOpenVacancies(db: Db): Promise<VacancyForMatching[]> {
  const byId = new Map((await loadVacancyFacts(db)).map((v) => [v.id, v]));
  return (await openVacancyIdsInRunOrder(db)).map(({ id }) => byId.get(id)!);
}

async function loadVacancyFacts(db: Db): Promise<VacancyForMatching[]> {
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

/** The vacancies in the groups the nightly run sends them in (VACANCIES_PER_REQUEST per request). */
export function chunk<T>(items: readonly T[], size = VACANCIES_PER_REQUEST): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Per group of vacancies, the multi-search requests the engine sent, in order (one or two: see search/queries/matching.ts). */
export type RecordedRequests = MultiSearchQuery[][];

/**
 * The search client as the engine sees it, noting every multi-search request
 * it sends, so that the raw floor can send exactly the same ones. Other calls
 * go to the client untouched.
 */
export function recordingClient(search: Meilisearch, requests: RecordedRequests): Meilisearch {
  return new Proxy(search, {
    get(target, property) {
      if (property === "multiSearch") {
        return (request: { queries: MultiSearchQuery[] }, ...rest: unknown[]) => {
          requests.push(request.queries);
          return (target.multiSearch as (...args: unknown[]) => unknown)(request, ...rest);
        };
      }
      const value = Reflect.get(target, property, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export interface FloorResult {
  vacancies: number;
  /** Groups of VACANCIES_PER_REQUEST vacancies. */
  groups: number;
  /** Multi-search requests: one or two per group. */
  requests: number;
  seconds: number;
  /** Per group (all its requests, one after the other, as the engine sends them). */
  perRequestMs: { p50: number; p95: number; max: number };
  /** Candidate hits per group of vacancies. */
  candidateHits: { total: number; perVacancy: number; p50: number; p95: number; max: number };
  candidateQueryCount: number;
  /** Candidate queries that returned MAX_HITS_PER_QUERY hits: candidates beyond the cap were never seen. */
  candidateQueriesAtCap: number;
  serverMsTotal: number;
  /** Per group, in group order. */
  durations: number[];
  hitsByGroup: number[];
}

/**
 * The raw floor: the very multi-search requests the engine sent for each group
 * (recorded by measureMatchAll), sent again with the same grouping and
 * concurrency; no loading, scoring or storing.
 */
export async function measureRawFloor(
  search: Meilisearch,
  recorded: readonly RecordedRequests[],
  vacancies: number,
  concurrency: number,
): Promise<FloorResult> {
  const candidates = indexUid("candidates");
  const hitsByGroup = recorded.map(() => 0);
  let candidateQueryCount = 0;
  let atCap = 0;
  let serverMs = 0;
  const started = performance.now();
  const durations = await runPool(recorded, concurrency, async (requests, group) => {
    for (const queries of requests) {
      const { results } = await search.multiSearch({ queries });
      results.forEach((r, k) => {
        serverMs += r.processingTimeMs;
        if (queries[k].indexUid !== candidates) return;
        candidateQueryCount++;
        hitsByGroup[group] += r.hits.length;
        if (r.hits.length >= MAX_HITS_PER_QUERY) atCap++;
      });
    }
  });
  const seconds = (performance.now() - started) / 1000;
  const total = hitsByGroup.reduce((a, b) => a + b, 0);
  return {
    vacancies,
    groups: recorded.length,
    requests: recorded.reduce((sum, r) => sum + r.length, 0),
    seconds: round(seconds, 1),
    perRequestMs: { p50: round(percentile(durations, 50)), p95: round(percentile(durations, 95)), max: round(Math.max(...durations)) },
    candidateHits: {
      total,
      perVacancy: round(total / Math.max(1, vacancies)),
      p50: percentile(hitsByGroup, 50),
      p95: percentile(hitsByGroup, 95),
      max: Math.max(...hitsByGroup),
    },
    candidateQueryCount,
    candidateQueriesAtCap: atCap,
    serverMsTotal: Math.round(serverMs),
    durations,
    hitsByGroup,
  };
}

export interface MatchAllResult {
  vacancies: number;
  groups: number;
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
  /** Per group, in group order. */
  durations: number[];
  consideredByGroup: number[];
  /** Per group, the multi-search requests the engine sent (for the raw floor). */
  recorded: RecordedRequests[];
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
  const groups = chunk(vacancyIds);
  const recorded: RecordedRequests[] = groups.map(() => []);
  const consideredByGroup = groups.map(() => 0);
  const baselineRssBytes = process.memoryUsage().rss;
  const sampler = new RssSampler(meiliPid).start();
  let done = 0;
  const started = performance.now();
  let durations: number[];
  let memory: ReturnType<RssSampler["stop"]>;
  try {
    durations = await runPool(groups, concurrency, async (group, i) => {
      const outcome = await matchVacancies(group, { db, search: recordingClient(search, recorded[i]), runId: null });
      consideredByGroup[i] = outcome.considered;
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
    groups: groups.length,
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
    consideredByGroup,
    recorded,
  };
}

export interface BreakdownResult {
  /** Vacancies in the sampled groups. */
  sample: number;
  /** Mean ms per vacancy (group time ÷ vacancies in it), all measured at the same concurrency in this run. */
  rawQueryMs: number;
  /** The same raw requests for the same sample, sent through Node's built-in fetch (the client library's default) instead of the app's node:http transport. */
  rawQueryNodeHttpMs: number;
  computeMs: number;
  matchAndStoreMs: number;
  /** The engine's candidates retrieved (`considered`) equal the raw floor's candidate hits for every group, in the full run and in the sample. */
  sameHitsAsFloor: boolean;
}

/**
 * Splits the cost for a sample of groups: raw query (floor), compute (load +
 * query + score), and match-and-store (from the full run). compute is re-run
 * here without storing.
 */
export async function measureBreakdown(
  db: Db,
  search: Meilisearch,
  nodeHttpSearch: Meilisearch,
  vacancyIds: string[],
  floor: FloorResult,
  full: MatchAllResult,
  sampleSize: number,
  concurrency: number,
): Promise<BreakdownResult> {
  const groups = chunk(vacancyIds);
  const wanted = Math.max(1, Math.round(sampleSize / VACANCIES_PER_REQUEST));
  const step = Math.max(1, Math.floor(groups.length / wanted));
  const indices = groups.map((_, i) => i).filter((i) => i % step === 0).slice(0, wanted);
  let sameHits = full.consideredByGroup.every((considered, i) => considered === floor.hitsByGroup[i]);
  const computeDurations = await runPool(indices, concurrency, async (i) => {
    const computed = await computeManyVacancyMatches(groups[i], { db, search });
    const considered = [...computed.values()].reduce((sum, r) => sum + (r?.considered ?? 0), 0);
    if (considered !== floor.hitsByGroup[i]) sameHits = false;
  });
  const nodeHttpFloor = await measureRawFloor(nodeHttpSearch, indices.map((i) => full.recorded[i]), 0, concurrency);
  const perVacancy = (durations: number[], which: number[]) =>
    round(which.reduce((sum, i, k) => sum + durations[k] / groups[i].length, 0) / which.length);
  return {
    sample: indices.reduce((sum, i) => sum + groups[i].length, 0),
    rawQueryMs: perVacancy(indices.map((i) => floor.durations[i]), indices),
    rawQueryNodeHttpMs: perVacancy(nodeHttpFloor.durations, indices),
    computeMs: perVacancy(computeDurations, indices),
    matchAndStoreMs: perVacancy(indices.map((i) => full.durations[i]), indices),
    sameHitsAsFloor: sameHits,
  };
}
