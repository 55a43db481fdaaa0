// Reads a whole CSV file (through app/lib/csv.ts) into records that remember
// the line they start on, so that every validation error can point at the exact line in the file.
import { readFileSync } from "node:fs";
import type { z } from "zod";
import { CsvSyntaxError, parseCsv, type CsvTable } from "~/lib/csv";
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

/** Parses CSV text; refuses it when a required column is missing or a line cannot be parsed. */
export function parseCsvText(
  text: string,
  source: Pick<CsvSource, "displayName">,
  options: { delimiter?: string; requiredColumns: readonly string[] },
): CsvRecord<Record<string, string>>[] {
  let table: CsvTable;
  try {
    table = parseCsv(text, {
      delimiter: options.delimiter,
      onHeader: (names) => {
        const missing = options.requiredColumns.filter((c) => !names.includes(c));
        if (missing.length > 0) {
          throw new TaxonomySourceError(
            source.displayName,
            1,
            `missing column${missing.length > 1 ? "s" : ""} ${missing.map((m) => `"${m}"`).join(", ")}`,
          );
        }
      },
    });
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new TaxonomySourceError(source.displayName, error.line, `unparseable CSV: ${error.message}`);
  }
  if (table.records.length === 0 && text.replace(/^\uFEFF/, "").trim() === "") {
    throw new TaxonomySourceError(source.displayName, 1, "file is empty (no header line)");
  }
  return table.records.map(({ line, values }) => ({ line, row: values }));
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
