// The candidate form's edge to the candidate service: turns the form value into
// the service's input and the service's field errors into translation keys.
import type { ParseKeys } from "i18next";
import type { Language } from "~/i18n/config";
import type { Db } from "~/lib/db.server";
import { InvalidInputError } from "~/lib/errors";
import { bestOccupation } from "../../../search/queries/taxonomy-suggest.server";
import type { CandidateCreateInput, CandidateUpdateInput } from "~/modules/candidates/schema";
import type { CandidateFormValue } from "./schema";

export function toCreateInput(value: CandidateFormValue, consultantId: string | null): CandidateCreateInput {
  // A new candidate is always ACTIVE; the status field only applies when editing.
  const { status: _status, ...rest } = toUpdateInput(value);
  return { ...rest, consultantId };
}

export function toUpdateInput(value: CandidateFormValue): CandidateUpdateInput & { availableFrom: Date; postalCode: string; firstName: string; lastName: string } {
  return {
    firstName: value.firstName,
    lastName: value.lastName,
    email: value.email ?? null,
    phone: value.phone ?? null,
    postalCode: value.postalCode,
    commuteRadiusKm: value.commuteRadiusKm,
    availableFrom: value.availableFrom,
    hasDrivingLicence: value.hasDrivingLicence,
    languages: [...new Set(value.languages)],
    desiredHoursPerWeek: value.desiredHoursPerWeek ?? null,
    skillIds: [...new Set(value.skillIds)],
    occupations: experienceOf(value),
    status: value.status,
  };
}

/** The rows that name an occupation, once each (the first row wins). */
function experienceOf(value: CandidateFormValue): { occupationId: string; years: number }[] {
  const seen = new Set<string>();
  return value.experience.flatMap((row) => {
    if (!row.occupationId || seen.has(row.occupationId)) return [];
    seen.add(row.occupationId);
    return [{ occupationId: row.occupationId, years: row.years ?? 0 }];
  });
}

/**
 * Without JavaScript the occupation pickers submit the typed text only: each
 * such row gets the best suggestion the picker itself would have offered, or a
 * field error naming the row when nothing matches.
 */
export async function resolveExperienceQueries(
  db: Db,
  value: CandidateFormValue,
  language: Language,
): Promise<{ value: CandidateFormValue; errors: Record<string, string[]> }> {
  const errors: Record<string, string[]> = {};
  const experience = await Promise.all(
    value.experience.map(async (row, index) => {
      if (row.occupationId || !row.occupationQuery) return row;
      const found = await bestOccupation(db, row.occupationQuery, language);
      if (!found) errors[`experience[${index}].occupationQuery`] = [key("consultant.candidateForm.errors.unknownOccupation")];
      return found ? { ...row, occupationId: found.id } : row;
    }),
  );
  return { value: { ...value, experience }, errors };
}

const key = (k: ParseKeys) => k;

/** Field errors of the service as the form's fields and translation keys; null when it is another error. */
export function formErrorsOf(error: unknown): Record<string, string[]> | null {
  if (!(error instanceof InvalidInputError) || !error.fields) return null;
  const out: Record<string, string[]> = {};
  for (const field of Object.keys(error.fields)) {
    if (field === "postalCode") out.postalCode = [key("forms.unknownPostalCode")];
    else if (field.startsWith("skillIds")) out.skillIds = [key("consultant.candidateForm.errors.unknownSkill")];
    else if (field.startsWith("occupations")) out.experience = [key("consultant.candidateForm.errors.unknownOccupation")];
    else if (field === "consultantId") out[""] = [key("consultant.candidateForm.errors.unknownConsultant")];
    else out[""] = [key("consultant.candidateForm.errors.invalid")];
  }
  return out;
}
