// The institution portal's course forms: one zod schema per form, parsed on the
// server (parseWithZod) and used in the browser for field hints. Messages are
// translation keys. Outputs are the service inputs (schema.ts), so the portal
// and the API share one set of use cases.
import type { ParseKeys } from "i18next";
import { z } from "zod";
import type { FieldErrors } from "~/lib/errors";
import { DomainError } from "~/lib/errors";
import { entityId } from "~/lib/fields";
import type { CourseCreateInput, OfferingCreateInput } from "./schema";

const key = (k: ParseKeys) => k;

export const AMU_CODE = /^\d{4,6}$/;

export const CourseFormSchema = z.object({
  title: z
    .string({ error: key("forms.required") })
    .trim()
    .min(1, { error: key("forms.required") })
    .max(200, { error: key("forms.tooLong") }),
  description: z.string().trim().max(10_000, { error: key("forms.tooLong") }).optional(),
  amuCode: z.string().trim().regex(AMU_CODE, { error: key("institution.errors.amuCode") }).optional(),
  durationDays: z
    .number({ error: key("forms.invalidNumber") })
    .int({ error: key("institution.errors.durationDays") })
    .min(1, { error: key("institution.errors.durationDays") })
    .max(365, { error: key("institution.errors.durationDays") })
    .optional(),
  skillIds: z
    .array(entityId(), { error: key("institution.errors.skillsRequired") })
    .min(1, { error: key("institution.errors.skillsRequired") })
    .max(100, { error: key("institution.errors.tooManySkills") }),
});

export type CourseFormValue = z.output<typeof CourseFormSchema>;

export function toCourseInput(value: CourseFormValue): CourseCreateInput {
  return {
    title: value.title,
    description: value.description ?? "",
    amuCode: value.amuCode ?? null,
    durationDays: value.durationDays ?? null,
    skillIds: [...new Set(value.skillIds)],
  };
}

const isoDay = z.iso.date({ error: key("forms.invalidDate") });

export const OfferingFormSchema = z
  .object({
    startDate: isoDay,
    endDate: isoDay,
    online: z.boolean().optional(),
    postalCode: z.string().trim().regex(/^\d{4}$/, { error: key("forms.invalidPostalCode") }).optional(),
    seats: z
      .number({ error: key("institution.errors.seats") })
      .int({ error: key("institution.errors.seats") })
      .min(1, { error: key("institution.errors.seats") })
      .max(10_000, { error: key("institution.errors.seats") }),
  })
  .superRefine((value, ctx) => {
    if (value.endDate < value.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: key("institution.errors.endBeforeStart") });
    if (!value.online && !value.postalCode) ctx.addIssue({ code: "custom", path: ["postalCode"], message: key("institution.errors.placeRequired") });
  });

export type OfferingFormValue = z.output<typeof OfferingFormSchema>;

const utcDay = (value: string) => new Date(`${value}T00:00:00.000Z`);

export function toOfferingInput(value: OfferingFormValue): OfferingCreateInput {
  const online = value.online ?? false;
  return {
    startDate: utcDay(value.startDate),
    endDate: utcDay(value.endDate),
    online,
    // An online offering may still name the institution's place; without one it is online only.
    postalCode: value.postalCode,
    seats: value.seats,
  };
}

/**
 * A service's domain error as form errors (field → translation key), or null
 * when the error is not about the input (then the route lets it through).
 * Service messages are English API texts; the portal shows its own.
 */
export function courseFormErrors(error: unknown): FieldErrors | null {
  if (!(error instanceof DomainError) || (error.status !== 400 && error.status !== 409)) return null;
  const fields: FieldErrors = {};
  for (const [path, message] of Object.entries(error.fields ?? {})) {
    const field = path.split(".")[0] ?? "";
    if (field === "title") fields.title = key("institution.errors.titleTaken");
    else if (field === "skillIds") fields.skillIds = key("institution.errors.unknownSkill");
    else if (field === "postalCode") fields.postalCode = message.startsWith("Unknown") ? key("forms.unknownPostalCode") : key("institution.errors.postalCodeNoLocation");
    else fields[field || ""] = key("institution.errors.generic");
  }
  return Object.keys(fields).length ? fields : { "": key("institution.errors.generic") };
}

