import { describe, expect, it } from "vitest";
import { collectReferences, readCatalogue, skillLookup, validateCatalogue, type CatalogueLookups } from "./catalogue-import";

const lookups: CatalogueLookups = {
  skills: skillLookup([
    { id: "sk_weld", labelEn: "welding", labelDa: "svejsning" },
    { id: "sk_forklift", labelEn: "drive forklift", labelDa: "køre gaffeltruck" },
    { id: "sk_a", labelEn: "cleaning", labelDa: null },
    { id: "sk_b", labelEn: "Cleaning", labelDa: null },
  ]),
  postalCodes: new Set(["9000", "8000"]),
};

const HEADER = "title;description;amu_code;duration_days;skills;start_date;end_date;postal_code;online;seats";

function run(text: string) {
  const read = readCatalogue(text);
  if (!read.ok) throw new Error(`file error ${read.fileError.reason}`);
  return validateCatalogue(read.rows, lookups);
}

describe("readCatalogue", () => {
  it("refuses an empty file and a file without the required columns", () => {
    expect(readCatalogue("")).toEqual({ ok: false, fileError: { reason: "empty" } });
    expect(readCatalogue(`${HEADER}\n`)).toEqual({ ok: false, fileError: { reason: "empty" } });
    expect(readCatalogue("name;seats\nx;3\n")).toEqual({ ok: false, fileError: { reason: "missingColumns", detail: "title, skills" } });
  });

  it("reads semicolon and comma files, and counts lines across quoted line breaks", () => {
    const semicolon = readCatalogue(`\uFEFF${HEADER}\r\nSvejsning;"Linje 1\r\nlinje 2";;;svejsning;;;;;\r\nTruck;;;;køre gaffeltruck;;;;;\r\n`);
    expect(semicolon.ok && semicolon.rows.map((r) => [r.line, r.fields.title])).toEqual([
      [2, "Svejsning"],
      [4, "Truck"],
    ]);
    const comma = readCatalogue("title,skills,seats\nA,welding,3\n\nB,welding,4\n");
    expect(comma.ok && comma.rows.map((r) => [r.line, r.fields.title, r.fields.seats])).toEqual([
      [2, "A", "3"],
      [4, "B", "4"],
    ]);
  });

  it("collects the skills and postal codes to look up", () => {
    const read = readCatalogue(`${HEADER}\nA;;;;Svejsning | sk_a;2027-01-04;2027-01-08;9000;nej;12\n`);
    expect(read.ok && collectReferences(read.rows)).toEqual({ skillTokens: ["svejsning", "sk_a"], postalCodes: ["9000"] });
  });
});

describe("validateCatalogue", () => {
  it("groups valid rows by title into courses with offerings, resolving labels in either language", () => {
    const result = run(
      [
        HEADER,
        "Svejsning for begyndere;Grundkursus;4711;5;svejsning|Drive forklift;2027-01-04;2027-01-08;9000;nej;12",
        "Svejsning for begyndere;;;;;2027-03-01;2027-03-05;;ja;20",
        "Rengøring;;;;sk_a;;;;;",
      ].join("\n"),
    );
    expect(result).toEqual({
      ok: true,
      rows: 3,
      courses: [
        {
          line: 2,
          title: "Svejsning for begyndere",
          description: "Grundkursus",
          amuCode: "4711",
          durationDays: 5,
          skillIds: ["sk_weld", "sk_forklift"],
          offerings: [
            { line: 2, startDate: "2027-01-04", endDate: "2027-01-08", online: false, postalCode: "9000", seats: 12 },
            { line: 3, startDate: "2027-03-01", endDate: "2027-03-05", online: true, postalCode: null, seats: 20 },
          ],
        },
        { line: 4, title: "Rengøring", description: undefined, amuCode: undefined, durationDays: undefined, skillIds: ["sk_a"], offerings: [] },
      ],
    });
  });

  it("reports every bad row with its line, column and reason", () => {
    const result = run(
      [
        HEADER,
        ";;;;svejsning;2027-01-04;2027-01-08;9000;nej;12", // 2: no title
        "A;;12;;svejsning;2027-01-04;2027-01-08;9000;nej;12", // 3: AMU code too short
        "B;;;;svejsning|flying;2027-01-04;2027-01-08;9000;nej;12", // 4: unknown skill
        "C;;;;cleaning;2027-01-04;2027-01-08;9000;nej;12", // 5: ambiguous label
        "D;;;;svejsning;2027-02-30;2027-01-08;9000;nej;12", // 6: no such date
        "E;;;;svejsning;2027-01-08;2027-01-04;9000;nej;12", // 7: end before start
        "F;;;;svejsning;2027-01-04;2027-01-08;90000;nej;12", // 8: bad postal code
        "G;;;;svejsning;2027-01-04;2027-01-08;1234;nej;12", // 9: unknown postal code
        "H;;;;svejsning;2027-01-04;2027-01-08;9000;nej;0", // 10: seats not positive
        "I;;;;svejsning;2027-01-04;2027-01-08;9000;nej;2.5", // 11: seats not whole
        "J;;;;svejsning;2027-01-04;2027-01-08;;nej;12", // 12: no place
        "K;;;;;2027-01-04;2027-01-08;9000;nej;12", // 13: no skills
        "L;;;;svejsning;2027-01-04;2027-01-08;9000;måske;12", // 14: online neither yes nor no
        "M;;;;svejsning;2027-01-04;;9000;nej;", // 15: offering without end and seats
        "N;;;;svejsning", // 16: too few fields
        "Svejsning;;;;svejsning;;;;;", // 17: fine
        "Svejsning;;;;drive forklift;;;;;", // 18: other skills than line 17
      ].join("\n"),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { line: 2, column: "title", reason: "required" },
      { line: 3, column: "amu_code", reason: "amuCode" },
      { line: 4, column: "skills", reason: "unknownSkill", value: "flying" },
      { line: 5, column: "skills", reason: "ambiguousSkill", value: "cleaning" },
      { line: 6, column: "start_date", reason: "date" },
      { line: 7, column: "end_date", reason: "endBeforeStart" },
      { line: 8, column: "postal_code", reason: "postalCode" },
      { line: 9, column: "postal_code", reason: "unknownPostalCode", value: "1234" },
      { line: 10, column: "seats", reason: "seats" },
      { line: 11, column: "seats", reason: "seats" },
      { line: 12, column: "postal_code", reason: "placeRequired" },
      { line: 13, column: "skills", reason: "skillsRequired" },
      { line: 14, column: "online", reason: "online" },
      { line: 15, column: "end_date", reason: "required" },
      { line: 15, column: "seats", reason: "required" },
      { line: 16, column: null, reason: "columns" },
      { line: 18, column: null, reason: "conflictingCourse", value: "17" },
    ]);
  });
});
