// The ESCO-grounded relevance evaluation (tests/eval/esco-relevance.ts, the
// same seed `npm run eval:matching` uses) as a test: it must run whole and
// well-formed, and model v2 must hold the targets of issue 13 (ADR 023):
// nDCG@10 ≥ 0.90, every relevant candidate the near-miss rule promises to show
// shown (recall ≥ 0.95 over them), no more than 5 % unrelated candidates in
// the top 10, no path with overlapping courses. Recall over every relevant
// candidate (0.84 when model v2 landed; 0.57 for model v1) must not fall back.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAdminClient, getSearchClient } from "../../search/client";
import { describePool, describeSummary, ESCO_EVAL_CONFIG, prepareEscoEval, runEscoEval } from "../eval/esco-relevance";
import { createTestContext, type TestContext } from "../setup/test-db";

const dataDir = path.resolve(process.env.JOBBRO_DATA_DIR ?? "../shared/data");

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext("mesco");
  await prepareEscoEval(ctx.db, getAdminClient(), dataDir);
}, 180_000);
afterAll(async () => ctx?.cleanup());

describe("ESCO-grounded relevance evaluation", () => {
  it("runs every vacancy pool, cleans each up and yields metrics in [0, 1]", async () => {
    const { pools, summary } = await runEscoEval({ db: ctx.db, admin: getAdminClient(), search: await getSearchClient() });
    console.log([`ESCO relevance evaluation, seed ${ESCO_EVAL_CONFIG.seed}`, ...pools.map(describePool), ...describeSummary(summary), `ndcg@10: ${summary.ndcg10.toFixed(3)}`].join("\n"));

    expect(summary.vacancies).toBeGreaterThanOrEqual(25);
    expect(pools.filter((p) => !p.cleanedUp).map((p) => p.occupation)).toEqual([]);
    expect(summary.allCleanedUp).toBe(true);
    for (const value of [summary.ndcg10, summary.recall, summary.unrelatedTop10, summary.overlappingPaths]) {
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    for (const p of pools) {
      expect(p.poolSize).toBe(ESCO_EVAL_CONFIG.same + ESCO_EVAL_CONFIG.sibling + ESCO_EVAL_CONFIG.unrelated);
      for (const value of [p.ndcg10, p.recall, p.unrelatedTop10 ?? 0]) expect(value >= 0 && value <= 1).toBe(true);
    }
    expect(Number.isFinite(summary.matchesPerVacancy)).toBe(true);
    expect(summary.matchesPerVacancy).toBeGreaterThanOrEqual(0);

    expect(summary.ndcg10).toBeGreaterThanOrEqual(0.9);
    expect(summary.recallNearMissRule).toBeGreaterThanOrEqual(0.95);
    expect(summary.recall).toBeGreaterThanOrEqual(0.8);
    expect(summary.unrelatedTop10).toBeLessThanOrEqual(0.05);
    expect(summary.overlappingPathCount).toBe(0);
  }, 300_000);
});
