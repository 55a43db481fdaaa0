// A domain error's field errors (field → translation key, "" for the whole form)
// in the shape conform's submission.reply({ fieldErrors }) takes.
import type { FieldErrors } from "~/lib/errors";

export function asConformErrors(fields: FieldErrors): Record<string, string[]> {
  return Object.fromEntries(Object.entries(fields).map(([field, message]) => [field, [message]]));
}
