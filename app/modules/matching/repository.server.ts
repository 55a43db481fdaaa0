// What matching reads (vacancies, candidates, the taxonomy's knowledge) and how
// it stores matches. A re-run updates score, kind and explanation but never the
// pipeline status a person set; a pair the latest run no longer finds is kept
// (with its history) but marked not current.
import { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { toCandidateForMatching } from "~/modules/candidates/matchable";
import { findMatchableCandidateRow } from "~/modules/candidates/matchable.repository.server";
import { groupRelated, MIN_RELATED_STRENGTH } from "./evidence";
import type { CandidateForMatching, OccupationProfile, RelatedSkill, ScoredMatch, TaxonomyKnowledge, VacancyForMatching } from "./types";

export interface StoreResult {
  stored: number;
  created: number;
  upskilling: number;
  retired: number;
}

/** Whose match list is being replaced: one or more vacancies', or one candidate's. */
export type MatchScope = { vacancyId: string } | { vacancyIds: readonly string[] } | { candidateId: string };

function scopeWhere(scope: MatchScope): Prisma.MatchWhereInput {
  if ("vacancyIds" in scope) return { vacancyId: { in: [...scope.vacancyIds] } };
  return scope;
}

function scopeSql(scope: MatchScope): Prisma.Sql {
  if ("vacancyIds" in scope) return Prisma.sql`m."vacancyId" = ANY(${[...scope.vacancyIds]}::text[])`;
  if ("vacancyId" in scope) return Prisma.sql`m."vacancyId" = ${scope.vacancyId}`;
  return Prisma.sql`m."candidateId" = ${scope.candidateId}`;
}

/** The database clock, read before a computation starts (see storeMatches). */
export async function databaseNow(db: Db): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT clock_timestamp() AS now`;
  return row.now;
}

/**
 * Replaces the current match list of one vacancy or one candidate with `matches`.
 *
 * Vacancy-side and candidate-side jobs run concurrently and each sees the index
 * as it was when it started. `computedAt` (from databaseNow() before retrieval)
 * makes the newest computation win: a row written after this computation began
 * is left alone, so a stale view can neither revive a match that a fresher job
 * retired (say, after consent was withdrawn) nor retire one it just found.
 */
export async function storeMatches(
  db: Db,
  args: { scope: MatchScope; runId: string | null; matches: ScoredMatch[]; computedAt?: Date },
): Promise<StoreResult> {
  const { scope, runId, matches } = args;
  const computedAt = args.computedAt ?? (await databaseNow(db));
  const inScope = scopeSql(scope);
  const paths = matches.flatMap((m) => m.explanation.upskilling.map((u) => ({ vacancyId: m.vacancyId, candidateId: m.candidateId, offeringId: u.offeringId })));

  // One statement, so one round trip and atomic without an interactive
  // transaction (the nightly run stores 30,000 of these). The sub-statements
  // see the same snapshot and touch disjoint rows: the upsert writes the pairs
  // found, "retired" only pairs not found, and the two path statements only
  // paths that are gone or new, of the rows this computation won.
  const [result] = await db.$queryRaw<{ stored: number; created: number; retired: number }[]>`
    WITH found AS (
      SELECT * FROM jsonb_to_recordset(${JSON.stringify(matches.map((m) => ({ vacancy_id: m.vacancyId, candidate_id: m.candidateId, kind: m.kind, score: m.score, explanation: m.explanation })))}::jsonb)
        AS c(vacancy_id text, candidate_id text, kind text, score float8, explanation jsonb)
    ),
    upserted AS (
      INSERT INTO "Match" ("id", "vacancyId", "candidateId", "kind", "score", "explanation", "current", "firstRunId", "lastRunId", "isNew", "createdAt", "updatedAt")
      SELECT 'm' || left(md5(f.vacancy_id), 8) || left(md5(f.vacancy_id || ':' || f.candidate_id), 24), f.vacancy_id, f.candidate_id, f.kind::"MatchKind", f.score, f.explanation, true, ${runId}, ${runId}, true, now(), now()
      FROM found f
      ON CONFLICT ("vacancyId", "candidateId") DO UPDATE SET
        "kind" = EXCLUDED."kind",
        "score" = EXCLUDED."score",
        "explanation" = EXCLUDED."explanation",
        "current" = true,
        "lastRunId" = EXCLUDED."lastRunId",
        "updatedAt" = now()
      WHERE "Match"."updatedAt" < ${computedAt}
      RETURNING "id", "vacancyId", "candidateId", (xmax = 0) AS inserted
    ),
    retired AS (
      UPDATE "Match" m SET "current" = false
      WHERE ${inScope} AND m."current" AND m."updatedAt" < ${computedAt}
        AND NOT EXISTS (SELECT 1 FROM found f WHERE f.vacancy_id = m."vacancyId" AND f.candidate_id = m."candidateId")
      RETURNING m."id"
    ),
    wanted AS (
      SELECT u."id" AS match_id, p.offering_id
      FROM unnest(${paths.map((p) => p.vacancyId)}::text[], ${paths.map((p) => p.candidateId)}::text[], ${paths.map((p) => p.offeringId)}::text[])
        AS p(vacancy_id, candidate_id, offering_id)
      JOIN upserted u ON u."vacancyId" = p.vacancy_id AND u."candidateId" = p.candidate_id
    ),
    dropped_paths AS (
      -- "= ANY(ARRAY(…))", not a join with upserted: the planner cannot
      -- estimate a CTE's size and would hash-join by scanning all of
      -- MatchOffering once per statement (the nightly run sends 1,500).
      DELETE FROM "MatchOffering" mo
      WHERE mo."matchId" = ANY(ARRAY(SELECT "id" FROM upserted))
        AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.match_id = mo."matchId" AND w.offering_id = mo."offeringId")
      RETURNING 1
    ),
    added_paths AS (
      INSERT INTO "MatchOffering" ("matchId", "offeringId")
      SELECT match_id, offering_id FROM wanted
      ON CONFLICT DO NOTHING
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM upserted)::int AS stored,
           (SELECT count(*) FROM upserted WHERE inserted)::int AS created,
           (SELECT count(*) FROM retired)::int AS retired,
           (SELECT count(*) FROM dropped_paths)::int + (SELECT count(*) FROM added_paths)::int AS path_changes`;

  return {
    stored: result.stored,
    created: result.created,
    upskilling: matches.filter((m) => m.kind === "UPSKILLING").length,
    retired: result.retired,
  };
}

/** Marks every current match of a vacancy or candidate as no longer current. */
export async function retireMatches(db: Db, scope: MatchScope): Promise<number> {
  // Unconditional: a closed vacancy or a withdrawn consent ends its matches whatever ran before.
  const result = await db.match.updateMany({ where: { ...scopeWhere(scope), current: true }, data: { current: false } });
  return result.count;
}

const vacancySelect = {
  id: true,
  status: true,
  startDate: true,
  latitude: true,
  longitude: true,
  requiresDrivingLicence: true,
  acceptsUpskilling: true,
  showNearMisses: true,
  occupationId: true,
  skills: { select: { skillId: true, requirement: true }, orderBy: { skillId: "asc" } },
} satisfies Prisma.VacancySelect;

type VacancyRow = Prisma.VacancyGetPayload<{ select: typeof vacancySelect }>;

function toVacancyForMatching(row: VacancyRow): { open: boolean; vacancy: VacancyForMatching } {
  return {
    open: row.status === "OPEN",
    vacancy: {
      id: row.id,
      requiredSkillIds: row.skills.filter((s) => s.requirement === "REQUIRED").map((s) => s.skillId),
      niceSkillIds: row.skills.filter((s) => s.requirement === "NICE_TO_HAVE").map((s) => s.skillId),
      startDate: row.startDate,
      location: { latitude: row.latitude, longitude: row.longitude },
      requiresDrivingLicence: row.requiresDrivingLicence,
      acceptsUpskilling: row.acceptsUpskilling,
      showNearMisses: row.showNearMisses,
      occupationId: row.occupationId,
    },
  };
}

/** The vacancy as matching sees it, read from PostgreSQL (the source of truth), or null if gone. */
export async function loadVacancyForMatching(db: Db, vacancyId: string): Promise<{ open: boolean; vacancy: VacancyForMatching } | null> {
  const row = await db.vacancy.findUnique({ where: { id: vacancyId }, select: vacancySelect });
  return row ? toVacancyForMatching(row) : null;
}

/** Several vacancies in one read; vacancies that are gone are simply absent. */
export async function loadVacanciesForMatching(db: Db, vacancyIds: readonly string[]): Promise<{ open: boolean; vacancy: VacancyForMatching }[]> {
  const rows = await db.vacancy.findMany({ where: { id: { in: [...vacancyIds] } }, select: vacancySelect });
  return rows.map(toVacancyForMatching);
}

/**
 * The candidate as matching sees it, or null if gone. One who may not be
 * matched comes back too, with `active`/`hasMatchingConsent` saying so: their
 * current matches are then retired.
 */
export async function loadCandidateForMatching(db: Db, candidateId: string): Promise<CandidateForMatching | null> {
  const row = await findMatchableCandidateRow(db, candidateId);
  return row ? toCandidateForMatching(row) : null;
}

/**
 * Taxonomy rows change only with a taxonomy import, while a nightly run asks
 * for the same skills and occupations in 1,500 batches: they are kept in the
 * worker process for a few minutes (a stale entry after an import costs at
 * most that long with the previous relations).
 */
const TAXONOMY_CACHE_MS = 5 * 60_000;
const relatedCache = new Map<string, { at: number; rows: RelatedSkill[] }>();
const profileCache = new Map<string, { at: number; profile: OccupationProfile | null; siblings: OccupationProfile[] }>();

function fresh<T extends { at: number }>(entry: T | undefined, now: number): T | undefined {
  return entry && now - entry.at < TAXONOMY_CACHE_MS ? entry : undefined;
}

/**
 * What the taxonomy knows that matching these vacancies needs (ADR 023): for
 * every skill they ask for and every skill of their occupations' profiles, the
 * skills that count as related evidence; the profiles themselves; and the ISCO
 * group of every occupation sharing a group with them (to recognise experience
 * in a sibling occupation). Taxonomy data: not tenant-scoped.
 */
export async function loadTaxonomyKnowledge(db: Db, vacancies: readonly VacancyForMatching[]): Promise<TaxonomyKnowledge> {
  const now = Date.now();
  const occupationIds = [...new Set(vacancies.flatMap((v) => (v.occupationId ? [v.occupationId] : [])))];
  const missingOccupations = occupationIds.filter((id) => !fresh(profileCache.get(id), now));
  if (missingOccupations.length) {
    const rows = await db.occupation.findMany({
      where: { id: { in: missingOccupations } },
      select: { id: true, iscoCode: true, skills: { select: { skillId: true, relation: true }, orderBy: { skillId: "asc" } } },
    });
    const groups = [...new Set(rows.flatMap((o) => (o.iscoCode ? [o.iscoCode] : [])))];
    const siblings = groups.length ? await db.occupation.findMany({ where: { iscoCode: { in: groups } }, select: { id: true, iscoCode: true } }) : [];
    for (const id of missingOccupations) {
      const o = rows.find((r) => r.id === id);
      const profile: OccupationProfile | null = o
        ? {
            id: o.id,
            iscoCode: o.iscoCode,
            essentialSkillIds: o.skills.filter((s) => s.relation === "ESSENTIAL").map((s) => s.skillId),
            optionalSkillIds: o.skills.filter((s) => s.relation === "OPTIONAL").map((s) => s.skillId),
          }
        : null;
      const group = o?.iscoCode ? siblings.filter((x) => x.iscoCode === o.iscoCode && x.id !== o.id) : [];
      profileCache.set(id, { at: now, profile, siblings: group.map((x) => ({ id: x.id, iscoCode: x.iscoCode, essentialSkillIds: [], optionalSkillIds: [] })) });
    }
  }
  const occupations = new Map<string, OccupationProfile>();
  const skillIds = new Set(vacancies.flatMap((v) => [...v.requiredSkillIds, ...v.niceSkillIds]));
  for (const id of occupationIds) {
    const entry = profileCache.get(id);
    if (!entry?.profile) continue;
    for (const s of entry.siblings) if (!occupations.has(s.id)) occupations.set(s.id, s);
    occupations.set(id, entry.profile);
    for (const s of [...entry.profile.essentialSkillIds, ...entry.profile.optionalSkillIds]) skillIds.add(s);
  }

  const missingSkills = [...skillIds].filter((id) => !fresh(relatedCache.get(id), now));
  if (missingSkills.length) {
    const rows = await db.skillRelatedness.findMany({
      where: { skillId: { in: missingSkills }, strength: { gte: MIN_RELATED_STRENGTH } },
      select: { skillId: true, relatedSkillId: true, strength: true },
    });
    const bySkill = groupRelated(rows);
    for (const id of missingSkills) relatedCache.set(id, { at: now, rows: bySkill.get(id) ?? [] });
  }
  const related = new Map<string, RelatedSkill[]>();
  for (const id of skillIds) {
    const rows = relatedCache.get(id)?.rows;
    if (rows && rows.length) related.set(id, rows);
  }
  return { related, occupations };
}

/** Forgets cached taxonomy rows (tests that change relatedness between runs). */
export function clearTaxonomyKnowledgeCache(): void {
  relatedCache.clear();
  profileCache.clear();
}

/** The skills a candidate's skills are related evidence for: what candidate-side matching must also look for in vacancies. */
export async function skillsEvidencedBy(db: Db, heldSkillIds: readonly string[]): Promise<RelatedSkill[]> {
  if (heldSkillIds.length === 0) return [];
  return db.skillRelatedness.findMany({
    where: { relatedSkillId: { in: [...heldSkillIds] }, strength: { gte: MIN_RELATED_STRENGTH } },
    select: { skillId: true, relatedSkillId: true, strength: true },
  });
}

/** Open vacancies that require a skill the course teaches: their upskilling paths may change with its offerings. */
export async function vacanciesAffectedByCourse(db: Db, courseId: string): Promise<string[]> {
  const rows = await db.vacancy.findMany({
    where: {
      status: "OPEN",
      skills: { some: { requirement: "REQUIRED", skill: { courses: { some: { courseId } } } } },
    },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/** The course an offering belongs to, or null when the offering is gone. */
export async function findOfferingCourseId(db: Db, offeringId: string): Promise<string | null> {
  const offering = await db.courseOffering.findUnique({ where: { id: offeringId }, select: { courseId: true } });
  return offering?.courseId ?? null;
}
