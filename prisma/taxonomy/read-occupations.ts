// occupations_xx.csv has the same columns in the shared data and the official
// release, so both formats read it here.
import { readCsvFile, validateRecords, type CsvSource } from "./csv";
import { TaxonomySourceError } from "./errors";
import { normaliseLabel, splitAltLabels, textOrNull } from "./labels";
import { occupationColumns, occupationRow } from "./schemas";

export interface OccupationRecord {
  line: number;
  escoUri: string;
  iscoCode: string | null;
  label: string;
  altLabels: string[];
  description: string | null;
}

export function readOccupations(source: CsvSource): Map<string, OccupationRecord> {
  const rows = validateRecords(readCsvFile(source, { requiredColumns: occupationColumns }), occupationRow, source.displayName);
  const byUri = new Map<string, OccupationRecord>();
  for (const { line, row } of rows) {
    const previous = byUri.get(row.conceptUri);
    if (previous) {
      throw new TaxonomySourceError(source.displayName, line, `occupation ${row.conceptUri} is listed twice (first on line ${previous.line})`);
    }
    const label = normaliseLabel(row.preferredLabel);
    byUri.set(row.conceptUri, {
      line,
      escoUri: row.conceptUri,
      iscoCode: row.iscoGroup || null,
      label,
      altLabels: splitAltLabels(row.altLabels, label),
      description: textOrNull(row.description),
    });
  }
  return byUri;
}
