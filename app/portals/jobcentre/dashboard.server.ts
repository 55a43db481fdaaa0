// A jobcentre's home page figures, all scoped by the jobcentre's id. Outcomes
// are counted from the Outcome table, which the pipeline (HIRED), seat
// reservations (ENROLLED) and the consultant's own records all write to, so
// every way of recording a result counts here exactly once.
import type { OutcomeKind, PipelineStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

import { OUTCOME_KINDS, PIPELINE_STATUSES } from "./dashboard-figures";

export { OUTCOME_KINDS, PIPELINE_STATUSES };

export interface JobcentreOverview {
  activeCandidates: number;
  openVacancies: number;
  openContactRequests: number;
  /** Current matches of this jobcentre's candidates, by pipeline status. */
  pipeline: Record<PipelineStatus, number>;
  outcomes: { month: Record<OutcomeKind, number>; year: Record<OutcomeKind, number> };
}

/** First day of the month and of the year of `today`, as the UTC midnights DATE columns hold. */
export function periodStarts(today: Date): { month: Date; year: Date } {
  return {
    month: new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1)),
    year: new Date(Date.UTC(today.getUTCFullYear(), 0, 1)),
  };
}

async function outcomeCounts(db: Db, jobcentreId: string, from: Date): Promise<Record<OutcomeKind, number>> {
  const rows = await db.outcome.groupBy({ by: ["kind"], where: { jobcentreId, occurredOn: { gte: from } }, _count: { _all: true } });
  const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  for (const row of rows) counts[row.kind] = row._count._all;
  return counts;
}

export async function getJobcentreOverview(db: Db, jobcentreId: string, today = new Date()): Promise<JobcentreOverview> {
  const starts = periodStarts(today);
  const [activeCandidates, openVacancies, openContactRequests, pipelineRows, month, year] = await Promise.all([
    db.candidate.count({ where: { jobcentreId, status: "ACTIVE" } }),
    db.vacancy.count({ where: { status: "OPEN", organisation: { servedById: jobcentreId } } }),
    // Requests about this jobcentre's own candidates: it is the one that must answer them.
    db.contactRequest.count({ where: { status: "OPEN", candidate: { jobcentreId } } }),
    // A match the matcher no longer finds still counts once a consultant has worked it.
    db.match.groupBy({
      by: ["status"],
      where: { candidate: { jobcentreId }, OR: [{ current: true }, { status: { not: "SUGGESTED" } }] },
      _count: { _all: true },
    }),
    outcomeCounts(db, jobcentreId, starts.month),
    outcomeCounts(db, jobcentreId, starts.year),
  ]);
  const pipeline = Object.fromEntries(PIPELINE_STATUSES.map((s) => [s, 0])) as Record<PipelineStatus, number>;
  for (const row of pipelineRows) pipeline[row.status] = row._count._all;
  return { activeCandidates, openVacancies, openContactRequests, pipeline, outcomes: { month, year } };
}
