// The company registration form's one schema (server and browser). Messages
// are translation keys. The CVR number's modulus-11 rule lives in organisations/cvr.
import type { ParseKeys } from "i18next";
import { NUL_MESSAGE, noNul } from "~/lib/fields";
import { z } from "zod";
import { isValidCvr } from "~/modules/organisations/cvr";

const key = (k: ParseKeys) => k;

export const MIN_PASSWORD_LENGTH = 12;

/** Name, e-mail and password of a new user: shared by registration and accepting an invitation. */
export const newUserFields = {
  name: z
    .string({ error: key("company.register.errors.nameRequired") })
    .trim()
    .min(1, { error: key("company.register.errors.nameRequired") })
    .max(200, { error: key("forms.tooLong") })
    .refine(noNul, { error: NUL_MESSAGE }),
  password: z
    .string({ error: key("company.register.errors.passwordShort") })
    .min(MIN_PASSWORD_LENGTH, { error: key("company.register.errors.passwordShort") })
    .max(1024, { error: key("forms.tooLong") }),
};

export const emailField = z
  .string({ error: key("company.register.errors.emailInvalid") })
  .trim()
  .max(254, { error: key("company.register.errors.emailInvalid") })
  .pipe(z.email({ error: key("company.register.errors.emailInvalid") }));

export const RegistrationSchema = z.object({
  cvr: z
    .string({ error: key("company.register.errors.cvrInvalid") })
    .transform((value) => value.replace(/\s+/g, ""))
    .refine(isValidCvr, { error: key("company.register.errors.cvrInvalid") }),
  companyName: z
    .string({ error: key("company.register.errors.companyNameRequired") })
    .trim()
    .min(1, { error: key("company.register.errors.companyNameRequired") })
    .max(200, { error: key("forms.tooLong") })
    .refine(noNul, { error: NUL_MESSAGE }),
  street: z
    .string({ error: key("company.register.errors.streetRequired") })
    .trim()
    .min(1, { error: key("company.register.errors.streetRequired") })
    .max(200, { error: key("forms.tooLong") })
    .refine(noNul, { error: NUL_MESSAGE }),
  postalCode: z
    .string({ error: key("forms.invalidPostalCode") })
    .trim()
    .regex(/^\d{4}$/, { error: key("forms.invalidPostalCode") }),
  ...newUserFields,
  email: emailField,
});

export type RegistrationInput = z.output<typeof RegistrationSchema>;

export const InvitationAcceptSchema = z.object(newUserFields);
export type InvitationAcceptInput = z.output<typeof InvitationAcceptSchema>;

export const InviteSchema = z.object({ email: emailField });
