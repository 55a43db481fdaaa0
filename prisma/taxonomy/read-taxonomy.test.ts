// Reads the small fixtures (no database): format detection and the shape of
// what the writer will receive.
import path from "node:path";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { afterAll, describe, expect, it } from "vitest";
import { TaxonomySourceError } from "./errors";
import { readTaxonomy } from "./read-taxonomy";
import { locateSources } from "./source-files";

const fixtures = path.resolve(import.meta.dirname, "../../tests/fixtures/taxonomy");
const empty = mkdtempSync(path.join(tmpdir(), "jobbro-taxonomy-unit-"));
afterAll(() => rmSync(empty, { recursive: true, force: true }));

describe("locateSources", () => {
  it("detects the shared layout and the official release", () => {
    expect(locateSources(path.join(fixtures, "shared"))).toMatchObject({ format: "esco-shared-by-label", languages: ["en"] });
    const official = locateSources(path.join(fixtures, "official"));
    expect(official).toMatchObject({ format: "esco-official", languages: ["en", "da"], disco: null });
  });

  it("refuses a directory without taxonomy files, and an incomplete official release", () => {
    expect(() => locateSources(empty)).toThrow(TaxonomySourceError);
    expect(() => locateSources(path.join(empty, "missing"))).toThrow(/data directory does not exist/);
    writeFileSync(path.join(empty, "occupationSkillRelations_sv.csv"), "occupationUri,relationType,skillType,skillUri\n");
    expect(() => locateSources(empty)).toThrow(/skills_sv\.csv and occupations_sv\.csv must sit beside it/);
  });
});

