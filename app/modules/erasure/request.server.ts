// Asking for an erasure from the web process: the request row commits first,
// then the job is enqueued. When Redis is down the request stays PENDING and
// the worker's sweep enqueues it later, so the citizen's request is never lost.
import { NotFoundError } from "~/lib/errors";
import { JOBS } from "~/lib/queues/registry";
import type { Db } from "~/lib/db.server";
import { enqueue, QueueUnavailableError } from "~/lib/queue.server";
import { createLogger } from "~/lib/logger.server";
import { insertAuditEvent, lockJobcentreCandidate } from "./repository.server";
import { erasureJobId, requestErasureInTx } from "./service.server";

export async function enqueueErasure(erasureRequestId: string): Promise<boolean> {
  try {
    await enqueue(JOBS.erasure, { erasureRequestId }, { jobId: erasureJobId(erasureRequestId) });
    return true;
  } catch (error) {
    if (!(error instanceof QueueUnavailableError)) throw error;
    createLogger("erasure").warn({ erasureRequestId, err: error.message }, "erasure job not queued now; the sweep will queue it");
    return false;
  }
}

/** A consultant registers the citizen's request; scoped to the jobcentre's own candidates (404 otherwise). */
export async function requestErasureByJobcentre(
  db: Db,
  actor: { organisationId: string; userId: string | null },
  candidateId: string,
): Promise<{ id: string; created: boolean }> {
  const jobcentreId = actor.organisationId;
  const result = await db.$transaction(async (tx) => {
    if (!(await lockJobcentreCandidate(tx, jobcentreId, candidateId))) throw new NotFoundError("Candidate");
    const request = await requestErasureInTx(tx, { candidateId, jobcentreId, source: "CONSULTANT" });
    await insertAuditEvent(tx, {
      candidateId,
      action: "UPDATE",
      resource: "candidate.erasure",
      reason: "erasure requested through the jobcentre",
      actorOrgId: jobcentreId,
      actorUserId: actor.userId,
    });
    return request;
  });
  await enqueueErasure(result.id);
  return result;
}
