// Reads for the operator's tools. Operators work across tenants, and match runs
// and taxonomy imports cover the whole platform, so these queries are unscoped
// on purpose.
import type { OrganisationKind } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

export interface NightlyRunSummary {
  status: "RUNNING" | "COMPLETED" | "FAILED";
  startedAt: Date;
  finishedAt: Date | null;
}

/** The latest nightly run, for /healthz: a night without one is worth noticing. */
export async function lastNightlyRun(db: Db): Promise<NightlyRunSummary | null> {
  return db.matchRun.findFirst({
    where: { kind: "NIGHTLY" },
    orderBy: { startedAt: "desc" },
    select: { status: true, startedAt: true, finishedAt: true },
  });
}

/** Answers when PostgreSQL does: the readiness check of /healthz. */
export async function pingDatabase(db: Db): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

export function countOrganisationsOfKind(db: Db, kind: OrganisationKind): Promise<number> {
  return db.organisation.count({ where: { kind } });
}

/** The first organisations of a kind by name, with how many members each has. */
export function findOrganisationsOfKindWithMemberCounts(db: Db, kind: OrganisationKind, take: number) {
  return db.organisation.findMany({
    where: { kind },
    select: { id: true, name: true, _count: { select: { memberships: true } } },
    orderBy: { name: "asc" },
    take,
  });
}

/** The latest taxonomy imports, newest first. */
export function findLastTaxonomyImports(db: Db, take: number) {
  return db.taxonomyImport.findMany({
    select: { id: true, format: true, startedAt: true, finishedAt: true, skills: true, occupations: true, relations: true, changed: true },
    orderBy: { startedAt: "desc" },
    take,
  });
}