describe("readTaxonomy", () => {
  it("reads the shared fixture: label keys, URI keys from collections, essential over optional", () => {
    const data = readTaxonomy(path.join(fixtures, "shared"));
    expect(data.skills.map((s) => s.key).sort()).toEqual([
      "http://data.europa.eu/esco/skill/test-skill-initiative",
      "label:comply with food safety and hygiene",
      "label:customer service",
      "label:measure temperature",
      "label:monitor stock level",
      "label:operate forklift",
    ]);
    expect(data.relations).toHaveLength(8);
    expect(data.relations.find((r) => r.skillKey === "label:operate forklift")?.relation).toBe("ESSENTIAL");
    expect(data.groups.find((g) => g.code === "4")).toEqual({ code: "4", level: 1, titleDa: "Almindeligt kontorarbejde", titleEn: "Clerical support workers" });
    // DISCO-08's 6-digit occupation codes are not groups.
    expect(data.groups.some((g) => g.code.length > 4)).toBe(false);
  });

  it("reads the official fixture with Danish labels from the _da files", () => {
    const data = readTaxonomy(path.join(fixtures, "official"));
    expect(data.format).toBe("esco-official");
    expect(data.skills.find((s) => s.labelEn === "monitor stock level")).toMatchObject({
      key: "http://data.europa.eu/esco/skill/off-skill-stock",
      labelDa: "overvåge lagerbeholdning",
      altLabelsEn: ["check stock levels"],
    });
    // Not in occupations_da.csv: Jobbro's own Danish title fills the gap; the official one wins where present.
    expect(data.occupations.find((o) => o.labelEn === "warehouse worker")?.labelDa).toBe("lagermedarbejder");
    expect(data.occupations.find((o) => o.labelEn === "forklift operator")).toMatchObject({ labelDa: "truckfører", altLabelsDa: ["gaffeltruckfører"] });
  });

  it("takes ESCO's official Danish files dropped beside the shared data, before Jobbro's own labels", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jobbro-taxonomy-da-"));
    try {
      cpSync(path.join(fixtures, "shared"), dir, { recursive: true });
      writeFileSync(
        path.join(dir, "esco", "occupations_da.csv"),
        "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,description\n" +
          'Occupation,http://data.europa.eu/esco/occupation/test-occ-cook,5120,kok (officiel),"køkkenkok",\n',
      );
      writeFileSync(
        path.join(dir, "esco", "skills_da.csv"),
        "conceptType,conceptUri,skillType,reuseLevel,preferredLabel,altLabels,description\n" +
          "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/test-skill-initiative,skill/competence,transversal,tage initiativ (officiel),,\n",
      );
      const data = readTaxonomy(dir);
      expect(data.files).toEqual(expect.arrayContaining(["esco/occupations_da.csv", "esco/skills_da.csv"]));
      expect(data.occupations.find((o) => o.labelEn === "cook")).toMatchObject({ labelDa: "kok (officiel)", altLabelsDa: ["køkkenkok"] });
      expect(data.skills.find((s) => s.labelEn === "show initiative")?.labelDa).toBe("tage initiativ (officiel)");
      // Concepts the official files do not cover keep Jobbro's own labels.
      expect(data.occupations.find((o) => o.labelEn === "warehouse worker")?.labelDa).toBe("lagermedarbejder");
      expect(data.skills.find((s) => s.labelEn === "operate forklift")?.labelDa).toBe("betjene gaffeltruck");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("ESCO skill structure (optional files)", () => {
  const BROADER = "conceptType,conceptUri,broaderType,broaderUri\n";
  const RELATED = "originalSkillUri,originalSkillType,relationType,relatedSkillType,relatedSkillUri\n";
  const skillUri = (id: string) => `http://data.europa.eu/esco/skill/${id}`;

  function withFiles(files: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "jobbro-taxonomy-structure-"));
    cpSync(path.join(fixtures, "shared"), dir, { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, "esco", name), text);
    return dir;
  }

  it("is empty when the data folder has neither file", () => {
    expect(readTaxonomy(path.join(fixtures, "shared")).skillStructure).toEqual({ broader: [], related: [] });
  });

  it("reads a skill's broader concept and the skill–skill relations, without the tree of groups", () => {
    const dir = withFiles({
      "broaderRelationsSkillPillar_en.csv":
        BROADER +
        `SkillGroup,http://data.europa.eu/esco/isced-f/000,SkillGroup,http://data.europa.eu/esco/isced-f/00\r\n` +
        `KnowledgeSkillCompetence,${skillUri("a")},KnowledgeSkillCompetence,${skillUri("b")}\r\n` +
        `KnowledgeSkillCompetence,${skillUri("a")},SkillGroup,http://data.europa.eu/esco/isced-f/0613\r\n`,
      "skillSkillRelations_en.csv": RELATED + `${skillUri("a")},knowledge,essential,knowledge,${skillUri("c")}\n`,
    });
    try {
      const data = readTaxonomy(dir);
      expect(data.files).toEqual(expect.arrayContaining(["esco/broaderRelationsSkillPillar_en.csv", "esco/skillSkillRelations_en.csv"]));
      expect(data.skillStructure).toEqual({
        broader: [
          { uri: skillUri("a"), broaderUri: skillUri("b"), broaderIsGroup: false },
          { uri: skillUri("a"), broaderUri: "http://data.europa.eu/esco/isced-f/0613", broaderIsGroup: true },
        ],
        related: [{ uri: skillUri("a"), relatedUri: skillUri("c"), relation: "ESSENTIAL" }],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a bad row with file, line and reason", () => {
    const dir = withFiles({
      "skillSkillRelations_en.csv":
        RELATED + `${skillUri("a")},knowledge,essential,knowledge,${skillUri("c")}\n${skillUri("a")},knowledge,sometimes,knowledge,${skillUri("d")}\n`,
      "broaderRelationsSkillPillar_en.csv": BROADER + `KnowledgeSkillCompetence,not a uri,SkillGroup,${skillUri("b")}\n`,
    });
    try {
      expect(() => readTaxonomy(dir)).toThrow('esco/broaderRelationsSkillPillar_en.csv, line 2: conceptUri: not a valid http(s) URI (got "not a uri")');
      writeFileSync(path.join(dir, "esco", "broaderRelationsSkillPillar_en.csv"), BROADER);
      expect(() => readTaxonomy(dir)).toThrow(/esco\/skillSkillRelations_en\.csv, line 3: relationType: must be "essential" or "optional"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
