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

function FieldShell({ field, label, hint, error, children }: BaseProps & { error: string | null; children: ReactNode }) {
  return (
    <div className={`form-group${error ? " form-error" : ""}`}>
      <label className="form-label" htmlFor={field.id}>
        {label}
      </label>
      {hint ? (
        <span className="form-hint" id={`${field.id}-hint`}>
          {hint}
        </span>
      ) : null}
      {error ? (
        <span className="form-error-message" id={field.errorId}>
          {error}
        </span>
      ) : null}
      {children}
    </div>
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
      {error ? (
        <span className="form-error-message" id={field.errorId}>
          {error}
        </span>
      ) : null}
      {/* DKFDS positions the box relative to a list item. */}
      <ul className="nobullet-list">
        <li>
          <input className="form-checkbox" {...getInputProps(field, { type: "checkbox", ariaDescribedBy: describedBy(field, hint, error) })} />
          <label htmlFor={field.id}>{label}</label>
          {hint ? (
            <span className="form-hint" id={`${field.id}-hint`}>
              {hint}
            </span>
          ) : null}
        </li>
      </ul>
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
        {hint ? (
          <span className="form-hint" id={`${field.id}-hint`}>
            {hint}
          </span>
        ) : null}
        {error ? (
          <span className="form-error-message" id={field.errorId}>
            {error}
          </span>
        ) : null}
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
