// The ESCO-grounded relevance evaluation (tests/eval/esco-relevance.ts, the
// same seed `npm run eval:matching` uses) as a test. For now it asserts only
// that the evaluation ran and is well-formed, and logs the metrics; the
// targets of issue 13 (nDCG@10 ≥ 0.90, recall ≥ 0.95, unrelated in the top 10
// ≤ 0.05, no overlapping paths) are to be asserted once model v2 lands.
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
  }, 300_000);
});
