// zod field types shared by the input schemas of vacancies, candidates and
// courses. Every string and array has a cap, so no input can be unbounded.
// Pure zod: safe to import in the browser.
import { z } from "zod";

export const MAX_IDS = 100;

export const entityId = () => z.string().min(1, "Required").max(64, "Too long for an id").regex(/^[A-Za-z0-9_-]+$/, "Not an id");

/** A list of ids; repeats are dropped (order kept) since they carry no meaning. */
export const idList = (max = MAX_IDS) =>
  z
    .array(entityId())
    .max(max, `At most ${max} ids`)
    .transform((ids) => [...new Set(ids)]);

// PostgreSQL text cannot hold NUL: refused here as a 400 rather than failing in the database as a 500.
export const noNul = (value: string) => !value.includes("\u0000");
export const NUL_MESSAGE = "Text cannot contain the NUL character";

export const requiredText = (max: number) =>
  z.string().trim().min(1, "Required").max(max, `At most ${max} characters`).refine(noNul, NUL_MESSAGE);
export const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).refine(noNul, NUL_MESSAGE);

export const postalCode = () => z.string().regex(/^\d{4}$/, "Expected a 4-digit Danish postal code");

/** A calendar day "YYYY-MM-DD", stored as UTC midnight (the columns are DATE). */
export const isoDate = () =>
  z.iso.date({ error: "Expected a date as YYYY-MM-DD" }).transform((value) => new Date(`${value}T00:00:00.000Z`));

/** A moment: "YYYY-MM-DD" (midnight UTC) or an ISO date-time with offset. */
export const isoMoment = () =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true })], { error: "Expected an ISO date or date-time" })
    .transform((value) => new Date(value.length === 10 ? `${value}T00:00:00.000Z` : value));

export const languageCodes = () =>
  z
    .array(z.string().regex(/^[a-z]{2,3}$/, 'Expected a lower-case ISO 639 code such as "da"'))
    .max(20, "At most 20 languages")
    .transform((codes) => [...new Set(codes)]);

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
