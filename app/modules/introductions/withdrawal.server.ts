// The one rule for what withdrawing a consent ends, used by the citizen's page
// and by the consultant's withdrawConsent (app/modules/candidates/service.server.ts).
//
// SHARE_WITH_COMPANY: the company's access ends at once because
// mayShareWithCompany() is evaluated on every read; the introduction the
// consent came from is closed here, so the company's list says so too.
// MATCHING: the "candidate.changed" outbox row the caller writes takes the
// candidate out of the search index, and re-matching then retires their
// stored matches (isMatchable in app/modules/candidates/matchable.ts, matchCandidate).
import type { Prisma } from "~/generated/prisma/client";
import { closeRequestsOfConsent } from "./repository.server";

export async function closeIntroductionsOfConsent(tx: Prisma.TransactionClient, consentId: string, at = new Date()): Promise<number> {
  return closeRequestsOfConsent(tx, consentId, ["ACCEPTED", "PROPOSED", "OPEN"], at);
}
