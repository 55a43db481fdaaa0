// Inputs of the candidate use cases (jobcentres). Strict objects: unknown
// fields are errors. Names and contact details are capped like everything else.
import { z } from "zod";
import { conceptReference } from "~/modules/taxonomy/schema";
import { COMMUTE_RADIUS_KM } from "./commute";
import { entityId, idList, isoDate, isoMoment, languageCodes, postalCode, requiredText } from "~/lib/fields";

const fields = {
  firstName: requiredText(100),
  lastName: requiredText(100),
  email: z.email("Not an e-mail address").max(254, "At most 254 characters").nullable(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{5,30}$/, "Expected a phone number such as +45 12 34 56 78")
    .nullable(),
  postalCode: postalCode(),
  commuteRadiusKm: z
    .number()
    .int("Whole kilometres")
    .min(COMMUTE_RADIUS_KM.min, `At least ${COMMUTE_RADIUS_KM.min} km`)
    .max(COMMUTE_RADIUS_KM.max, `At most ${COMMUTE_RADIUS_KM.max} km`),
  availableFrom: isoDate(),
  hasDrivingLicence: z.boolean(),
  languages: languageCodes(),
  desiredHoursPerWeek: z.number().int().min(1).max(80).nullable(),
  skillIds: idList(),
  /** Occupations the candidate has worked in (our id or ESCO URI), with whole years of experience. */
  occupations: z
    .array(z.strictObject({ occupationId: conceptReference(), years: z.number().int("Whole years").min(0).max(60, "At most 60 years") }))
    .max(10, "At most 10 occupations")
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((o, index) => {
        if (seen.has(o.occupationId)) ctx.addIssue({ code: "custom", path: [index, "occupationId"], message: "Listed twice" });
        seen.add(o.occupationId);
      });
    }),
  consultantId: entityId().nullable(),
};

export const CandidateCreateSchema = z.strictObject({
  ...fields,
  email: fields.email.optional(),
  phone: fields.phone.optional(),
  commuteRadiusKm: fields.commuteRadiusKm.optional(),
  hasDrivingLicence: fields.hasDrivingLicence.optional(),
  languages: fields.languages.optional(),
  desiredHoursPerWeek: fields.desiredHoursPerWeek.optional(),
  skillIds: fields.skillIds.optional(),
  occupations: fields.occupations.optional(),
  consultantId: fields.consultantId.optional(),
});

export const CANDIDATE_STATUSES = ["ACTIVE", "INACTIVE", "EMPLOYED"] as const;

export const CandidateUpdateSchema = z
  .strictObject({ ...fields, status: z.enum(CANDIDATE_STATUSES) })
  .partial()
  .refine((value) => Object.keys(value).length > 0, { message: "Give at least one field to change", path: ["body"] });

export const CONSENT_PURPOSES = ["MATCHING", "SHARE_WITH_COMPANY", "EMAIL_NOTIFICATIONS"] as const;
export const CONSENT_CHANNELS = ["IN_PERSON", "PHONE", "DIGITAL", "LETTER"] as const;

/** A consent given now or in the past; a few minutes of clock skew are tolerated. */
export const ConsentCreateSchema = z
  .strictObject({
    purpose: z.enum(CONSENT_PURPOSES),
    channel: z.enum(CONSENT_CHANNELS),
    givenAt: isoMoment()
      .refine((d) => d.getTime() <= Date.now() + 5 * 60_000, "Cannot be in the future")
      .optional(),
    companyId: entityId().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.purpose === "SHARE_WITH_COMPANY" && !value.companyId) {
      ctx.addIssue({ code: "custom", path: ["companyId"], message: "Required when purpose is SHARE_WITH_COMPANY" });
    }
    if (value.purpose !== "SHARE_WITH_COMPANY" && value.companyId) {
      ctx.addIssue({ code: "custom", path: ["companyId"], message: "Only for purpose SHARE_WITH_COMPANY" });
    }
  });

export type CandidateCreateInput = z.output<typeof CandidateCreateSchema>;
export type CandidateUpdateInput = z.output<typeof CandidateUpdateSchema>;
export type ConsentCreateInput = z.output<typeof ConsentCreateSchema>;
