// A course catalogue in CSV: read, validate every row, group rows into courses
// with their offerings. Pure (no I/O): the caller loads the skills and postal
// codes the file refers to (collectReferences → lookups) and saves the result
// (catalogue-import.server.ts). Every bad row is reported with its line number,
// so that nothing is saved until the whole file is right.
import { z } from "zod";
import { CsvSyntaxError, parseCsv, type CsvTable } from "~/lib/csv";
import { AMU_CODE } from "./forms";

import { CATALOGUE_COLUMNS, MAX_CATALOGUE_ROWS, REQUIRED_COLUMNS, SKILL_SEPARATOR, type CatalogueColumn } from "./catalogue-format";

export { CATALOGUE_COLUMNS, MAX_CATALOGUE_BYTES, MAX_CATALOGUE_ROWS, REQUIRED_COLUMNS, SKILL_SEPARATOR, type CatalogueColumn } from "./catalogue-format";

/** Keys under institution.import.reasons. */
export type RowReason =
  | "required"
  | "tooLong"
  | "amuCode"
  | "durationDays"
  | "skillsRequired"
  | "unknownSkill"
  | "ambiguousSkill"
  | "date"
  | "endBeforeStart"
  | "postalCode"
  | "unknownPostalCode"
  | "placeRequired"
  | "online"
  | "seats"
  | "conflictingCourse"
  | "columns";

export interface RowError {
  line: number;
  column: CatalogueColumn | null;
  reason: RowReason;
  /** The offending value or the line it conflicts with, for the message. */
  value?: string;
}

/** Keys under institution.import.fileErrors. */
export type FileErrorReason = "missing" | "tooLarge" | "empty" | "tooManyRows" | "unreadable" | "missingColumns";
export interface FileError {
  reason: FileErrorReason;
  detail?: string;
}

export interface CatalogueRow {
  line: number;
  fields: Partial<Record<CatalogueColumn, string>>;
}

export interface ImportOffering {
  line: number;
  startDate: string;
  endDate: string;
  online: boolean;
  postalCode: string | null;
  seats: number;
}

export interface ImportCourse {
  line: number;
  title: string;
  /** Undefined: not given in the file (an existing course keeps its value). */
  description?: string;
  amuCode?: string;
  durationDays?: number;
  skillIds: string[];
  offerings: ImportOffering[];
}

/** What the saved catalogue refers to, loaded by the caller. */
export interface CatalogueLookups {
  /** Lower-cased skill id or Danish/English label → the ids it names. */
  skills: ReadonlyMap<string, readonly string[]>;
  /** Postal codes that exist and have a location. */
  postalCodes: ReadonlySet<string>;
}

export type ReadResult = { ok: true; rows: CatalogueRow[] } | { ok: false; fileError: FileError };
export type ValidateResult = { ok: true; courses: ImportCourse[]; rows: number } | { ok: false; errors: RowError[] };

/** A marker field on a row whose number of fields differs from the header's; the row schema reports it. */
const COLUMN_MISMATCH = "__columns" as const;

