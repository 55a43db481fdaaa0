// Use cases of the operator's tools.
import { JOBS } from "~/lib/queues/registry";
import { enqueue } from "~/lib/queue.server";

/**
 * Queues a full matching run started by an operator. The worker creates the
 * MatchRun row when it takes the job, so the run appears in the list then.
 * Throws QueueUnavailableError (status 503) when Redis does not answer.
 */
export async function startManualRun(operator: { id: string }): Promise<{ jobId: string }> {
  return enqueue(JOBS.runStart, { kind: "MANUAL", startedById: operator.id });
}
