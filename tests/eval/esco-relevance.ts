// The ESCO-grounded relevance evaluation of the matching engine (issue 13,
// item 5): ground truth nobody here wrote, built with a fixed seed from ESCO's
// own occupation profiles in the real taxonomy (imported from JOBBRO_DATA_DIR).
// Used by `npm run eval:matching` (tests/eval/run.ts) and by
// tests/integration/matching-esco-eval.test.ts.
//
// THE DATA (tests/eval/esco-generator.ts, seed ESCO_EVAL_CONFIG.seed)
// - 30 vacancy occupations: 26 from ISCO major groups 4–9 and 4 from 1–3, at
//   most one per ISCO unit group, each with ≥ 6 essential and ≥ 2 optional
//   skills and ≥ 2 sibling occupations. The vacancy has that occupationId;
//   required = 5–8 of its essential skills, nice-to-have = 2 of its optional
//   ones, acceptsUpskilling 50/50, start in 70 days, in one of 12 Danish towns.
// - 300 candidates per vacancy, all in reach (home 0–25 km away, commuting
//   radius covering the workplace), active, consenting, free 90 days before to
//   5 days after today (so before every course and the start), no licence needed.
//   Each holds skills of the occupation they were sampled from, as a person in
//   that job would: a random 60–100 % of its essential skills plus 0–3 optional ones.
//     20 same occupation: half plain 60–100 % samples, half the same share
//        but missing exactly 1–2 of the vacancy's required skills;
//     60 sibling occupations: up to 5 occupations of the same 4-digit ISCO unit
//        group (ESCO's parent occupations always sit in their children's unit
//        group, so "shares an ESCO parent" is included);
//    220 unrelated occupations: any occupation of another ISCO major group.
//   ESCO occupations are narrow ("fish trimmer", "shunter"): among 300
//   job-seekers in reach of one workplace, few have done that very job, more
//   a neighbouring one, most something else; hence 7 % / 20 % / 73 %.
//   The candidates' occupations are NOT recorded (no CandidateOccupation rows):
//   they are the answer key, and the engine sees only skills, place and dates.
// - Courses for 60 % (at least one) of the required skills that some
//   same-occupation candidate misses: one course per skill, an early offering
//   (starts in 7–25 days) and mostly a later one (35–50 days), 4–14 days long,
//   1–12 seats, at the workplace or (25 %) online; sometimes one course teaches
//   two of them. Who misses two or more taught skills needs a multi-course path.
//
// THE RELEVANCE RULE (ground truth only, never the model's output)
//   2  same occupation, holding ≥ 80 % of the vacancy's required skills;
//   1  same occupation holding fewer, or a sibling occupation holding ≥ 60 %
//      of the required skills;
//   0  otherwise (other siblings, and every unrelated-occupation candidate).
// Nice-to-have skills, distance and dates do not enter it: everyone is in reach
// and available in time. "Relevant" means grade ≥ 1.
//
// THE METRICS, per vacancy and then averaged over vacancies
// - nDCG@10: gains 2^grade − 1 over the engine's ranking (its matches in its
//   order; unmatched candidates gain nothing), ideal = the pool's grades sorted.
// - recall: relevant candidates among all the matches the engine returns (up
//   to its cap) / relevant candidates in the pool.
// - recall within the near-miss rule: the same, over the relevant candidates
//   who miss at most max(1, 20 %) of the vacancy's required skills (by exact
//   id): those the model promises to show even with no course for the gap.
//   Relevant candidates missing more are shown only when courses close enough
//   of the gap or related skills stand in; both figures are reported.
// - unrelated in the top 10: share of the engine's first (up to) 10 matches
//   sampled from unrelated occupations; vacancies without matches are left out.
// - overlapping paths: of all matches whose explanation.upskilling has ≥ 2
//   offerings (pooled over the vacancies), the share in which two courses
//   share a day (inclusive date ranges); 0 when there is no such path.
// - matches per vacancy.
//
// THE RUN: one pool at a time (rows → search sync → computeVacancyMatches →
// rows deleted → search sync), each pool verified gone from PostgreSQL and
// from the candidates, offerings and vacancies indexes before the next.
import type { Meilisearch } from "meilisearch";
import { computeVacancyMatches } from "../../search/matching-engine.server";
import type { Db } from "~/lib/db.server";
import { importTaxonomy } from "../../prisma/taxonomy/import";
import { indexUid } from "../../search/client";
import { candidatesIndex } from "../../search/indexes/candidates";
import { offeringsIndex } from "../../search/indexes/offerings";
import { vacanciesIndex } from "../../search/indexes/vacancies";
import { setupIndexes } from "../../search/setup";
import { syncIds } from "../../search/sync";
import { ESCO_EVAL_CONFIG, generateEscoPools, type EscoGeneratorConfig, type EscoPool, type TaxOccupation } from "./esco-generator";
import { mean, ndcgAt, pathOverlaps } from "./esco-metrics";

