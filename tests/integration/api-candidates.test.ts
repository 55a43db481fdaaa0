// /api/v1 for jobcentres (candidates, consents, audit) and the match endpoints,
// above all: a company token never receives a candidate's personal data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as candidates from "~/routes/api.v1.candidates";
import * as candidate from "~/routes/api.v1.candidates.$id";
import * as consents from "~/routes/api.v1.candidates.$id.consents";
import * as consent from "~/routes/api.v1.candidates.$id.consents.$consentId";
import * as candidateMatches from "~/routes/api.v1.candidates.$id.matches";
import * as vacancyMatches from "~/routes/api.v1.vacancies.$id.matches";
import { PSEUDONYM_PATTERN } from "~/modules/candidates/pseudonym";
import { storeMatches } from "~/modules/matching/repository.server";
import type { ScoredMatch } from "~/modules/matching/types";
import { createTestContext, type TestContext } from "../setup/test-db";
import { makeSkills, makeVacancy } from "../fixtures/factories";
import { call, orgWithToken, seedPostalCodes } from "./api-helpers";

let ctx: TestContext;
let jobcentre: Awaited<ReturnType<typeof orgWithToken>>;
let otherJobcentre: Awaited<ReturnType<typeof orgWithToken>>;
let company: Awaited<ReturnType<typeof orgWithToken>>;
let skills: { id: string }[];
let consultantId: string;

beforeAll(async () => {
  ctx = await createTestContext("apicand");
  await seedPostalCodes(ctx.db);
  jobcentre = await orgWithToken(ctx.db, "JOBCENTRE");
  otherJobcentre = await orgWithToken(ctx.db, "JOBCENTRE");
  company = await orgWithToken(ctx.db, "COMPANY", { servedById: jobcentre.org.id });
  skills = await makeSkills(ctx.db, ["welding", "forklift", "first aid"]);
  await ctx.db.skill.update({ where: { id: skills[0].id }, data: { labelDa: "svejsning" } });
  const consultant = await ctx.db.user.create({ data: { email: "konsulent@jobcenter.test", name: "Karen Konsulent" } });
  await ctx.db.membership.create({ data: { userId: consultant.id, organisationId: jobcentre.org.id } });
  consultantId = consultant.id;
});
afterAll(async () => ctx?.cleanup());

const person = () => ({
  firstName: "Mette",
  lastName: "Frederiksen-Testesen",
  email: "mette.testesen@example.test",
  phone: "+45 20 30 40 50",
  postalCode: "8000",
  commuteRadiusKm: 30,
  availableFrom: "2027-01-15",
  hasDrivingLicence: true,
  languages: ["da", "en"],
  skillIds: [skills[0].id, skills[1].id],
  consultantId,
});

async function createCandidate(body: unknown = person()) {
  const res = await call(candidates.action, "/api/v1/candidates", { method: "POST", token: jobcentre.token, body });
  expect(res.status).toBe(201);
  return res.json.data;
}

