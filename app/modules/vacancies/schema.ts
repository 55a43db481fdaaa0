// Inputs of the vacancy use cases (API and, later, the company portal). Strict
// objects: an unknown field is an error, not silently ignored.
import { z } from "zod";
import { conceptReference } from "~/modules/taxonomy/schema";
import { idList, isoDate, languageCodes, optionalText, postalCode, requiredText } from "~/lib/fields";

const fields = {
  title: requiredText(200),
  description: optionalText(10_000),
  /** Our id or the occupation's ESCO concept URI. */
  occupationId: conceptReference().nullable(),
  postalCode: postalCode(),
  startDate: isoDate(),
  hoursPerWeek: z.number().int().min(1).max(80),
  positions: z.number().int().min(1).max(1000),
  requiresDrivingLicence: z.boolean(),
  languages: languageCodes(),
  acceptsUpskilling: z.boolean(),
  /** Show candidates who miss a little (at most max(1, 20 %) of the required skills) with no course for it. */
  showNearMisses: z.boolean(),
  requiredSkillIds: idList().refine((ids) => ids.length > 0, "At least one required skill"),
  niceToHaveSkillIds: idList(),
};

/** Field errors for skills listed both as required and nice-to-have. */
export function skillOverlap(required: string[], nice: string[]): Record<string, string> {
  const req = new Set(required);
  const errors: Record<string, string> = {};
  nice.forEach((id, index) => {
    if (req.has(id)) errors[`niceToHaveSkillIds.${index}`] = "Already a required skill";
  });
  return errors;
}

function refineOverlap(value: { requiredSkillIds?: string[]; niceToHaveSkillIds?: string[] }, ctx: z.RefinementCtx) {
  if (!value.requiredSkillIds || !value.niceToHaveSkillIds) return;
  const required = new Set(value.requiredSkillIds);
  value.niceToHaveSkillIds.forEach((id, index) => {
    if (required.has(id)) ctx.addIssue({ code: "custom", path: ["niceToHaveSkillIds", index], message: "Already a required skill" });
  });
}

export const VacancyCreateSchema = z
  .strictObject({
    ...fields,
    description: fields.description.optional(),
    occupationId: fields.occupationId.optional(),
    hoursPerWeek: fields.hoursPerWeek.optional(),
    positions: fields.positions.optional(),
    requiresDrivingLicence: fields.requiresDrivingLicence.optional(),
    languages: fields.languages.optional(),
    acceptsUpskilling: fields.acceptsUpskilling.optional(),
    showNearMisses: fields.showNearMisses.optional(),
    niceToHaveSkillIds: fields.niceToHaveSkillIds.optional(),
  })
  .superRefine(refineOverlap);

/** Status changes a company may make; CLOSED is final (see closeVacancy). */
export const VACANCY_STATUSES = ["OPEN", "PAUSED", "CLOSED"] as const;

export const VacancyUpdateSchema = z
  .strictObject({ ...fields, status: z.enum(VACANCY_STATUSES) })
  .partial()
  .superRefine(refineOverlap)
  .refine((value) => Object.keys(value).length > 0, { message: "Give at least one field to change", path: ["body"] });

export const VacancyListQuerySchema = z.strictObject({
  status: z.enum(["DRAFT", "OPEN", "PAUSED", "CLOSED"]).optional(),
});

export type VacancyCreateInput = z.output<typeof VacancyCreateSchema>;
export type VacancyUpdateInput = z.output<typeof VacancyUpdateSchema>;
