import { describe, expect, it } from "vitest";
import { comparable, matchTier, rankByWholeLabel } from "./taxonomy-ranking";

const concept = (labelDa: string, altLabelsDa: string[] = [], labelEn = "x") => ({ labelDa, labelEn, altLabelsDa, altLabelsEn: [] });

describe("taxonomy ranking", () => {
  it("compares without case, Danish letters or punctuation", () => {
    expect(comparable("VVS'er")).toBe("vvs er");
    expect(comparable(" Rengøringsassistent ")).toBe("rengoeringsassistent");
  });

  it("puts whole-title matches first, then whole alternative titles, then titles that start with the query", () => {
    expect(matchTier("lagermedarbejder", concept("lagermedarbejder"))).toBe(0);
    expect(matchTier("lagerarbejder", concept("lagermedarbejder", ["lagerarbejder"]))).toBe(1);
    expect(matchTier("lager", concept("lagermedarbejder for tøj"))).toBe(2);
    expect(matchTier("truck", concept("lastbilchauffør"))).toBe(3);
  });

  it("keeps the search engine's order inside each tier", () => {
    const hits = [concept("lagermedarbejder for tøj"), concept("lagerchef"), concept("lagermedarbejder"), concept("pakker", ["lagermedarbejder"])];
    expect(rankByWholeLabel("Lagermedarbejder", hits).map((h) => h.labelDa)).toEqual(["lagermedarbejder", "pakker", "lagermedarbejder for tøj", "lagerchef"]);
  });
});
