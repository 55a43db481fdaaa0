import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importTaxonomy, TaxonomySourceError } from "../../prisma/taxonomy/import";
import { createTestContext, type TestContext } from "../setup/test-db";

const fixtures = path.resolve(import.meta.dirname, "../fixtures/taxonomy");
const sharedFixture = path.join(fixtures, "shared");
const officialFixture = path.join(fixtures, "official");
const RELATIONS = "esco/occupation_skill_relations_by_label_en.csv";

let ctx: TestContext;
const tempDirs: string[] = [];

/** A writable copy of a fixture, for tests that change the source. */
function copyFixture(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "jobbro-taxonomy-"));
  cpSync(from, dir, { recursive: true });
  tempDirs.push(dir);
  return dir;
}

async function snapshot() {
  const [skills, occupations, relations, groups, relatedness] = await Promise.all([
    ctx.db.skill.findMany({ orderBy: { key: "asc" } }),
    ctx.db.occupation.findMany({ orderBy: { escoUri: "asc" } }),
    ctx.db.occupationSkill.findMany({ orderBy: [{ occupationId: "asc" }, { skillId: "asc" }] }),
    ctx.db.occupationGroup.findMany({ orderBy: { code: "asc" } }),
    ctx.db.skillRelatedness.findMany({ orderBy: [{ skillId: "asc" }, { relatedSkillId: "asc" }] }),
  ]);
  return { skills, occupations, relations, groups, relatedness };
}

/** The SkillRelatedness rows as "skill <= related: strength source", by English label. */
async function relatedPairs(): Promise<string[]> {
  const rows = await ctx.db.skillRelatedness.findMany({ include: { skill: true, related: true } });
  return rows.map((r) => `${r.skill.labelEn} <= ${r.related.labelEn}: ${r.strength} ${r.source}`).sort();
}

async function resetTaxonomy() {
  await ctx.db.occupationSkill.deleteMany();
  await ctx.db.courseSkill.deleteMany();
  await ctx.db.course.deleteMany();
  await ctx.db.organisation.deleteMany();
  await ctx.db.skill.deleteMany();
  await ctx.db.occupation.deleteMany();
  await ctx.db.occupationGroup.deleteMany();
  await ctx.db.taxonomyImport.deleteMany();
}

beforeAll(async () => {
  ctx = await createTestContext("taxonomy");
});
afterAll(async () => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  await ctx?.cleanup();
});

