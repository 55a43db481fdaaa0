// zod issues → { "<field path>": "<message>" }, the shape every API client and
// form gets back. Pure, so it is unit-tested without a request.
import type { z } from "zod";
import type { FieldErrors } from "./errors";

export function pathKey(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join(".");
}

export function fieldErrorsFromZod(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      // Name each unknown field itself, not the object that holds it.
      for (const key of issue.keys) fields[pathKey([...issue.path, key])] ??= "Unknown field";
      continue;
    }
    fields[pathKey(issue.path) || "body"] ??= issue.message;
  }
  return fields;
}
