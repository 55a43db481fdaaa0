// The course catalogue's CSV format: the columns and limits, shared by the
// import page (which documents them) and the reader (catalogue-import.ts).
// Kept apart from the reader so the page does not ship the CSV parser to the browser.
export const CATALOGUE_COLUMNS = [
  "title",
  "description",
  "amu_code",
  "duration_days",
  "skills",
  "start_date",
  "end_date",
  "postal_code",
  "online",
  "seats",
] as const;
export type CatalogueColumn = (typeof CATALOGUE_COLUMNS)[number];
export const REQUIRED_COLUMNS: readonly CatalogueColumn[] = ["title", "skills"];

export const MAX_CATALOGUE_BYTES = 2 * 1024 * 1024;
export const MAX_CATALOGUE_ROWS = 5000;
export const SKILL_SEPARATOR = "|";
