// Matching model v2 in the integration API: candidates' occupations with years
// of experience (by id or ESCO URI, validated field by field), and a vacancy's
// choice to see near misses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as candidates from "~/routes/api.v1.candidates";
import * as candidate from "~/routes/api.v1.candidates.$id";
import * as vacancies from "~/routes/api.v1.vacancies";
import * as vacancy from "~/routes/api.v1.vacancies.$id";
import { createTestContext, type TestContext } from "../setup/test-db";
import { makeSkills } from "../fixtures/factories";
import { call, orgWithToken, seedPostalCodes } from "./api-helpers";

let ctx: TestContext;
let jobcentre: Awaited<ReturnType<typeof orgWithToken>>;
let company: Awaited<ReturnType<typeof orgWithToken>>;
let skills: { id: string }[];
let carpenter: { id: string; escoUri: string };
let joiner: { id: string; escoUri: string };

beforeAll(async () => {
  ctx = await createTestContext("apiexp");
  await seedPostalCodes(ctx.db);
  jobcentre = await orgWithToken(ctx.db, "JOBCENTRE");
  company = await orgWithToken(ctx.db, "COMPANY", { servedById: jobcentre.org.id });
  skills = await makeSkills(ctx.db, ["build roofs", "read drawings"]);
  carpenter = await ctx.db.occupation.create({ data: { escoUri: "http://data.europa.eu/esco/occupation/test-carpenter", labelEn: "carpenter", labelDa: "tømrer", iscoCode: null }, select: { id: true, escoUri: true } });
  joiner = await ctx.db.occupation.create({ data: { escoUri: "http://data.europa.eu/esco/occupation/test-joiner", labelEn: "joiner", labelDa: "snedker" }, select: { id: true, escoUri: true } });
});
afterAll(async () => ctx?.cleanup());

const person = (occupations: unknown) => ({
  firstName: "Jens",
  lastName: "Tømrersen",
  postalCode: "8000",
  availableFrom: "2027-01-15",
  skillIds: [skills[0].id],
  occupations,
});

describe("candidates' occupations with years of experience", () => {
  it("stores occupations named by id or ESCO URI, returns them with both labels, and replaces them on update", async () => {
    const created = await call(candidates.action, "/api/v1/candidates", {
      method: "POST",
      token: jobcentre.token,
      body: person([{ occupationId: carpenter.escoUri, years: 7 }, { occupationId: joiner.id, years: 0 }]),
    });
    expect(created.status).toBe(201);
    expect(created.json.data.occupations).toEqual([
      expect.objectContaining({ occupationId: carpenter.id, years: 7, labelDa: "tømrer", labelEn: "carpenter" }),
      expect.objectContaining({ occupationId: joiner.id, years: 0, labelDa: "snedker" }),
    ].sort((a, b) => (a.occupationId < b.occupationId ? -1 : 1)));
    const id = created.json.data.id;
    const updated = await call(candidate.action, `/api/v1/candidates/${id}`, { method: "PATCH", token: jobcentre.token, params: { id }, body: { occupations: [{ occupationId: joiner.id, years: 2 }] } });
    expect(updated.status).toBe(200);
    expect(updated.json.data.occupations).toEqual([expect.objectContaining({ occupationId: joiner.id, years: 2 })]);
    expect(await ctx.db.candidateOccupation.count({ where: { candidateId: id } })).toBe(1);
  });

  it("refuses unknown occupations, bad years and the same occupation twice, naming the field, and stores nothing", async () => {
    const before = await ctx.db.candidate.count();
    const cases: [unknown, string][] = [
      [[{ occupationId: "http://data.europa.eu/esco/occupation/nope", years: 1 }], "occupations.0.occupationId"],
      [[{ occupationId: carpenter.id, years: -1 }], "occupations.0.years"],
      [[{ occupationId: carpenter.id, years: 2.5 }], "occupations.0.years"],
      [[{ occupationId: carpenter.id, years: 1 }, { occupationId: carpenter.id, years: 3 }], "occupations.1.occupationId"],
      [[{ occupationId: carpenter.id, years: 1 }, { occupationId: carpenter.escoUri, years: 3 }], "occupations"],
      [[{ occupationId: carpenter.id }], "occupations.0.years"],
    ];
    for (const [occupations, field] of cases) {
      const res = await call(candidates.action, "/api/v1/candidates", { method: "POST", token: jobcentre.token, body: person(occupations) });
      expect(res.status, JSON.stringify(occupations)).toBe(400);
      expect(Object.keys(res.json.error.fields), JSON.stringify(occupations)).toContain(field);
    }
    expect(await ctx.db.candidate.count()).toBe(before);
  });
});

describe("a vacancy's near misses", () => {
  it("are shown by default and can be turned off and on", async () => {
    const body = { title: "Tømrer", occupationId: carpenter.id, postalCode: "8000", startDate: "2027-06-01", requiredSkillIds: [skills[0].id, skills[1].id] };
    const created = await call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: company.token, body });
    expect(created.status).toBe(201);
    expect(created.json.data.showNearMisses).toBe(true);
    const id = created.json.data.id;
    const off = await call(vacancy.action, `/api/v1/vacancies/${id}`, { method: "PATCH", token: company.token, params: { id }, body: { showNearMisses: false } });
    expect(off.json.data.showNearMisses).toBe(false);
    const bad = await call(vacancy.action, `/api/v1/vacancies/${id}`, { method: "PATCH", token: company.token, params: { id }, body: { showNearMisses: "nej" } });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(["showNearMisses"]);
  });
});
