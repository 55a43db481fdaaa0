// A jobcentre's home page figures, all scoped by the jobcentre's id.
import type { Db } from "~/utils/db.server";

export interface JobcentreOverview {
  activeCandidates: number;
  openVacancies: number;
  openContactRequests: number;
}

export async function getJobcentreOverview(db: Db, jobcentreId: string): Promise<JobcentreOverview> {
  const [activeCandidates, openVacancies, openContactRequests] = await Promise.all([
    db.candidate.count({ where: { jobcentreId, status: "ACTIVE" } }),
    db.vacancy.count({ where: { status: "OPEN", organisation: { servedById: jobcentreId } } }),
    // Requests about this jobcentre's own candidates: it is the one that must answer them.
    db.contactRequest.count({ where: { status: "OPEN", candidate: { jobcentreId } } }),
  ]);
  return { activeCandidates, openVacancies, openContactRequests };
}
