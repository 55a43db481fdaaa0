// The whole taxonomy with Jobbro's Danish labels, searched as Danes type:
// the Danish search evaluation (tests/eval/search-cases.ts, also `npm run
// eval:search`) and the integration API's taxonomy lookups on the same data.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as occupation from "~/routes/api.v1.occupations.$id";
import * as occupations from "~/routes/api.v1.occupations";
import * as skill from "~/routes/api.v1.skills.$id";
import * as skills from "~/routes/api.v1.skills";
import * as vacancies from "~/routes/api.v1.vacancies";
import { getAdminClient, getSearchClient } from "../../search/client";
import { SEARCH_CASES } from "../eval/search-cases";
import { describeResult, prepareSearchEval, runSearchCases, summariseSearch, TARGET_ACCURACY } from "../eval/search-evaluate";
import { createTestContext, type TestContext } from "../setup/test-db";
import { call, orgWithToken, seedPostalCodes } from "./api-helpers";

let ctx: TestContext;
let company: Awaited<ReturnType<typeof orgWithToken>>;
const dataDir = path.resolve(process.env.JOBBRO_DATA_DIR ?? "../shared/data");

beforeAll(async () => {
  ctx = await createTestContext("taxsearch");
  await prepareSearchEval(ctx.db, getAdminClient(), dataDir);
  await seedPostalCodes(ctx.db);
  company = await orgWithToken(ctx.db, "COMPANY");
}, 180_000);
afterAll(async () => ctx?.cleanup());

describe("Danish search evaluation", () => {
  it(`finds the expected concept in the top 3 for at least ${TARGET_ACCURACY * 100} % of the queries, and for every common unskilled job title`, async () => {
    const results = await runSearchCases(SEARCH_CASES, { db: ctx.db, search: getSearchClient });
    const summary = summariseSearch(results);
    expect(summary.cases).toBeGreaterThanOrEqual(150);
    expect(summary.commonFailed).toEqual([]);
    // Every case names concepts that exist: a renamed concept must not pass silently.
    expect(results.filter((r) => r.unknown.length > 0).map(describeResult)).toEqual([]);
    expect(summary.accuracy, results.filter((r) => !r.ok).map(describeResult).join("\n")).toBeGreaterThanOrEqual(TARGET_ACCURACY);
  }, 120_000);
});

describe("taxonomy lookups in the integration API", () => {
  it("finds skills and occupations by Danish words, with both labels and ESCO URIs", async () => {
    const found = await call(skills.loader, "/api/v1/skills?q=gaffeltruck&limit=5", { token: company.token });
    expect(found.status).toBe(200);
    expect(found.json.data.length).toBeLessThanOrEqual(5);
    expect(found.json.data.slice(0, 3).map((s: { labelEn: string }) => s.labelEn)).toContain("operate forklift");
    expect(found.json.data[0]).toEqual(expect.objectContaining({ id: expect.any(String), labelDa: expect.any(String), labelEn: expect.any(String), altLabelsDa: expect.any(Array) }));

    const titles = await call(occupations.loader, "/api/v1/occupations?q=lagermedarbejder", { token: company.token });
    expect(titles.status).toBe(200);
    expect(titles.json.data[0]).toMatchObject({ labelDa: "lagermedarbejder", labelEn: "warehouse worker", escoUri: expect.stringMatching(/^http:\/\/data\.europa\.eu\/esco\/occupation\//) });
  });

  it("gives one concept by id or by URL-encoded ESCO URI, an occupation with its skills", async () => {
    const warehouse = await ctx.db.occupation.findFirstOrThrow({ where: { labelEn: "warehouse worker" }, select: { id: true, escoUri: true } });
    const byId = await call(occupation.loader, `/api/v1/occupations/${warehouse.id}`, { token: company.token, params: { id: warehouse.id } });
    const byUri = await call(occupation.loader, `/api/v1/occupations/${encodeURIComponent(warehouse.escoUri)}`, { token: company.token, params: { id: warehouse.escoUri } });
    expect(byId.status).toBe(200);
    expect(byUri.json).toEqual(byId.json);
    expect(byId.json.data.skills.length).toBeGreaterThan(5);
    expect(byId.json.data.skills.filter((s: { relation: string }) => s.relation === "ESSENTIAL").length).toBeGreaterThan(0);
    expect(byId.json.data.skills.filter((s: { labelDa: string | null }) => !s.labelDa)).toEqual([]);

    const withUri = await ctx.db.skill.findFirstOrThrow({ where: { escoUri: { not: null } }, select: { id: true, escoUri: true } });
    const skillByUri = await call(skill.loader, `/api/v1/skills/${encodeURIComponent(withUri.escoUri!)}`, { token: company.token, params: { id: withUri.escoUri! } });
    expect(skillByUri.status).toBe(200);
    expect(skillByUri.json.data.id).toBe(withUri.id);
  });

  it("answers bad input with a 4xx naming the field, and needs a token", async () => {
    const empty = await call(skills.loader, "/api/v1/skills?q=", { token: company.token });
    expect(empty.status).toBe(400);
    expect(Object.keys(empty.json.error.fields)).toEqual(["q"]);
    const unknownParam = await call(occupations.loader, "/api/v1/occupations?q=kok&offset=10", { token: company.token });
    expect(unknownParam.status).toBe(400);
    expect(unknownParam.json.error.fields).toEqual({ offset: "Unknown field" });
    const tooMany = await call(skills.loader, "/api/v1/skills?q=kok&limit=500", { token: company.token });
    expect(tooMany.status).toBe(400);
    expect(Object.keys(tooMany.json.error.fields)).toEqual(["limit"]);
    const notAnId = await call(skill.loader, "/api/v1/skills/not%20an%20id", { token: company.token, params: { id: "not an id" } });
    expect(notAnId.status).toBe(400);
    expect(Object.keys(notAnId.json.error.fields)).toEqual(["id"]);
    const unknown = await call(occupation.loader, "/api/v1/occupations/x", { token: company.token, params: { id: "http://data.europa.eu/esco/occupation/does-not-exist" } });
    expect(unknown.status).toBe(404);
    expect((await call(skills.loader, "/api/v1/skills?q=kok", { token: null })).status).toBe(401);
  });

  it("accepts an ESCO occupation URI where a vacancy takes an occupation id, and stores our id", async () => {
    const warehouse = await ctx.db.occupation.findFirstOrThrow({ where: { labelEn: "warehouse worker" }, select: { id: true, escoUri: true } });
    const forklift = await ctx.db.skill.findFirstOrThrow({ where: { labelEn: "operate forklift" }, select: { id: true } });
    const body = { title: "Lagermedarbejder", occupationId: warehouse.escoUri, postalCode: "8000", startDate: "2027-06-01", requiredSkillIds: [forklift.id] };
    const res = await call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: company.token, body });
    expect(res.status).toBe(201);
    expect(res.json.data.occupationId).toBe(warehouse.id);
    const bad = await call(vacancies.action, "/api/v1/vacancies", { method: "POST", token: company.token, body: { ...body, occupationId: "http://data.europa.eu/esco/occupation/nope" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ occupationId: "Unknown occupation id or ESCO URI" });
  });
});
