// A form validated with Conform and posted to the page's action: the browser's
// own validation off (the schema speaks, in the reader's language), the error
// summary first, and the intent when a page's action handles several forms.
import { getFormProps, type FieldMetadata, type FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { ErrorSummary } from "./errors";

export function ValidatedForm({
  form,
  summary,
  intent,
  className,
  children,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  /** The fields the error summary links to (summaryFields(fields, labels)). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  summary: { field: FieldMetadata<any>; label: string }[];
  intent?: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <Form method="post" {...getFormProps(form)} noValidate className={className}>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <ErrorSummary form={form} fields={summary} />
      {children}
    </Form>
  );
}
