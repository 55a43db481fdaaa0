// A running Jobbro for the privacy tests: the file's own database and index
// prefix, a real SMTP server, the real workers on queues of their own, and the
// web process's queue producers pointed at the same queues.
import { routeContextWith } from "../../setup/route-context";
import { randomBytes } from "node:crypto";
import { startMailServer, type MailServer } from "~/cli/mail-server";
import { resetCitizenLinkLimiters } from "~/portals/citizen/request-link.server";
import type { Db } from "~/lib/db.server";
import { createLogger } from "~/lib/logger.server";
import { createMailer, type Mailer } from "~/lib/mailer.server";
import { closeQueues } from "~/lib/queue.server";
import { closeProducerRedis } from "~/lib/redis.server";
import { setupIndexes } from "../../../search/setup";
import { getWorkerConfig } from "../../../workers/config";
import { getNotifyConfig } from "../../../workers/jobs/notify-config";
import type { PrivacyConfig } from "../../../workers/jobs/privacy";
import { startWorkers, type WorkerRuntime } from "../../../workers/runtime";
import { deleteQueueKeys, testQueuePrefix } from "../../setup/async";
import { createTestContext, type TestContext } from "../../setup/test-db";

export interface PrivacyWorld {
  ctx: TestContext;
  mail: MailServer;
  runtime: WorkerRuntime;
  queuePrefix: string;
  close(): Promise<void>;
}

export async function startPrivacyWorld(label: string, privacy: Partial<PrivacyConfig> = {}): Promise<PrivacyWorld> {
  const ctx = await createTestContext(label);
  await setupIndexes();
  const mail = await startMailServer({ smtpPort: 0 });
  const mailer: Mailer = createMailer({ url: mail.smtpUrl });
  const queuePrefix = testQueuePrefix();
  // The web process's producers (app/lib/queue.server.ts) read the prefix from here.
  process.env.WORKER_QUEUE_PREFIX = queuePrefix;
  resetCitizenLinkLimiters();
  const runtime = await startWorkers({
    config: getWorkerConfig({ WORKER_QUEUE_PREFIX: queuePrefix, WORKER_CONCURRENCY: "2", OUTBOX_DISPATCH_EVERY_MS: "100", REMATCH_DELAY_MS: "100" }),
    notify: getNotifyConfig({ NOTIFY_EMAIL_MODE: "immediate", NOTIFY_IMMEDIATE_EVERY_MS: "3600000", NOTIFY_DEMAND_CRON: "0 0 1 1 *", NOTIFY_SWEEP_EVERY_MS: "200" }),
    privacy: { inactiveDays: 730, retentionCron: "0 0 1 1 *", timeZone: "Europe/Copenhagen", erasureSweepEveryMs: 500, ...privacy },
    mailer,
    log: createLogger(`${label}-test`),
    db: ctx.db,
  });
  return {
    ctx,
    mail,
    runtime,
    queuePrefix,
    async close() {
      await runtime.close();
      await closeQueues();
      await closeProducerRedis();
      mailer.close();
      await mail.close();
      await deleteQueueKeys(queuePrefix);
      await ctx.cleanup();
    },
  };
}

const tag = () => randomBytes(4).toString("hex");

/** Distinctive personal data that is easy to look for anywhere it must not be. */
export function personalData() {
  const t = tag();
  return {
    firstName: `Zelmira${t}`,
    lastName: `Quistgaard${t}`,
    email: `zelmira.${t}@borger-test.dk`,
    phone: `+45 7${t.replace(/[a-f]/g, "3").slice(0, 7)}`,
  };
}

export async function createJobcentreAndCompany(db: Db) {
  const jobcentre = await db.organisation.create({ data: { kind: "JOBCENTRE", name: `Jobcenter ${tag()}` } });
  const company = await db.organisation.create({ data: { kind: "COMPANY", name: `Firma ${tag()} ApS`, postalCode: "8000" } });
  return { jobcentre, company };
}

/** A candidate with MATCHING consent and the outbox row, the way the app writes one. */
export async function createCitizen(db: Db, jobcentreId: string, options: { skillIds?: string[]; lastActivityAt?: Date; email?: string | null } = {}) {
  const person = personalData();
  return db.$transaction(async (tx) => {
    const candidate = await tx.candidate.create({
      data: {
        jobcentreId,
        pseudonym: `Kandidat-${tag()}`,
        firstName: person.firstName,
        lastName: person.lastName,
        email: options.email === undefined ? person.email : options.email,
        phone: person.phone,
        postalCode: "8000",
        city: "Aarhus C",
        latitude: 56.16,
        longitude: 10.2,
        availableFrom: new Date("2027-01-01"),
        languages: ["da"],
        ...(options.lastActivityAt ? { lastActivityAt: options.lastActivityAt } : {}),
        skills: { create: (options.skillIds ?? []).map((skillId) => ({ skillId })) },
        consents: { create: { purpose: "MATCHING", channel: "IN_PERSON" } },
      },
    });
    await tx.outboxEvent.create({ data: { topic: "candidate.changed", aggregateId: candidate.id } });
    return { candidate, person };
  });
}

export async function createSkill(db: Db) {
  return db.skill.create({ data: { key: `privacy-skill-${tag()}`, labelEn: `forklift ${tag()}`, labelDa: `gaffeltruck ${tag()}`, altLabelsEn: [], altLabelsDa: [] } });
}

/** An open vacancy requiring the skill, with its outbox row. */
export async function createVacancy(db: Db, companyId: string, skillId: string) {
  return db.$transaction(async (tx) => {
    const vacancy = await tx.vacancy.create({
      data: {
        organisationId: companyId,
        title: `Lagermedarbejder ${tag()}`,
        postalCode: "8000",
        latitude: 56.15,
        longitude: 10.21,
        startDate: new Date("2027-03-01"),
        languages: ["da"],
        skills: { create: { skillId, requirement: "REQUIRED" } },
      },
    });
    await tx.outboxEvent.create({ data: { topic: "vacancy.changed", aggregateId: vacancy.id } });
    return vacancy;
  });
}

export const BASE = "http://jobbro.test";
export const routeContext = routeContextWith({ cspNonce: "test", clientAddress: "198.51.100.7" });

export function post(path: string, fields: Record<string, string>) {
  return new Request(`${BASE}${path}`, { method: "POST", body: new URLSearchParams(fields), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
}
