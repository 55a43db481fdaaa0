// What the company's match page adds to the stored matches: for each card the
// status of the company's request for an introduction and, while the citizen's
// consent to share stands, the candidate's contact details (audited).
import type { ContactRequestStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";
import { revealContacts, type CandidateContact } from "~/modules/introductions/company-contact.server";
import { requestStatusByMatch } from "~/modules/introductions/request.server";
import { companyOwnsVacancy, listCandidatesOfMatches } from "./repository.server";

export interface CompanyActor {
  organisationId: string;
  userId: string | null;
}

export type WithIntroduction<M> = M & { requestStatus: ContactRequestStatus | null; contact: CandidateContact | null };

/** The matches (already read for this company's vacancy) with their introduction state. */
export async function withIntroductions<M extends { id: string }>(db: Db, actor: CompanyActor, vacancyId: string, matches: M[]): Promise<WithIntroduction<M>[]> {
  // Candidate ids stay on the server: they only link matches to requests and consents.
  const pairs = await listCandidatesOfMatches(db, vacancyId, matches.map((m) => m.id));
  const candidateOf = new Map(pairs.map((p) => [p.id, p.candidateId]));
  const [statuses, contacts] = await Promise.all([
    requestStatusByMatch(db, actor.organisationId, vacancyId),
    revealContacts(db, actor, pairs.map((p) => p.candidateId)),
  ]);
  return matches.map((match) => ({
    ...match,
    requestStatus: statuses.get(match.id) ?? null,
    contact: contacts.get(candidateOf.get(match.id) ?? "") ?? null,
  }));
}

export function isOwnVacancy(db: Db, organisationId: string, vacancyId: string): Promise<boolean> {
  return companyOwnsVacancy(db, organisationId, vacancyId);
}
