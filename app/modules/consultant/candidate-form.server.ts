// The candidate form's edge to the candidate service: turns the form value into
// the service's input and the service's field errors into translation keys.
import type { ParseKeys } from "i18next";
import { InvalidInputError } from "~/modules/api/errors";
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
    status: value.status,
  };
}

const key = (k: ParseKeys) => k;

/** Field errors of the service as the form's fields and translation keys; null when it is another error. */
export function formErrorsOf(error: unknown): Record<string, string[]> | null {
  if (!(error instanceof InvalidInputError) || !error.fields) return null;
  const out: Record<string, string[]> = {};
  for (const field of Object.keys(error.fields)) {
    if (field === "postalCode") out.postalCode = [key("forms.unknownPostalCode")];
    else if (field.startsWith("skillIds")) out.skillIds = [key("consultant.candidateForm.errors.unknownSkill")];
    else if (field === "consultantId") out[""] = [key("consultant.candidateForm.errors.unknownConsultant")];
    else out[""] = [key("consultant.candidateForm.errors.invalid")];
  }
  return out;
}
