// The privacy queue: citizens' link e-mails, the e-mail that asks a citizen to
// approve an introduction (outbox "introduction.proposed"), erasure of a
// citizen, the sweep that re-enqueues erasures Redis lost, and the daily
// retention run. Payloads are ids only; every handler reads the current rows,
// so a retried or duplicated job does no harm (an e-mail is sent last).
import { UnrecoverableError, type Job, type Queue } from "bullmq";
import { sendCitizenLinkMail, sendIntroductionProposedMail } from "~/portals/citizen/mail.server";
import { erasureJobId, pendingErasureRequestIds, recordErasureFailure } from "~/modules/erasure/service.server";
import { retentionCutoff, runRetention } from "~/modules/retention/service.server";
import type { Db } from "~/lib/db.server";
import { getEnv } from "~/lib/env.server";
import type { Logger } from "~/lib/logger.server";
import type { Mailer } from "~/lib/mailer.server";
import { InvalidPayloadError, JOBS, parsePayload, QUEUES } from "~/lib/queues/registry";
import { readTimings } from "~/lib/queues/schedules";
import { carryOutErasure } from "../../search/erasure.server";

export interface PrivacyConfig {
  inactiveDays: number;
  retentionCron: string;
  timeZone: string;
  /** How often pending erasure requests are (re-)enqueued. */
  erasureSweepEveryMs: number;
}

export function getPrivacyConfig(source: Record<string, string | undefined> = process.env): PrivacyConfig {
  const timings = readTimings(source);
  return { inactiveDays: getEnv().RETENTION_INACTIVE_DAYS, retentionCron: timings.retentionCron, timeZone: timings.retentionTimeZone, erasureSweepEveryMs: timings.erasureSweepEveryMs };
}

export interface PrivacyDeps {
  db: Db;
  mailer: Mailer;
  queue: () => Queue;
  config: PrivacyConfig;
  log: Logger;
}

async function enqueueErasures(queue: Queue, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  // The request id is the job id: a request already queued, running or failed-and-kept is not added twice.
  await queue.addBulk(ids.map((erasureRequestId) => ({ name: JOBS.erasure.name, data: { erasureRequestId }, opts: { jobId: erasureJobId(erasureRequestId) } })));
}

export function createPrivacyProcessor(deps: PrivacyDeps) {
  const mail = { db: deps.db, mailer: deps.mailer };
  return async function processPrivacy(job: Job) {
    try {
      switch (job.name) {
        case JOBS.citizenLink.name: {
          const { candidateId } = parsePayload(JOBS.citizenLink, job.data);
          const result = await sendCitizenLinkMail(mail, candidateId);
          deps.log.info({ jobId: job.id, candidateId, ...result }, "citizen link mail");
          return result;
        }
        case JOBS.introductionProposed.name: {
          const { aggregateId } = parsePayload(JOBS.introductionProposed, job.data);
          const result = await sendIntroductionProposedMail(mail, aggregateId);
          deps.log.info({ jobId: job.id, contactRequestId: aggregateId, ...result }, "introduction proposal mail");
          return result;
        }
        case JOBS.erasure.name: {
          const { erasureRequestId } = parsePayload(JOBS.erasure, job.data);
          try {
            const result = await carryOutErasure(deps.db, erasureRequestId, { retentionCutoff: retentionCutoff(new Date(), deps.config.inactiveDays) });
            deps.log.info({ jobId: job.id, erasureRequestId, ...result }, "erasure");
            return result;
          } catch (error) {
            const attempts = job.opts.attempts ?? 1;
            await recordErasureFailure(deps.db, erasureRequestId, (error as Error).message, job.attemptsMade + 1 >= attempts).catch(() => undefined);
            throw error;
          }
        }
        case JOBS.erasureSweep.name: {
          parsePayload(JOBS.erasureSweep, job.data);
          const ids = await pendingErasureRequestIds(deps.db);
          await enqueueErasures(deps.queue(), ids);
          return { pending: ids.length };
        }
        case JOBS.retention.name: {
          parsePayload(JOBS.retention, job.data);
          const result = await runRetention(deps.db, { inactiveDays: deps.config.inactiveDays });
          await enqueueErasures(deps.queue(), result.erasureRequestIds);
          deps.log.info({ jobId: job.id, runId: result.runId, ...result.counts }, "retention run");
          return { runId: result.runId, ...result.counts };
        }
      }
    } catch (error) {
      if (error instanceof InvalidPayloadError) throw new UnrecoverableError(error.message);
      throw error; // SMTP, PostgreSQL or Meilisearch down: retried with backoff
    }
    throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${QUEUES.privacy}`);
  };
}
