// Vacancy search for consultants: Meilisearch finds and counts, scoped to the
// companies the jobcentre serves; another jobcentre's companies never appear.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as search from "~/routes/jobcenter.stillinger._index";
import { getAdminClient } from "../../../search/client";
import { indexDefinition } from "../../../search/indexes/registry";
import { setupIndexes } from "../../../search/setup";
import { syncIds } from "../../../search/sync";
import { makeOrganisation, makeSkills, makeVacancy } from "../../fixtures/factories";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { context, get, jobcentreWithConsultant, seedPlaces } from "./helpers";

let ctx: TestContext;
let aarhus: Awaited<ReturnType<typeof jobcentreWithConsultant>>;
const ids: Record<string, string> = {};
let skill: { id: string };

beforeAll(async () => {
  ctx = await createTestContext("consvac");
  await seedPlaces(ctx.db);
  await setupIndexes();
  aarhus = await jobcentreWithConsultant(ctx.db, "Jobcenter Aarhus");
  const aalborg = await jobcentreWithConsultant(ctx.db, "Jobcenter Aalborg");
  const served = await makeOrganisation(ctx.db, "COMPANY", "Nordlys Byg ApS");
  const elsewhere = await makeOrganisation(ctx.db, "COMPANY", "Fjordens Værft A/S");
  await ctx.db.organisation.update({ where: { id: served.id }, data: { servedById: aarhus.org.id } });
  await ctx.db.organisation.update({ where: { id: elsewhere.id }, data: { servedById: aalborg.org.id } });
  [skill] = await makeSkills(ctx.db, ["welding"]);
  ids.welder = (await makeVacancy(ctx.db, served.id, { title: "Svejser til stålkonstruktioner" })).id;
  ids.carpenter = (await makeVacancy(ctx.db, served.id, { title: "Tømrer" })).id;
  ids.paused = (await makeVacancy(ctx.db, served.id, { title: "Svejser, deltid" })).id;
  ids.foreign = (await makeVacancy(ctx.db, elsewhere.id, { title: "Svejser på værft" })).id;
  await ctx.db.vacancy.update({ where: { id: ids.paused }, data: { status: "PAUSED" } });
  await ctx.db.vacancySkill.create({ data: { vacancyId: ids.welder, skillId: skill.id, requirement: "REQUIRED" } });
  await syncIds(indexDefinition("vacancies"), Object.values(ids), { db: ctx.db, client: getAdminClient() });
});
afterAll(async () => ctx?.cleanup());

const searchAs = async (query: string) =>
  ((await search.loader({ request: get(`/jobcenter/stillinger${query}`, aarhus.cookie), params: {}, context })) as Awaited<ReturnType<typeof search.loader>>).result;

describe("vacancy search", () => {
  it("finds vacancies of served companies only, typo-tolerant, with facets", async () => {
    const result = await searchAs("?q=svjser");
    expect(result.degraded).toBe(false);
    expect(result.rows.map((r) => r.id).sort()).toEqual([ids.welder, ids.paused].sort());
    expect(result.rows.map((r) => r.id)).not.toContain(ids.foreign);
    expect(result.facets.status).toEqual(expect.arrayContaining([expect.objectContaining({ value: "OPEN", count: 1 }), expect.objectContaining({ value: "PAUSED", count: 1 })]));
    expect(result.facets.municipalities).toEqual([{ value: "0751", label: "Aarhus", count: 2 }]);
    expect(result.facets.skills).toEqual([expect.objectContaining({ value: skill.id, count: 1 })]);
  });

  it("filters by status and by required skill", async () => {
    expect((await searchAs("?status=PAUSED")).rows.map((r) => r.id)).toEqual([ids.paused]);
    expect((await searchAs(`?skill=${skill.id}`)).rows.map((r) => r.id)).toEqual([ids.welder]);
    expect((await searchAs("")).total).toBe(3);
  });
});
