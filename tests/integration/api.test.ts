// /api/v1: token authentication, the vacancy endpoints, input validation and
// tenancy, called through the real route modules against a real database.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as vacancies from "~/routes/api.v1.vacancies";
import * as vacancy from "~/routes/api.v1.vacancies.$id";
import * as vacancyClose from "~/routes/api.v1.vacancies.$id.close";
import * as candidates from "~/routes/api.v1.candidates";
import * as courses from "~/routes/api.v1.courses";
import { hashToken } from "~/portals/api/token";
import { createTestContext, type TestContext } from "../setup/test-db";
import { makeSkills } from "../fixtures/factories";
import { call, orgWithToken, seedPostalCodes } from "./api-helpers";

let ctx: TestContext;
let company: Awaited<ReturnType<typeof orgWithToken>>;
let otherCompany: Awaited<ReturnType<typeof orgWithToken>>;
let jobcentre: Awaited<ReturnType<typeof orgWithToken>>;
let skills: { id: string }[];
let occupationId: string;

beforeAll(async () => {
  ctx = await createTestContext("api");
  await seedPostalCodes(ctx.db);
  company = await orgWithToken(ctx.db, "COMPANY");
  otherCompany = await orgWithToken(ctx.db, "COMPANY");
  jobcentre = await orgWithToken(ctx.db, "JOBCENTRE");
  skills = await makeSkills(ctx.db, ["forklift", "warehouse", "safety", "english"]);
  occupationId = (await ctx.db.occupation.create({ data: { escoUri: "http://example.test/occ/1", labelEn: "warehouse worker" } })).id;
});
afterAll(async () => ctx?.cleanup());

const validVacancy = () => ({
  title: "Lagermedarbejder",
  description: "Pluk og pak",
  occupationId,
  postalCode: "8000",
  startDate: "2027-03-01",
  hoursPerWeek: 37,
  positions: 2,
  requiresDrivingLicence: false,
  languages: ["da"],
  acceptsUpskilling: true,
  requiredSkillIds: [skills[0].id, skills[1].id],
  niceToHaveSkillIds: [skills[2].id],
});

const counts = async () => ({
  vacancies: await ctx.db.vacancy.count(),
  vacancySkills: await ctx.db.vacancySkill.count(),
  outbox: await ctx.db.outboxEvent.count(),
});

describe("token authentication", () => {
  it("answers 401 JSON without a token, with a malformed one and with an unknown one", async () => {
    for (const token of [null, "not-a-token", `jbo_${"A".repeat(43)}`]) {
      const res = await call(vacancies.loader, "/api/v1/vacancies", { token });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe("unauthorized");
      expect(res.json.error.message).toEqual(expect.any(String));
      expect(res.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    }
  });

  it("answers 401 for a revoked token, and the token worked before", async () => {
    const org = await orgWithToken(ctx.db, "COMPANY");
    expect((await call(vacancies.loader, "/api/v1/vacancies", { token: org.token })).status).toBe(200);
    await ctx.db.apiToken.update({ where: { id: org.tokenId }, data: { revokedAt: new Date() } });
    const res = await call(vacancies.loader, "/api/v1/vacancies", { token: org.token });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("unauthorized");
  });

  it("stores only the hash and a short prefix, and records when the token was used", async () => {
    const row = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: company.tokenId } });
    expect(row.tokenHash).toBe(hashToken(company.token));
    expect(row.tokenHash).not.toContain(company.token.slice(4, 20));
    expect(company.token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(16);
    await call(vacancies.loader, "/api/v1/vacancies", { token: company.token });
    const used = await ctx.db.apiToken.findUniqueOrThrow({ where: { id: company.tokenId } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers 403 when the organisation kind does not fit the endpoint", async () => {
    const asJobcentre = await call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: jobcentre.token, body: validVacancy() });
    expect(asJobcentre.status).toBe(403);
    expect(asJobcentre.json.error.code).toBe("forbidden");
    const asCompany = await call(candidates.loader, "/api/v1/candidates", { token: company.token });
    expect(asCompany.status).toBe(403);
    const coursesAsCompany = await call(courses.action, "/api/v1/courses", { method: "POST", token: company.token, body: {} });
    expect(coursesAsCompany.status).toBe(403);
  });

  it("answers 405 with Allow for a method the resource does not take", async () => {
    const res = await call(vacancies.action, "/api/v1/vacancies", { method: "DELETE", token: company.token });
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toBe("POST");
  });
});

