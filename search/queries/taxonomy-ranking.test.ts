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
    expect(matchTier("lagermedarbejder", concept("lagermedarbejder for tøj"))).toBe(2);
    expect(matchTier("kran", concept("føre kran"))).toBe(2);
    expect(matchTier("truck", concept("truckfører"))).toBe(3);
    expect(matchTier("truck", concept("betjene gaffeltruck"))).toBe(3);
    expect(matchTier("truck", concept("lastbilchauffør"))).toBe(4);
    // English words count on an English page, and whole English labels everywhere.
    expect(matchTier("truck", concept("lede lastbilchauffører", [], "supervise truck drivers"))).toBe(4);
    expect(matchTier("truck", concept("lede lastbilchauffører", [], "supervise truck drivers"), "en")).toBe(2);
    expect(matchTier("forklift operator", concept("truckfører", [], "forklift operator"))).toBe(0);
  });

  it("keeps the search engine's order inside each tier", () => {
    const hits = [concept("lagerchef"), concept("lagermedarbejder for tøj"), concept("lagermedarbejderelev"), concept("lagermedarbejder"), concept("pakker", ["lagermedarbejder"])];
    expect(rankByWholeLabel("Lagermedarbejder", hits).map((h) => h.labelDa)).toEqual([
      "lagermedarbejder",
      "pakker",
      "lagermedarbejder for tøj",
      "lagermedarbejderelev",
      "lagerchef",
    ]);
  });
});
