import { describe, expect, it } from "vitest";
import { parseCsvText, validateRecords } from "./csv";
import { TaxonomySourceError } from "./errors";
import { labelRelationColumns, labelRelationRow } from "./schemas";

const source = { displayName: "esco/relations.csv" };
const header = labelRelationColumns.join(",");
const row = (relationType: string, skill = "customer service") =>
  `http://data.europa.eu/esco/occupation/x,cook,5120,${relationType},${skill}`;

function refusal(fn: () => unknown): TaxonomySourceError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TaxonomySourceError) return error;
    throw error;
  }
  throw new Error("expected a TaxonomySourceError");
}

describe("parseCsvText", () => {
  it("gives each record the line it starts on, across quoted line breaks, blank lines and a BOM", () => {
    const text = `\uFEFFa,b\n1,"one\ntwo\nthree"\n\n2,x\n3,"y\r\nz"\n4,w`;
    const records = parseCsvText(text, source, { requiredColumns: ["a", "b"] });
    expect(records.map((r) => [r.line, r.row.a])).toEqual([
      [2, "1"],
      [6, "2"],
      [7, "3"],
      [9, "4"],
    ]);
    expect(records[0].row.b).toBe("one\ntwo\nthree");
  });

  it("reads ;-delimited files", () => {
    const records = parseCsvText('KODE;TITEL\n"1";Ledelsesarbejde\n', source, { delimiter: ";", requiredColumns: ["KODE"] });
    expect(records).toEqual([{ line: 2, row: { KODE: "1", TITEL: "Ledelsesarbejde" } }]);
  });

  it("refuses a missing column on line 1", () => {
    const e = refusal(() => parseCsvText("occupationUri,skillLabel\n", source, { requiredColumns: labelRelationColumns }));
    expect(e.file).toBe("esco/relations.csv");
    expect(e.line).toBe(1);
    expect(e.reason).toBe('missing columns "occupationLabel", "iscoGroup", "relationType"');
  });

  it("refuses a record with too many fields, naming its line", () => {
    const e = refusal(() => parseCsvText("a,b\n1,2\n1,2,3\n", source, { requiredColumns: ["a"] }));
    expect(e.line).toBe(3);
    expect(e.reason).toMatch(/^unparseable CSV: .*expect 2, got 3/);
  });

  it("refuses an empty file", () => {
    expect(refusal(() => parseCsvText("", source, { requiredColumns: ["a"] })).reason).toMatch(/empty/);
  });
});

describe("validateRecords", () => {
  const parse = (...rows: string[]) =>
    validateRecords(parseCsvText([header, ...rows].join("\n"), source, { requiredColumns: labelRelationColumns }), labelRelationRow, source.displayName);

  it("turns relation types into the database enum", () => {
    expect(parse(row("essential"), row(" Optional ")).map((r) => r.row.relationType)).toEqual(["ESSENTIAL", "OPTIONAL"]);
  });

  it("refuses an unknown relationType with line, field and value", () => {
    const e = refusal(() => parse(row("essential"), row("optional"), row("sometimes")));
    expect(e.line).toBe(4);
    expect(e.message).toBe('esco/relations.csv, line 4: relationType: must be "essential" or "optional" (got "sometimes")');
  });

  it("refuses a bad URI and an empty skill label", () => {
    expect(refusal(() => parse("urn:x,cook,5120,essential,cooking")).reason).toMatch(/^occupationUri: not a valid http\(s\) URI/);
    expect(refusal(() => parse(row("essential", "  "))).reason).toMatch(/^skillLabel: is empty/);
  });
});
