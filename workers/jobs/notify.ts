// Notifications (DESIGN.md: "notifies the right people once").
//
// In-app: a frequent sweep turns new, not yet notified matches into
// notifications. It claims rows in PostgreSQL (FOR UPDATE SKIP LOCKED), so it
// needs no trigger from the matching jobs, survives a Redis loss, and any
// number of processes may run it at once (docs/decisions/008-notifications.md).
//
// E-mail: a scheduled fan-out enqueues one job per recipient; each sends at
// most one mail and throws when the SMTP server does not accept it, so BullMQ
// retries it with backoff. Job ids from user and period make a second fan-out
// on the same day (or week) add nothing; the EmailDigest table guarantees it.
import { UnrecoverableError, type Job, type Queue } from "bullmq";
import { sendCourseDemandDigest, sendNotificationDigest, institutionUsersToDigest, usersToDigest, type MailContext } from "~/modules/notifications/digest.server";
import { isoWeekKey, localDateKey } from "~/modules/notifications/period";
import { notifyNewMatches } from "~/modules/notifications/service.server";
import type { Db } from "~/lib/db.server";
import type { Logger } from "~/lib/logger.server";
import type { Mailer } from "~/lib/mailer.server";
import { InvalidPayloadError, JOBS, parsePayload, QUEUES } from "~/lib/queues/registry";
import type { NotifyConfig } from "./notify-config";

export interface NotifyDeps {
  db: Db;
  mailer: Mailer;
  queue: () => Queue;
  config: NotifyConfig;
  log: Logger;
  appUrl: string;
  secret: string;
}

const mailJobOptions = (config: NotifyConfig) =>
  ({ attempts: config.retryAttempts, backoff: { type: "exponential", delay: config.retryDelayMs } }) as const;

export function createNotifyProcessor(deps: NotifyDeps) {
  const mail = (): MailContext => ({ db: deps.db, mailer: deps.mailer, appUrl: deps.appUrl, secret: deps.secret });

  return async function processNotify(job: Job) {
    try {
      switch (job.name) {
        case JOBS.notifyNewMatches.name: {
          parsePayload(JOBS.notifyNewMatches, job.data);
          const result = await notifyNewMatches(deps.db);
          if (result.matches > 0) deps.log.info({ jobId: job.id, ...result }, "new matches notified");
          return result;
        }
        case JOBS.emailDigests.name: {
          parsePayload(JOBS.emailDigests, job.data);
          const users = await usersToDigest(deps.db);
          if (deps.config.emailMode === "daily") {
            // The day the schedule fired, not the day a retry runs.
            const periodKey = localDateKey(new Date(job.timestamp), deps.config.timeZone);
            await deps.queue().addBulk(
              users.map((userId) => ({
                name: JOBS.emailDigest.name,
                data: { userId, periodKey },
                opts: { jobId: `digest-${userId}-${periodKey}`, ...mailJobOptions(deps.config) },
              })),
            );
          } else {
            // As things come: at most one waiting digest per user; later news rides along.
            await deps.queue().addBulk(
              users.map((userId) => ({
                name: JOBS.emailDigest.name,
                data: { userId },
                opts: { deduplication: { id: `digest-${userId}` }, ...mailJobOptions(deps.config) },
              })),
            );
          }
          return { users: users.length };
        }
        case JOBS.emailDigest.name: {
          const { userId, periodKey } = parsePayload(JOBS.emailDigest, job.data);
          const result = await sendNotificationDigest(mail(), userId, periodKey ?? `at-${new Date().toISOString()}`);
          deps.log.info({ jobId: job.id, userId, sent: result.sent, ...(result.sent ? { items: result.items } : { reason: result.reason }) }, "notification digest");
          return result;
        }
        case JOBS.courseDemandDigests.name: {
          parsePayload(JOBS.courseDemandDigests, job.data);
          const week = isoWeekKey(new Date(job.timestamp), deps.config.timeZone);
          const users = await institutionUsersToDigest(deps.db);
          await deps.queue().addBulk(
            users.map((userId) => ({
              name: JOBS.courseDemandDigest.name,
              data: { userId, week },
              opts: { jobId: `demand-${userId}-${week}`, ...mailJobOptions(deps.config) },
            })),
          );
          return { users: users.length };
        }
        case JOBS.courseDemandDigest.name: {
          const { userId, week } = parsePayload(JOBS.courseDemandDigest, job.data);
          const result = await sendCourseDemandDigest(mail(), userId, week);
          deps.log.info({ jobId: job.id, userId, sent: result.sent, ...(result.sent ? { items: result.items } : { reason: result.reason }) }, "course demand digest");
          return result;
        }
      }
    } catch (error) {
      if (error instanceof InvalidPayloadError) throw new UnrecoverableError(error.message);
      throw error; // SMTP or database down: retried with backoff
    }
    throw new UnrecoverableError(`Unknown job name "${job.name}" in queue ${QUEUES.notifications}`);
  };
}