export { ESCO_EVAL_CONFIG } from "./esco-generator";

export const TOP_K = 10;

export interface EscoPoolResult {
  index: number;
  occupation: string;
  iscoCode: string | null;
  required: number;
  acceptsUpskilling: boolean;
  poolSize: number;
  /** Pool members by grade: [grade 0, grade 1, grade 2]. */
  grades: [number, number, number];
  matches: number;
  /** Matches by kind, e.g. { FULL: 12, UPSKILLING: 3 }. */
  kinds: Record<string, number>;
  ndcg10: number;
  recall: number;
  /** Recall over the relevant candidates who miss at most max(1, 20 %) of the required skills. */
  recallNearMissRule: number;
  /** Null when the engine returned no match. */
  unrelatedTop10: number | null;
  multiCoursePaths: number;
  overlappingPaths: number;
  /** Unrelated-occupation candidates among all the matches. */
  unrelatedMatched: number;
  /** Relevant pool members the engine did not return, by origin. */
  missedRelevant: { same: number; sibling: number };
  cleanedUp: boolean;
  ms: number;
}

export interface EscoSummary {
  vacancies: number;
  ndcg10: number;
  recall: number;
  recallNearMissRule: number;
  unrelatedTop10: number;
  overlappingPaths: number;
  multiCoursePaths: number;
  overlappingPathCount: number;
  matchesPerVacancy: number;
  allCleanedUp: boolean;
}

export interface EscoDeps {
  db: Db;
  admin: Meilisearch;
  search: Meilisearch;
}

/** Imports the whole taxonomy (as search-evaluate.ts does) and makes sure the indexes matching reads exist. */
export async function prepareEscoEval(db: Db, admin: Meilisearch, dataDir: string): Promise<void> {
  await importTaxonomy(db, { dataDir });
  await setupIndexes(admin, [candidatesIndex, offeringsIndex, vacanciesIndex]);
}

/** Every occupation with its essential and optional skill ids, skills in the order of their stable key. */
export async function loadTaxOccupations(db: Db): Promise<TaxOccupation[]> {
  const [occupations, relations] = await Promise.all([
    db.occupation.findMany({ select: { id: true, escoUri: true, iscoCode: true, labelEn: true } }),
    db.$queryRaw<{ occupationId: string; skillId: string; relation: "ESSENTIAL" | "OPTIONAL" }[]>`
      SELECT os."occupationId", os."skillId", os."relation"::text AS relation
      FROM "OccupationSkill" os JOIN "Skill" s ON s.id = os."skillId"
      ORDER BY s.key`,
  ]);
  const byId = new Map<string, TaxOccupation>(
    occupations.map((o) => [o.id, { id: o.id, escoUri: o.escoUri, iscoCode: o.iscoCode, label: o.labelEn, essential: [], optional: [] }]),
  );
  for (const r of relations) {
    const o = byId.get(r.occupationId);
    if (o) (r.relation === "ESSENTIAL" ? o.essential : o.optional).push(r.skillId);
  }
  return [...byId.values()];
}

