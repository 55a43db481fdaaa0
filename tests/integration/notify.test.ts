// Notifications end to end: new matches become in-app notifications once; the
// digest goes out through a real SMTP server (our development mail server on a
// free port), honours unsubscribe links, and is retried when SMTP is down;
// institutions get their weekly course demand; candidate e-mail needs consent.
import { routeContextWith } from "../setup/route-context";
import { randomBytes } from "node:crypto";
import { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startMailServer, type MailServer } from "~/cli/mail-server";
import { QUEUES, JOBS } from "~/lib/queues/registry";
import { storeMatches } from "~/modules/matching/repository.server";
import { sendNotificationDigest } from "~/modules/notifications/digest.server";
import { canEmailCandidate, notifyNewMatches } from "~/modules/notifications/service.server";
import { createSession } from "~/modules/auth/session.server";
import { action as unsubscribeAction, loader as unsubscribeLoader } from "~/routes/afmeld.$token";
import { action as notificationsAction, loader as notificationsLoader } from "~/routes/meddelelser";
import { serializeSessionCookie } from "~/modules/auth/session-cookie.server";
import { getEnv } from "~/lib/env.server";
import { createLogger } from "~/lib/logger.server";
import { createMailer, type Mailer } from "~/lib/mailer.server";
import { getWorkerConfig } from "../../workers/config";
import { getNotifyConfig } from "../../workers/jobs/notify-config";
import { startWorkers, type WorkerRuntime } from "../../workers/runtime";
import { deleteQueueKeys, testQueuePrefix, within } from "../setup/async";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createMatchedVacancy, createUser, createWorld, explanation } from "./notify-helpers";
import { createCandidate, createSkills, vacancyData } from "./search-fixtures";

let ctx: TestContext;
let runtime: WorkerRuntime;
let mail: MailServer;
let mailer: Mailer;
const queuePrefix = testQueuePrefix();
/** What app/server/app.ts hands every loader and action. */
const context = routeContextWith({ cspNonce: "test" });

beforeAll(async () => {
  ctx = await createTestContext("notify");
  mail = await startMailServer({ smtpPort: 0 });
  mailer = createMailer({ url: mail.smtpUrl });
  runtime = await startWorkers({
    config: getWorkerConfig({ WORKER_QUEUE_PREFIX: queuePrefix, WORKER_CONCURRENCY: "2", OUTBOX_DISPATCH_EVERY_MS: "1000" }),
    notify: getNotifyConfig({
      // Immediate mode, fired by the tests: every fan-out mails whatever is new.
      NOTIFY_EMAIL_MODE: "immediate",
      NOTIFY_IMMEDIATE_EVERY_MS: "3600000",
      NOTIFY_DEMAND_CRON: "0 0 1 1 *",
      NOTIFY_SWEEP_EVERY_MS: "200",
      NOTIFY_RETRY_DELAY_MS: "300",
    }),
    mailer,
    log: createLogger("notify-test"),
    db: ctx.db,
  });
});

afterAll(async () => {
  await runtime?.close();
  mailer?.close();
  await mail?.close();
  await deleteQueueKeys(queuePrefix);
  await ctx?.cleanup();
});

const queue = () => runtime.queues.get(QUEUES.notifications)!;

/** Adds a job and waits until it has completed or failed for good. */
async function runJob(name: string, data: Record<string, unknown> = {}) {
  const added = await queue().add(name, data);
  return vi.waitFor(async () => {
    const job = await Job.fromId(queue(), added.id!);
    const state = await job?.getState();
    expect(state).toMatch(/^(completed|failed)$/);
    return { state, value: job?.returnvalue as unknown };
  }, within());
}

/** Waits until no job named `name` waits, is delayed or runs. */
async function noneLeft(name: string) {
  await vi.waitFor(async () => expect((await queue().getJobs(["waiting", "delayed", "active", "prioritized"])).filter((j) => j.name === name)).toHaveLength(0), within());
}

/** Runs the digest fan-out and waits until every digest job it made is done. */
async function runDigests() {
  const fanOut = await runJob(JOBS.emailDigests.name);
  expect(fanOut.state).toBe("completed");
  await noneLeft(JOBS.emailDigest.name);
  return fanOut.value as { users: number };
}

const mailsTo = (email: string) => mail.store.to(email);

