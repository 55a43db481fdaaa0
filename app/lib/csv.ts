// The one CSV reader of Jobbro, over csv-parse: the geography and taxonomy
// imports and the course catalogue upload all read their files here. Each
// record knows the line it starts on, counted across quoted line breaks, so a
// complaint about the data can point at the line to fix; what the complaint
// says (and in which language) is the caller's business.
import { CsvError, parse } from "csv-parse/sync";

export interface CsvOptions {
  /** "," unless told otherwise. */
  delimiter?: string;
  /** Trim the spaces around every field. */
  trim?: boolean;
  /** Let a record have more or fewer fields than the header; `fields.length` tells, the caller decides. */
  relaxColumnCount?: boolean;
  /**
   * Called with the header's names (trimmed) before any record after it is read:
   * throw to refuse the file, and that error reaches the caller as it is.
   */
  onHeader?: (header: string[]) => void;
}

export interface CsvRecord {
  /** The line the record starts on (the header's is 1 unless blank lines precede it). */
  line: number;
  /** The fields in the file's order. */
  fields: string[];
  /** The fields by the header's names. */
  values: Record<string, string>;
}

export interface CsvTable {
  /** The header's names, trimmed; empty when the text holds no record at all. */
  header: string[];
  /** Every record after the header. */
  records: CsvRecord[];
}

/** csv-parse refused the text; `line` is where it stopped, when it knows. */
export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number | null,
    message: string,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

interface RawRecord {
  record: string[];
  raw: string;
}

const lineBreaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

export function parseCsv(text: string, options: CsvOptions = {}): CsvTable {
  const settings = {
    bom: true,
    delimiter: options.delimiter ?? ",",
    trim: options.trim ?? false,
    relax_column_count: options.relaxColumnCount ?? false,
    skip_empty_lines: true,
    raw: true,
  };
  let parsed: RawRecord[];
  try {
    if (options.onHeader) {
      // The header alone first (csv-parse's on_record would cost a copy of every record).
      const [header] = parse(text, { ...settings, to: 1 }) as unknown as RawRecord[];
      if (header) options.onHeader(header.record.map((name) => name.trim()));
    }
    parsed = parse(text, settings) as unknown as RawRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: unknown }).lines;
    throw new CsvSyntaxError(typeof line === "number" ? line : null, error.message);
  }

  // Line numbers come from each record's raw text rather than csv-parse's own
  // counter: a quoted field may span lines, and csv-parse counts a CRLF inside
  // quotes as two. A record's raw text starts with the blank lines skipped before it.
  let next = 1;
  let header: string[] = [];
  const records: CsvRecord[] = [];
  parsed.forEach(({ record: fields, raw }, index) => {
    const line = next + lineBreaks(/^(?:\r\n|\r|\n)*/.exec(raw)?.[0] ?? "");
    next += lineBreaks(raw);
    if (index === 0) {
      header = fields.map((name) => name.trim());
      return;
    }
    const values: Record<string, string> = {};
    header.forEach((name, i) => (values[name] = fields[i] ?? ""));
    records.push({ line, fields, values });
  });
  return { header, records };
}