describe("candidates", () => {
  it("creates a candidate with a generated pseudonym, an outbox row and a CREATE audit event", async () => {
    const c = await createCandidate();
    expect(c.pseudonym).toMatch(PSEUDONYM_PATTERN);
    expect(c.pseudonym).not.toContain("Mette");
    expect(c).toMatchObject({ firstName: "Mette", city: "Aarhus C", availableFrom: "2027-01-15", consultantId, status: "ACTIVE" });
    expect(await ctx.db.outboxEvent.count({ where: { topic: "candidate.changed", aggregateId: c.id } })).toBe(1);
    const audit = await ctx.db.auditEvent.findMany({ where: { candidateId: c.id } });
    expect(audit).toEqual([expect.objectContaining({ action: "CREATE", actorOrgId: jobcentre.org.id, resource: "candidate", reason: "api" })]);
    // The outbox payload carries ids only.
    const outbox = await ctx.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: c.id } });
    expect(outbox.payload).toEqual({});
  });

  it("audits every read of the profile, and the list holds no names", async () => {
    const c = await createCandidate();
    const got = await call(candidate.loader, `/api/v1/candidates/${c.id}`, { token: jobcentre.token, params: { id: c.id } });
    expect(got.status).toBe(200);
    expect(got.json.data.email).toBe("mette.testesen@example.test");
    expect(await ctx.db.auditEvent.count({ where: { candidateId: c.id, action: "READ" } })).toBe(1);

    const list = await call(candidates.loader, "/api/v1/candidates", { token: jobcentre.token });
    expect(list.json.data.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(list.text).not.toContain("Mette");
    expect(list.text).not.toContain("example.test");
  });

  it("updates a candidate in one transaction with outbox and UPDATE audit", async () => {
    const c = await createCandidate();
    const res = await call(candidate.action, `/api/v1/candidates/${c.id}`, {
      method: "PATCH",
      token: jobcentre.token,
      params: { id: c.id },
      body: { commuteRadiusKm: 50, postalCode: "8200", skillIds: [skills[2].id], status: "INACTIVE" },
    });
    expect(res.status).toBe(200);
    expect(res.json.data).toMatchObject({ commuteRadiusKm: 50, city: "Aarhus N", skillIds: [skills[2].id], status: "INACTIVE" });
    expect(await ctx.db.outboxEvent.count({ where: { topic: "candidate.changed", aggregateId: c.id } })).toBe(2);
    expect(await ctx.db.auditEvent.count({ where: { candidateId: c.id, action: "UPDATE" } })).toBe(1);
  });

  it("names the field for bad input and stores nothing", async () => {
    const before = { candidates: await ctx.db.candidate.count(), audit: await ctx.db.auditEvent.count(), outbox: await ctx.db.outboxEvent.count() };
    const outsider = await ctx.db.user.create({ data: { email: "outsider@example.test", name: "Outsider" } });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...person(), commuteRadiusKm: 201 }, "commuteRadiusKm"],
      [{ ...person(), commuteRadiusKm: 0 }, "commuteRadiusKm"],
      [{ ...person(), email: "not-an-email" }, "email"],
      [{ ...person(), availableFrom: "15-01-2027" }, "availableFrom"],
      [{ ...person(), consultantId: outsider.id }, "consultantId"],
      [{ ...person(), skillIds: ["nosuchskill"] }, "skillIds.0"],
      [{ ...person(), lastName: "x".repeat(101) }, "lastName"],
      [{ ...person(), cpr: "010101-1234" }, "cpr"],
    ];
    for (const [body, field] of cases) {
      const res = await call(candidates.action, "/api/v1/candidates", { method: "POST", token: jobcentre.token, body });
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.json.error.fields), field).toContain(field);
    }
    expect({ candidates: await ctx.db.candidate.count(), audit: await ctx.db.auditEvent.count(), outbox: await ctx.db.outboxEvent.count() }).toEqual(before);
  });

  it("answers 404 for another jobcentre's candidate, and writes no audit event for it", async () => {
    const c = await createCandidate();
    const auditBefore = await ctx.db.auditEvent.count({ where: { candidateId: c.id } });
    const opts = { token: otherJobcentre.token, params: { id: c.id, consentId: "x" } };
    const results = [
      await call(candidate.loader, `/api/v1/candidates/${c.id}`, opts),
      await call(candidate.action, `/api/v1/candidates/${c.id}`, { ...opts, method: "PATCH", body: { firstName: "Hacked" } }),
      await call(consents.loader, `/api/v1/candidates/${c.id}/consents`, opts),
      await call(consents.action, `/api/v1/candidates/${c.id}/consents`, { ...opts, method: "POST", body: { purpose: "MATCHING", channel: "DIGITAL" } }),
      await call(candidateMatches.loader, `/api/v1/candidates/${c.id}/matches`, opts),
    ];
    for (const res of results) expect(res.status).toBe(404);
    expect(await ctx.db.auditEvent.count({ where: { candidateId: c.id } })).toBe(auditBefore);
    expect((await ctx.db.candidate.findUniqueOrThrow({ where: { id: c.id } })).firstName).toBe("Mette");
  });
});