describe("in-app notifications of new matches", () => {
  it("notifies company members and the consultant exactly once, however often the sweep runs", async () => {
    const world = await createWorld(ctx.db);
    const { match } = await createMatchedVacancy(ctx.db, world);

    // The scheduled sweep runs every 200 ms; run it twice more at the same time, and as jobs.
    await Promise.all([notifyNewMatches(ctx.db), notifyNewMatches(ctx.db), runJob(JOBS.notifyNewMatches.name), runJob(JOBS.notifyNewMatches.name)]);
    await notifyNewMatches(ctx.db);

    const notifications = await ctx.db.notification.findMany({ where: { payload: { path: ["matchId"], equals: match.id } } });
    const recipients = [...world.companyUsers.map((u) => u.id), world.consultant.id].sort();
    expect(notifications.map((n) => n.userId).sort()).toEqual(recipients);
    expect(notifications.every((n) => n.kind === "new-match")).toBe(true);
    // Ids only in the payload: no names, no titles.
    expect(notifications.map((n) => Object.keys(n.payload as object).sort())).toEqual(recipients.map(() => ["matchId", "vacancyId"]));
    expect(await ctx.db.notification.count({ where: { userId: world.disabledUser.id } })).toBe(0);
    const stored = await ctx.db.match.findUniqueOrThrow({ where: { id: match.id } });
    expect(stored.notifiedAt).not.toBeNull();
    expect(stored.isNew).toBe(true);
    // Notifying is not a re-computation: updatedAt (which storeMatches compares) is untouched.
    expect(stored.updatedAt).toEqual(match.updatedAt);
  });
});

describe("the notifications page", () => {
  it("shows the reader's notifications and lets them mark all read and turn e-mail off", async () => {
    const world = await createWorld(ctx.db);
    const { vacancy, match } = await createMatchedVacancy(ctx.db, world);
    const reader = world.companyUsers[0];
    await vi.waitFor(async () => expect(await ctx.db.notification.count({ where: { userId: reader.id } })).toBe(1), within());

    const anonymous = await notificationsLoader({ request: new Request("http://localhost/meddelelser"), params: {}, context }).catch((e: unknown) => e);
    expect((anonymous as Response).status).toBe(302);
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/login\?/);

    const session = await createSession(ctx.db, reader.id);
    const cookie = (await serializeSessionCookie(session.id, session.expiresAt)).split(";")[0];
    const request = (init?: RequestInit) => new Request("http://localhost/meddelelser", { ...init, headers: { Cookie: cookie, ...(init?.headers ?? {}) } });
    const page = await notificationsLoader({ request: request(), params: {}, context });
    expect(page.unread).toBe(1);
    expect(page.emailOn).toBe(true);
    expect(page.notifications).toMatchObject([{ kind: "new-match", vacancyTitle: vacancy.title, pseudonym: world.candidate.pseudonym, matchKind: match.kind }]);

    const post = (intent: string) => notificationsAction({ request: request({ method: "POST", body: new URLSearchParams({ intent }) }), params: {}, context });
    expect((await post("mark-all-read")).status).toBe(302);
    expect((await post("email-off")).status).toBe(302);
    const after = await notificationsLoader({ request: request(), params: {}, context });
    expect(after.unread).toBe(0);
    expect(after.emailOn).toBe(false);
    expect(await post("drop-tables").catch((e: Response) => e.status)).toBe(400);
  });
});