/** Danish spreadsheets save CSV with semicolons; others with commas. The header tells which. */
function delimiterOf(text: string): ";" | "," {
  const header = text.split(/\r\n|\r|\n/, 1)[0] ?? "";
  return (header.match(/;/g)?.length ?? 0) > (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

export function readCatalogue(text: string): ReadResult {
  const content = text.replace(/^\uFEFF/, "");
  if (content.trim() === "") return { ok: false, fileError: { reason: "empty" } };
  let table: CsvTable;
  try {
    table = parseCsv(content, { delimiter: delimiterOf(content), trim: true, relaxColumnCount: true });
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { ok: false, fileError: { reason: "unreadable", detail: `${error.line ? `line ${error.line}: ` : ""}${error.message}` } };
  }
  if (table.header.length === 0) return { ok: false, fileError: { reason: "empty" } };
  const names = table.header.map((h) => h.toLowerCase());
  const missing = REQUIRED_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) return { ok: false, fileError: { reason: "missingColumns", detail: missing.join(", ") } };
  const body = table.records;
  if (body.length === 0) return { ok: false, fileError: { reason: "empty" } };
  if (body.length > MAX_CATALOGUE_ROWS) return { ok: false, fileError: { reason: "tooManyRows", detail: String(MAX_CATALOGUE_ROWS) } };

  const rows = body.map(({ line, fields: record }) => {
    const fields: CatalogueRow["fields"] = {};
    names.forEach((name, i) => {
      if ((CATALOGUE_COLUMNS as readonly string[]).includes(name)) fields[name as CatalogueColumn] = record[i] ?? "";
    });
    return { line, fields, fieldCount: record.length, expected: names.length };
  });
  return { ok: true, rows: rows.map(({ line, fields, fieldCount, expected }) => ({ line, fields: fieldCount === expected ? fields : ({ ...fields, [COLUMN_MISMATCH]: "1" } as CatalogueRow["fields"]) })) };
}

/** The skill tokens and postal codes the rows refer to, for the caller to look up. */
export function collectReferences(rows: readonly CatalogueRow[]): { skillTokens: string[]; postalCodes: string[] } {
  const tokens = new Set<string>();
  const codes = new Set<string>();
  for (const { fields } of rows) {
    for (const token of splitSkills(fields.skills ?? "")) tokens.add(token.toLowerCase());
    const code = (fields.postal_code ?? "").trim();
    if (/^\d{4}$/.test(code)) codes.add(code);
  }
  return { skillTokens: [...tokens], postalCodes: [...codes] };
}

export function splitSkills(value: string): string[] {
  return value
    .split(SKILL_SEPARATOR)
    .map((s) => s.trim())
    .filter(Boolean);
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
const optionalCell = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

// Aborting checks: a later check (or the row's date order) must not run on a value already refused.
const isoDay = z.iso.date({ error: "date", abort: true });

const YES = new Set(["ja", "j", "yes", "y", "true", "1", "x"]);
const NO = new Set(["nej", "n", "no", "false", "0"]);

/**
 * One row of the catalogue. Built per file, because whether a skill or a postal
 * code exists depends on the lookups. Issue messages are RowReason keys.
 */
export function catalogueRowSchema(lookups: CatalogueLookups) {
  return z
    .object({
      title: z.string({ error: "required" }).trim().min(1, { error: "required" }).max(200, { error: "tooLong" }),
      description: optionalCell(z.string().max(10_000, { error: "tooLong" })),
      amu_code: optionalCell(z.string().regex(AMU_CODE, { error: "amuCode" })),
      duration_days: optionalCell(
        z.string().regex(/^\d{1,3}$/, { error: "durationDays" }).transform(Number).pipe(z.number().int().min(1, { error: "durationDays" }).max(365, { error: "durationDays" })),
      ),
      skills: z
        .string()
        .optional()
        .transform((value, ctx) => {
          const ids: string[] = [];
          for (const token of splitSkills(value ?? "")) {
            const found = lookups.skills.get(token.toLowerCase()) ?? [];
            if (found.length === 1) ids.push(found[0]!);
            else ctx.addIssue({ code: "custom", message: found.length === 0 ? "unknownSkill" : "ambiguousSkill", params: { value: token } });
          }
          return [...new Set(ids)];
        }),
      start_date: optionalCell(isoDay),
      end_date: optionalCell(isoDay),
      postal_code: optionalCell(
        z
          .string()
          .regex(/^\d{4}$/, { error: "postalCode", abort: true })
          .refine((code) => lookups.postalCodes.has(code), { error: "unknownPostalCode" }),
      ),
      online: optionalCell(
        z
          .string()
          .transform((v) => v.toLowerCase())
          .refine((v) => YES.has(v) || NO.has(v), { error: "online" })
          .transform((v) => YES.has(v)),
      ),
      seats: optionalCell(z.string().regex(/^\d+$/, { error: "seats" }).transform(Number).pipe(z.number().int().min(1, { error: "seats" }).max(10_000, { error: "seats" }))),
      [COLUMN_MISMATCH]: z.undefined({ error: "columns" }).optional(),
    })
    .superRefine((row, ctx) => {
      const hasOffering = row.start_date !== undefined || row.end_date !== undefined || row.seats !== undefined || row.postal_code !== undefined || row.online === true;
      if (!hasOffering) return;
      if (row.start_date === undefined) ctx.addIssue({ code: "custom", path: ["start_date"], message: "required" });
      if (row.end_date === undefined) ctx.addIssue({ code: "custom", path: ["end_date"], message: "required" });
      if (row.seats === undefined) ctx.addIssue({ code: "custom", path: ["seats"], message: "required" });
      if (row.start_date && row.end_date && row.end_date < row.start_date) ctx.addIssue({ code: "custom", path: ["end_date"], message: "endBeforeStart" });
      if (!row.online && row.postal_code === undefined) ctx.addIssue({ code: "custom", path: ["postal_code"], message: "placeRequired" });
    });
}

type ParsedRow = z.output<ReturnType<typeof catalogueRowSchema>>;

function toRowErrors(line: number, issues: readonly z.core.$ZodIssue[], fields: CatalogueRow["fields"]): RowError[] {
  return issues.map((issue) => {
    const column = (issue.path[0] as string | undefined) ?? null;
    const known = column && (CATALOGUE_COLUMNS as readonly string[]).includes(column) ? (column as CatalogueColumn) : null;
    const params = (issue as { params?: { value?: string } }).params;
    const reason = (issue.message in REASONS ? issue.message : "required") as RowReason;
    const value = params?.value ?? (known && ["unknownPostalCode"].includes(reason) ? fields[known] : undefined);
    return { line, column: known, reason, ...(value !== undefined ? { value } : {}) };
  });
}

const REASONS: Record<RowReason, true> = {
  required: true,
  tooLong: true,
  amuCode: true,
  durationDays: true,
  skillsRequired: true,
  unknownSkill: true,
  ambiguousSkill: true,
  date: true,
  endBeforeStart: true,
  postalCode: true,
  unknownPostalCode: true,
  placeRequired: true,
  online: true,
  seats: true,
  conflictingCourse: true,
  columns: true,
};

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().join(" ") === [...b].sort().join(" ");

/**
 * Validates every row and groups them by title into courses. Rows of one title
 * after the first may leave the course's columns empty; when they fill one in,
 * it must agree with the first row.
 */
export function validateCatalogue(rows: readonly CatalogueRow[], lookups: CatalogueLookups): ValidateResult {
  const schema = catalogueRowSchema(lookups);
  const errors: RowError[] = [];
  const courses = new Map<string, ImportCourse>();
  for (const { line, fields } of rows) {
    const result = schema.safeParse(fields);
    if (!result.success) {
      errors.push(...toRowErrors(line, result.error.issues, fields));
      continue;
    }
    const row: ParsedRow = result.data;
    const course = courses.get(row.title);
    if (!course) {
      if (row.skills.length === 0) {
        errors.push({ line, column: "skills", reason: "skillsRequired" });
        continue;
      }
      courses.set(row.title, {
        line,
        title: row.title,
        description: row.description,
        amuCode: row.amu_code,
        durationDays: row.duration_days,
        skillIds: row.skills,
        offerings: offeringOf(line, row),
      });
      continue;
    }
    const conflict =
      (row.description !== undefined && row.description !== course.description) ||
      (row.amu_code !== undefined && row.amu_code !== course.amuCode) ||
      (row.duration_days !== undefined && row.duration_days !== course.durationDays) ||
      (row.skills.length > 0 && !sameIds(row.skills, course.skillIds));
    if (conflict) {
      errors.push({ line, column: null, reason: "conflictingCourse", value: String(course.line) });
      continue;
    }
    course.offerings.push(...offeringOf(line, row));
  }
  if (errors.length) return { ok: false, errors };
  return { ok: true, courses: [...courses.values()], rows: rows.length };
}

function offeringOf(line: number, row: ParsedRow): ImportOffering[] {
  if (row.start_date === undefined || row.end_date === undefined || row.seats === undefined) return [];
  return [{ line, startDate: row.start_date, endDate: row.end_date, online: row.online ?? false, postalCode: row.postal_code ?? null, seats: row.seats }];
}

/** For the lookups: lower-cased id and labels of each skill → ids. */
export function skillLookup(skills: readonly { id: string; labelEn: string; labelDa: string | null }[]): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  const add = (token: string, id: string) => {
    const k = token.trim().toLowerCase();
    if (!k) return;
    map.set(k, (map.get(k) ?? new Set()).add(id));
  };
  for (const skill of skills) {
    add(skill.labelEn, skill.id);
    if (skill.labelDa) add(skill.labelDa, skill.id);
  }
  // An id always names exactly its own skill, even when it also reads as a label.
  for (const skill of skills) map.set(skill.id.toLowerCase(), new Set([skill.id]));
  return new Map([...map].map(([k, ids]) => [k, [...ids]]));
}

/** A CSV line, quoted where needed, for the sample file. */
export function csvLine(values: readonly string[], delimiter = ";"): string {
  return values.map((v) => (/[";\n\r,]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(delimiter);
}