export async function runEscoEval(
  deps: EscoDeps,
  options: { config?: EscoGeneratorConfig; onPool?: (r: EscoPoolResult) => void } = {},
): Promise<{ pools: EscoPoolResult[]; summary: EscoSummary }> {
  const pools = generateEscoPools(await loadTaxOccupations(deps.db), options.config ?? ESCO_EVAL_CONFIG);
  const results: EscoPoolResult[] = [];
  for (const pool of pools) {
    const r = await runPool(pool, deps);
    results.push(r);
    options.onPool?.(r);
  }
  return { pools: results, summary: summariseEsco(results) };
}

const DAY_MS = 86_400_000;
const inDays = (n: number) => {
  const d = new Date();
  d.setUTCHours(0, 0, 0, 0);
  return new Date(d.getTime() + n * DAY_MS);
};

async function runPool(pool: EscoPool, deps: EscoDeps): Promise<EscoPoolResult> {
  const { db, search } = deps;
  const started = Date.now();
  const tag = pool.vacancyId.replace(/vacancy$/, "");
  const orgIds = { company: `${tag}company`, jobcentre: `${tag}jobcentre`, institution: `${tag}institution` };
  const candidateIds = pool.candidates.map((c) => c.id);
  const offeringIds = pool.courses.flatMap((c) => c.offerings.map((o) => o.id));

  await db.organisation.createMany({
    data: [
      { id: orgIds.company, kind: "COMPANY", name: `ESCO eval company ${tag}` },
      { id: orgIds.jobcentre, kind: "JOBCENTRE", name: `ESCO eval jobcentre ${tag}` },
      { id: orgIds.institution, kind: "INSTITUTION", name: `ESCO eval institution ${tag}` },
    ],
  });
  let measured: Omit<EscoPoolResult, "cleanedUp" | "ms"> | undefined;
  try {
    await db.vacancy.create({
      data: {
        id: pool.vacancyId,
        organisationId: orgIds.company,
        occupationId: pool.occupation.id,
        title: pool.occupation.label.slice(0, 100),
        postalCode: pool.place.postalCode,
        city: pool.place.town,
        latitude: pool.place.latitude,
        longitude: pool.place.longitude,
        startDate: inDays(pool.startsInDays),
        acceptsUpskilling: pool.acceptsUpskilling,
        skills: {
          create: [
            ...pool.requiredSkillIds.map((skillId) => ({ skillId, requirement: "REQUIRED" as const })),
            ...pool.niceSkillIds.map((skillId) => ({ skillId, requirement: "NICE_TO_HAVE" as const })),
          ],
        },
      },
    });
    await db.candidate.createMany({
      data: pool.candidates.map((c) => ({
        id: c.id,
        jobcentreId: orgIds.jobcentre,
        pseudonym: `ESCO ${c.id}`,
        firstName: "Eval",
        lastName: c.id,
        postalCode: pool.place.postalCode,
        latitude: c.latitude,
        longitude: c.longitude,
        commuteRadiusKm: c.commuteRadiusKm,
        availableFrom: inDays(c.availableInDays),
        hasDrivingLicence: c.hasDrivingLicence,
        status: "ACTIVE" as const,
      })),
    });
    await db.candidateSkill.createMany({ data: pool.candidates.flatMap((c) => c.skillIds.map((skillId) => ({ candidateId: c.id, skillId }))) });
    await db.consent.createMany({ data: pool.candidates.map((c) => ({ candidateId: c.id, purpose: "MATCHING" as const, channel: "IN_PERSON" as const })) });
    for (const course of pool.courses) {
      await db.course.create({
        data: {
          id: course.id,
          institutionId: orgIds.institution,
          title: course.title,
          skills: { create: course.skillIds.map((skillId) => ({ skillId })) },
          offerings: {
            create: course.offerings.map((o) => ({
              id: o.id,
              startDate: inDays(o.startsInDays),
              endDate: inDays(o.endsInDays),
              online: o.online,
              postalCode: o.online ? null : pool.place.postalCode,
              city: o.online ? null : pool.place.town,
              latitude: o.online ? null : pool.place.latitude,
              longitude: o.online ? null : pool.place.longitude,
              seats: o.seats,
            })),
          },
        },
      });
    }
    await syncPool(deps, pool.vacancyId, candidateIds, offeringIds);

    const computed = await computeVacancyMatches(pool.vacancyId, { db, search });
    measured = measure(pool, computed?.matches ?? []);
  } finally {
    // Remove this pool's world so the next pool cannot see it.
    await db.candidate.deleteMany({ where: { id: { in: candidateIds } } });
    await db.vacancy.deleteMany({ where: { id: pool.vacancyId } });
    await db.course.deleteMany({ where: { institutionId: orgIds.institution } });
    await db.organisation.deleteMany({ where: { id: { in: Object.values(orgIds) } } });
    await syncPool(deps, pool.vacancyId, candidateIds, offeringIds);
  }
  const cleanedUp = await isGone(deps, pool, orgIds, candidateIds);
  if (!measured) throw new Error(`Pool ${tag} was not measured`);
  return { ...measured, cleanedUp, ms: Date.now() - started };
}

