// No personal data in Redis (issue 6, part 7): after candidate changes,
// matching, notifications, citizens' link requests (rate limits included), an
// introduction proposal and an erasure have run through the real queues, every
// key and every value in Redis is read (SCAN, then a read that fits the key's
// type) and none holds a candidate's or user's name, e-mail or phone number.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requestErasureByJobcentre } from "~/modules/erasure/request.server";
import { JOBS, QUEUES } from "~/lib/queues/registry";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import { action as requestAction } from "~/routes/borger._index";
import { createRedis } from "~/lib/redis.server";
import { within } from "../../setup/async";
import { createCitizen, createJobcentreAndCompany, createSkill, createVacancy, post, routeContext, startPrivacyWorld, type PrivacyWorld } from "./helpers";

let world: PrivacyWorld;
const secrets: string[] = [];

beforeAll(async () => {
  world = await startPrivacyWorld("redispii");
  const db = world.ctx.db;
  const { jobcentre, company } = await createJobcentreAndCompany(db);
  const companyUser = await db.user.create({
    data: { email: `indkoeber.${Date.now()}@firma-test.dk`, name: `Ingeborg Thyregod${Date.now()}`, memberships: { create: { organisationId: company.id } } },
  });
  secrets.push(companyUser.email, companyUser.name);
  const skill = await createSkill(db);
  const vacancy = await createVacancy(db, company.id, skill.id);
  const citizens: Awaited<ReturnType<typeof createCitizen>>[] = [];
  for (let i = 0; i < 3; i++) citizens.push(await createCitizen(db, jobcentre.id, { skillIds: [skill.id] }));
  for (const { person } of citizens) secrets.push(person.firstName, person.lastName, person.email, person.phone, person.phone.replace(/\s/g, ""));

  // Matching and the in-app notifications of the new matches.
  await vi.waitFor(async () => expect(await db.match.count({ where: { vacancyId: vacancy.id, current: true } })).toBe(3), within());
  await vi.waitFor(async () => expect(await db.notification.count({ where: { userId: companyUser.id } })).toBeGreaterThanOrEqual(3), within());
  // An edit of a candidate: search sync and re-matching again.
  await db.$transaction(async (tx) => {
    await tx.candidate.update({ where: { id: citizens[0]!.candidate.id }, data: { commuteRadiusKm: 40, phone: `${citizens[0]!.person.phone}` } });
    await writeOutbox(tx, "candidate.changed", citizens[0]!.candidate.id);
  });
  // The notification e-mail fan-out and digests.
  await world.runtime.queues.get(QUEUES.notifications)!.add(JOBS.emailDigests.name, {});
  await vi.waitFor(() => expect(world.mail.store.list().filter((m) => m.to.includes(companyUser.email)).length).toBeGreaterThanOrEqual(1), within());
  // Citizens ask for their links (and one unknown address), which also writes the rate limits.
  for (const email of [citizens[1]!.person.email, `ukendt.${Date.now()}@borger-test.dk`]) {
    secrets.push(email);
    await requestAction({ request: post("/borger", { email }), params: {}, context: routeContext });
  }
  await vi.waitFor(() => expect(world.mail.store.list().filter((m) => m.to.includes(citizens[1]!.person.email)).length).toBeGreaterThanOrEqual(1), within());
  // An introduction proposed to a citizen, and an erasure.
  await db.$transaction(async (tx) => {
    const request = await tx.contactRequest.create({
      data: { companyId: company.id, vacancyId: vacancy.id, candidateId: citizens[2]!.candidate.id, status: "PROPOSED", proposedAt: new Date(), message: `Hej ${citizens[2]!.person.firstName}` },
    });
    await writeOutbox(tx, "introduction.proposed", request.id);
  });
  await vi.waitFor(() => expect(world.mail.store.list().filter((m) => m.to.includes(citizens[2]!.person.email)).length).toBeGreaterThanOrEqual(1), within());
  const erasure = await requestErasureByJobcentre(db, { organisationId: jobcentre.id, userId: null }, citizens[0]!.candidate.id);
  await vi.waitFor(async () => expect((await db.erasureRequest.findUniqueOrThrow({ where: { id: erasure.id } })).status).toBe("DONE"), within());
  await vi.waitFor(async () => expect(await db.outboxEvent.count({ where: { dispatchedAt: null } })).toBe(0), within());
}, 180_000);
afterAll(async () => world?.close());

async function readValue(redis: ReturnType<typeof createRedis>, key: string): Promise<string> {
  const type = await redis.type(key);
  switch (type) {
    case "string":
      return (await redis.getBuffer(key))?.toString("utf8") ?? "";
    case "hash":
      return JSON.stringify(await redis.hgetall(key));
    case "list":
      return JSON.stringify(await redis.lrange(key, 0, -1));
    case "set":
      return JSON.stringify(await redis.smembers(key));
    case "zset":
      return JSON.stringify(await redis.zrange(key, 0, -1, "WITHSCORES"));
    case "stream":
      return JSON.stringify(await redis.xrange(key, "-", "+"));
    case "none":
      return ""; // expired between SCAN and the read
    default:
      throw new Error(`Key ${key} has a type this test cannot read: ${type}`);
  }
}

describe("Redis", () => {
  it("holds no name, e-mail or phone number in any key or value", async () => {
    const redis = createRedis("worker");
    try {
      let keys = 0;
      let ourKeys = 0;
      const hits: string[] = [];
      let cursor = "0";
      do {
        const [next, batch] = await redis.scan(cursor, "COUNT", 500);
        cursor = next;
        for (const key of batch) {
          keys++;
          if (key.startsWith(`${world.queuePrefix}:`) || key.startsWith("jobbro:rl:")) ourKeys++;
          const text = `${key}\n${await readValue(redis, key)}`.toLowerCase();
          for (const secret of secrets) if (text.includes(secret.toLowerCase())) hits.push(`${secret} in ${key}`);
        }
      } while (cursor !== "0");
      expect(hits).toEqual([]);
      // The scan saw this test's queues and rate limits, so it read what the work left behind.
      expect(keys).toBeGreaterThan(0);
      expect(ourKeys).toBeGreaterThan(10);
    } finally {
      redis.disconnect();
    }
  });
});
