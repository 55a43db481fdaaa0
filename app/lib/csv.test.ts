import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("gives each record the line it starts on, across quoted line breaks, blank lines and a BOM", () => {
    const table = parseCsv(`\uFEFF a ,b\n1,"one\ntwo\nthree"\n\n2,x\n3,"y\r\nz"\n4,w`);
    expect(table.header).toEqual(["a", "b"]);
    expect(table.records.map((r) => [r.line, r.values.a])).toEqual([
      [2, "1"],
      [6, "2"],
      [7, "3"],
      [9, "4"],
    ]);
    expect(table.records[0]!.values.b).toBe("one\ntwo\nthree");
  });

  it("counts blank lines before the header", () => {
    expect(parseCsv("\n\nKODE;TITEL\n1;Ledelse\n", { delimiter: ";" }).records).toEqual([
      { line: 4, fields: ["1", "Ledelse"], values: { KODE: "1", TITEL: "Ledelse" } },
    ]);
  });

  it("trims fields when asked, and leaves them alone otherwise", () => {
    expect(parseCsv("a\n x \n").records[0]!.fields).toEqual([" x "]);
    expect(parseCsv("a\n x \n", { trim: true }).records[0]!.fields).toEqual(["x"]);
  });

  it("refuses a record with another number of fields, naming its line, unless told to let it through", () => {
    const error = (() => {
      try {
        parseCsv("a,b\n1,2\n\n1,2,3\n");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(CsvSyntaxError);
    expect((error as CsvSyntaxError).line).toBe(4);
    expect((error as CsvSyntaxError).message).toMatch(/expect 2, got 3/);
    expect(parseCsv("a,b\n1,2,3\n1\n", { relaxColumnCount: true }).records.map((r) => r.fields.length)).toEqual([3, 1]);
  });

  it("passes the header to onHeader before reading on, and lets its refusal through as it is", () => {
    const refusal = new Error("no column c");
    expect(() =>
      parseCsv('a,b\n1,"unterminated\n', {
        onHeader: (header) => {
          if (!header.includes("c")) throw refusal;
        },
      }),
    ).toThrow(refusal);
  });

  it("has no header and no records for empty text", () => {
    expect(parseCsv("")).toEqual({ header: [], records: [] });
    expect(parseCsv("\n\n")).toEqual({ header: [], records: [] });
  });
});