describe("consents", () => {
  it("records, lists and withdraws consents with outbox rows; repeats are harmless", async () => {
    const c = await createCandidate();
    const path = `/api/v1/candidates/${c.id}/consents`;
    const give = (body: unknown) => call(consents.action, path, { method: "POST", token: jobcentre.token, params: { id: c.id }, body });

    const matching = await give({ purpose: "MATCHING", channel: "IN_PERSON", givenAt: "2026-11-01T10:00:00+01:00" });
    expect(matching.status).toBe(201);
    expect(matching.json.data).toMatchObject({ purpose: "MATCHING", channel: "IN_PERSON", givenAt: "2026-11-01T09:00:00.000Z", active: true });
    const again = await give({ purpose: "MATCHING", channel: "DIGITAL" });
    expect(again.status).toBe(200);
    expect(again.json.data.id).toBe(matching.json.data.id);

    const noCompany = await give({ purpose: "SHARE_WITH_COMPANY", channel: "DIGITAL" });
    expect(noCompany.status).toBe(400);
    expect(noCompany.json.error.fields).toHaveProperty("companyId");
    const notACompany = await give({ purpose: "SHARE_WITH_COMPANY", channel: "DIGITAL", companyId: otherJobcentre.org.id });
    expect(notACompany.json.error.fields).toHaveProperty("companyId");
    const badChannel = await give({ purpose: "MATCHING", channel: "TELEPATHY" });
    expect(badChannel.json.error.fields).toHaveProperty("channel");
    const future = await give({ purpose: "EMAIL_NOTIFICATIONS", channel: "DIGITAL", givenAt: "2999-01-01" });
    expect(future.json.error.fields).toHaveProperty("givenAt");
    const share = await give({ purpose: "SHARE_WITH_COMPANY", channel: "DIGITAL", companyId: company.org.id });
    expect(share.status).toBe(201);
    expect(share.json.data.companyId).toBe(company.org.id);

    const withdrawn = await call(consent.action, `${path}/${matching.json.data.id}`, {
      method: "DELETE",
      token: jobcentre.token,
      params: { id: c.id, consentId: matching.json.data.id },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.json.data.active).toBe(false);

    const list = await call(consents.loader, path, { token: jobcentre.token, params: { id: c.id } });
    expect(list.json.data.map((x: { purpose: string; active: boolean }) => [x.purpose, x.active])).toEqual([
      ["MATCHING", false],
      ["SHARE_WITH_COMPANY", true],
    ]);
    // create + MATCHING + SHARE + withdrawal
    expect(await ctx.db.outboxEvent.count({ where: { topic: "candidate.changed", aggregateId: c.id } })).toBe(4);
    expect(await ctx.db.auditEvent.count({ where: { candidateId: c.id, resource: "candidate.consent" } })).toBe(3);
  });
});

describe("matches", () => {
  const explanation = (vacancyStart: string, offeringId?: string, courseId?: string): ScoredMatch["explanation"] => ({
    required: [
      { skillId: skills[0].id, met: true },
      { skillId: skills[1].id, met: !offeringId, ...(offeringId ? { viaOfferingId: offeringId } : {}) },
    ],
    niceToHave: [{ skillId: skills[2].id, met: false }],
    distanceKm: 3.456,
    radiusKm: 30,
    availableFrom: "2027-01-15",
    startDate: vacancyStart,
    upskilling: offeringId ? [{ offeringId, courseId: courseId!, skillIds: [skills[1].id], startDate: "2027-01-20", endDate: "2027-01-25", online: false }] : [],
  });

  it("returns stored matches ranked with explanations and courses, and a company sees no personal data", async () => {
    const full = await createCandidate();
    const upskill = await createCandidate({ ...person(), firstName: "Jens", lastName: "Jensen-Testesen", email: "jens.j@example.test", phone: "+45 99 88 77 66" });
    const vacancy = await makeVacancy(ctx.db, company.org.id, { startDate: new Date("2027-02-01") });
    const institution = await ctx.db.organisation.create({ data: { kind: "INSTITUTION", name: "AMU Test" } });
    const course = await ctx.db.course.create({ data: { institutionId: institution.id, title: "Truckcertifikat", skills: { create: [{ skillId: skills[1].id }] } } });
    const offering = await ctx.db.courseOffering.create({
      data: { courseId: course.id, startDate: new Date("2027-01-20"), endDate: new Date("2027-01-25"), seats: 10, postalCode: "8200", city: "Aarhus N", latitude: 56.19, longitude: 10.2 },
    });
    await storeMatches(ctx.db, {
      scope: { vacancyId: vacancy.id },
      runId: null,
      matches: [
        { vacancyId: vacancy.id, candidateId: upskill.id, kind: "UPSKILLING", score: 45, explanation: explanation("2027-02-01", offering.id, course.id) },
        { vacancyId: vacancy.id, candidateId: full.id, kind: "FULL", score: 88, explanation: explanation("2027-02-01") },
      ],
    });

    const res = await call(vacancyMatches.loader, `/api/v1/vacancies/${vacancy.id}/matches`, { token: company.token, params: { id: vacancy.id } });
    expect(res.status).toBe(200);
    const data = res.json.data;
    expect(data.computedAt).toEqual(expect.any(String));
    expect(data.matches.map((m: { score: number }) => m.score)).toEqual([88, 45]);
    expect(data.matches[0]).toMatchObject({ rank: 1, kind: "FULL", candidate: { pseudonym: full.pseudonym } });
    expect(data.matches[0].explanation).toMatchObject({
      distanceKm: 3.5,
      commuteRadiusKm: 30,
      availability: { availableFrom: "2027-01-15", startDate: "2027-02-01", availableByStart: true },
    });
    expect(data.matches[0].explanation.requiredSkills[0]).toMatchObject({ skillId: skills[0].id, labelEn: "welding", labelDa: "svejsning", met: true });
    expect(data.matches[1].upskilling).toEqual([
      expect.objectContaining({ offeringId: offering.id, courseTitle: "Truckcertifikat", startDate: "2027-01-20", endDate: "2027-01-25", online: false, place: { postalCode: "8200", city: "Aarhus N" } }),
    ]);

    // The company's answer holds pseudonyms only: no name, e-mail, phone, candidate id or consultant.
    for (const secret of ["Mette", "Frederiksen-Testesen", "mette.testesen@example.test", "+45 20 30 40 50", "Jens", "jens.j@example.test", "+45 99 88 77 66", full.id, upskill.id, consultantId, "Karen", "konsulent@"]) {
      expect(res.text).not.toContain(secret);
    }
    expect(res.text).not.toMatch(/firstName|lastName|email|phone|consultant/i);

    // The jobcentre that serves the company sees the same list, with ids of its own candidates.
    const asJobcentre = await call(vacancyMatches.loader, `/api/v1/vacancies/${vacancy.id}/matches`, { token: jobcentre.token, params: { id: vacancy.id } });
    expect(asJobcentre.status).toBe(200);
    expect(asJobcentre.json.data.matches[0].candidate).toEqual({ pseudonym: full.pseudonym, id: full.id });
    expect(asJobcentre.text).not.toContain("Mette");

    // A jobcentre that does not serve the company, and another company, get 404.
    for (const token of [otherJobcentre.token, (await orgWithToken(ctx.db, "COMPANY")).token]) {
      const denied = await call(vacancyMatches.loader, `/api/v1/vacancies/${vacancy.id}/matches`, { token, params: { id: vacancy.id } });
      expect(denied.status).toBe(404);
    }

    // The candidate's side: its jobcentre sees the vacancies it matches.
    const mine = await call(candidateMatches.loader, `/api/v1/candidates/${upskill.id}/matches`, { token: jobcentre.token, params: { id: upskill.id } });
    expect(mine.status).toBe(200);
    expect(mine.json.data.matches).toEqual([
      expect.objectContaining({ kind: "UPSKILLING", score: 45, vacancy: expect.objectContaining({ id: vacancy.id, startDate: "2027-02-01", company: { id: company.org.id, name: company.org.name } }) }),
    ]);
    expect(mine.json.data.matches[0].upskilling[0].courseTitle).toBe("Truckcertifikat");
    const asCompany = await call(candidateMatches.loader, `/api/v1/candidates/${upskill.id}/matches`, { token: company.token, params: { id: upskill.id } });
    expect(asCompany.status).toBe(403);
  });

  it("answers an empty list with no computation time for a vacancy never matched", async () => {
    const vacancy = await makeVacancy(ctx.db, company.org.id);
    const res = await call(vacancyMatches.loader, `/api/v1/vacancies/${vacancy.id}/matches`, { token: company.token, params: { id: vacancy.id } });
    expect(res.json.data).toMatchObject({ matches: [], computedAt: null });
  });
});
