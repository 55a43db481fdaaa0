// DKFDS form fields bound to a Conform field. Every field has a visible label,
// an optional hint and its error next to it (aria-describedby points to both),
// and keeps what the user typed after a failed submit. Error messages are
// translation keys (schemas return keys; see app/modules/auth/schema.ts).
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import type { ReactNode } from "react";
import { useFieldError } from "./errors";

interface BaseProps {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  field: FieldMetadata<any>;
  label: ReactNode;
  hint?: ReactNode;
  className?: string;
}

function describedBy(field: BaseProps["field"], hint: ReactNode, error: string | null): string | undefined {
  const ids = [hint ? `${field.id}-hint` : null, error ? field.errorId : null].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

/** A field's hint and error message, with the ids its aria-describedby points to. */
export function FieldMessages({ hint, hintId, error, errorId }: { hint?: ReactNode; hintId: string; error?: ReactNode; errorId: string }) {
  return (
    <>
      {hint ? (
        <span className="form-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={errorId}>
          {error}
        </span>
      ) : null}
    </>
  );
}

/**
 * The DKFDS group around one input: label, hint and error, then the input.
 * Also for inputs outside a Conform form (GET filters, the pickers).
 */
export function FormGroup({
  inputId,
  label,
  hint,
  error,
  errorId = `${inputId}-error`,
  className,
  children,
}: {
  inputId: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  errorId?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={["form-group", className, error ? "form-error" : null].filter(Boolean).join(" ")}>
      <label className="form-label" htmlFor={inputId}>
        {label}
      </label>
      <FieldMessages hint={hint} hintId={`${inputId}-hint`} error={error} errorId={errorId} />
      {children}
    </div>
  );
}

function FieldShell({ field, label, hint, error, children }: BaseProps & { error: string | null; children: ReactNode }) {
  return (
    <FormGroup inputId={field.id} label={label} hint={hint} error={error} errorId={field.errorId}>
      {children}
    </FormGroup>
  );
}

type InputType = "text" | "email" | "tel" | "number" | "date" | "password" | "search" | "url";

export function TextField({
  field,
  label,
  hint,
  type = "text",
  autoComplete,
  inputMode,
  className,
  list,
}: BaseProps & {
  type?: InputType;
  autoComplete?: string;
  inputMode?: "numeric" | "text" | "email" | "tel" | "decimal";
  list?: string;
}) {
  const error = useFieldError(field);
  return (
    <FieldShell field={field} label={label} hint={hint} error={error}>
      <input
        className={`form-input ${className ?? ""}`.trim()}
        {...getInputProps(field, { type, ariaDescribedBy: describedBy(field, hint, error) })}
        autoComplete={autoComplete}
        inputMode={inputMode}
        list={list}
      />
    </FieldShell>
  );
}

/** A whole number (hours, seats, kilometres) in a narrow box, with the number keyboard on phones. */
export function NumberField({ field, label, hint }: BaseProps) {
  return <TextField field={field} label={label} hint={hint} type="number" inputMode="numeric" className="input-width-xs" />;
}

/** A Danish postal code: four digits in a narrow box, with the number keyboard on phones. */
export function PostalCodeField({ field, label, hint, autoComplete }: BaseProps & { autoComplete?: "postal-code" | "off" }) {
  return <TextField field={field} label={label} hint={hint} inputMode="numeric" autoComplete={autoComplete} className="input-width-xs" />;
}

export function TextAreaField({ field, label, hint, rows = 5 }: BaseProps & { rows?: number }) {
  const error = useFieldError(field);
  return (
    <FieldShell field={field} label={label} hint={hint} error={error}>
      <textarea
        className="form-input"
        rows={rows}
        {...getTextareaProps(field, { ariaDescribedBy: describedBy(field, hint, error) })}
      />
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ field, label, hint, options, placeholder }: BaseProps & { options: Option[]; placeholder?: string }) {
  const error = useFieldError(field);
  return (
    <FieldShell field={field} label={label} hint={hint} error={error}>
      <select className="form-select" {...getSelectProps(field, { ariaDescribedBy: describedBy(field, hint, error) })}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

/** One checkbox; the value "on" is submitted when checked (z.stringbool / coerce). */
export function CheckboxField({ field, label, hint }: BaseProps) {
  const error = useFieldError(field);
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <FieldMessages hintId={`${field.id}-hint`} error={error} errorId={field.errorId} />
      <Checkbox field={field} label={label} hint={hint} describedBy={describedBy(field, hint, error)} />
    </div>
  );
}

/** The checkbox itself, in the list item DKFDS positions the drawn box by; its hint below the label. */
export function Checkbox({ field, label, hint, describedBy = hint ? `${field.id}-hint` : undefined }: BaseProps & { describedBy?: string }) {
  return (
    <ul className="nobullet-list">
      <li>
        <input className="form-checkbox" {...getInputProps(field, { type: "checkbox", ariaDescribedBy: describedBy })} />
        <label htmlFor={field.id}>{label}</label>
        <FieldMessages hint={hint} hintId={`${field.id}-hint`} errorId={field.errorId} />
      </li>
    </ul>
  );
}

/** Several checkboxes under one name (e.g. languages): the form receives one entry per checked value. */
export function CheckboxGroupField({ field, label, options, className }: BaseProps & { options: Option[] }) {
  const error = useFieldError(field);
  const chosen = new Set(([] as string[]).concat((field.value ?? field.initialValue ?? []) as string[] | string));
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <fieldset aria-describedby={error ? field.errorId : undefined}>
        <legend className="form-label">{label}</legend>
        <FieldMessages hintId={`${field.id}-hint`} error={error} errorId={field.errorId} />
        <ul className={`nobullet-list ${className ?? ""}`.trim()}>
          {options.map((option) => (
            <li key={option.value}>
              <input
                className="form-checkbox"
                type="checkbox"
                id={`${field.id}-${option.value}`}
                name={field.name}
                value={option.value}
                defaultChecked={chosen.has(option.value)}
              />
              <label htmlFor={`${field.id}-${option.value}`}>{option.label}</label>
            </li>
          ))}
        </ul>
      </fieldset>
    </div>
  );
}

/** A group of radio buttons in a fieldset with a legend. */
export function RadioGroupField({ field, label, hint, options }: BaseProps & { options: Option[] }) {
  const error = useFieldError(field);
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <fieldset aria-describedby={describedBy(field, hint, error)}>
        <legend className="form-label">{label}</legend>
        <FieldMessages hint={hint} hintId={`${field.id}-hint`} error={error} errorId={field.errorId} />
        <ul className="nobullet-list">
          {options.map((option) => {
            const id = `${field.id}-${option.value}`;
            return (
              <li key={option.value}>
                <input
                  className="form-radio"
                  type="radio"
                  id={id}
                  name={field.name}
                  value={option.value}
                  defaultChecked={field.initialValue === option.value}
                />
                <label htmlFor={id}>{option.label}</label>
              </li>
            );
          })}
        </ul>
      </fieldset>
    </div>
  );
}
