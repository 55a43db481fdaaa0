// The login form's one schema: the server parses with it and the browser uses it
// for instant feedback and input constraints. Messages are translation keys.
import { z } from "zod";
import type { ParseKeys } from "i18next";

const message = (key: ParseKeys) => key;

export const LoginSchema = z.object({
  email: z
    .string({ error: message("login.errors.emailRequired") })
    .trim()
    .max(254, { error: message("login.errors.emailInvalid") })
    .pipe(z.email({ error: message("login.errors.emailInvalid") })),
  password: z.string({ error: message("login.errors.passwordRequired") }).max(1024, { error: message("login.errors.passwordRequired") }),
  redirectTo: z.string().optional(),
});

export type LoginInput = z.infer<typeof LoginSchema>;

export const INVALID_CREDENTIALS = message("login.errors.invalidCredentials");

/** Shown with the minutes to wait (see app/routes/login.tsx); a key of the security area. */
export const TOO_MANY_ATTEMPTS = message("security.login.tooManyAttempts_other");
