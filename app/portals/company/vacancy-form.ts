// The vacancy wizard's one form schema: the server parses the submitted form
// with it and the browser uses it for field hints. Messages are translation keys.
// It is deliberately looser about strings than the API's VacancyCreateSchema
// (form values arrive as text); toVacancyInput turns it into that input.
import type { ParseKeys } from "i18next";
import { NUL_MESSAGE, noNul } from "~/lib/fields";
import { z } from "zod";
import type { VacancyCreateInput } from "~/modules/vacancies/schema";

const key = (k: ParseKeys) => k;

/** Languages a company can ask for; ISO 639-1 codes, named in the reader's language by Intl.DisplayNames. */
export const VACANCY_LANGUAGES = ["da", "en", "de", "sv", "no", "pl", "uk", "ro", "ar", "tr"] as const;

const id = z.string().max(64).regex(/^[A-Za-z0-9_-]+$/);

export const VacancyFormSchema = z.object({
  occupationId: id.optional(),
  title: z
    .string({ error: key("company.vacancyForm.errors.titleRequired") })
    .trim()
    .min(1, { error: key("company.vacancyForm.errors.titleRequired") })
    .max(200, { error: key("forms.tooLong") })
    .refine(noNul, { error: NUL_MESSAGE }),
  description: z.string().trim().max(10_000, { error: key("forms.tooLong") }).refine(noNul, { error: NUL_MESSAGE }).optional(),
  requiredSkillIds: z
    .array(id)
    .min(1, { error: key("company.vacancyForm.errors.requiredSkills") })
    .max(100, { error: key("company.vacancyForm.errors.tooManySkills") }),
  niceToHaveSkillIds: z.array(id).max(100, { error: key("company.vacancyForm.errors.tooManySkills") }).default([]),
  postalCode: z
    .string({ error: key("forms.required") })
    .trim()
    .regex(/^\d{4}$/, { error: key("forms.invalidPostalCode") }),
  startDate: z.iso.date({ error: key("forms.invalidDate") }),
  hoursPerWeek: z
    .number({ error: key("forms.invalidNumber") })
    .int({ error: key("forms.invalidNumber") })
    .min(1, { error: key("company.vacancyForm.errors.hoursRange") })
    .max(80, { error: key("company.vacancyForm.errors.hoursRange") }),
  positions: z
    .number({ error: key("forms.invalidNumber") })
    .int({ error: key("forms.invalidNumber") })
    .min(1, { error: key("company.vacancyForm.errors.positionsRange") })
    .max(1000, { error: key("company.vacancyForm.errors.positionsRange") }),
  requiresDrivingLicence: z.boolean().default(false),
  languages: z.array(z.enum(VACANCY_LANGUAGES)).default([]),
  acceptsUpskilling: z.boolean().default(false),
  showNearMisses: z.boolean().default(false),
});

export type VacancyFormValue = z.output<typeof VacancyFormSchema>;

/**
 * The service's input. A skill ticked both as required and as nice-to-have is
 * required: the stricter choice wins rather than failing the form over it.
 */
export function toVacancyInput(value: VacancyFormValue): VacancyCreateInput {
  const required = [...new Set(value.requiredSkillIds)];
  const requiredSet = new Set(required);
  return {
    title: value.title,
    description: value.description ?? "",
    occupationId: value.occupationId ?? null,
    postalCode: value.postalCode,
    startDate: new Date(`${value.startDate}T00:00:00.000Z`),
    hoursPerWeek: value.hoursPerWeek,
    positions: value.positions,
    requiresDrivingLicence: value.requiresDrivingLicence,
    languages: [...new Set(value.languages)],
    acceptsUpskilling: value.acceptsUpskilling,
    showNearMisses: value.showNearMisses,
    requiredSkillIds: required,
    niceToHaveSkillIds: [...new Set(value.niceToHaveSkillIds)].filter((skillId) => !requiredSet.has(skillId)),
  };
}

/** Field errors of the vacancy service (API wording, paths like "requiredSkillIds.2") as this form's keys. */
export function formErrorsFromService(fields: Record<string, string>): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const [path, message] of Object.entries(fields)) {
    const field = path.split(".")[0] ?? "";
    const translated =
      field === "postalCode"
        ? /location/.test(message)
          ? key("company.vacancyForm.errors.postalCodeNoLocation")
          : key("forms.unknownPostalCode")
        : field === "occupationId"
          ? key("company.vacancyForm.errors.unknownOccupation")
          : field === "requiredSkillIds" || field === "niceToHaveSkillIds"
            ? key("company.vacancyForm.errors.unknownSkill")
            : key("company.vacancyForm.errors.generic");
    errors[field] = [translated];
  }
  return errors;
}
