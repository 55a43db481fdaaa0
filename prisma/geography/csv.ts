// Reads a reference CSV into records that remember their line number, so every
// complaint about the data can say exactly where to look.
import { readFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";

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
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, columns: true, bom: true, trim: true, skip_empty_lines: true, info: true });
  } catch (error) {
    const e = error as { lines?: number; message: string };
    throw new DataFileError(file, e.lines, `malformed CSV: ${e.message}`);
  }
  const header = records[0] ? Object.keys(records[0].record) : [];
  const missing = requiredColumns.filter((c) => !header.includes(c));
  if (records.length > 0 && missing.length > 0) {
    throw new DataFileError(file, 1, `missing column(s) ${missing.join(", ")} (found: ${header.join(", ")})`);
  }
  return records.map(({ record, info }) => {
    const line = info.lines;
    return {
      line,
      optional: (column) => (record[column] ?? "").trim(),
      get(column) {
        const value = (record[column] ?? "").trim();
        if (!value) throw new DataFileError(file, line, `column ${column} is empty`);
        return value;
      },
    };
  });
}
