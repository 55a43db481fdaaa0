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
