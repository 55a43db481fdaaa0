// A company asks the jobcentre to introduce a (pseudonymous) candidate from one
// of its vacancy's current matches. The company names the match, never the
// candidate: the candidate id is looked up here and never reaches the browser.
// One request per company, vacancy and candidate: asking again while one exists
// (and is not closed) answers with that one, so a double submit or a retry
// creates nothing. The consultant's side lives in broker.server.ts.
import type { ContactRequestStatus } from "~/generated/prisma/enums";
import { InvalidInputError, NotFoundError } from "~/lib/errors";
import type { Db } from "~/lib/db.server";
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
    const match = await tx.match.findFirst({
      // Tenancy: the match must belong to a vacancy of this company.
      where: { id: input.matchId, vacancyId, current: true, vacancy: { organisationId: actor.organisationId } },
      select: { id: true, candidateId: true },
    });
    if (!match) throw new NotFoundError("Match");
    // Serialises concurrent asks for the same pair, so the check below cannot race.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`contact-request:${actor.organisationId}:${vacancyId}:${match.candidateId}`}))`;
    const existing = await tx.contactRequest.findFirst({
      where: { companyId: actor.organisationId, vacancyId, candidateId: match.candidateId, status: { in: LIVE_STATUSES } },
      select: { id: true, status: true },
      orderBy: { createdAt: "desc" },
    });
    if (existing) return { ...existing, created: false };
    const created = await tx.contactRequest.create({
      data: {
        companyId: actor.organisationId,
        vacancyId,
        candidateId: match.candidateId,
        matchId: match.id,
        requestedById: actor.userId,
        message: input.message,
        status: "OPEN",
      },
      select: { id: true, status: true },
    });
    return { ...created, created: true };
  });
}

/** The latest request per match of one vacancy, for the match cards. */
export async function requestStatusByMatch(db: Db, companyId: string, vacancyId: string): Promise<Map<string, ContactRequestStatus>> {
  const rows = await db.contactRequest.findMany({
    where: { companyId, vacancyId },
    select: { candidateId: true, status: true, createdAt: true },
    orderBy: { createdAt: "asc" },
  });
  const byCandidate = new Map(rows.map((r) => [r.candidateId, r.status]));
  const matches = await db.match.findMany({ where: { vacancyId, candidateId: { in: [...byCandidate.keys()] } }, select: { id: true, candidateId: true } });
  return new Map(matches.map((m) => [m.id, byCandidate.get(m.candidateId)!]));
}

/** The company's requests, newest first, pseudonymous (contact details are added by the caller when shared). */
export async function listCompanyRequests(db: Db, companyId: string) {
  return db.contactRequest.findMany({
    where: { companyId },
    select: {
      id: true,
      status: true,
      createdAt: true,
      message: true,
      candidateId: true,
      candidate: { select: { pseudonym: true } },
      vacancy: { select: { id: true, title: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: 500,
  });
}
