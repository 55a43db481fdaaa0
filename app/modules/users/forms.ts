// The operator's user form: one schema, on the server and in the browser.
import type { ParseKeys } from "i18next";
import { z } from "zod";

const key = (k: ParseKeys) => k;

/** Long enough to resist guessing; the user should change it at first login. */
export const MIN_PASSWORD_LENGTH = 12;

export const UserCreateSchema = z.object({
  name: z
    .string({ error: key("forms.required") })
    .trim()
    .min(1, { error: key("forms.required") })
    .max(200, { error: key("forms.tooLong") }),
  email: z
    .string({ error: key("forms.required") })
    .trim()
    .toLowerCase()
    .max(254, { error: key("login.errors.emailInvalid") })
    .pipe(z.email({ error: key("login.errors.emailInvalid") })),
  organisationId: z.string({ error: key("operator.errors.organisationRequired") }).min(1, { error: key("operator.errors.organisationRequired") }),
  role: z.enum(["ADMIN", "MEMBER"], { error: key("operator.errors.role") }),
  password: z
    .string({ error: key("operator.errors.passwordShort") })
    .min(MIN_PASSWORD_LENGTH, { error: key("operator.errors.passwordShort") })
    .max(1024, { error: key("forms.tooLong") }),
});

export type UserCreateInput = z.output<typeof UserCreateSchema>;
