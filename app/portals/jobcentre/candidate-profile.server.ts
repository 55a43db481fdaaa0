// What the consultant's candidate profile shows: the candidate (an audited
// read of personal data), their matches, audit log and seat reservations, and
// the companies a consent may name. Another jobcentre's candidate answers 404.
import type { Db } from "~/lib/db.server";
import { listAuditEvents } from "~/modules/audit/read.server";
import { getCandidate, listConsentCompanies } from "~/modules/candidates/service.server";
import { readCandidateMatches } from "~/modules/matching/read.server";
import { listReservations } from "~/modules/outcomes/service.server";
import { danishToday } from "~/modules/outcomes/today";
import { or404 } from "./edge.server";

export async function loadCandidateProfile(db: Db, actor: { organisationId: string; userId: string }, candidateId: string) {
  // The read is audited first, so the log below already shows this very view.
  const candidate = await or404(() => getCandidate(db, { ...actor, reason: "consultant profile view" }, candidateId));
  const [matches, audit, reservations, companies] = await Promise.all([
    readCandidateMatches(db, { organisationId: actor.organisationId, kind: "JOBCENTRE", userId: actor.userId }, candidateId),
    listAuditEvents(db, candidateId, { limit: 50 }),
    listReservations(db, actor.organisationId, candidateId),
    listConsentCompanies(db, actor, candidate.consents),
  ]);
  return { candidate, matches: matches.matches, audit, reservations, companies, today: danishToday().toISOString().slice(0, 10) };
}

export type CandidateProfile = Awaited<ReturnType<typeof loadCandidateProfile>>;