describe("taxonomy import: shared data format (skills by label)", () => {
  beforeAll(resetTaxonomy);

  it("imports occupations, label-keyed and URI-keyed skills, relations and groups", async () => {
    const result = await importTaxonomy(ctx.db, { dataDir: sharedFixture });
    expect(result.format).toBe("esco-shared-by-label");
    expect(result.changed).toBe(true);
    expect(result.counts).toMatchObject({ occupations: 3, skills: 6, relations: 8, groups: 6 });

    const cook = await ctx.db.occupation.findUniqueOrThrow({
      where: { escoUri: "http://data.europa.eu/esco/occupation/test-occ-cook" },
      include: { group: true, skills: { include: { skill: true } } },
    });
    expect(cook.labelEn).toBe("cook");
    expect(cook.altLabelsEn).toEqual(["chef de partie", "line cook"]);
    expect(cook.labelDa).toBe("kok"); // Jobbro's own Danish title (prisma/taxonomy/labels-da)
    expect(cook.group).toMatchObject({ code: "5120", level: 4, titleDa: "Arbejde som kok", titleEn: "Cooks" });
    expect(cook.skills.map((s) => [s.skill.labelEn, s.relation]).sort()).toEqual([
      ["comply with food safety and hygiene", "ESSENTIAL"],
      ["customer service", "ESSENTIAL"],
      ["show initiative", "OPTIONAL"],
    ]);

    // Enriched from the skill collection: URI key, type, alternative labels.
    const initiative = await ctx.db.skill.findUniqueOrThrow({ where: { key: "http://data.europa.eu/esco/skill/test-skill-initiative" } });
    expect(initiative).toMatchObject({
      escoUri: "http://data.europa.eu/esco/skill/test-skill-initiative",
      skillType: "skill/competence",
      altLabelsEn: ["take the initiative", "be a driving force"],
      description: "Be proactive and take the first step.",
    });
    // Known by label only: stable label key, trailing space normalised away, Danish label from our map.
    const temperature = await ctx.db.skill.findUniqueOrThrow({ where: { key: "label:measure temperature" } });
    expect(temperature).toMatchObject({ labelEn: "measure temperature", escoUri: null });
    const service = await ctx.db.skill.findUniqueOrThrow({ where: { key: "label:customer service" } });
    expect(service.labelDa).toBe("kundeservice");

    // The same label listed as optional and essential: essential wins.
    const forklift = await ctx.db.occupationSkill.findFirstOrThrow({
      where: { skill: { key: "label:operate forklift" }, occupation: { labelEn: "warehouse worker" } },
    });
    expect(forklift.relation).toBe("ESSENTIAL");
    // A collection skill that no occupation uses is not imported.
    expect(await ctx.db.skill.count({ where: { labelEn: "think creatively" } })).toBe(0);
    // Too small to relate anything (see the relatedness tests below).
    expect(result.counts.relatedPairs).toBe(0);
  });

  it("changes nothing on a second run and says so", async () => {
    const before = await snapshot();
    const result = await importTaxonomy(ctx.db, { dataDir: sharedFixture });
    expect(result.changed).toBe(false);
    expect(Object.values(result.changes).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
    const runs = await ctx.db.taxonomyImport.findMany({ orderBy: { startedAt: "asc" } });
    expect(runs.map((r) => r.changed)).toEqual([true, false]);
    expect(runs[1]).toMatchObject({ format: "esco-shared-by-label", skills: 6, occupations: 3, relations: 8 });
  });

  it("follows a changed source: updates, removes relations and unused skills, keeps skills in use", async () => {
    // A course teaches "monitor stock level", which the new source drops.
    const institution = await ctx.db.organisation.create({ data: { kind: "INSTITUTION", name: "AMU Test" } });
    const stock = await ctx.db.skill.findUniqueOrThrow({ where: { key: "label:monitor stock level" } });
    await ctx.db.course.create({
      data: { institutionId: institution.id, title: "Lagerstyring", skills: { create: [{ skillId: stock.id }] } },
    });

    const dir = copyFixture(sharedFixture);
    const file = path.join(dir, RELATIONS);
    const lines = readFileSync(file, "utf8").split("\n");
    const changed = lines
      .filter((l) => !l.includes(",monitor stock level") && !l.includes(",measure temperature"))
      .map((l) => l.replace("test-occ-cook,cook,5120,optional,show initiative", "test-occ-cook,cook,5120,essential,show initiative"));
    writeFileSync(file, changed.join("\n"));

    const result = await importTaxonomy(ctx.db, { dataDir: dir });
    expect(result.changed).toBe(true);
    expect(result.changes).toMatchObject({ relationsWritten: 1, relationsDeleted: 2, skillsDeleted: 1, skillsKept: 1 });
    expect(await ctx.db.skill.count({ where: { key: "label:measure temperature" } })).toBe(0);
    expect(await ctx.db.skill.count({ where: { key: "label:monitor stock level" } })).toBe(1);
    expect(await ctx.db.occupationSkill.count({ where: { skillId: stock.id } })).toBe(0);
    const initiative = await ctx.db.occupationSkill.findFirstOrThrow({
      where: { skill: { labelEn: "show initiative" }, occupation: { labelEn: "cook" } },
    });
    expect(initiative.relation).toBe("ESSENTIAL");
  });
});

describe("taxonomy import: skill relatedness (ADR 022)", () => {
  const occ = (id: string, label: string, isco: string) => `http://data.europa.eu/esco/occupation/test-occ-${id},${label},${isco}`;
  const cook = occ("cook", "cook", "5120");
  const warehouse = occ("warehouse", "warehouse worker", "4321");
  const carer = occ("carer", "home care aide", "5322");
  const skillUri = (id: string) => `http://data.europa.eu/esco/skill/test-skill-${id}`;
  let dir: string;

  /**
   * The shared fixture relates nothing (6 skills, 3 occupations, no ESCO
   * structure), so this copy adds a pair of each kind: label containment, a
   * parent and child, an ESCO skill–skill relation, two skills essential to the
   * same 3 occupations.
   */
  beforeAll(async () => {
    await resetTaxonomy();
    dir = copyFixture(sharedFixture);
    const relations = [
      `${cook},essential,maintain personal hygiene standards`,
      `${carer},essential,maintain personal hygiene standards when cleaning`,
      `${warehouse},essential,operate forklift truck`,
      ...[cook, warehouse, carer].flatMap((o) => [`${o},essential,communicate with customers`, `${o},essential,customer service`]),
      `${cook},optional,sort waste`,
      `${carer},optional,reduce waste`,
    ];
    const file = path.join(dir, RELATIONS);
    writeFileSync(file, readFileSync(file, "utf8").trimEnd() + "\n" + relations.join("\n") + "\n");
    writeFileSync(
      path.join(dir, "esco/greenSkillsCollection_en.csv"),
      "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,status,altLabels,description,broaderConceptUri,broaderConceptPT\n" +
        `KnowledgeSkillCompetence,${skillUri("sort")},skill/competence,cross-sector,sort waste,released,,,,\n` +
        `KnowledgeSkillCompetence,${skillUri("reduce")},skill/competence,cross-sector,reduce waste,released,,,,\n`,
    );
    writeFileSync(
      path.join(dir, "esco/broaderRelationsSkillPillar_en.csv"),
      "conceptType,conceptUri,broaderType,broaderUri\r\n" +
        `KnowledgeSkillCompetence,${skillUri("sort")},KnowledgeSkillCompetence,${skillUri("reduce")}\r\n` +
        `KnowledgeSkillCompetence,${skillUri("initiative")},KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/test-broader\r\n`,
    );
    writeFileSync(
      path.join(dir, "esco/skillSkillRelations_en.csv"),
      "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\n" +
        `${skillUri("reduce")},skill/competence,essential,skill/competence,${skillUri("initiative")}\n`,
    );
  });

  it("fills SkillRelatedness with every kind of evidence, directed, at the import", async () => {
    const result = await importTaxonomy(ctx.db, { dataDir: dir });
    expect(result.files).toEqual(expect.arrayContaining(["esco/broaderRelationsSkillPillar_en.csv", "esco/skillSkillRelations_en.csv"]));
    expect(await relatedPairs()).toEqual([
      "communicate with customers <= customer service: 0.39 co-occurrence",
      "customer service <= communicate with customers: 0.39 co-occurrence",
      "maintain personal hygiene standards <= maintain personal hygiene standards when cleaning: 0.72 label",
      "maintain personal hygiene standards when cleaning <= maintain personal hygiene standards: 0.6 label",
      "operate forklift <= operate forklift truck: 0.6 label",
      "operate forklift truck <= operate forklift: 0.5 label",
      "reduce waste <= show initiative: 0.55 esco-relation",
      "reduce waste <= sort waste: 0.8 hierarchy",
      "show initiative <= reduce waste: 0.7 esco-relation",
      "sort waste <= reduce waste: 0.6 hierarchy",
    ]);
    expect(result.counts.relatedPairs).toBe(10);
    expect(result.changes).toMatchObject({ relatednessWritten: 10, relatednessDeleted: 0 });
  });

  it("changes nothing on a second run", async () => {
    const before = await snapshot();
    const result = await importTaxonomy(ctx.db, { dataDir: dir });
    expect(result.changed).toBe(false);
    expect(Object.values(result.changes).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });

  it("follows a changed source: new strengths, pairs no longer derived removed", async () => {
    const file = path.join(dir, RELATIONS);
    writeFileSync(file, readFileSync(file, "utf8").replace(`${warehouse},essential,operate forklift truck\n`, ""));
    const related = path.join(dir, "esco/skillSkillRelations_en.csv");
    writeFileSync(related, readFileSync(related, "utf8").replace(",essential,", ",optional,"));

    const result = await importTaxonomy(ctx.db, { dataDir: dir });
    expect(result.changed).toBe(true);
    expect(result.changes).toMatchObject({ relatednessWritten: 2, relatednessDeleted: 2, skillsDeleted: 1 });
    const pairs = await relatedPairs();
    expect(pairs).toEqual(expect.arrayContaining(["reduce waste <= show initiative: 0.5 esco-relation", "show initiative <= reduce waste: 0.6 esco-relation"]));
    expect(pairs.filter((p) => p.includes("forklift"))).toEqual([]);
    expect(pairs).toHaveLength(8);
  });
});

describe("taxonomy import: official ESCO release format", () => {
  beforeAll(resetTaxonomy);

  it("imports URI-keyed skills with labels from the English and Danish files", async () => {
    const result = await importTaxonomy(ctx.db, { dataDir: officialFixture });
    expect(result.format).toBe("esco-official");
    expect(result.counts).toMatchObject({ occupations: 2, skills: 4, relations: 6, groups: 2 });

    const forklift = await ctx.db.skill.findUniqueOrThrow({ where: { key: "http://data.europa.eu/esco/skill/off-skill-forklift" } });
    expect(forklift).toMatchObject({
      escoUri: "http://data.europa.eu/esco/skill/off-skill-forklift",
      labelEn: "operate forklift",
      labelDa: "betjene gaffeltruck",
      altLabelsEn: ["drive forklift", "use forklift truck"],
      altLabelsDa: ["køre gaffeltruck", "køre truck"],
      skillType: "skill/competence",
    });
    // Not in skills_da.csv: falls back to our hand-written Danish label.
    const service = await ctx.db.skill.findUniqueOrThrow({ where: { key: "http://data.europa.eu/esco/skill/off-skill-cs" } });
    expect(service.labelDa).toBe("kundeservice");
    const logistics = await ctx.db.skill.findUniqueOrThrow({ where: { key: "http://data.europa.eu/esco/skill/off-skill-logistics" } });
    expect(logistics.skillType).toBe("knowledge");

    const operator = await ctx.db.occupation.findUniqueOrThrow({
      where: { escoUri: "http://data.europa.eu/esco/occupation/off-occ-forklift" },
      include: { group: true, skills: { include: { skill: true } } },
    });
    expect(operator).toMatchObject({ labelEn: "forklift operator", labelDa: "truckfører", altLabelsDa: ["gaffeltruckfører"], iscoCode: "8344" });
    expect(operator.group).toMatchObject({ titleEn: "Lifting truck operators", titleDa: null });
    expect(operator.skills.map((s) => [s.skill.labelEn, s.relation]).sort()).toEqual([
      ["monitor stock level", "OPTIONAL"],
      ["operate forklift", "ESSENTIAL"],
    ]);
    expect(await ctx.db.occupationSkill.count()).toBe(6);
  });

  it("changes nothing on a second run", async () => {
    const before = await snapshot();
    const result = await importTaxonomy(ctx.db, { dataDir: officialFixture });
    expect(result.changed).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});

describe("taxonomy import: a malformed source is refused whole", () => {
  beforeAll(async () => {
    await resetTaxonomy();
    await importTaxonomy(ctx.db, { dataDir: sharedFixture });
  });

  async function expectRefused(dir: string, file: string, line: number | null, reason: RegExp) {
    const before = await snapshot();
    const runsBefore = await ctx.db.taxonomyImport.count();
    const error = await importTaxonomy(ctx.db, { dataDir: dir }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TaxonomySourceError);
    const refusal = error as TaxonomySourceError;
    expect(refusal.file).toBe(file);
    expect(refusal.line).toBe(line);
    expect(refusal.reason).toMatch(reason);
    expect(refusal.message).toContain(file);
    expect(await snapshot()).toEqual(before);
    expect(await ctx.db.taxonomyImport.count()).toBe(runsBefore);
  }

  it("refuses an unknown relationType with file, line and reason, and leaves the database as it was", async () => {
    const dir = copyFixture(sharedFixture);
    const file = path.join(dir, RELATIONS);
    const lines = readFileSync(file, "utf8").split("\n");
    // Line 4 of the file (header is line 1); also drop a relation to prove nothing was applied.
    lines[3] = lines[3].replace(/,(essential|optional),/, ",sometimes,");
    lines.splice(1, 1);
    lines.splice(2, 0, "http://data.europa.eu/esco/occupation/test-occ-cook,cook,5120,essential,chop vegetables");
    writeFileSync(file, lines.join("\n"));
    await expectRefused(dir, RELATIONS, 4, /^relationType: must be "essential" or "optional" \(got "sometimes"\)$/);
  });

  it("refuses a missing column, a bad URI and unparseable CSV", async () => {
    const missing = copyFixture(sharedFixture);
    const occupations = path.join(missing, "esco/occupations_en.csv");
    writeFileSync(occupations, readFileSync(occupations, "utf8").replace(",iscoGroup,", ",iscoGrp,"));
    await expectRefused(missing, "esco/occupations_en.csv", 1, /missing column "iscoGroup"/);

    const badUri = copyFixture(sharedFixture);
    const relations = path.join(badUri, RELATIONS);
    writeFileSync(relations, readFileSync(relations, "utf8").replace("http://data.europa.eu/esco/occupation/test-occ-carer,home", "not a uri,home"));
    await expectRefused(badUri, RELATIONS, 9, /occupationUri: not a valid http\(s\) URI/);

    const broken = copyFixture(sharedFixture);
    const collection = path.join(broken, "esco/transversalSkillsCollection_en.csv");
    writeFileSync(collection, readFileSync(collection, "utf8") + 'KnowledgeSkillCompetence,http://x.org/s,skill/competence,transversal,"unclosed\n');
    await expectRefused(broken, "esco/transversalSkillsCollection_en.csv", 5, /unparseable CSV: Quote Not Closed/);
  });
});
