// The candidate form, for creating and for editing: DKFDS fields bound to the
// one schema (CandidateFormSchema), the skill picker, languages as checkboxes.
import { useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckboxField, CheckboxGroupField, FormGroup, NumberField, PostalCodeField, SelectField, summaryFields, TextField, useErrorText, usePickerBinding, ValidatedForm } from "~/components/form";
import { OccupationPicker, SkillPicker, type PickerOption } from "~/components/pickers";
import { CANDIDATE_STATUS_CHOICES, CandidateFormSchema, EXPERIENCE_ROWS, LANGUAGE_CHOICES, type CandidateFormValue } from "~/portals/jobcentre/schema";

export interface CandidateFormDefaults {
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  postalCode: string;
  commuteRadiusKm: number;
  availableFrom: string;
  hasDrivingLicence: boolean;
  languages: string[];
  desiredHoursPerWeek: number | null;
  status: string;
  skills: PickerOption[];
  experience: { occupation: PickerOption; years: number }[];
}

export function CandidateForm({
  mode,
  lastResult,
  defaults,
  skillOptions,
}: {
  mode: "create" | "edit";
  lastResult?: SubmissionResult<string[]> | null;
  defaults?: CandidateFormDefaults;
  /** Labels for skill ids the user sent back (so chips keep their names after an error). */
  skillOptions?: PickerOption[];
}) {
  const { t } = useTranslation();
  const bound = usePickerBinding();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "candidate";
  const [form, fields] = useForm({
    id: `candidate-${mode}`,
    lastResult,
    constraint: getZodConstraint(CandidateFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CandidateFormSchema }),
    defaultValue: defaults
      ? {
          firstName: defaults.firstName,
          lastName: defaults.lastName,
          email: defaults.email ?? "",
          phone: defaults.phone ?? "",
          postalCode: defaults.postalCode,
          commuteRadiusKm: String(defaults.commuteRadiusKm),
          availableFrom: defaults.availableFrom,
          hasDrivingLicence: defaults.hasDrivingLicence ? "on" : undefined,
          languages: defaults.languages,
          desiredHoursPerWeek: defaults.desiredHoursPerWeek === null ? "" : String(defaults.desiredHoursPerWeek),
          status: defaults.status,
          experience: defaults.experience.map((e) => ({ occupationId: e.occupation.id, years: String(e.years) })),
        }
      : { commuteRadiusKm: "25", status: "ACTIVE", languages: ["da"] },
  });
  const submittedSkillIds = fields.skillIds.value as string[] | string | undefined;
  const skills =
    submittedSkillIds !== undefined && skillOptions
      ? skillOptions.filter((o) => ([] as string[]).concat(submittedSkillIds).includes(o.id))
      : (defaults?.skills ?? []);
  const labels = {
    firstName: t("consultant.candidateForm.firstName"),
    lastName: t("consultant.candidateForm.lastName"),
    email: t("consultant.candidateForm.email"),
    phone: t("consultant.candidateForm.phone"),
    postalCode: t("consultant.candidateForm.postalCode"),
    commuteRadiusKm: t("consultant.candidateForm.commuteRadiusKm"),
    availableFrom: t("consultant.candidateForm.availableFrom"),
    desiredHoursPerWeek: t("consultant.candidateForm.desiredHoursPerWeek"),
    languages: t("consultant.candidateForm.languages"),
    skillIds: t("consultant.candidateForm.skills"),
    status: t("consultant.candidateForm.status"),
  };
  return (
    <ValidatedForm form={form} summary={summaryFields(fields, labels)} intent="candidate">
      <fieldset>
        <legend className="h3">{t("consultant.candidateForm.personHeading")}</legend>
        <TextField field={fields.firstName} label={labels.firstName} autoComplete="off" />
        <TextField field={fields.lastName} label={labels.lastName} autoComplete="off" />
        <TextField field={fields.email} label={labels.email} hint={t("consultant.candidateForm.emailHint")} type="email" autoComplete="off" />
        <TextField field={fields.phone} label={labels.phone} type="tel" autoComplete="off" />
        <PostalCodeField field={fields.postalCode} label={labels.postalCode} autoComplete="off" />
      </fieldset>
      <fieldset>
        <legend className="h3">{t("consultant.candidateForm.profileHeading")}</legend>
        <NumberField field={fields.commuteRadiusKm} label={labels.commuteRadiusKm} hint={t("consultant.candidateForm.commuteRadiusHint")} />
        <TextField field={fields.availableFrom} label={labels.availableFrom} type="date" />
        <NumberField field={fields.desiredHoursPerWeek} label={labels.desiredHoursPerWeek} />
        <CheckboxField field={fields.hasDrivingLicence} label={t("consultant.candidateForm.hasDrivingLicence")} />
        <CheckboxGroupField
          field={fields.languages}
          label={labels.languages}
          options={LANGUAGE_CHOICES.map((code) => ({ value: code, label: t(`consultant.languages.${code}`) }))}
          className="language-choices"
        />
        <SkillPicker {...bound(fields.skillIds)} legend={labels.skillIds} hint={t("consultant.candidateForm.skillsHint")} defaultValue={skills} />
        <ExperienceRows fields={fields.experience} defaults={defaults?.experience ?? []} />
        {mode === "edit" ? (
          <SelectField
            field={fields.status}
            label={labels.status}
            options={CANDIDATE_STATUS_CHOICES.map((s) => ({ value: s, label: t(`consultant.candidateStatus.${s}`) }))}
          />
        ) : null}
      </fieldset>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t("forms.working") : mode === "create" ? t("consultant.candidateForm.submitCreate") : t("consultant.candidateForm.submitSave")}
      </button>
    </ValidatedForm>
  );
}

