// A jobcentre's home page figures, all scoped by the jobcentre's id. Outcomes
// are counted from the Outcome table, which the pipeline (HIRED), seat
// reservations (ENROLLED) and the consultant's own records all write to, so
// every way of recording a result counts here exactly once.
import type { OutcomeKind, PipelineStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

import { OUTCOME_KINDS, PIPELINE_STATUSES } from "./dashboard-figures";
import {
  countActiveCandidates,
  countMatchesByStatus,
  countOpenContactRequests,
  countOpenServedVacancies,
  countOutcomesByKindSince,
} from "./dashboard.repository.server";

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
  const rows = await countOutcomesByKindSince(db, jobcentreId, from);
  const counts = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, 0])) as Record<OutcomeKind, number>;
  for (const row of rows) counts[row.kind] = row._count._all;
  return counts;
}

export async function getJobcentreOverview(db: Db, jobcentreId: string, today = new Date()): Promise<JobcentreOverview> {
  const starts = periodStarts(today);
  const [activeCandidates, openVacancies, openContactRequests, pipelineRows, month, year] = await Promise.all([
    countActiveCandidates(db, jobcentreId),
    countOpenServedVacancies(db, jobcentreId),
    countOpenContactRequests(db, jobcentreId),
    countMatchesByStatus(db, jobcentreId),
    outcomeCounts(db, jobcentreId, starts.month),
    outcomeCounts(db, jobcentreId, starts.year),
  ]);
  const pipeline = Object.fromEntries(PIPELINE_STATUSES.map((s) => [s, 0])) as Record<PipelineStatus, number>;
  for (const row of pipelineRows) pipeline[row.status] = row._count._all;
  return { activeCandidates, openVacancies, openContactRequests, pipeline, outcomes: { month, year } };
}
