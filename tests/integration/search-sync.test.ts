import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdminClient, indexUid } from "../../search/client";
import { CANDIDATE_DOCUMENT_FIELDS } from "../../search/indexes/candidates";
import { setupIndexes } from "../../search/setup";
import { syncEntity, syncTopic } from "../../search/sync";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createCandidate, createOrganisations, createSkills, createVacancyWithOutbox } from "./search-fixtures";

let ctx: TestContext;
let orgs: Awaited<ReturnType<typeof createOrganisations>>;
let skills: Awaited<ReturnType<typeof createSkills>>;

beforeAll(async () => {
  ctx = await createTestContext("searchsync");
  await setupIndexes();
  orgs = await createOrganisations(ctx.db);
  skills = await createSkills(ctx.db, 3);
});
afterAll(async () => ctx?.cleanup());

const index = (name: string) => getAdminClient().index(indexUid(name));

async function allDocuments(name: string): Promise<Record<string, unknown>[]> {
  const page = await index(name).getDocuments({ limit: 10_000 });
  return page.results;
}

describe("syncEntity", () => {
  it("upserts a vacancy once however often it is synced, with skills split by requirement", async () => {
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skills[0].id], nice: [skills[1].id] });
    await syncEntity("vacancy.changed", vacancy.id, { db: ctx.db });
    await syncEntity("vacancy.changed", vacancy.id, { db: ctx.db });

    const docs = (await allDocuments("vacancies")).filter((d) => d.id === vacancy.id);
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({
      organisationId: orgs.company.id,
      status: "OPEN",
      requiredSkillIds: [skills[0].id],
      niceSkillIds: [skills[1].id],
      startDate: Date.UTC(2027, 2, 1) / 1000,
      _geo: { lat: 56.15, lng: 10.21 },
    });
    const found = await index("vacancies").search("", { filter: `requiredSkillIds = "${skills[0].id}" AND _geoRadius(56.15, 10.21, 1000)` });
    expect(found.hits.map((h) => h.id)).toEqual([vacancy.id]);
  });

  it("removes a deleted row from the index", async () => {
    const vacancy = await createVacancyWithOutbox(ctx.db, orgs.company.id, { required: [skills[2].id], nice: [] }, 2);
    await syncEntity("vacancy.changed", vacancy.id, { db: ctx.db });
    await expect(index("vacancies").getDocument(vacancy.id)).resolves.toMatchObject({ id: vacancy.id });

    await ctx.db.vacancy.delete({ where: { id: vacancy.id } });
    const result = await syncEntity("vacancy.changed", vacancy.id, { db: ctx.db });
    expect(result).toMatchObject({ upserted: 0, deleted: 1 });
    await expect(index("vacancies").getDocument(vacancy.id)).rejects.toThrow();
  });

  it("indexes only active candidates with a matching consent", async () => {
    const consenting = await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skills[0].id] });
    const unconsented = await createCandidate(ctx.db, orgs.jobcentre.id, { consent: false });
    const employed = await createCandidate(ctx.db, orgs.jobcentre.id, { status: "EMPLOYED" });
    await syncTopic("candidate.changed", [consenting.id, unconsented.id, employed.id], { db: ctx.db });

    const ids = (await allDocuments("candidates")).map((d) => d.id);
    expect(ids).toContain(consenting.id);
    expect(ids).not.toContain(unconsented.id);
    expect(ids).not.toContain(employed.id);

    // Withdrawing consent takes the candidate out at the next sync.
    await ctx.db.consent.updateMany({ where: { candidateId: consenting.id }, data: { withdrawnAt: new Date() } });
    await syncEntity("candidate.changed", consenting.id, { db: ctx.db });
    expect((await allDocuments("candidates")).map((d) => d.id)).not.toContain(consenting.id);
  });

  it("never puts a candidate's name, e-mail or phone into the index", async () => {
    const candidates: Awaited<ReturnType<typeof createCandidate>>[] = [];
    for (let i = 0; i < 5; i++) candidates.push(await createCandidate(ctx.db, orgs.jobcentre.id, { skillIds: [skills[i % 3].id] }));
    await syncTopic("candidate.changed", candidates.map((c) => c.id), { db: ctx.db });

    const docs = await allDocuments("candidates");
    expect(docs.length).toBeGreaterThanOrEqual(5);
    const personal = candidates.flatMap((c) => [c.firstName, c.lastName, c.email!, c.phone!]);
    for (const doc of docs) {
      const text = JSON.stringify(doc);
      for (const value of personal) expect(text).not.toContain(value);
      for (const key of Object.keys(doc)) expect(CANDIDATE_DOCUMENT_FIELDS as readonly string[]).toContain(key);
    }
    const mine = docs.find((d) => d.id === candidates[0].id);
    expect(mine).toMatchObject({ pseudonym: candidates[0].pseudonym, hasMatchingConsent: true, skillIds: [skills[0].id] });
  });

  it("follows a course's changes into its offerings, also when the course is deleted", async () => {
    const course = await ctx.db.course.create({
      data: {
        institutionId: orgs.institution.id,
        title: "Svejsning for begyndere",
        skills: { create: [{ skillId: skills[0].id }] },
        offerings: {
          create: [
            { startDate: new Date("2027-01-10"), endDate: new Date("2027-01-20"), seats: 12, latitude: 56.1, longitude: 10.1 },
            { startDate: new Date("2027-02-10"), endDate: new Date("2027-02-20"), seats: 8, online: true, latitude: 56.1, longitude: 10.1 },
          ],
        },
      },
      include: { offerings: true },
    });
    await syncEntity("course.changed", course.id, { db: ctx.db });
    const docs = (await allDocuments("offerings")).filter((d) => d.courseId === course.id);
    expect(docs).toHaveLength(2);
    const online = docs.find((d) => d.online === true)!;
    expect(online._geo).toBeUndefined();
    expect(docs.find((d) => d.online === false)).toMatchObject({ seatsLeft: 12, cancelled: false, skillIds: [skills[0].id], _geo: { lat: 56.1, lng: 10.1 } });

    await ctx.db.course.delete({ where: { id: course.id } });
    await syncEntity("course.changed", course.id, { db: ctx.db });
    expect((await allDocuments("offerings")).filter((d) => d.courseId === course.id)).toHaveLength(0);
  });

  it("rejects an unknown topic with a clear error", async () => {
    await expect(syncEntity("vacancy.renamed", "x", { db: ctx.db })).rejects.toThrow(/Unknown sync topic "vacancy.renamed"/);
  });
});