/**
 * The occupations the candidate has worked in: EXPERIENCE_ROWS rows of an
 * occupation picker and years. Empty rows are ignored; without JavaScript the
 * typed text is sent and the server picks the best match (candidate-form.server.ts).
 */
function ExperienceRows({ fields, defaults }: { fields: FieldMetadata<CandidateFormValue["experience"]>; defaults: CandidateFormDefaults["experience"] }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const rows = fields.getFieldList();
  return (
    <fieldset aria-describedby={`${fields.id}-hint`}>
      <legend className="h4">{t("consultant.candidateForm.experienceHeading")}</legend>
      <p className="form-hint" id={`${fields.id}-hint`}>
        {t("consultant.candidateForm.experienceHint")}
      </p>
      {fields.errors ? <p className="form-error-message">{errorText(fields.errors)}</p> : null}
      {Array.from({ length: EXPERIENCE_ROWS }, (_, i) => {
        const row = rows[i]?.getFieldset();
        const base = `${fields.name}[${i}]`;
        const id = `${fields.id}-${i}`;
        const yearsError = row?.years.errors;
        return (
          <div className="experience-row" key={i}>
            <OccupationPicker
              id={`${id}-occupation`}
              name={`${base}.occupationId`}
              queryName={`${base}.occupationQuery`}
              label={t("consultant.candidateForm.experienceOccupation", { number: i + 1 })}
              defaultValue={defaults[i]?.occupation ?? null}
              error={errorText(row?.occupationQuery.errors ?? row?.occupationId.errors)}
            />
            <FormGroup inputId={`${id}-years`} label={t("consultant.candidateForm.experienceYears")} error={errorText(yearsError)}>
              <input
                className="form-input input-width-xs"
                type="number"
                inputMode="numeric"
                min={0}
                max={60}
                id={`${id}-years`}
                name={`${base}.years`}
                defaultValue={defaults[i] ? String(defaults[i].years) : ""}
                aria-describedby={yearsError ? `${id}-years-error` : undefined}
              />
            </FormGroup>
          </div>
        );
      })}
    </fieldset>
  );
}
