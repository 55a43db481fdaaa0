// One error type for every refusal of the source data, so the CLI and callers
// can show "file, line: reason" without a stack trace and tests can assert on
// each part separately.
export class TaxonomySourceError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly reason: string;

  constructor(file: string, line: number | null, reason: string) {
    super(line === null ? `${file}: ${reason}` : `${file}, line ${line}: ${reason}`);
    this.name = "TaxonomySourceError";
    this.file = file;
    this.line = line;
    this.reason = reason;
  }
}
