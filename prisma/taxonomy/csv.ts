// Reads a whole CSV file into records that remember the line they start on,
// so that every validation error can point at the exact line in the file.
import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { z } from "zod";
import { TaxonomySourceError } from "./errors";

export interface CsvRecord<T> {
  line: number;
  row: T;
}

export interface CsvSource {
  /** Absolute path, used to read the file. */
  path: string;
  /** Name shown in errors (relative to the data directory). */
  displayName: string;
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
}

interface ParsedRecord {
  record: Record<string, string>;
  raw: string;
}

/** Parses CSV text; refuses it when a required column is missing or a line cannot be parsed. */
export function parseCsvText(
  text: string,
  source: Pick<CsvSource, "displayName">,
  options: { delimiter?: string; requiredColumns: readonly string[] },
): CsvRecord<Record<string, string>>[] {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(text, {
      bom: true,
      delimiter: options.delimiter ?? ",",
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = options.requiredColumns.filter((c) => !names.includes(c));
        if (missing.length > 0) {
          throw new TaxonomySourceError(
            source.displayName,
            1,
            `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`,
          );
        }
        return names;
      },
      raw: true,
      skip_empty_lines: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    if (error instanceof TaxonomySourceError) throw error;
    const e = error as CsvParseError;
    const reason = e.message ?? String(error);
    throw new TaxonomySourceError(source.displayName, typeof e.lines === "number" ? e.lines : null, `unparseable CSV: ${reason}`);
  }
  if (parsed.length === 0 && text.replace(/^\uFEFF/, "").trim() === "") {
    throw new TaxonomySourceError(source.displayName, 1, "file is empty (no header line)");
  }
  return withStartLines(parsed);
}

export function readCsvFile(
  source: CsvSource,
  options: { delimiter?: string; requiredColumns: readonly string[] },
): CsvRecord<Record<string, string>>[] {
  let text: string;
  try {
    text = readFileSync(source.path, "utf8");
  } catch (error) {
    throw new TaxonomySourceError(source.displayName, null, `cannot read file (${(error as Error).message})`);
  }
  return parseCsvText(text, source, options);
}

/**
 * Line numbers are counted from the raw text of each record rather than taken
 * from csv-parse's own counter: quoted fields (ESCO's altLabels) span several
 * lines, and csv-parse counts a CRLF inside quotes as two lines. The header is
 * one line, as it is in every ESCO and DST file.
 */
function withStartLines(parsed: ParsedRecord[]): CsvRecord<Record<string, string>>[] {
  let next = 2;
  return parsed.map((p) => {
    const leadingBlankLines = countLineBreaks(/^(?:\r\n|\r|\n)*/.exec(p.raw)?.[0] ?? "");
    const line = next + leadingBlankLines;
    next += countLineBreaks(p.raw);
    return { line, row: p.record };
  });
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Validates every record with a zod schema; the first bad one is refused with its line and reason. */
export function validateRecords<S extends z.ZodType>(
  records: CsvRecord<Record<string, string>>[],
  schema: S,
  displayName: string,
): CsvRecord<z.output<S>>[] {
  return records.map(({ line, row }) => {
    const result = schema.safeParse(row);
    if (!result.success) {
      const reasons = result.error.issues.map((issue) => {
        const field = issue.path.join(".");
        const value = field && field in row ? ` (got ${JSON.stringify(row[field])})` : "";
        return `${field ? `${field}: ` : ""}${issue.message}${value}`;
      });
      throw new TaxonomySourceError(displayName, line, reasons.join("; "));
    }
    return { line, row: result.data };
  });
}
