import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdminClient, getSearchClient, indexUid, searchKeyUid } from "../../search/client";
import { vacanciesIndex } from "../../search/indexes/vacancies";
import { reindexAll, reindexIndex } from "../../search/reindex";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createCandidate, createOrganisations, createSkills, vacancyData } from "./search-fixtures";

const VACANCIES = 300;
let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext("searchreindex");
  const orgs = await createOrganisations(ctx.db);
  await createSkills(ctx.db, 5);
  await ctx.db.vacancy.createMany({ data: Array.from({ length: VACANCIES }, (_, i) => vacancyData(orgs.company.id, i)) });
  for (let i = 0; i < 3; i++) await createCandidate(ctx.db, orgs.jobcentre.id);
});
afterAll(async () => {
  await getAdminClient().deleteKey(searchKeyUid(ctx.indexPrefix)).catch(() => undefined);
  await ctx?.cleanup();
});

async function ourIndexUids(): Promise<string[]> {
  const { results } = await getAdminClient().getRawIndexes({ limit: 1000 });
  return results.map((i) => i.uid).filter((uid) => uid.startsWith(ctx.indexPrefix));
}

describe("reindex", () => {
  it("builds a first live index, with settings, when none exists yet", async () => {
    expect(await ourIndexUids()).toEqual([]);
    const result = await reindexIndex(vacanciesIndex, { db: ctx.db, batchSize: 100 });
    expect(result.documents).toBe(VACANCIES);
    const live = getAdminClient().index(indexUid("vacancies"));
    expect((await live.getStats()).numberOfDocuments).toBe(VACANCIES);
    expect((await live.getSettings()).filterableAttributes).toContain("_geo");
    expect(await ourIndexUids()).toEqual([indexUid("vacancies")]);
  });

  it("swaps every index in without the live one ever answering empty", async () => {
    const search = (await getSearchClient()).index(indexUid("vacancies"));
    const totals: number[] = [];
    let done = false;
    const rebuild = reindexAll({ db: ctx.db, batchSize: 50 }).finally(() => {
      done = true;
    });
    while (!done) {
      const res = await search.search("", { limit: 1 });
      totals.push(res.estimatedTotalHits ?? 0);
      await new Promise((r) => setTimeout(r, 10));
    }
    const results = await rebuild;

    expect(totals.length).toBeGreaterThan(5);
    expect(Math.min(...totals)).toBeGreaterThan(0);
    expect(results.find((r) => r.index === "vacancies")?.documents).toBe(VACANCIES);
    expect(results.find((r) => r.index === "candidates")?.documents).toBe(3);
    expect((await search.search("", { limit: 1 })).estimatedTotalHits).toBe(VACANCIES);
    // No build index left behind, and every logical index is live.
    expect((await ourIndexUids()).sort()).toEqual(["candidates", "occupations", "offerings", "skills", "vacancies"].map((n) => indexUid(n)).sort());
  });
});
