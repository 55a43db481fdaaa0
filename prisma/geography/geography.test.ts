import { describe, expect, it } from "vitest";
import { placePostalCodes, type GazetteerTown } from "./coordinates";
import { DataFileError, parseCsv } from "./csv";
import { normaliseTownName, townNameKeys } from "./names";

describe("town names", () => {
  it("spells Danish letters the way GeoNames' ASCII names do and maps exonyms", () => {
    expect(normaliseTownName("Skærbæk")).toBe(normaliseTownName("Skaerbaek"));
    expect(normaliseTownName("Århus")).toBe("aarhus");
    expect(normaliseTownName("Copenhagen")).toBe(normaliseTownName("København"));
  });

  it("drops district suffixes one at a time", () => {
    expect(townNameKeys("København NV")).toEqual(["koebenhavn nv", "koebenhavn"]);
    expect(townNameKeys("Aalborg Øst")).toEqual(["aalborg oest", "aalborg"]);
    expect(townNameKeys("Viby J.")).toEqual(["viby j", "viby"]);
    expect(townNameKeys("Nørre Nebel")).toEqual(["noerre nebel"]);
  });
});

describe("placePostalCodes", () => {
  const towns: GazetteerTown[] = [
    { name: "Århus", latitude: 56.157, longitude: 10.211, municipalityCode: "0751" },
    { name: "Viby", latitude: 56.123, longitude: 10.151, municipalityCode: "0751" },
    { name: "Viby", latitude: 55.549, longitude: 12.024, municipalityCode: "0265" },
    { name: "Roskilde", latitude: 55.642, longitude: 12.08, municipalityCode: "0265" },
  ];
  const names = new Map([["0751", "Aarhus"], ["0265", "Roskilde"], ["0999", "Nowhere"]]);

  it("matches towns inside the code's own municipality and falls back to means", () => {
    const placed = placePostalCodes(
      [
        { code: "8000", names: ["Aarhus C"], municipalityCodes: ["0751"] },
        { code: "8260", names: ["Viby J"], municipalityCodes: ["0751"] },
        { code: "8270", names: ["Højbjerg"], municipalityCodes: ["0751"] },
        { code: "4000", names: ["Gundsømagle"], municipalityCodes: ["0265"] },
        { code: "9999", names: ["Ingen By"], municipalityCodes: ["0999"] },
      ],
      towns,
      names,
    );
    const byCode = new Map(placed.map((p) => [p.code, p]));
    expect(byCode.get("8000")).toMatchObject({ method: "town", latitude: 56.157 });
    expect(byCode.get("8260")).toMatchObject({ method: "town", latitude: 56.123, municipalityCode: "0751" });
    expect(byCode.get("8270")?.method).toBe("municipality-postal-mean");
    expect(byCode.get("8270")?.latitude).toBeCloseTo((56.157 + 56.123) / 2, 6);
    expect(byCode.get("4000")).toMatchObject({ method: "municipality-town-mean" });
    expect(byCode.get("9999")).toMatchObject({ method: "none", latitude: null });
  });

  it("files a code shared by several municipalities under the one its town lies in", () => {
    const [placed] = placePostalCodes([{ code: "4000", names: ["Roskilde"], municipalityCodes: ["0751", "0265"] }], towns, names);
    expect(placed).toMatchObject({ municipalityCode: "0265", method: "town", latitude: 55.642 });
  });
});

describe("parseCsv", () => {
  it("names file, line and column when a value is missing", () => {
    const rows = parseCsv("x.csv", "a;b\n1;2\n3;\n", ";", ["a", "b"]);
    expect(rows[0].get("b")).toBe("2");
    expect(() => rows[1].get("b")).toThrow("x.csv:3: column b is empty");
  });

  it("reports missing columns and malformed rows as DataFileError", () => {
    expect(() => parseCsv("x.csv", "a;c\n1;2\n", ";", ["a", "b"])).toThrow(/x\.csv:1: missing column\(s\) b/);
    expect(() => parseCsv("x.csv", "a;b\n1;2\n1;2;3\n", ";", ["a", "b"])).toThrow(DataFileError);
    expect(() => parseCsv("x.csv", "a;b\n1;2\n1;2;3\n", ";", ["a", "b"])).toThrow(/x\.csv:3:/);
  });
});
