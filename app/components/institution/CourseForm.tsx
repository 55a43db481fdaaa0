// The course form (create and edit): title, description, AMU code, duration and
// the skills the course teaches. One schema (CourseFormSchema) on both sides.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { NumberField, summaryFields, TextAreaField, TextField, useErrorText, ValidatedForm } from "~/components/form";
import { SkillPicker } from "~/components/pickers";
import { CourseFormSchema } from "~/modules/courses/forms";

export interface CourseFormDefaults {
  title: string;
  description: string;
  amuCode: string | null;
  durationDays: number | null;
}

export function CourseForm({
  lastResult,
  defaults,
  skills,
  intent,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaults?: CourseFormDefaults;
  /** The chosen skills with labels: the stored ones, or those the user just sent. */
  skills: { id: string; label: string }[];
  /** Set when the page's action serves more than one form. */
  intent?: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && (!intent || navigation.formData?.get("intent") === intent);
  const [form, fields] = useForm({
    id: "course-form",
    lastResult,
    constraint: getZodConstraint(CourseFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    defaultValue: defaults
      ? { title: defaults.title, description: defaults.description, amuCode: defaults.amuCode ?? "", durationDays: defaults.durationDays?.toString() ?? "" }
      : undefined,
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CourseFormSchema }),
  });
  const skillsId = `${form.id}-skills`;
  const labels = {
    title: t("institution.courses.fields.title"),
    description: t("institution.courses.fields.description"),
    amuCode: t("institution.courses.fields.amuCode"),
    durationDays: t("institution.courses.fields.durationDays"),
    skillIds: t("institution.courses.fields.skills"),
  };
  return (
    <ValidatedForm form={form} summary={summaryFields(fields, labels, { skillIds: skillsId })} intent={intent}>
      <TextField field={fields.title} label={labels.title} />
      <TextAreaField field={fields.description} label={labels.description} hint={t("institution.courses.fields.descriptionHint")} />
      <TextField field={fields.amuCode} label={labels.amuCode} hint={t("institution.courses.fields.amuCodeHint")} inputMode="numeric" className="input-width-xs" />
      <NumberField field={fields.durationDays} label={labels.durationDays} />
      <div className="form-group">
        <SkillPicker
          // Remounts with the skills the server sent back after a failed submit.
          key={skills.map((s) => s.id).join(",")}
          id={skillsId}
          name={fields.skillIds.name}
          legend={labels.skillIds}
          hint={t("institution.courses.fields.skillsHint")}
          defaultValue={skills}
          error={errorText(fields.skillIds.errors)}
        />
      </div>
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? t("institution.courses.saving") : t("institution.courses.save")}
      </button>
    </ValidatedForm>
  );
}
