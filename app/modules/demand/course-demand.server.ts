// The demand for an institution's courses: the one place this is computed, for
// the institution portal's demand page and the weekly demand e-mail. Counts only
// (vacancy and candidate ids never leave the query): institutions see no people.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { findCourseDemand, findUntaughtSkillsInDemand } from "./repository.server";
import type { CourseDemand, UntaughtSkill } from "./types";

export type { CourseDemand, UntaughtSkill };

type Client = Db | Prisma.TransactionClient;

/**
 * Per course of the institutions, with its demand. `includeIdle` keeps courses
 * without any demand (the portal lists every course; the e-mail only news).
 */
export async function courseDemand(db: Client, institutionIds: readonly string[], options: { includeIdle?: boolean } = {}): Promise<CourseDemand[]> {
  if (institutionIds.length === 0) return [];
  return findCourseDemand(db, institutionIds, options.includeIdle ?? false);
}

/** The skills most open vacancies require that no course (of any institution) teaches. */
export function untaughtSkillsInDemand(db: Client, limit = 10): Promise<UntaughtSkill[]> {
  return findUntaughtSkillsInDemand(db, limit);
}
