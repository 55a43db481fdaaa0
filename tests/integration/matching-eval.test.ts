// The labelled matching evaluation (tests/eval/cases.ts) as a test: every
// exclusion and upskilling rule must hold, and the expected orderings must
// hold too (the same cases `npm run eval:matching` prints).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdminClient, getSearchClient } from "../../search/client";
import { setupIndexes } from "../../search/setup";
import { EVAL_CASES } from "../eval/cases";
import { runCase, seedEvalTaxonomy, summarise, type CaseResult } from "../eval/evaluate";
import { createTestContext, type TestContext } from "../setup/test-db";

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("mevalx");
  await setupIndexes(getAdminClient());
  await seedEvalTaxonomy(ctx.db, getAdminClient());
});
afterAll(async () => ctx?.cleanup());

describe("matching evaluation", () => {
  it("holds every exclusion and upskilling rule and every expected ordering", async () => {
    const search = await getSearchClient();
    const labels = new Map<string, string>();
    const results: CaseResult[] = [];
    for (const c of EVAL_CASES) results.push(await runCase(c, { db: ctx.db, admin: getAdminClient(), search, labels }));
    const problems = results.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`));
    expect(problems).toEqual([]);
    const s = summarise(results);
    expect(s.cases).toBeGreaterThanOrEqual(40);
    expect(s.exclusionsHeld).toBe(s.exclusions);
    expect(s.accuracy).toBe(1);
  }, 240_000);
});