describe("e-mail digests", () => {
  let world: Awaited<ReturnType<typeof createWorld>>;
  let vacancyTitle: string;

  beforeAll(async () => {
    world = await createWorld(ctx.db);
    vacancyTitle = `Smed på værksted ${randomBytes(3).toString("hex")}`;
    const { match } = await createMatchedVacancy(ctx.db, world, vacancyTitle);
    await vi.waitFor(async () => expect((await ctx.db.match.findUniqueOrThrow({ where: { id: match.id } })).notifiedAt).not.toBeNull(), within());
  });

  it("sends one e-mail per recipient with the new matches and an unsubscribe link", async () => {
    await runDigests();
    const [danish, english] = world.companyUsers;
    for (const user of [danish, english, world.consultant]) {
      const mails = mailsTo(user.email);
      expect(mails, user.email).toHaveLength(1);
      expect(mails[0].text).toContain(vacancyTitle);
      expect(mails[0].text).toContain(world.candidate.pseudonym);
      expect(mails[0].text).not.toContain(world.candidate.firstName);
      expect(mails[0].text).toMatch(new RegExp(`${getEnv().APP_URL}/afmeld/[\\w-]+\\.[\\w-]+`));
      expect(mails[0].headers["list-unsubscribe"]).toMatch(/^<http.+\/afmeld\/.+>$/);
      expect(mails[0].headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    }
    expect(mailsTo(danish.email)[0].subject).toBe("Jobbro: nyt siden sidst (1)");
    expect(mailsTo(english.email)[0].subject).toBe("Jobbro: new since last time (1)");
    expect(await ctx.db.notification.count({ where: { userId: danish.id, emailedAt: null } })).toBe(0);

    // Nothing new: the next digest mails nobody of them again.
    await runDigests();
    for (const user of [danish, english, world.consultant]) expect(mailsTo(user.email)).toHaveLength(1);
  });

  it("turns e-mail off through the unsubscribe link, without login, and the next digest skips that user", async () => {
    const [danish, english] = world.companyUsers;
    const link = mailsTo(danish.email)[0].text!.match(/https?:\/\/\S+\/afmeld\/\S+/)![0];
    const token = new URL(link).pathname.split("/").pop()!;

    // Opening the page changes nothing (mail scanners open links) …
    const page = await unsubscribeLoader({ request: new Request(link), params: { token }, context });
    expect(page.init?.status ?? 200).toBe(200);
    expect(page.data).toEqual({ valid: true });
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: danish.id } })).emailOptOutAt).toBeNull();
    // … a forged token is refused …
    const forged = await unsubscribeAction({ request: new Request(`${link}x`, { method: "POST", body: new URLSearchParams() }), params: { token: `${token}x` }, context });
    expect(forged.init?.status).toBe(400);
    // … and the button (or a mail client's one-click POST) unsubscribes.
    const done = await unsubscribeAction({
      request: new Request(link, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }) }),
      params: { token },
      context,
    });
    expect(done.data).toEqual({ done: "unsubscribe", valid: true });
    expect((await ctx.db.user.findUniqueOrThrow({ where: { id: danish.id } })).emailOptOutAt).not.toBeNull();

    const second = await createMatchedVacancy(ctx.db, world, `Lagerarbejder ${randomBytes(3).toString("hex")}`);
    await vi.waitFor(async () => expect(await ctx.db.notification.count({ where: { payload: { path: ["matchId"], equals: second.match.id } } })).toBe(3), within());
    await runDigests();
    expect(mailsTo(english.email)).toHaveLength(2);
    expect(mailsTo(english.email)[1].text).toContain(second.vacancy.title);
    expect(mailsTo(danish.email)).toHaveLength(1);
    // The in-app notification still arrived; it just is not mailed.
    expect(await ctx.db.notification.count({ where: { userId: danish.id, emailedAt: null } })).toBe(1);
  });

  it("fails and retries while the SMTP server is down, and delivers once when it is back", async () => {
    const english = world.companyUsers[1];
    const port = mail.smtpPort;
    await mail.close();

    const third = await createMatchedVacancy(ctx.db, world, `Rengøring ${randomBytes(3).toString("hex")}`);
    await vi.waitFor(async () => expect(await ctx.db.notification.count({ where: { payload: { path: ["matchId"], equals: third.match.id } } })).toBe(3), within());
    const since = Date.now();
    const fanOut = await runJob(JOBS.emailDigests.name);
    expect(fanOut.state).toBe("completed");
    const digestJob = () =>
      queue()
        .getJobs(["waiting", "delayed", "active", "completed", "failed"])
        .then((jobs) => jobs.find((j) => j.name === JOBS.emailDigest.name && j.data.userId === english.id && j.timestamp >= since));
    // Failed twice and waiting for its next try.
    const failing = await vi.waitFor(async () => {
      const job = await digestJob();
      expect(job?.attemptsMade).toBeGreaterThanOrEqual(2);
      return job;
    }, within());
    expect(failing!.failedReason).toMatch(/ECONNREFUSED|connect/i);
    expect(await ctx.db.notification.count({ where: { userId: english.id, emailedAt: null } })).toBe(1);

    mail = await startMailServer({ smtpPort: port, store: mail.store });
    const delivered = await mail.store.waitFor((m) => m.to.includes(english.email) && (m.text ?? "").includes(third.vacancy.title), 30_000);
    await vi.waitFor(async () => expect(await (await digestJob())!.getState()).toBe("completed"), within());
    expect(delivered.subject).toBe("Jobbro: new since last time (1)");
    await vi.waitFor(async () => expect(await ctx.db.notification.count({ where: { userId: english.id, emailedAt: null } })).toBe(0), within());
    await runDigests();
    expect(mailsTo(english.email).filter((m) => (m.text ?? "").includes(third.vacancy.title))).toHaveLength(1);
    const digests = await ctx.db.emailDigest.findMany({ where: { userId: english.id } });
    expect(digests.every((d) => d.messageId)).toBe(true);
    expect(digests).toHaveLength(3);
  });

  it("mails a daily digest once per day even when more arrives", async () => {
    const consultant = world.consultant;
    const before = mailsTo(consultant.email).length;
    await createMatchedVacancy(ctx.db, world);
    await vi.waitFor(async () => expect(await ctx.db.notification.count({ where: { userId: consultant.id, emailedAt: null } })).toBeGreaterThanOrEqual(1), within());
    const mailContext = { db: ctx.db, mailer, appUrl: getEnv().APP_URL, secret: getEnv().SESSION_SECRET };
    const first = await sendNotificationDigest(mailContext, consultant.id, "2030-01-01");
    expect(first.sent).toBe(true);
    await createMatchedVacancy(ctx.db, world);
    await vi.waitFor(async () => expect(await ctx.db.notification.count({ where: { userId: consultant.id, emailedAt: null } })).toBeGreaterThanOrEqual(1), within());
    expect(await sendNotificationDigest(mailContext, consultant.id, "2030-01-01")).toEqual({ sent: false, reason: "already-sent" });
    expect(mailsTo(consultant.email).length).toBe(before + 1);
  });
});

