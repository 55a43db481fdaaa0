// The check itself on small inputs, and the check over the whole data file
// against the shared ESCO data (the translations must cover all of it).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkDanishLabels, englishLeftIn } from "./danish-label-check";
import { ownDanishLabels, parseDanishLabels } from "./danish-labels";
import { readSourceTaxonomy } from "./read-taxonomy";

describe("englishLeftIn", () => {
  it("finds untranslated English and lets names, numbers and accepted loanwords through", () => {
    expect(englishLeftIn("operate forklift", "operate gaffeltruck")).toMatch(/"operate"/);
    expect(englishLeftIn("install PVC piping", "install PVC piping")).toMatch(/"install"/);
    expect(englishLeftIn("data warehouse", "data warehouse")).toBe("same as the English label");
    // One word that Danish shares with English is not flagged, nor are English words inside a product name.
    expect(englishLeftIn("journalist", "journalist")).toBeNull();
    expect(englishLeftIn("John The Ripper (penetration testing tool)", "John the Ripper (penetrationstestværktøj)")).toBeNull();
    expect(englishLeftIn("trade ships", "handle med skibe")).toBeNull();
    expect(englishLeftIn("operate forklift", "betjene gaffeltruck")).toBeNull();
    expect(englishLeftIn("SQL", "SQL")).toBeNull();
    expect(englishLeftIn("marketing", "marketing")).toBeNull();
    // Danish words that look English are not flagged ("for", "to", "data").
    expect(englishLeftIn("data protection", "regler for databeskyttelse to gange")).toBeNull();
  });
});

describe("checkDanishLabels", () => {
  it("reports missing concepts, unknown keys, English, duplicates and too few job titles", () => {
    const own = {
      skills: parseDanishLabels("# version: 1\noperate forklift\tbetjene gaffeltruck\ttruckcertifikat\nclean floors\tbetjene gaffeltruck\t\nold skill\tgammel\t\n", "skills.da.tsv"),
      occupations: parseDanishLabels("warehouse worker\tlagermedarbejder\tlagerarbejder\n", "occupations.da.tsv"),
    };
    const { problems, counts } = checkDanishLabels(
      { skills: [{ labelEn: "operate forklift" }, { labelEn: "clean floors" }, { labelEn: "drive truck" }], occupations: [{ labelEn: "warehouse worker", iscoCode: "9333" }] },
      own,
    );
    expect(counts).toMatchObject({ skills: 3, skillsLabelled: 2, occupations: 1, occupationsLabelled: 1 });
    const text = problems.join("\n");
    expect(text).toContain('no Danish label for skill "drive truck"');
    expect(text).toContain('"old skill" is no skill in the taxonomy');
    expect(text).toContain('"betjene gaffeltruck" is the Danish label of 2 skills');
    expect(text).toContain('occupation "warehouse worker" (ISCO 9333) has 1 Danish alternative titles, needs 3');
    expect(text).toContain('no occupation is labelled "tømrer"');
    expect(text).toContain('occupations.da.tsv: first comment line must be "# version: YYYY-MM-DD"');
  });
});

// The project's default data folder, as the importer reads it (README: JOBBRO_DATA_DIR).
const dataDir = path.resolve(process.env.JOBBRO_DATA_DIR ?? "../shared/data");

describe("the labels data file", () => {
  // Reads the whole shared taxonomy (~16,500 concepts): seconds, more on a busy machine.
  it("labels every skill and occupation of the shared data in Danish, with no problem", { timeout: 60_000 }, () => {
    const { problems, counts } = checkDanishLabels(readSourceTaxonomy(dataDir), ownDanishLabels());
    expect(problems.slice(0, 20)).toEqual([]);
    expect(counts.skillsLabelled).toBe(counts.skills);
    expect(counts.occupationsLabelled).toBe(counts.occupations);
  });
});
