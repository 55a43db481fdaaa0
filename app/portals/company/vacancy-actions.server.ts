// The vacancy wizard's and the edit page's submit: parse the form with its one
// schema, write through the vacancy service (row, skills and the outbox row that
// starts matching, in one transaction), and turn the service's field errors into
// form errors. Either a vacancy id or a reply that keeps what the user typed.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { Language } from "~/i18n/config";
import { ConflictError, InvalidInputError } from "~/lib/errors";
import { createVacancy, updateVacancy, type VacancyActor } from "~/modules/vacancies/service.server";
import type { Db } from "~/lib/db.server";
import type { TaxonomyOption } from "../../../search/queries/taxonomy";
import { formErrorsFromService, toVacancyInput, VacancyFormSchema } from "./vacancy-form";
import { occupationLabel, skillLabels } from "./vacancy-wizard.server";

export type VacancySubmit =
  | { ok: true; vacancyId: string }
  | {
      ok: false;
      result: SubmissionResult<string[]>;
      /** What the user had chosen, with labels, so that the pickers show it again. */
      chosen: { occupation: TaxonomyOption | null; required: TaxonomyOption[]; niceToHave: TaxonomyOption[] };
    };

export async function submitVacancy(
  db: Db,
  actor: VacancyActor,
  formData: FormData,
  language: Language,
  target: { mode: "create" } | { mode: "update"; vacancyId: string },
): Promise<VacancySubmit> {
  const submission = parseWithZod(formData, { schema: VacancyFormSchema });
  const chosen = async () => ({
    occupation: await occupationLabel(db, stringOf(formData.get("occupationId")), language),
    required: await skillLabels(db, idsOf(formData, "requiredSkillIds"), language),
    niceToHave: await skillLabels(db, idsOf(formData, "niceToHaveSkillIds"), language),
  });
  if (submission.status !== "success") return { ok: false, result: submission.reply(), chosen: await chosen() };
  try {
    const input = toVacancyInput(submission.value);
    const vacancy = target.mode === "create" ? await createVacancy(db, actor, input) : await updateVacancy(db, actor, target.vacancyId, input);
    return { ok: true, vacancyId: vacancy.id };
  } catch (error) {
    if (error instanceof InvalidInputError && error.fields) {
      return { ok: false, result: submission.reply({ fieldErrors: formErrorsFromService(error.fields) }), chosen: await chosen() };
    }
    if (error instanceof ConflictError) {
      return { ok: false, result: submission.reply({ formErrors: ["company.vacancyForm.errors.closed"] }), chosen: await chosen() };
    }
    throw error;
  }
}

// Only id-shaped values reach the label look-ups: a NUL in a query would fail in PostgreSQL as a 500.
function stringOf(value: FormDataEntryValue | null): string | null {
  return typeof value === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(value) ? value : null;
}

function idsOf(formData: FormData, name: string): string[] {
  return formData
    .getAll(name)
    .filter((v): v is string => typeof v === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(v))
    .slice(0, 100);
}
