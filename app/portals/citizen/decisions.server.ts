// What a citizen can do on their own page: withdraw a consent, approve or
// decline a proposed introduction, ask for erasure. The candidate id always
// comes from a verified link; every other id is checked to belong to it
// (another candidate's consent or request answers 404, as if it did not exist).
import type { Prisma } from "~/generated/prisma/client";
import { ConflictError, NotFoundError } from "~/lib/errors";
import { requestErasureInTx } from "~/modules/erasure/service.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import type { Db } from "~/lib/db.server";
import {
  findCandidateConsent,
  findStandingCompanyConsent,
  insertCompanyConsentByCitizen,
  lockCandidateContactRequest,
  lockCandidateRow,
  markConsentWithdrawn,
  markContactRequestAccepted,
  markContactRequestDeclined,
  recordCitizenAudit,
} from "./repository.server";
import { closeIntroductionsOfConsent } from "../../modules/introductions/withdrawal.server";

type Tx = Prisma.TransactionClient;

/** Translation keys: the page shows them as they are. */
export const CITIZEN_ERRORS = {
  notPending: "citizen.errors.notPending",
} as const;

async function locked<T>(db: Db, candidateId: string, work: (tx: Tx, jobcentreId: string) => Promise<T>): Promise<T> {
  return db.$transaction(async (tx) => {
    const candidate = await lockCandidateRow(tx, candidateId);
    if (!candidate) throw new NotFoundError("Candidate");
    return work(tx, candidate.jobcentreId);
  });
}

/** Withdrawal keeps the row (the history stays visible); repeating it changes nothing. */
export function withdrawConsentAsCitizen(db: Db, candidateId: string, consentId: string): Promise<{ withdrawn: boolean }> {
  return locked(db, candidateId, async (tx) => {
    const consent = await findCandidateConsent(tx, candidateId, consentId);
    if (!consent) throw new NotFoundError("Consent");
    if (consent.withdrawnAt) return { withdrawn: false };
    const now = new Date();
    await markConsentWithdrawn(tx, consentId, now);
    await closeIntroductionsOfConsent(tx, consentId, now);
    // MATCHING decides whether the candidate is indexed and matched at all.
    await writeOutbox(tx, "candidate.changed", candidateId);
    await recordCitizenAudit(tx, candidateId, "UPDATE", "candidate.consent");
    return { withdrawn: true };
  });
}

async function lockPendingIntroduction(tx: Tx, candidateId: string, requestId: string) {
  const request = await lockCandidateContactRequest(tx, candidateId, requestId);
  if (!request) throw new NotFoundError("Contact request");
  if (request.status !== "PROPOSED") throw new ConflictError(CITIZEN_ERRORS.notPending);
  return request;
}

/**
 * Yes to one company: a SHARE_WITH_COMPANY consent for that company (channel
 * DIGITAL) and the request ACCEPTED pointing at it, in one transaction.
 */
export function approveIntroduction(db: Db, candidateId: string, requestId: string): Promise<{ consentId: string }> {
  return locked(db, candidateId, async (tx) => {
    const request = await lockPendingIntroduction(tx, candidateId, requestId);
    const now = new Date();
    const existing = await findStandingCompanyConsent(tx, candidateId, request.companyId);
    const consent = existing ?? (await insertCompanyConsentByCitizen(tx, candidateId, request.companyId, now));
    await markContactRequestAccepted(tx, requestId, now, consent.id);
    await recordCitizenAudit(tx, candidateId, "UPDATE", "candidate.consent");
    return { consentId: consent.id };
  });
}

export function declineIntroduction(db: Db, candidateId: string, requestId: string): Promise<void> {
  return locked(db, candidateId, async (tx) => {
    await lockPendingIntroduction(tx, candidateId, requestId);
    await markContactRequestDeclined(tx, requestId, new Date());
    await recordCitizenAudit(tx, candidateId, "UPDATE", "contact-request");
  });
}

/** Records the request; the caller enqueues the job (app/modules/erasure/request.server.ts). */
export function requestErasureAsCitizen(db: Db, candidateId: string): Promise<{ id: string; created: boolean }> {
  return locked(db, candidateId, async (tx, jobcentreId) => {
    const result = await requestErasureInTx(tx, { candidateId, jobcentreId, source: "CITIZEN" });
    if (result.created) await recordCitizenAudit(tx, candidateId, "UPDATE", "candidate.erasure");
    return result;
  });
}
