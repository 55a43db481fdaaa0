// The jobcentre's side of a company's request for an introduction
// (ContactRequest). The consultant proposes it to the citizen (who then
// approves by a signed link, handled elsewhere), records an approval given in
// person or by phone, or declines. Only requests about the jobcentre's own
// candidates are visible or changeable; others answer 404.
//
// The citizen's approval is a SHARE_WITH_COMPANY consent for that one company;
// it is committed in the same transaction as the ACCEPTED request that points
// at it, so there is never an accepted request without its consent.
import type { Prisma } from "~/generated/prisma/client";
import type { ContactRequestStatus } from "~/generated/prisma/enums";
import { ConflictError, NotFoundError } from "~/lib/errors";
import { recordConsentInTx } from "~/modules/candidates/service.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { lockOwnMatch, moveLockedMatch } from "~/modules/pipeline/service.server";
import type { Db } from "~/lib/db.server";
import {
  countRequestsOfJobcentreByStatus,
  listRequestsOfJobcentre,
  lockRequestOfJobcentre,
  recordRequestDecision,
  type LockedRequest,
} from "./repository.server";
import { INBOX_STATUSES } from "./schema";

type Tx = Prisma.TransactionClient;

export interface BrokerActor {
  organisationId: string;
  userId: string | null;
}

export const APPROVAL_CHANNELS = ["IN_PERSON", "PHONE"] as const;
export type ApprovalChannel = (typeof APPROVAL_CHANNELS)[number];

/** Translation keys: the portal shows them as they are. */
export const BROKER_ERRORS = {
  notOpen: "consultant.inbox.errors.notOpen",
} as const;

async function lockOwnRequest(tx: Tx, jobcentreId: string, requestId: string): Promise<LockedRequest> {
  const request = await lockRequestOfJobcentre(tx, jobcentreId, requestId);
  if (!request) throw new NotFoundError("Contact request");
  return request;
}

function requireStatus(request: LockedRequest, allowed: readonly ContactRequestStatus[]) {
  if (!allowed.includes(request.status)) throw new ConflictError(BROKER_ERRORS.notOpen);
}

/** Moves the request's match forward to CONTACTED, never backwards (e.g. from INTERVIEW). */
async function markMatchContacted(tx: Tx, actor: BrokerActor, request: LockedRequest) {
  if (!request.matchId) return;
  const match = await lockOwnMatch(tx, actor.organisationId, request.matchId);
  if (match && (match.status === "SUGGESTED" || match.status === "SHORTLISTED")) {
    await moveLockedMatch(tx, actor, match, "CONTACTED");
  }
}

/**
 * Asks the citizen: PROPOSED, and an outbox row that a worker turns into an
 * e-mail with a signed approval link (ids only in the payload).
 */
export async function proposeToCitizen(db: Db, actor: BrokerActor, requestId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await lockOwnRequest(tx, actor.organisationId, requestId);
    requireStatus(request, ["OPEN"]);
    const now = new Date();
    await recordRequestDecision(tx, requestId, { status: "PROPOSED", proposedAt: now, handledById: actor.userId, handledAt: now });
    await writeOutbox(tx, "introduction.proposed", requestId, {});
    await markMatchContacted(tx, actor, request);
  });
}

/** The citizen said yes to the consultant in person or by phone. */
export async function recordCitizenApproval(db: Db, actor: BrokerActor, requestId: string, channel: ApprovalChannel): Promise<{ consentId: string }> {
  return db.$transaction(async (tx) => {
    const request = await lockOwnRequest(tx, actor.organisationId, requestId);
    requireStatus(request, ["OPEN", "PROPOSED"]);
    const { consent } = await recordConsentInTx(
      tx,
      { organisationId: actor.organisationId, userId: actor.userId, reason: "introduction approved" },
      request.candidateId,
      { purpose: "SHARE_WITH_COMPANY", companyId: request.companyId, channel },
    );
    const now = new Date();
    await recordRequestDecision(tx, requestId, { status: "ACCEPTED", decidedAt: now, consentId: consent.id, handledById: actor.userId, handledAt: now });
    await markMatchContacted(tx, actor, request);
    return { consentId: consent.id };
  });
}

export async function declineRequest(db: Db, actor: BrokerActor, requestId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const request = await lockOwnRequest(tx, actor.organisationId, requestId);
    requireStatus(request, ["OPEN", "PROPOSED"]);
    const now = new Date();
    await recordRequestDecision(tx, requestId, { status: "DECLINED", decidedAt: now, handledById: actor.userId, handledAt: now });
  });
}

export { INBOX_STATUSES };

/** The inbox: pseudonyms only; the name is on the (audited) candidate page. */
export async function listInbox(db: Db, jobcentreId: string, status: ContactRequestStatus = "OPEN") {
  const rows = await listRequestsOfJobcentre(db, jobcentreId, status);
  return rows.map((r) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    proposedAt: r.proposedAt?.toISOString() ?? null,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    requestedBy: r.requestedBy?.name ?? null,
    handledBy: r.handledBy?.name ?? null,
  }));
}

export async function countInbox(db: Db, jobcentreId: string) {
  const rows = await countRequestsOfJobcentreByStatus(db, jobcentreId);
  const counts = Object.fromEntries(INBOX_STATUSES.map((s) => [s, 0])) as Record<ContactRequestStatus, number>;
  for (const r of rows) counts[r.status] = r.count;
  return counts;
}
