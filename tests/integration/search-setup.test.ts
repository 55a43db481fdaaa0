import { MeilisearchApiError } from "meilisearch";
import { meiliApiError } from "../../search/http-transport";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureSearchKey, getAdminClient, getSearchClient, indexUid, searchKeyUid } from "../../search/client";
import { INDEXES } from "../../search/indexes/registry";
import { setupIndexes } from "../../search/setup";
import { syncIds } from "../../search/sync";
import { skillsIndex } from "../../search/indexes/skills";
import { createTestContext, type TestContext } from "../setup/test-db";
import { createSkills } from "./search-fixtures";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("searchsetup");
});
afterAll(async () => {
  await getAdminClient().deleteKey(searchKeyUid(ctx.indexPrefix)).catch(() => undefined);
  await ctx?.cleanup();
});

describe("setupIndexes", () => {
  it("creates every index with its settings, and a second run changes nothing", async () => {
    const admin = getAdminClient();
    await setupIndexes();
    const first = await Promise.all(INDEXES.map((d) => admin.index(indexUid(d.name)).getSettings()));
    await setupIndexes();
    const second = await Promise.all(INDEXES.map((d) => admin.index(indexUid(d.name)).getSettings()));
    expect(second).toEqual(first);

    for (const [i, definition] of INDEXES.entries()) {
      const raw = await admin.getRawIndex(indexUid(definition.name));
      expect(raw.primaryKey).toBe("id");
      expect(first[i].searchableAttributes).toEqual(definition.settings.searchableAttributes);
      // Plain names and granular entries ({ attributePatterns, features }) alike, in any order.
      const canonical = (xs: readonly unknown[] | null | undefined) => (xs ?? []).map((x) => JSON.stringify(x)).sort();
      expect(canonical(first[i].filterableAttributes)).toEqual(canonical(definition.settings.filterableAttributes));
    }
    const vacancies = first[INDEXES.findIndex((d) => d.name === "vacancies")];
    expect(vacancies.filterableAttributes).toContain("_geo");
    expect(vacancies.stopWords).toContain("og");
  });
});

describe("search-only key", () => {
  it("is reused, not re-created, for the same prefix", async () => {
    const a = await ensureSearchKey(getAdminClient(), ctx.indexPrefix);
    const b = await ensureSearchKey(getAdminClient(), ctx.indexPrefix);
    expect(b.key).toBe(a.key);
    expect(a.actions).toEqual(["search"]);
    expect(a.indexes).toEqual([`${ctx.indexPrefix}*`]);
  });

  it("can search the indexes but not write to them", async () => {
    await setupIndexes();
    const [skill] = await createSkills(ctx.db, 1);
    await syncIds(skillsIndex, [skill.id], { db: ctx.db });

    const search = await getSearchClient();
    const hits = await search.index(indexUid("skills")).search("svejsning");
    expect(hits.hits.map((h) => h.id)).toContain(skill.id);
    // Typo tolerance: one letter off still finds it.
    const typo = await search.index(indexUid("skills")).search("svejsnimg");
    expect(typo.hits.map((h) => h.id)).toContain(skill.id);

    const attempt = search.index(indexUid("skills")).addDocuments([{ id: "intruder", labelEn: "x" }]);
    const error = await attempt.catch((e: unknown) => e);
    expect(meiliApiError(error)).toBeInstanceOf(MeilisearchApiError);
    expect(meiliApiError(error)!.response.status).toBe(403);
    const settings = await search.index(indexUid("skills")).getSettings().catch((e: unknown) => e);
    expect(meiliApiError(settings)?.response.status).toBe(403);
  });
});