describe("vacancy lifecycle", () => {
  it("creates, gets, lists, updates and closes a vacancy, writing an outbox row each time", async () => {
    const outboxBefore = await ctx.db.outboxEvent.count({ where: { topic: "vacancy.changed" } });

    const made = await call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: company.token, body: validVacancy() });
    expect(made.status).toBe(201);
    const v = made.json.data;
    expect(v).toMatchObject({ status: "OPEN", title: "Lagermedarbejder", postalCode: "8000", city: "Aarhus C", latitude: 56.1567, startDate: "2027-03-01", positions: 2 });
    expect(v.requiredSkillIds.sort()).toEqual([skills[0].id, skills[1].id].sort());
    expect(v.niceToHaveSkillIds).toEqual([skills[2].id]);
    expect(await ctx.db.outboxEvent.count({ where: { topic: "vacancy.changed", aggregateId: v.id } })).toBe(1);

    const got = await call(vacancy.loader, `/api/v1/vacancies/${v.id}`, { token: company.token, params: { id: v.id } });
    expect(got.status).toBe(200);
    expect(got.json.data.id).toBe(v.id);

    const listed = await call(vacancies.loader, "/api/v1/vacancies?status=OPEN", { token: company.token });
    expect(listed.json.data.map((x: { id: string }) => x.id)).toContain(v.id);

    const patched = await call(vacancy.action, `/api/v1/vacancies/${v.id}`, {
      method: "PATCH",
      token: company.token,
      params: { id: v.id },
      body: { title: "Lagerchef", postalCode: "8200", requiredSkillIds: [skills[0].id, skills[2].id] },
    });
    expect(patched.status).toBe(200);
    // skills[2] was nice-to-have; promoting it to required moves it.
    expect(patched.json.data).toMatchObject({ title: "Lagerchef", city: "Aarhus N", niceToHaveSkillIds: [] });
    expect(patched.json.data.requiredSkillIds.sort()).toEqual([skills[0].id, skills[2].id].sort());

    const closed = await call(vacancyClose.action, `/api/v1/vacancies/${v.id}/close`, { method: "POST", token: company.token, params: { id: v.id } });
    expect(closed.status).toBe(200);
    expect(closed.json.data.status).toBe("CLOSED");
    expect(closed.json.data.closedAt).toEqual(expect.any(String));

    expect(await ctx.db.outboxEvent.count({ where: { topic: "vacancy.changed", aggregateId: v.id } })).toBe(3);
    expect(await ctx.db.outboxEvent.count({ where: { topic: "vacancy.changed" } })).toBe(outboxBefore + 3);

    const afterClose = await call(vacancy.action, `/api/v1/vacancies/${v.id}`, { method: "PATCH", token: company.token, params: { id: v.id }, body: { title: "x" } });
    expect(afterClose.status).toBe(409);
  });

  it("closes through PATCH status CLOSED too", async () => {
    const made = await call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: company.token, body: validVacancy() });
    const id = made.json.data.id;
    const res = await call(vacancy.action, `/api/v1/vacancies/${id}`, { method: "PATCH", token: company.token, params: { id }, body: { status: "CLOSED" } });
    expect(res.json.data).toMatchObject({ status: "CLOSED" });
    expect(res.json.data.closedAt).not.toBeNull();
  });

  it("answers 404 for another company's vacancy on every verb, and changes nothing", async () => {
    const made = await call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: company.token, body: validVacancy() });
    const id = made.json.data.id;
    const opts = { token: otherCompany.token, params: { id } };
    const get = await call(vacancy.loader, `/api/v1/vacancies/${id}`, opts);
    const patch = await call(vacancy.action, `/api/v1/vacancies/${id}`, { ...opts, method: "PATCH", body: { title: "hijacked" } });
    const close = await call(vacancyClose.action, `/api/v1/vacancies/${id}/close`, { ...opts, method: "POST" });
    for (const res of [get, patch, close]) {
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe("not_found");
    }
    expect(await ctx.db.vacancy.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "Lagermedarbejder", status: "OPEN" });
    const list = await call(vacancies.loader, "/api/v1/vacancies", { token: otherCompany.token });
    expect(list.json.data.map((x: { id: string }) => x.id)).not.toContain(id);
  });
});

