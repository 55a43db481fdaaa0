// ISCO-08 groups (English titles from ESCO) merged with DISCO-08 (Danish
// titles from Statistics Denmark). Codes of 1–4 digits are shared by both;
// DISCO's 6-digit occupations are not groups and are not used (their titles
// describe work areas, not the ESCO occupations, see decision 003).
import { readCsvFile, validateRecords, type CsvSource } from "./csv";
import { discoColumns, discoRow, iscoGroupColumns, iscoGroupRow } from "./schemas";
import type { GroupInput } from "./types";

export function readIscoTitles(source: CsvSource): Map<string, string> {
  const rows = validateRecords(readCsvFile(source, { requiredColumns: iscoGroupColumns }), iscoGroupRow, source.displayName);
  return new Map(rows.map(({ row }) => [row.code, row.preferredLabel]));
}

export function readDiscoTitles(source: CsvSource): Map<string, string> {
  const rows = validateRecords(
    readCsvFile(source, { delimiter: ";", requiredColumns: discoColumns }),
    discoRow,
    source.displayName,
  );
  return new Map(rows.filter(({ row }) => row.KODE.length <= 4).map(({ row }) => [row.KODE, row.TITEL]));
}

/** Every group named by either classification or referenced by an occupation. */
export function buildGroups(
  titlesEn: Map<string, string>,
  titlesDa: Map<string, string>,
  referencedCodes: Iterable<string>,
): GroupInput[] {
  const codes = new Set<string>([...titlesEn.keys(), ...titlesDa.keys(), ...referencedCodes]);
  return [...codes].sort().map((code) => ({
    code,
    level: code.length,
    titleDa: titlesDa.get(code) ?? null,
    titleEn: titlesEn.get(code) ?? null,
  }));
}
