// Storage of matches. A re-run updates score, kind and explanation but never the
// pipeline status a person set; a pair the latest run no longer finds is kept
// (with its history) but marked not current.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/utils/db.server";
import type { CandidateForMatching, ScoredMatch, VacancyForMatching } from "./types";

export interface StoreResult {
  stored: number;
  created: number;
  upskilling: number;
  retired: number;
}

/** Whose match list is being replaced: one vacancy's, or one candidate's. */
export type MatchScope = { vacancyId: string } | { candidateId: string };

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
  return db.$transaction(async (tx) => {
    const rows = matches.length
      ? await tx.$queryRaw<{ id: string; vacancyId: string; candidateId: string; inserted: boolean }[]>`
      INSERT INTO "Match" ("id", "vacancyId", "candidateId", "kind", "score", "explanation", "current", "firstRunId", "lastRunId", "isNew", "createdAt", "updatedAt")
      SELECT 'm' || md5(c.vacancy_id || ':' || c.candidate_id), c.vacancy_id, c.candidate_id, c.kind::"MatchKind", c.score, c.explanation, true, ${runId}, ${runId}, true, now(), now()
      FROM unnest(${matches.map((m) => m.vacancyId)}::text[], ${matches.map((m) => m.candidateId)}::text[], ${matches.map((m) => m.kind)}::text[],
                  ${matches.map((m) => m.score)}::float8[], ${matches.map((m) => JSON.stringify(m.explanation))}::jsonb[])
        AS c(vacancy_id, candidate_id, kind, score, explanation)
      ON CONFLICT ("vacancyId", "candidateId") DO UPDATE SET
        "kind" = EXCLUDED."kind",
        "score" = EXCLUDED."score",
        "explanation" = EXCLUDED."explanation",
        "current" = true,
        "lastRunId" = EXCLUDED."lastRunId",
        "updatedAt" = now()
      WHERE "Match"."updatedAt" < ${computedAt}
      RETURNING "id", "vacancyId", "candidateId", (xmax = 0) AS inserted`
      : [];

    const found = new Set(matches.map((m) => `${m.vacancyId}:${m.candidateId}`));
    const where: Prisma.MatchWhereInput = { ...scope, current: true, updatedAt: { lt: computedAt } };
    const stale = (await tx.match.findMany({ where, select: { id: true, vacancyId: true, candidateId: true } })).filter(
      (m) => !found.has(`${m.vacancyId}:${m.candidateId}`),
    );
    if (stale.length) await tx.match.updateMany({ where: { id: { in: stale.map((m) => m.id) } }, data: { current: false } });

    const idOf = new Map(rows.map((r) => [`${r.vacancyId}:${r.candidateId}`, r.id]));
    await tx.matchOffering.deleteMany({ where: { matchId: { in: rows.map((r) => r.id) } } });
    const paths = matches.flatMap((m) =>
      m.explanation.upskilling.map((u) => ({ matchId: idOf.get(`${m.vacancyId}:${m.candidateId}`)!, offeringId: u.offeringId })),
    );
    if (paths.length) await tx.matchOffering.createMany({ data: paths, skipDuplicates: true });

    return {
      stored: rows.length,
      created: rows.filter((r) => r.inserted).length,
      upskilling: matches.filter((m) => m.kind === "UPSKILLING").length,
      retired: stale.length,
    };
  });
}

/** Marks every current match of a vacancy or candidate as no longer current. */
export async function retireMatches(db: Db, scope: MatchScope): Promise<number> {
  // Unconditional: a closed vacancy or a withdrawn consent ends its matches whatever ran before.
  const result = await db.match.updateMany({ where: { ...scope, current: true }, data: { current: false } });
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
  skills: { select: { skillId: true, requirement: true }, orderBy: { skillId: "asc" } },
} satisfies Prisma.VacancySelect;

/** The vacancy as matching sees it, read from PostgreSQL (the source of truth), or null if gone. */
export async function loadVacancyForMatching(db: Db, vacancyId: string): Promise<{ open: boolean; vacancy: VacancyForMatching } | null> {
  const row = await db.vacancy.findUnique({ where: { id: vacancyId }, select: vacancySelect });
  if (!row) return null;
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
    },
  };
}

export async function loadCandidateForMatching(db: Db, candidateId: string): Promise<CandidateForMatching | null> {
  const row = await db.candidate.findUnique({
    where: { id: candidateId },
    select: {
      id: true,
      status: true,
      availableFrom: true,
      latitude: true,
      longitude: true,
      commuteRadiusKm: true,
      hasDrivingLicence: true,
      skills: { select: { skillId: true }, orderBy: { skillId: "asc" } },
      consents: { where: { purpose: "MATCHING", withdrawnAt: null }, select: { id: true }, take: 1 },
    },
  });
  if (!row) return null;
  return {
    id: row.id,
    skillIds: row.skills.map((s) => s.skillId),
    availableFrom: row.availableFrom,
    location: { latitude: row.latitude, longitude: row.longitude },
    commuteRadiusKm: row.commuteRadiusKm,
    hasDrivingLicence: row.hasDrivingLicence,
    active: row.status === "ACTIVE",
    hasMatchingConsent: row.consents.length > 0,
  };
}
