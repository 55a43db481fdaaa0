// The operator's organisation forms (create, edit): one zod schema each, used on
// the server and in the browser. Messages are translation keys.
import type { ParseKeys } from "i18next";
import { z } from "zod";
import { isValidCvr } from "./cvr";

const key = (k: ParseKeys) => k;
export const ORGANISATION_KINDS = ["COMPANY", "JOBCENTRE", "INSTITUTION", "OPERATOR"] as const;

const name = z
  .string({ error: key("forms.required") })
  .trim()
  .min(1, { error: key("forms.required") })
  .max(200, { error: key("forms.tooLong") });
const street = z.string().trim().max(200, { error: key("forms.tooLong") }).optional();
const postalCode = z.string().trim().regex(/^\d{4}$/, { error: key("forms.invalidPostalCode") }).optional();

export const OrganisationCreateSchema = z
  .object({
    kind: z.enum(ORGANISATION_KINDS, { error: key("operator.errors.kind") }),
    name,
    cvr: z.string().trim().optional(),
    municipalityCode: z.string().trim().optional(),
    street,
    postalCode,
  })
  .superRefine((value, ctx) => {
    if (value.kind === "COMPANY") {
      if (!value.cvr) ctx.addIssue({ code: "custom", path: ["cvr"], message: key("operator.errors.cvrRequired") });
      else if (!isValidCvr(value.cvr)) ctx.addIssue({ code: "custom", path: ["cvr"], message: key("operator.errors.cvrInvalid") });
    }
    if (value.kind === "JOBCENTRE") {
      if (!value.municipalityCode) ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: key("operator.errors.municipalityRequired") });
      else if (!/^\d{3,4}$/.test(value.municipalityCode)) ctx.addIssue({ code: "custom", path: ["municipalityCode"], message: key("operator.errors.municipalityInvalid") });
    }
  });

/** What is stored: only companies have a CVR number and only jobcentres a municipality. */
export function normaliseOrganisation(value: z.output<typeof OrganisationCreateSchema>) {
  return {
    ...value,
    cvr: value.kind === "COMPANY" && value.cvr ? value.cvr.replace(/\s+/g, "") : undefined,
    municipalityCode: value.kind === "JOBCENTRE" ? value.municipalityCode?.padStart(4, "0") : undefined,
  };
}

export const OrganisationUpdateSchema = z.object({ name, street, postalCode });

// No .transform() on form schemas: conform's getZodConstraint cannot read one in the browser.
export type OrganisationCreateInput = ReturnType<typeof normaliseOrganisation>;
export type OrganisationUpdateInput = z.output<typeof OrganisationUpdateSchema>;
