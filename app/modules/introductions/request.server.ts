// A company asks the jobcentre to introduce a (pseudonymous) candidate from one
// of its vacancy's current matches. The company names the match, never the
// candidate: the candidate id is looked up here and never reaches the browser.
// One request per company, vacancy and candidate: asking again while one exists
// (and is not closed) answers with that one, so a double submit or a retry
// creates nothing. The consultant's side lives in broker.server.ts.
import type { ContactRequestStatus } from "~/generated/prisma/enums";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Db } from "~/lib/db.server";
import {
  findCurrentMatchOfCompany,
  findLatestRequestOfPair,
  insertContactRequest,
  listMatchesOfCandidates,
  listRequestsOfCompany,
  listRequestStatusesOfVacancy,
  lockRequestPair,
} from "./repository.server";
import { MAX_MESSAGE_LENGTH, type IntroductionRequestInput } from "./schema";

export { IntroductionRequestSchema, MAX_MESSAGE_LENGTH, type IntroductionRequestInput } from "./schema";

export interface CompanyActor {
  organisationId: string;
  userId: string | null;
}

/** A request that is still alive blocks a new one; only a closed one makes room to ask again. */
const LIVE_STATUSES: ContactRequestStatus[] = ["OPEN", "PROPOSED", "ACCEPTED", "DECLINED"];

export async function requestIntroduction(
  db: Db,
  actor: CompanyActor,
  vacancyId: string,
  input: IntroductionRequestInput,
): Promise<{ id: string; status: ContactRequestStatus; created: boolean }> {
  if (input.message.length > MAX_MESSAGE_LENGTH) throw new InvalidInputError({ message: "company.matches.request.messageTooLong" });
  return db.$transaction(async (tx) => {
    // Tenancy: the match must belong to a vacancy of this company.
    const match = await findCurrentMatchOfCompany(tx, actor.organisationId, vacancyId, input.matchId);
    if (!match) throw new NotFoundError("Match");
    // Serialises concurrent asks for the same pair, so the check below cannot race.
    await lockRequestPair(tx, actor.organisationId, vacancyId, match.candidateId);
    const pair = { companyId: actor.organisationId, vacancyId, candidateId: match.candidateId };
    const existing = await findLatestRequestOfPair(tx, pair, LIVE_STATUSES);
    if (existing) return { ...existing, created: false };
    const created = await insertContactRequest(tx, { ...pair, matchId: match.id, requestedById: actor.userId, message: input.message });
    return { ...created, created: true };
  });
}

/** The latest request per match of one vacancy, for the match cards. */
export async function requestStatusByMatch(db: Db, companyId: string, vacancyId: string): Promise<Map<string, ContactRequestStatus>> {
  const rows = await listRequestStatusesOfVacancy(db, companyId, vacancyId);
  const byCandidate = new Map(rows.map((r) => [r.candidateId, r.status]));
  const matches = await listMatchesOfCandidates(db, vacancyId, [...byCandidate.keys()]);
  return new Map(matches.map((m) => [m.id, byCandidate.get(m.candidateId)!]));
}

/** The company's requests, newest first, pseudonymous (contact details are added by the caller when shared). */
export async function listCompanyRequests(db: Db, companyId: string) {
  return listRequestsOfCompany(db, companyId);
}
