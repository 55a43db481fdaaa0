// The vacancy form (wizard step 2 and editing): skills, the job, the workplace
// and the conditions, in fieldsets with legends. Works without JavaScript: the
// proposed skills are checkboxes; with JavaScript more can be added by search.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Link, useNavigation } from "@remix-run/react";
import { Trans, useTranslation } from "react-i18next";
import { Checkbox, CheckboxGroupField, NumberField, PostalCodeField, summaryFields, TextAreaField, TextField, useErrorText, usePickerBinding, ValidatedForm } from "~/components/form";
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
  const bound = usePickerBinding();
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
  const labels = {
    occupationId: t("company.vacancyForm.occupation"),
    requiredSkillIds: t("company.vacancyForm.requiredSkills"),
    niceToHaveSkillIds: t("company.vacancyForm.niceToHaveSkills"),
    title: t("company.vacancyForm.title"),
    description: t("company.vacancyForm.description"),
    postalCode: t("company.vacancyForm.postalCode"),
    startDate: t("company.vacancyForm.startDate"),
    hoursPerWeek: t("company.vacancyForm.hoursPerWeek"),
    positions: t("company.vacancyForm.positions"),
  };
  const skillPickers = [
    { field: fields.requiredSkillIds, legend: labels.requiredSkillIds, chosen: required, hint: t("company.vacancyForm.requiredSkillsHint"), addLabel: t("company.vacancyForm.addRequiredSkill") },
    { field: fields.niceToHaveSkillIds, legend: labels.niceToHaveSkillIds, chosen: niceToHave, hint: t("company.vacancyForm.niceToHaveSkillsHint"), addLabel: t("company.vacancyForm.addNiceToHaveSkill") },
  ];

  return (
    <ValidatedForm form={form} summary={summaryFields(fields, labels)}>

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
          <OccupationPicker {...bound(fields.occupationId)} label={labels.occupationId} hint={t("company.vacancyForm.occupationHint")} defaultValue={occupation} />
        )}
      </fieldset>

      <div className="vacancy-section">
        <h2>{t("company.vacancyForm.skillsHeading")}</h2>
        <p>{occupation ? t("company.vacancyForm.skillsLeadProposed") : t("company.vacancyForm.skillsLead")}</p>
        {skillPickers.map(({ field, legend, chosen, hint, addLabel }) => (
          <SkillPicker key={field.name} {...bound(field)} legend={legend} hint={hint} defaultValue={chosen} addLabel={addLabel} />
        ))}
      </div>

      <fieldset className="vacancy-section">
        <legend className="h2">{t("company.vacancyForm.jobHeading")}</legend>
        <TextField field={fields.title} label={labels.title} />
        <TextAreaField field={fields.description} label={labels.description} hint={t("company.vacancyForm.descriptionHint")} rows={6} />
      </fieldset>

      <fieldset className="vacancy-section">
        <legend className="h2">{t("company.vacancyForm.conditionsHeading")}</legend>
        <PostalCodeField field={fields.postalCode} label={labels.postalCode} hint={t("company.vacancyForm.postalCodeHint")} autoComplete="postal-code" />
        <TextField field={fields.startDate} type="date" label={labels.startDate} className="input-width-s" />
        <NumberField field={fields.hoursPerWeek} label={labels.hoursPerWeek} />
        <NumberField field={fields.positions} label={labels.positions} />
        <Checkbox field={fields.requiresDrivingLicence} label={t("company.vacancyForm.requiresDrivingLicence")} />
        <CheckboxGroupField
          field={fields.languages}
          label={t("company.vacancyForm.languages")}
          options={VACANCY_LANGUAGES.map((code) => ({ value: code, label: languageNames.of(code) ?? code }))}
          className="vacancy-languages"
        />
        <Checkbox field={fields.acceptsUpskilling} label={t("company.vacancyForm.acceptsUpskilling")} hint={t("company.vacancyForm.acceptsUpskillingHint")} />
        <Checkbox field={fields.showNearMisses} label={t("company.vacancyForm.showNearMisses")} hint={t("company.vacancyForm.showNearMissesHint")} />
      </fieldset>

      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? t("forms.working") : submitLabel}
        </button>{" "}
        <Link to={cancelHref} className="button button-secondary">
          {t("forms.cancel")}
        </Link>
      </div>
    </ValidatedForm>
  );
}
