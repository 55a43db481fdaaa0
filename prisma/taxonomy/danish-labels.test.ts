import { describe, expect, it } from "vitest";
import { TaxonomySourceError } from "./errors";
import { parseDanishLabels, withOwnDanishLabels, type OwnDanishLabels } from "./danish-labels";
import type { OccupationInput, SkillInput, TaxonomyData } from "./types";

const skill = (labelEn: string, labelDa: string | null = null): SkillInput => ({
  key: `label:${labelEn}`,
  escoUri: null,
  labelEn,
  labelDa,
  altLabelsEn: [],
  altLabelsDa: labelDa ? ["fra kilden"] : [],
  skillType: null,
  description: null,
});
const occupation = (labelEn: string): OccupationInput => ({
  escoUri: `http://data.europa.eu/esco/occupation/${labelEn.replace(/ /g, "-")}`,
  iscoCode: "9333",
  labelEn,
  labelDa: null,
  altLabelsEn: [],
  altLabelsDa: [],
  description: null,
});

const own: OwnDanishLabels = {
  skills: parseDanishLabels("# version: 2026-12-07\ncustomer service\tkundeservice\tkundebetjening | kundeservice\noperate forklift\tbetjene gaffeltruck\ttruckcertifikat|  truckkørsel \n", "skills.da.tsv"),
  occupations: parseDanishLabels("# version: 2026-12-07\nwarehouse worker\tlagermedarbejder\tlagerarbejder | pakkeriarbejder\n", "occupations.da.tsv"),
};

describe("parseDanishLabels", () => {
  it("reads the version, folds the key and cleans the alternatives (no blanks, no copy of the preferred label)", () => {
    expect(own.skills.version).toBe("2026-12-07");
    expect(own.skills.byEnglish.get("customer service")).toMatchObject({ da: "kundeservice", alt: ["kundebetjening"], line: 2 });
    expect(own.skills.byEnglish.get("operate forklift")?.alt).toEqual(["truckcertifikat", "truckkørsel"]);
  });

  it("refuses a line without a Danish label and a key given twice, naming the line", () => {
    expect(() => parseDanishLabels("a\tb\nc\n", "x.tsv")).toThrow(TaxonomySourceError);
    expect(() => parseDanishLabels("a\tb\nc\n", "x.tsv")).toThrow(/x\.tsv, line 2/);
    expect(() => parseDanishLabels("Cook\tlave mad\ncook \tkokkere\n", "x.tsv")).toThrow(/line 2: "cook " is listed twice \(first on line 1\)/);
  });
});

describe("withOwnDanishLabels", () => {
  it("labels skills and occupations by English label, ignoring case and spacing, and never overrides the source", () => {
    const data: TaxonomyData = {
      format: "esco-shared-by-label",
      files: [],
      groups: [],
      relations: [],
      skillStructure: { broader: [], related: [] },
      skills: [skill("Customer  Service"), skill("operate forklift", "køre truck"), skill("juggle")],
      occupations: [occupation("warehouse worker"), occupation("juggler")],
    };
    const result = withOwnDanishLabels(data, own);
    expect(result.skills.map((s) => [s.labelDa, s.altLabelsDa])).toEqual([
      ["kundeservice", ["kundebetjening"]],
      ["køre truck", ["fra kilden"]],
      [null, []],
    ]);
    expect(result.occupations.map((o) => [o.labelDa, o.altLabelsDa])).toEqual([
      ["lagermedarbejder", ["lagerarbejder", "pakkeriarbejder"]],
      [null, []],
    ]);
  });
});
