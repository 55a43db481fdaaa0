// The vacancy form (wizard step 2 and editing): skills, the job, the workplace
// and the conditions, in fieldsets with legends. Works without JavaScript: the
// proposed skills are checkboxes; with JavaScript more can be added by search.
import { getFormProps, getInputProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form, Link, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { ErrorSummary, TextAreaField, TextField, useErrorText } from "~/components/form";
import { OccupationPicker, SkillPicker, type PickerOption } from "~/components/pickers";
import { VACANCY_LANGUAGES, VacancyFormSchema } from "~/portals/company/vacancy-form";
import { useLanguage } from "~/lib/use-language";

export interface VacancyFormDefaults {
  title?: string;
  description?: string;
  postalCode?: string;
  startDate?: string;
  hoursPerWeek?: string;
  positions?: string;
  requiresDrivingLicence?: boolean;
  languages?: string[];
  acceptsUpskilling?: boolean;
  showNearMisses?: boolean;
}

export interface VacancyFormProps {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: VacancyFormDefaults;
  occupation: PickerOption | null;
  required: PickerOption[];
  niceToHave: PickerOption[];
  submitLabel: string;
  /** Where "choose another occupation" leads (the wizard's first step); without it the picker is shown in the form. */
  changeOccupationHref?: string;
  cancelHref: string;
}

export function VacancyForm({ lastResult, defaultValue, occupation, required, niceToHave, submitLabel, changeOccupationHref, cancelHref }: VacancyFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const [form, fields] = useForm({
    lastResult,
    defaultValue: {
      ...defaultValue,
      requiresDrivingLicence: defaultValue.requiresDrivingLicence ? "on" : undefined,
      acceptsUpskilling: defaultValue.acceptsUpskilling ? "on" : undefined,
      showNearMisses: defaultValue.showNearMisses ? "on" : undefined,
    },
    constraint: getZodConstraint(VacancyFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: VacancyFormSchema }),
  });
  const languageNames = new Intl.DisplayNames([language], { type: "language" });
  const chosenLanguages = new Set((fields.languages.initialValue as string[] | string | undefined) ?? defaultValue.languages ?? []);
  const languagesError = errorText(fields.languages.errors);

  return (
    <Form method="post" {...getFormProps(form)} noValidate>
      <ErrorSummary
        form={form}
        fields={[
          { field: fields.occupationId, label: t("company.vacancyForm.occupation") },
          { field: fields.requiredSkillIds, label: t("company.vacancyForm.requiredSkills") },
          { field: fields.niceToHaveSkillIds, label: t("company.vacancyForm.niceToHaveSkills") },
          { field: fields.title, label: t("company.vacancyForm.title") },
          { field: fields.description, label: t("company.vacancyForm.description") },
          { field: fields.postalCode, label: t("company.vacancyForm.postalCode") },
          { field: fields.startDate, label: t("company.vacancyForm.startDate") },
          { field: fields.hoursPerWeek, label: t("company.vacancyForm.hoursPerWeek") },
          { field: fields.positions, label: t("company.vacancyForm.positions") },
        ]}
      />

      <fieldset className="vacancy-section">
        <legend className="h2">{t("company.vacancyForm.occupationHeading")}</legend>
        {changeOccupationHref ? (
          <>
            <input type="hidden" name={fields.occupationId.name} value={occupation?.id ?? ""} />
            <p>
              {occupation ? (
                // The label in a span of its own: an occupation without a Danish name is marked lang="en" (label.ts).
                <Trans i18nKey="company.vacancyForm.chosenOccupation" values={{ label: occupation.label }} components={{ occupation: <span lang={occupation.lang} /> }} />
              ) : (
                t("company.vacancyForm.noOccupation")
              )}{" "}
              <Link to={changeOccupationHref}>{t("company.vacancyForm.changeOccupation")}</Link>
            </p>
            {fields.occupationId.errors ? <p className="form-error-message">{errorText(fields.occupationId.errors)}</p> : null}
          </>
        ) : (
          <OccupationPicker
            id={fields.occupationId.id}
            name={fields.occupationId.name}
            label={t("company.vacancyForm.occupation")}
            hint={t("company.vacancyForm.occupationHint")}
            defaultValue={occupation}
            error={errorText(fields.occupationId.errors)}
          />
        )}
      </fieldset>

      <div className="vacancy-section">
        <h2>{t("company.vacancyForm.skillsHeading")}</h2>
        <p>{occupation ? t("company.vacancyForm.skillsLeadProposed") : t("company.vacancyForm.skillsLead")}</p>
        <SkillPicker
          id={fields.requiredSkillIds.id}
          name={fields.requiredSkillIds.name}
          legend={t("company.vacancyForm.requiredSkills")}
          hint={t("company.vacancyForm.requiredSkillsHint")}
          defaultValue={required}
          addLabel={t("company.vacancyForm.addRequiredSkill")}
          error={errorText(fields.requiredSkillIds.errors)}
        />
        <SkillPicker
          id={fields.niceToHaveSkillIds.id}
          name={fields.niceToHaveSkillIds.name}
          legend={t("company.vacancyForm.niceToHaveSkills")}
          hint={t("company.vacancyForm.niceToHaveSkillsHint")}
          defaultValue={niceToHave}
          addLabel={t("company.vacancyForm.addNiceToHaveSkill")}
          error={errorText(fields.niceToHaveSkillIds.errors)}
        />
      </div>

      <fieldset className="vacancy-section">
        <legend className="h2">{t("company.vacancyForm.jobHeading")}</legend>
        <TextField field={fields.title} label={t("company.vacancyForm.title")} />
        <TextAreaField field={fields.description} label={t("company.vacancyForm.description")} hint={t("company.vacancyForm.descriptionHint")} rows={6} />
      </fieldset>

      <fieldset className="vacancy-section">
        <legend className="h2">{t("company.vacancyForm.conditionsHeading")}</legend>
        <TextField
          field={fields.postalCode}
          label={t("company.vacancyForm.postalCode")}
          hint={t("company.vacancyForm.postalCodeHint")}
          inputMode="numeric"
          autoComplete="postal-code"
          className="input-width-xs"
        />
        <TextField field={fields.startDate} type="date" label={t("company.vacancyForm.startDate")} className="input-width-s" />
        <TextField field={fields.hoursPerWeek} type="number" inputMode="numeric" label={t("company.vacancyForm.hoursPerWeek")} className="input-width-xs" />
        <TextField field={fields.positions} type="number" inputMode="numeric" label={t("company.vacancyForm.positions")} className="input-width-xs" />
        <SingleCheckbox field={fields.requiresDrivingLicence} label={t("company.vacancyForm.requiresDrivingLicence")} />
        <div className={`form-group${languagesError ? " form-error" : ""}`}>
          <fieldset>
            <legend className="form-label">{t("company.vacancyForm.languages")}</legend>
            {languagesError ? <span className="form-error-message">{languagesError}</span> : null}
            <ul className="nobullet-list vacancy-languages">
              {VACANCY_LANGUAGES.map((code) => (
                <li key={code}>
                  <input
                    className="form-checkbox"
                    type="checkbox"
                    id={`${fields.languages.id}-${code}`}
                    name={fields.languages.name}
                    value={code}
                    defaultChecked={chosenLanguages.has(code)}
                  />
                  <label htmlFor={`${fields.languages.id}-${code}`}>{languageNames.of(code) ?? code}</label>
                </li>
              ))}
            </ul>
          </fieldset>
        </div>
        <SingleCheckbox field={fields.acceptsUpskilling} label={t("company.vacancyForm.acceptsUpskilling")} hint={t("company.vacancyForm.acceptsUpskillingHint")} />
        <SingleCheckbox field={fields.showNearMisses} label={t("company.vacancyForm.showNearMisses")} hint={t("company.vacancyForm.showNearMissesHint")} />
      </fieldset>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("forms.working") : submitLabel}
        </button>{" "}
        <Link to={cancelHref} className="button button-secondary">
          {t("forms.cancel")}
        </Link>
      </div>
    </Form>
  );
}

/** A lone checkbox in a list item, where DKFDS positions the drawn box correctly. */
function SingleCheckbox({ field, label, hint }: { field: FieldMetadata<boolean | undefined>; label: string; hint?: string }) {
  return (
    <ul className="nobullet-list">
      <li>
        <input className="form-checkbox" {...getInputProps(field, { type: "checkbox", ariaDescribedBy: hint ? `${field.id}-hint` : undefined })} />
        <label htmlFor={field.id}>{label}</label>
        {hint ? (
          <span className="form-hint" id={`${field.id}-hint`}>
            {hint}
          </span>
        ) : null}
      </li>
    </ul>
  );
}