describe("institutions' weekly course demand", () => {
  it("mails each institution user the demand per course, once a week", async () => {
    const world = await createWorld(ctx.db);
    const institutionUser = await createUser(ctx.db, world.orgs.institution.id);
    const [taught] = await createSkills(ctx.db, 1);
    const course = await ctx.db.course.create({
      data: { institutionId: world.orgs.institution.id, title: `Truckcertifikat ${randomBytes(3).toString("hex")}`, skills: { create: { skillId: taught.id } } },
    });
    const offering = await ctx.db.courseOffering.create({
      data: { courseId: course.id, startDate: new Date("2027-01-10"), endDate: new Date("2027-01-20"), seats: 10, online: true },
    });
    const vacancy = await ctx.db.vacancy.create({
      data: { ...vacancyData(world.orgs.company.id, 1), title: "Lagermedarbejder", skills: { create: [{ skillId: taught.id, requirement: "REQUIRED" }] } },
    });
    const learner = await createCandidate(ctx.db, world.orgs.jobcentre.id);
    await storeMatches(ctx.db, {
      scope: { vacancyId: vacancy.id },
      runId: null,
      matches: [
        {
          vacancyId: vacancy.id,
          candidateId: learner.id,
          kind: "UPSKILLING",
          score: 0.6,
          explanation: explanation(
            [{ skillId: taught.id, met: false, viaOfferingId: offering.id }],
            [{ offeringId: offering.id, courseId: course.id, skillIds: [taught.id], startDate: "2027-01-10", endDate: "2027-01-20", online: true }],
          ),
        },
      ],
    });

    const fanOut = await runJob(JOBS.courseDemandDigests.name);
    expect(fanOut.state).toBe("completed");
    const received = await mail.store.waitFor((m) => m.to.includes(institutionUser.email));
    expect(received.subject).toMatch(/^Jobbro: efterspørgsel efter jeres kurser, uge \d{2}$/);
    expect(received.text).toContain(`${course.title} – åbne stillinger, der kræver kompetencer fra kurset: 1; kandidater, der mangler dem: 1 (til 1 stillinger)`);
    expect(received.text).toMatch(/\/afmeld\//);

    // Again: the fan-out and whatever it added have run, and still one mail.
    await runJob(JOBS.courseDemandDigests.name);
    await noneLeft(JOBS.courseDemandDigest.name);
    expect(mailsTo(institutionUser.email)).toHaveLength(1);
    expect(await ctx.db.emailDigest.count({ where: { userId: institutionUser.id, kind: "COURSE_DEMAND" } })).toBe(1);
  });
});

describe("e-mail to candidates", () => {
  it("needs the candidate's standing consent to e-mail", async () => {
    const world = await createWorld(ctx.db);
    const candidate = world.candidate;
    expect(await canEmailCandidate(ctx.db, candidate.id)).toBe(false); // only MATCHING consent

    const consent = await ctx.db.consent.create({ data: { candidateId: candidate.id, purpose: "EMAIL_NOTIFICATIONS", channel: "DIGITAL" } });
    expect(await canEmailCandidate(ctx.db, candidate.id)).toBe(true);

    await ctx.db.candidate.update({ where: { id: candidate.id }, data: { email: null } });
    expect(await canEmailCandidate(ctx.db, candidate.id)).toBe(false);
    await ctx.db.candidate.update({ where: { id: candidate.id }, data: { email: "borger@example.dk" } });

    await ctx.db.consent.update({ where: { id: consent.id }, data: { withdrawnAt: new Date() } });
    expect(await canEmailCandidate(ctx.db, candidate.id)).toBe(false);
    expect(await canEmailCandidate(ctx.db, "no-such-candidate")).toBe(false);
  });
});
