// Reads a reference CSV (through app/lib/csv.ts) into records that remember
// their line number, so every complaint about the data can say exactly where to look.
import { readFile } from "node:fs/promises";
import { CsvSyntaxError, parseCsv as parseCsvTable, type CsvTable } from "~/lib/csv";

export class DataFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | undefined,
    detail: string,
  ) {
    super(line === undefined ? `${file}: ${detail}` : `${file}:${line}: ${detail}`);
    this.name = "DataFileError";
  }
}

export interface CsvRow {
  line: number;
  /** Returns the trimmed value of a column; throws a DataFileError naming file, line and column when empty. */
  get(column: string): string;
  /** The trimmed value, or "" when the column is empty. */
  optional(column: string): string;
}

export async function readCsv(file: string, delimiter: string, requiredColumns: string[]): Promise<CsvRow[]> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new DataFileError(file, undefined, `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  return parseCsv(file, text, delimiter, requiredColumns);
}

export function parseCsv(file: string, text: string, delimiter: string, requiredColumns: string[]): CsvRow[] {
  let table: CsvTable;
  try {
    table = parseCsvTable(text, { delimiter, trim: true });
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    throw new DataFileError(file, error.line ?? undefined, `malformed CSV: ${error.message}`);
  }
  const missing = requiredColumns.filter((c) => !table.header.includes(c));
  if (table.records.length > 0 && missing.length > 0) {
    throw new DataFileError(file, 1, `missing column(s) ${missing.join(", ")} (found: ${table.header.join(", ")})`);
  }
  return table.records.map(({ line, values }) => ({
    line,
    optional: (column) => (values[column] ?? "").trim(),
    get(column) {
      const value = (values[column] ?? "").trim();
      if (!value) throw new DataFileError(file, line, `column ${column} is empty`);
      return value;
    },
  }));
}
