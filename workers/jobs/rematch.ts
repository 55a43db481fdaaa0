// Instant re-matching (DESIGN.md, "Runs"): a change to a vacancy, a candidate or
// a course offering re-matches what it touches within seconds. Enqueued by the
// search sync job once the index holds the change, because matching retrieves
// from the index. A burst of changes to the same thing becomes one job: while a
// job for an id waits, further adds are dropped; while it runs, one more is kept
// so the last change is never missed (BullMQ deduplication, keepLastIfActive).
import { UnrecoverableError, type Job, type Queue } from "bullmq";
import { matchCandidate, matchVacancy } from "../../search/matching-engine.server";
import type { OutboxTopic } from "~/lib/outbox/topics";
import type { Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import { InvalidPayloadError, JOBS, parsePayload } from "~/lib/queues/registry";
import { findOfferingCourseId, vacanciesAffectedByCourse } from "~/modules/matching/repository.server";

type RematchJob = typeof JOBS.matchVacancy | typeof JOBS.matchCandidate | typeof JOBS.matchAffectedByCourse;

/** `delayMs` (REMATCH_DELAY_MS) gives a burst of edits (a form saved field by field, an import) time to settle. */
async function enqueue(queue: Queue, job: RematchJob, key: string, data: Record<string, string>, delayMs: number): Promise<void> {
  await queue.add(job.name, data, {
    delay: delayMs,
    deduplication: { id: `${job.name}:${key}`, keepLastIfActive: true },
  });
}

/** What a synced change means for matching. */
export async function enqueueRematchFor(queue: Queue, db: Db, topic: OutboxTopic, aggregateId: string, delayMs: number): Promise<void> {
  switch (topic) {
    case "vacancy.changed":
      return enqueue(queue, JOBS.matchVacancy, aggregateId, { vacancyId: aggregateId }, delayMs);
    case "candidate.changed":
      return enqueue(queue, JOBS.matchCandidate, aggregateId, { candidateId: aggregateId }, delayMs);
    case "course.changed":
      return enqueue(queue, JOBS.matchAffectedByCourse, aggregateId, { courseId: aggregateId }, delayMs);
    case "offering.changed": {
      const courseId = await findOfferingCourseId(db, aggregateId);
      // A deleted offering: its course's vacancies are re-matched through course.changed.
      if (courseId) await enqueue(queue, JOBS.matchAffectedByCourse, courseId, { courseId }, delayMs);
      return;
    }
    default:
      return; // skills and occupations change no match by themselves
  }
}

export function createMatchingProcessor(deps: { db: Db; queue: () => Queue; log: Logger; delayMs: number }) {
  return async function processMatching(job: Job) {
    try {
      if (job.name === JOBS.matchVacancy.name) {
        const { vacancyId } = parsePayload(JOBS.matchVacancy, job.data);
        const result = await matchVacancy(vacancyId, { db: deps.db });
        deps.log.info({ jobId: job.id, vacancyId, ...result }, "vacancy re-matched");
        return result;
      }
      if (job.name === JOBS.matchCandidate.name) {
        const { candidateId } = parsePayload(JOBS.matchCandidate, job.data);
        const result = await matchCandidate(candidateId, { db: deps.db });
        deps.log.info({ jobId: job.id, candidateId, ...result }, "candidate re-matched");
        return result;
      }
      if (job.name === JOBS.matchAffectedByCourse.name) {
        const { courseId } = parsePayload(JOBS.matchAffectedByCourse, job.data);
        const vacancyIds = await vacanciesAffectedByCourse(deps.db, courseId);
        for (const vacancyId of vacancyIds) await enqueue(deps.queue(), JOBS.matchVacancy, vacancyId, { vacancyId }, deps.delayMs);
        return { vacancies: vacancyIds.length };
      }
    } catch (error) {
      if (error instanceof InvalidPayloadError) throw new UnrecoverableError(error.message);
      throw error; // retried with backoff, e.g. while Meilisearch is down
    }
    throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${JOBS.matchVacancy.queue}`);
  };
}