describe("vacancy input validation", () => {
  const post = (body: unknown, headers?: Record<string, string>) => call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: company.token, body, headers });

  const cases: [string, () => unknown, string][] = [
    ["a bad date", () => ({ ...validVacancy(), startDate: "2027-02-30" }), "startDate"],
    ["a date-time instead of a date", () => ({ ...validVacancy(), startDate: "next monday" }), "startDate"],
    ["an unknown skill id", () => ({ ...validVacancy(), requiredSkillIds: [skills[0].id, "nosuchskill"] }), "requiredSkillIds.1"],
    ["an unknown field", () => ({ ...validVacancy(), salary: 1 }), "salary"],
    ["a title that is too long", () => ({ ...validVacancy(), title: "x".repeat(201) }), "title"],
    ["no required skill", () => ({ ...validVacancy(), requiredSkillIds: [] }), "requiredSkillIds"],
    ["a skill both required and nice-to-have", () => ({ ...validVacancy(), niceToHaveSkillIds: [skills[0].id] }), "niceToHaveSkillIds.0"],
    ["an unknown postal code", () => ({ ...validVacancy(), postalCode: "0001" }), "postalCode"],
    ["a postal code without coordinates", () => ({ ...validVacancy(), postalCode: "9990" }), "postalCode"],
    ["an unknown occupation", () => ({ ...validVacancy(), occupationId: "nosuchoccupation" }), "occupationId"],
    ["a wrong type", () => ({ ...validVacancy(), positions: "two" }), "positions"],
    ["too many skills", () => ({ ...validVacancy(), niceToHaveSkillIds: Array.from({ length: 101 }, (_, i) => `s${i}`) }), "niceToHaveSkillIds"],
    ["malformed JSON", () => '{"title": "x",', "body"],
    ["a JSON array", () => [1, 2], "body"],
  ];

  for (const [what, body, field] of cases) {
    it(`rejects ${what} with 400 invalid_input naming ${field}, storing nothing`, async () => {
      const before = await counts();
      const res = await post(body());
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("invalid_input");
      expect(res.json.error.message).toEqual(expect.any(String));
      expect(Object.keys(res.json.error.fields)).toContain(field);
      expect(await counts()).toEqual(before);
    });
  }

  it("rejects a body over 64 KiB with 413, with or without Content-Length, storing nothing", async () => {
    const before = await counts();
    const big = JSON.stringify({ ...validVacancy(), description: "x".repeat(70 * 1024) });
    const streamed = await post(big);
    expect(streamed.status).toBe(413);
    expect(streamed.json.error.code).toBe("payload_too_large");
    const declared = await post(big, { "Content-Length": String(Buffer.byteLength(big)) });
    expect(declared.status).toBe(413);
    expect(await counts()).toEqual(before);
  });

  it("rejects a body that is not JSON by its content type with 415", async () => {
    const res = await post("title=x", { "Content-Type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
  });

  it("reports every bad field at once", async () => {
    const res = await post({ ...validVacancy(), startDate: "2027-13-01", hoursPerWeek: 0, bonus: true });
    expect(Object.keys(res.json.error.fields).sort()).toEqual(["bonus", "hoursPerWeek", "startDate"]);
  });

  it("rejects an update with an unknown skill or overlap and leaves the vacancy as it was", async () => {
    const made = await post(validVacancy());
    const id = made.json.data.id;
    const outbox = await ctx.db.outboxEvent.count();
    const patch = (body: unknown) => call(vacancy.action, `/api/v1/vacancies/${id}`, { method: "PATCH", token: company.token, params: { id }, body });
    const unknown = await patch({ title: "Changed", requiredSkillIds: ["nosuchskill"] });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields).toHaveProperty(["requiredSkillIds.0"]);
    const overlap = await patch({ niceToHaveSkillIds: [skills[0].id] });
    expect(overlap.json.error.fields).toHaveProperty(["niceToHaveSkillIds.0"]);
    const empty = await patch({});
    expect(empty.status).toBe(400);
    const row = await ctx.db.vacancy.findUniqueOrThrow({ where: { id }, include: { skills: true } });
    expect(row.title).toBe("Lagermedarbejder");
    expect(row.skills).toHaveLength(3);
    expect(await ctx.db.outboxEvent.count()).toBe(outbox);
  });
});

describe("unknown endpoints", () => {
  it("answer a JSON 404 in the API's error shape", async () => {
    const { loader } = await import("~/routes/api.v1.$");
    const response = await loader();
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: expect.any(String) } });
  });
});
