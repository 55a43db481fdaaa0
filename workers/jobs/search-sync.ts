// Processes search sync jobs: one outbox event → sync of the documents it
// touches. Idempotent (sync reads the current rows), so retries and duplicate
// deliveries are harmless. Errors propagate: BullMQ retries with backoff. A
// payload that can never be valid fails at once (UnrecoverableError).
import { UnrecoverableError, type Job, type Queue } from "bullmq";
import type { Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import { syncEntity, type SyncResult } from "../../search/sync";
import { InvalidPayloadError, JOBS, parsePayload } from "~/lib/queues/registry";
import { enqueueRematchFor } from "./rematch";

/** Syncs through `db`; a successful sync also enqueues, on `queue`, the re-matching the change calls for. */
export function createSearchSyncProcessor(log: Logger, deps: { queue: () => Queue; db: Db; delayMs: number }) {
  return async function processSearchSync(job: Job): Promise<SyncResult> {
    if (job.name !== JOBS.searchSync.name) throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${JOBS.searchSync.queue}`);
    let payload;
    try {
      payload = parsePayload(JOBS.searchSync, job.data);
    } catch (error) {
      if (error instanceof InvalidPayloadError) throw new UnrecoverableError(error.message);
      throw error;
    }
    const result = await syncEntity(payload.topic, payload.aggregateId, { db: deps.db });
    await enqueueRematchFor(deps.queue(), deps.db, payload.topic, payload.aggregateId, deps.delayMs);
    log.debug({ jobId: job.id, topic: payload.topic, aggregateId: payload.aggregateId, ...result }, "synced");
    return result;
  };
}