async function syncPool(deps: EscoDeps, vacancyId: string, candidateIds: string[], offeringIds: string[]): Promise<void> {
  const { db, admin } = deps;
  await Promise.all([
    syncIds(vacanciesIndex, [vacancyId], { db, client: admin }),
    syncIds(candidatesIndex, candidateIds, { db, client: admin }),
    syncIds(offeringsIndex, offeringIds, { db, client: admin }),
  ]);
}

/** Whether nothing of the pool is left in PostgreSQL or in the indexes matching reads. */
async function isGone(deps: EscoDeps, pool: EscoPool, orgIds: Record<string, string>, candidateIds: string[]): Promise<boolean> {
  const { db, admin } = deps;
  const quote = (s: string) => JSON.stringify(s);
  const indexed = (name: string, filter: string) =>
    admin.index(indexUid(name)).getDocuments({ filter, limit: 1, fields: ["id"] }).then((page) => page.total);
  const counts = await Promise.all([
    db.candidate.count({ where: { id: { in: candidateIds } } }),
    db.vacancy.count({ where: { id: pool.vacancyId } }),
    db.course.count({ where: { id: { in: pool.courses.map((c) => c.id) } } }),
    db.organisation.count({ where: { id: { in: Object.values(orgIds) } } }),
    indexed("candidates", `jobcentreId = ${quote(orgIds.jobcentre)}`),
    indexed("offerings", `institutionId = ${quote(orgIds.institution)}`),
    indexed("vacancies", `organisationId = ${quote(orgIds.company)}`),
  ]);
  return counts.every((n) => n === 0);
}

interface EngineMatch {
  candidateId: string;
  kind: string;
  explanation: { upskilling: readonly { startDate: string; endDate: string }[] };
}

function measure(pool: EscoPool, matches: readonly EngineMatch[]): Omit<EscoPoolResult, "cleanedUp" | "ms"> {
  const byId = new Map(pool.candidates.map((c) => [c.id, c]));
  const ranked = matches.map((m) => byId.get(m.candidateId)).filter((c) => c !== undefined);
  const relevant = pool.candidates.filter((c) => c.relevance >= 1);
  const matched = new Set(ranked.map((c) => c.id));
  const top = ranked.slice(0, TOP_K);
  const multi = matches.filter((m) => m.explanation.upskilling.length >= 2);
  const kinds: Record<string, number> = {};
  for (const m of matches) kinds[m.kind] = (kinds[m.kind] ?? 0) + 1;
  const grades: [number, number, number] = [0, 0, 0];
  for (const c of pool.candidates) grades[c.relevance] += 1;
  const missed = relevant.filter((c) => !matched.has(c.id));
  return {
    index: pool.index,
    occupation: pool.occupation.label,
    iscoCode: pool.occupation.iscoCode,
    required: pool.requiredSkillIds.length,
    acceptsUpskilling: pool.acceptsUpskilling,
    poolSize: pool.candidates.length,
    grades,
    matches: matches.length,
    kinds,
    ndcg10: ndcgAt(TOP_K, ranked.map((c) => c.relevance), pool.candidates.map((c) => c.relevance)),
    recall: relevant.length === 0 ? 1 : relevant.filter((c) => matched.has(c.id)).length / relevant.length,
    recallNearMissRule: (() => {
      const required = pool.requiredSkillIds.length;
      const promised = relevant.filter((c) => required - c.requiredHeld <= Math.max(1, Math.floor(0.2 * required)));
      return promised.length === 0 ? 1 : promised.filter((c) => matched.has(c.id)).length / promised.length;
    })(),
    unrelatedTop10: top.length === 0 ? null : top.filter((c) => c.origin === "unrelated").length / top.length,
    multiCoursePaths: multi.length,
    overlappingPaths: multi.filter((m) => pathOverlaps(m.explanation.upskilling)).length,
    unrelatedMatched: ranked.filter((c) => c.origin === "unrelated").length,
    missedRelevant: { same: missed.filter((c) => c.origin === "same").length, sibling: missed.filter((c) => c.origin === "sibling").length },
  };
}

