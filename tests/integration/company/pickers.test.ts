// The pickers' suggestion endpoints against a real Meilisearch index, and their
// PostgreSQL fallback when Meilisearch does not answer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loader as skillsLoader } from "~/routes/soeg.kompetencer";
import { loader as occupationsLoader } from "~/routes/soeg.stillingsbetegnelser";
import { resetEnvCache } from "~/lib/env.server";
import { occupationsIndex } from "../../../search/indexes/occupations";
import { skillsIndex } from "../../../search/indexes/skills";
import { setupIndexes } from "../../../search/setup";
import { syncIds } from "../../../search/sync";
import { createTestContext, type TestContext } from "../../setup/test-db";
import { getRequest, loggedInUser, routeContext, seedOccupation, type LoggedIn } from "./helpers";

let ctx: TestContext;
let taxonomy: Awaited<ReturnType<typeof seedOccupation>>;
let company: LoggedIn;

beforeAll(async () => {
  ctx = await createTestContext("pickers");
  await setupIndexes(undefined, [skillsIndex, occupationsIndex]);
  taxonomy = await seedOccupation(ctx.db);
  await syncIds(skillsIndex, [taxonomy.welding.id, taxonomy.drawings.id, taxonomy.safety.id], { db: ctx.db });
  await syncIds(occupationsIndex, [taxonomy.occupationId], { db: ctx.db });
  company = await loggedInUser(ctx.db, "COMPANY");
});
afterAll(async () => ctx?.cleanup());

async function ask(loader: typeof skillsLoader, path: string, cookie?: string) {
  const response = await loader({ request: getRequest(path, cookie), params: {}, context: routeContext });
  return { status: response.status, body: (await response.json()) as unknown };
}

describe("GET /soeg/kompetencer", () => {
  it("answers 401 JSON without a session", async () => {
    const res = await ask(skillsLoader, "/soeg/kompetencer?q=svejs");
    expect(res.status).toBe(401);
  });

  it("finds a skill by its Danish label despite a typo, labelled in Danish", async () => {
    const res = await ask(skillsLoader, "/soeg/kompetencer?q=svejce&lang=da", company.cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([{ id: taxonomy.welding.id, label: "svejse metaller" }]);
  });

  it("finds it by the English label and labels it in English when asked", async () => {
    const res = await ask(skillsLoader, "/soeg/kompetencer?q=weld&lang=en", company.cookie);
    expect(res.body).toEqual([{ id: taxonomy.welding.id, label: "weld metals" }]);
  });

  it("answers an empty list for an empty query", async () => {
    expect((await ask(skillsLoader, "/soeg/kompetencer?q=", company.cookie)).body).toEqual([]);
  });
});

describe("GET /soeg/stillingsbetegnelser", () => {
  it("finds the occupation in Danish and English", async () => {
    expect((await ask(occupationsLoader, "/soeg/stillingsbetegnelser?q=svejser&lang=da", company.cookie)).body).toEqual([
      { id: taxonomy.occupationId, label: "svejser" },
    ]);
    expect((await ask(occupationsLoader, "/soeg/stillingsbetegnelser?q=welder&lang=en", company.cookie)).body).toEqual([
      { id: taxonomy.occupationId, label: "welder" },
    ]);
  });

  it("falls back to PostgreSQL when Meilisearch does not answer", async () => {
    const meiliUrl = process.env.MEILI_URL;
    process.env.MEILI_URL = "http://127.0.0.1:9";
    resetEnvCache();
    try {
      const res = await ask(occupationsLoader, "/soeg/stillingsbetegnelser?q=svejs&lang=da", company.cookie);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([{ id: taxonomy.occupationId, label: "svejser" }]);
    } finally {
      process.env.MEILI_URL = meiliUrl;
      resetEnvCache();
    }
  });
});
