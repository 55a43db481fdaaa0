// Skill relatedness (ADR 022) on the FULL shared data: the import fills
// SkillRelatedness with sensible pairs, keeps at most TOP_K per skill, derives
// them in well under the import's own time, and a re-import changes nothing.
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importTaxonomy, type TaxonomyImportResult } from "../../prisma/taxonomy/import";
import { readTaxonomy } from "../../prisma/taxonomy/read-taxonomy";
import { computeRelatedness, MIN_STRENGTH, TOP_K } from "../../prisma/taxonomy/relatedness";
import { createTestContext, type TestContext } from "../setup/test-db";

const dataDir = path.resolve(process.env.JOBBRO_DATA_DIR ?? "../shared/data");
let ctx: TestContext;
let first: TaxonomyImportResult;

beforeAll(async () => {
  ctx = await createTestContext("taxrelated");
  first = await importTaxonomy(ctx.db, { dataDir });
}, 180_000);
afterAll(async () => ctx?.cleanup());

/** The strength and source of "holding `related` is evidence for `skill`", by English label; null when not related. */
async function evidence(skill: string, related: string) {
  const row = await ctx.db.skillRelatedness.findFirst({
    where: { skill: { labelEn: skill }, related: { labelEn: related } },
    select: { strength: true, source: true },
  });
  return row;
}

describe("skill relatedness on the full shared data", () => {
  it("relates the hygiene pair both ways, the specific label counting more", async () => {
    const general = "maintain personal hygiene standards";
    const specific = "maintain personal hygiene standards when cleaning";
    expect(await evidence(general, specific)).toEqual({ strength: 0.72, source: "label" });
    expect(await evidence(specific, general)).toEqual({ strength: 0.6, source: "label" });
  });

  it("gives sensible pairs of each kind", async () => {
    // ESCO hierarchy (both skills have URIs from the skill collections).
    expect(await evidence("computer programming", "Haskell")).toMatchObject({ source: "hierarchy", strength: 0.8 });
    expect(await evidence("SQL", "SPARQL")).toMatchObject({ source: "hierarchy" });
    // ESCO skill–skill relation.
    expect(await evidence("sustainable forest management", "manage forests")).toMatchObject({ source: "esco-relation" });
    // Label structure, with a verb head and with a noun head.
    expect(await evidence("clean surfaces", "clean glass surfaces")).toMatchObject({ source: "label" });
    expect(await evidence("laboratory equipment", "maintain laboratory equipment")).toMatchObject({ source: "label" });
    // Essential to the same shop occupations.
    expect(await evidence("operate cash register", "process refunds")).toMatchObject({ source: "co-occurrence" });
    // A skill essential to 150+ occupations is not "related" to a niche skill whose few occupations all need it.
    expect(await evidence("maintain work area cleanliness", "acupuncture methods")).toBeNull();
  });

  it(`keeps at most ${TOP_K} related skills per skill, strengths within [${MIN_STRENGTH}, 1], every kind of evidence present`, async () => {
    const [widest] = await ctx.db.$queryRaw<{ n: bigint }[]>`SELECT coalesce(max(n), 0) AS n FROM (SELECT count(*) AS n FROM "SkillRelatedness" GROUP BY "skillId") x`;
    expect(Number(widest.n)).toBe(TOP_K);
    const bounds = await ctx.db.skillRelatedness.aggregate({ _min: { strength: true }, _max: { strength: true } });
    expect(bounds._min.strength).toBeGreaterThanOrEqual(MIN_STRENGTH);
    expect(bounds._max.strength).toBeLessThanOrEqual(1);

    const bySource = await ctx.db.$queryRaw<{ source: string; pairs: bigint; skills: bigint }[]>`
      SELECT source, count(*) AS pairs, count(DISTINCT "skillId") AS skills FROM "SkillRelatedness" GROUP BY source ORDER BY source`;
    expect(bySource.map((r) => r.source)).toEqual(["co-occurrence", "esco-relation", "hierarchy", "label"]);
    for (const r of bySource) expect(Number(r.pairs)).toBeGreaterThan(500);
    const covered = await ctx.db.skillRelatedness.groupBy({ by: ["skillId"] });
    // About a third of the 13,492 skills; the ADR gives the figures.
    expect(covered.length).toBeGreaterThan(3_500);
    expect(await ctx.db.skillRelatedness.count()).toBe(first.counts.relatedPairs);
  });

  it("derives the pairs in a few seconds at most", () => {
    const data = readTaxonomy(dataDir);
    const started = performance.now();
    computeRelatedness(data);
    // About 0.3 s on this 2-core machine; the bound only catches an accidental all-pairs loop.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("changes nothing on a re-import", async () => {
    const result = await importTaxonomy(ctx.db, { dataDir });
    expect(result.changed).toBe(false);
    expect(result.changes).toMatchObject({ relatednessWritten: 0, relatednessDeleted: 0 });
  }, 120_000);
});
