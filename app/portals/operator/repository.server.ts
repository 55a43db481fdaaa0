// Reads for the operator's tools. Match runs are not owned by an organisation:
// they cover the whole platform, so these queries are unscoped on purpose.
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
