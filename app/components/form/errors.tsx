// Error texts for forms: schemas and services return translation keys, and these
// helpers turn them into the reader's language.
import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";

/** Translates an error key; a key that is not one (e.g. a message from a library) is shown as is. */
export function useErrorText(): (errors: readonly string[] | undefined) => string | null {
  const { t, i18n } = useTranslation();
  return (errors) => {
    const first = errors?.[0];
    if (!first) return null;
    return i18n.exists(first) ? t(first as ParseKeys) : first;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function useFieldError(field: FieldMetadata<any>): string | null {
  return useErrorText()(field.errors);
}

/** What a picker (app/components/pickers) needs from the Conform field it fills: its id, name and error. */
export function usePickerBinding() {
  const text = useErrorText();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return (field: FieldMetadata<any>) => ({ id: field.id, name: field.name, error: text(field.errors) });
}

/**
 * The error summary's entries: each labelled field, in the order of `labels`.
 * `ids` names the element to link to where it is not the field's own input (a
 * picker's search box). Conform's `fields` is a proxy: read it by name only.
 */
export function summaryFields<Fields extends Record<string, FieldMetadata<any>>>( // eslint-disable-line @typescript-eslint/no-explicit-any
  fields: Fields,
  labels: Partial<Record<keyof Fields & string, string>>,
  ids: Partial<Record<keyof Fields & string, string>> = {},
) {
  return (Object.entries(labels) as [string, string | undefined][]).flatMap(([name, label]) => {
    if (label === undefined) return [];
    const id = (ids as Record<string, string | undefined>)[name];
    return [{ field: id ? { ...fields[name], id } : fields[name], label }];
  });
}

/**
 * The DKFDS error summary at the top of a form: the form's own errors and a link
 * to each field that has one, so that keyboard and screen-reader users can jump
 * to it. Shown only after a submit with errors.
 */
export function ErrorSummary({
  form,
  fields,
  heading,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  fields: { field: FieldMetadata<any>; label: string }[];
  heading?: string;
}) {
  const { t } = useTranslation();
  const text = useErrorText();
  const formError = text(form.errors);
  const fieldErrors = fields
    .map(({ field, label }) => ({ id: field.id, label, message: text(field.errors) }))
    .filter((entry) => entry.message);
  if (!formError && fieldErrors.length === 0) return null;
  return (
    <div className="alert alert-error" role="alert" id={form.errorId}>
      <div className="alert-body">
        <p className="alert-heading">{heading ?? t("forms.errorSummaryHeading")}</p>
        {formError ? <p className="alert-text">{formError}</p> : null}
        {fieldErrors.length > 0 ? (
          <ul className="alert-text nobullet-list">
            {fieldErrors.map((entry) => (
              <li key={entry.id}>
                <a href={`#${entry.id}`} className="function-link">
                  {entry.label}: {entry.message}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
