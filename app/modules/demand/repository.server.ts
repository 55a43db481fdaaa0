// The demand queries: counts only, vacancy and candidate ids never leave them
// (institutions see no people).
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import type { CourseDemand, UntaughtSkill } from "./types";

type Client = Db | Prisma.TransactionClient;

/** Per course of the institutions; `includeIdle` keeps courses without any demand. */
export function findCourseDemand(db: Client, institutionIds: readonly string[], includeIdle: boolean): Promise<CourseDemand[]> {
  return db.$queryRaw<CourseDemand[]>`
    WITH courses AS (SELECT "id", "title" FROM "Course" WHERE "institutionId" = ANY(${[...institutionIds]}::text[])),
    required AS (
      SELECT cs."courseId", count(DISTINCT v."id")::int AS n
      FROM "CourseSkill" cs
      JOIN "VacancySkill" vs ON vs."skillId" = cs."skillId" AND vs."requirement" = 'REQUIRED'
      JOIN "Vacancy" v ON v."id" = vs."vacancyId" AND v."status" = 'OPEN'
      WHERE cs."courseId" IN (SELECT "id" FROM courses)
      GROUP BY cs."courseId"
    ),
    gaps AS (
      SELECT o."courseId", count(DISTINCT m."vacancyId")::int AS vacancies, count(DISTINCT m."candidateId")::int AS candidates
      FROM "MatchOffering" mo
      JOIN "CourseOffering" o ON o."id" = mo."offeringId"
      JOIN "Match" m ON m."id" = mo."matchId" AND m."current" AND m."kind" = 'UPSKILLING'
      JOIN "Vacancy" v ON v."id" = m."vacancyId" AND v."status" = 'OPEN'
      WHERE o."courseId" IN (SELECT "id" FROM courses)
      GROUP BY o."courseId"
    )
    SELECT c."id" AS "courseId", c."title", COALESCE(req.n, 0) AS "openVacancies",
           COALESCE(g.vacancies, 0) AS "gapVacancies", COALESCE(g.candidates, 0) AS "candidates"
    FROM courses c
    LEFT JOIN required req ON req."courseId" = c."id"
    LEFT JOIN gaps g ON g."courseId" = c."id"
    WHERE ${includeIdle} OR COALESCE(req.n, 0) > 0 OR COALESCE(g.vacancies, 0) > 0
    ORDER BY COALESCE(g.candidates, 0) DESC, COALESCE(req.n, 0) DESC, c."title"`;
}

/** The skills most open vacancies require that no course (of any institution) teaches. */
export function findUntaughtSkillsInDemand(db: Client, limit: number): Promise<UntaughtSkill[]> {
  return db.$queryRaw<UntaughtSkill[]>`
    SELECT s."id" AS "skillId", s."labelEn", s."labelDa", count(DISTINCT v."id")::int AS "vacancies"
    FROM "VacancySkill" vs
    JOIN "Vacancy" v ON v."id" = vs."vacancyId" AND v."status" = 'OPEN'
    JOIN "Skill" s ON s."id" = vs."skillId"
    WHERE vs."requirement" = 'REQUIRED'
      AND NOT EXISTS (SELECT 1 FROM "CourseSkill" cs WHERE cs."skillId" = vs."skillId")
    GROUP BY s."id", s."labelEn", s."labelDa"
    ORDER BY count(DISTINCT v."id") DESC, s."labelEn"
    LIMIT ${limit}`;
}