export function summariseEsco(results: readonly EscoPoolResult[]): EscoSummary {
  const multiCoursePaths = results.reduce((n, r) => n + r.multiCoursePaths, 0);
  const overlappingPathCount = results.reduce((n, r) => n + r.overlappingPaths, 0);
  return {
    vacancies: results.length,
    ndcg10: mean(results.map((r) => r.ndcg10)),
    recall: mean(results.map((r) => r.recall)),
    recallNearMissRule: mean(results.map((r) => r.recallNearMissRule)),
    unrelatedTop10: mean(results.flatMap((r) => (r.unrelatedTop10 === null ? [] : [r.unrelatedTop10]))),
    overlappingPaths: multiCoursePaths === 0 ? 0 : overlappingPathCount / multiCoursePaths,
    multiCoursePaths,
    overlappingPathCount,
    matchesPerVacancy: mean(results.map((r) => r.matches)),
    allCleanedUp: results.every((r) => r.cleanedUp),
  };
}

export function describePool(r: EscoPoolResult): string {
  const kinds = Object.entries(r.kinds).map(([k, n]) => `${k.toLowerCase()} ${n}`).join(", ") || "none";
  const top = r.unrelatedTop10 === null ? "–" : r.unrelatedTop10.toFixed(2);
  return (
    `${r.cleanedUp ? "✔" : "✘"} ${(r.iscoCode ?? "----").padEnd(4)} ${r.occupation.slice(0, 44).padEnd(44)} ` +
    `req ${r.required}, relevant ${r.grades[2]}+${r.grades[1]}; matches ${r.matches} (${kinds}); ` +
    `nDCG@10 ${r.ndcg10.toFixed(3)}, recall ${r.recall.toFixed(3)}, unrelated@10 ${top} (matched ${r.unrelatedMatched}), ` +
    `overlapping ${r.overlappingPaths}/${r.multiCoursePaths}; missed same ${r.missedRelevant.same}, sibling ${r.missedRelevant.sibling}` +
    `${r.cleanedUp ? "" : "  [POOL NOT CLEANED UP]"}`
  );
}

/** The totals, in the order run.ts prints them (before "pairwise accuracy" and "ndcg@10"). */
export function describeSummary(s: EscoSummary): string[] {
  return [
    `${s.vacancies} ESCO vacancies; pools cleaned up: ${s.allCleanedUp ? "all" : "NOT ALL"}`,
    `recall: ${s.recall.toFixed(3)}`,
    `recall within the near-miss rule (relevant, missing at most max(1, 20 %) of the required skills): ${s.recallNearMissRule.toFixed(3)}`,
    `unrelated in top 10: ${s.unrelatedTop10.toFixed(3)}`,
    `overlapping paths: ${s.overlappingPaths.toFixed(3)} (${s.overlappingPathCount} of ${s.multiCoursePaths} multi-course paths)`,
    `matches per vacancy: ${s.matchesPerVacancy.toFixed(1)}`,
  ];
}
