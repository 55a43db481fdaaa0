// The consultant portal's forms and list queries: one zod schema each, used by
// the server (parseWithZod) and the browser (constraints, instant checks).
// Messages are translation keys. Safe to import on the client.
import type { ParseKeys } from "i18next";
import { z } from "zod";
import { COMMUTE_RADIUS_KM } from "~/modules/candidates/commute";
import { NUL_MESSAGE, entityId, noNul } from "~/lib/fields";

const m = (key: ParseKeys) => key;
const id = () => entityId();

/** How many occupations the candidate form records (the API takes up to 10). */
export const EXPERIENCE_ROWS = 3;

export const LANGUAGE_CHOICES = ["da", "en", "de", "sv", "no", "pl", "uk", "ro", "ar", "tr", "so", "fr", "es"] as const;
export const CANDIDATE_STATUS_CHOICES = ["ACTIVE", "INACTIVE", "EMPLOYED"] as const;
export const AVAILABILITY_BUCKETS = ["now", "30", "90"] as const;
export type AvailabilityBucket = (typeof AVAILABILITY_BUCKETS)[number];

const text = (max: number) =>
  z
    .string({ error: m("forms.required") })
    .trim()
    .min(1, { error: m("forms.required") })
    .max(max, { error: m("forms.tooLong") })
    .refine(noNul, { error: NUL_MESSAGE });

/** One form for creating and editing a candidate; status only matters when editing. */
export const CandidateFormSchema = z.object({
  firstName: text(100),
  lastName: text(100),
  email: z
    .string()
    .trim()
    .max(254, { error: m("forms.tooLong") })
    .pipe(z.email({ error: m("consultant.candidateForm.errors.email") }))
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 ()-]{5,30}$/, { error: m("consultant.candidateForm.errors.phone") })
    .optional(),
  postalCode: z.string({ error: m("forms.required") }).regex(/^\d{4}$/, { error: m("forms.invalidPostalCode") }),
  commuteRadiusKm: z
    .number({ error: m("forms.invalidNumber") })
    .int({ error: m("consultant.candidateForm.errors.radius") })
    .min(COMMUTE_RADIUS_KM.min, { error: m("consultant.candidateForm.errors.radius") })
    .max(COMMUTE_RADIUS_KM.max, { error: m("consultant.candidateForm.errors.radius") }),
  availableFrom: z.date({ error: m("forms.invalidDate") }).refine((d) => d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100, { error: m("forms.invalidDate") }),
  hasDrivingLicence: z.boolean().default(false),
  languages: z.array(z.enum(LANGUAGE_CHOICES, { error: m("consultant.candidateForm.errors.language") })).max(20).default([]),
  desiredHoursPerWeek: z
    .number({ error: m("forms.invalidNumber") })
    .int({ error: m("consultant.candidateForm.errors.hours") })
    .min(1, { error: m("consultant.candidateForm.errors.hours") })
    .max(80, { error: m("consultant.candidateForm.errors.hours") })
    .optional(),
  skillIds: z.array(id()).max(100, { error: m("consultant.candidateForm.errors.tooManySkills") }).default([]),
  /** Up to EXPERIENCE_ROWS occupations with years; a row without an occupation is ignored. */
  experience: z
    .array(
      z.object({
        occupationId: id().optional(),
        /** What was typed without JavaScript; the server looks the occupation up. */
        occupationQuery: z.string().trim().max(100, { error: m("forms.tooLong") }).refine(noNul, { error: NUL_MESSAGE }).optional(),
        years: z
          .number({ error: m("forms.invalidNumber") })
          .int({ error: m("consultant.candidateForm.errors.years") })
          .min(0, { error: m("consultant.candidateForm.errors.years") })
          .max(60, { error: m("consultant.candidateForm.errors.years") })
          .optional(),
      }),
    )
    .max(EXPERIENCE_ROWS)
    .default([]),
  status: z.enum(CANDIDATE_STATUS_CHOICES, { error: m("forms.required") }).default("ACTIVE"),
});
export type CandidateFormValue = z.output<typeof CandidateFormSchema>;

export const CONSENT_PURPOSE_CHOICES = ["MATCHING", "EMAIL_NOTIFICATIONS", "SHARE_WITH_COMPANY"] as const;
export const CONSENT_CHANNEL_CHOICES = ["IN_PERSON", "PHONE", "DIGITAL", "LETTER"] as const;

export const ConsentFormSchema = z
  .object({
    intent: z.literal("recordConsent"),
    purpose: z.enum(CONSENT_PURPOSE_CHOICES, { error: m("consultant.consents.errors.purpose") }),
    channel: z.enum(CONSENT_CHANNEL_CHOICES, { error: m("consultant.consents.errors.channel") }),
    givenAt: z.date({ error: m("forms.invalidDate") }).optional(),
    companyId: id().optional(),
  })
  .superRefine((value, ctx) => {
    if (value.purpose === "SHARE_WITH_COMPANY" && !value.companyId) {
      ctx.addIssue({ code: "custom", path: ["companyId"], message: m("consultant.consents.errors.company") });
    }
    if (value.givenAt && value.givenAt.getTime() > Date.now() + 24 * 3600_000) {
      ctx.addIssue({ code: "custom", path: ["givenAt"], message: m("consultant.consents.errors.future") });
    }
  });

export const WithdrawConsentSchema = z.object({ intent: z.literal("withdrawConsent"), consentId: id() });
export const CourseCompletedSchema = z.object({
  intent: z.literal("courseCompleted"),
  offeringId: id(),
  occurredOn: z.date({ error: m("forms.invalidDate") }),
});

export const PIPELINE_CHOICES = ["SUGGESTED", "SHORTLISTED", "CONTACTED", "INTERVIEW", "HIRED", "REJECTED"] as const;
export const MoveMatchSchema = z.object({
  intent: z.literal("move"),
  matchId: id(),
  status: z.enum(PIPELINE_CHOICES, { error: m("consultant.pipeline.errors.status") }),
  note: z.string().trim().max(500, { error: m("forms.tooLong") }).refine(noNul, { error: NUL_MESSAGE }).optional(),
});
export const ReserveSeatSchema = z.object({ intent: z.literal("reserve"), matchId: id(), offeringId: id() });

export const OUTCOME_CHOICES = ["HIRED", "ENROLLED", "COURSE_COMPLETED"] as const;
export const OutcomeFormSchema = z.object({
  kind: z.enum(OUTCOME_CHOICES, { error: m("consultant.outcomes.errors.kind") }),
  candidateRef: z.string({ error: m("forms.required") }).trim().min(1, { error: m("forms.required") }).max(64, { error: m("forms.tooLong") })
    .refine(noNul, { error: NUL_MESSAGE }),
  occurredOn: z.date({ error: m("forms.invalidDate") }),
  vacancyId: id().optional(),
});

export const InboxActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("propose"), requestId: id() }),
  z.object({ intent: z.literal("approve"), requestId: id(), channel: z.enum(["IN_PERSON", "PHONE"], { error: m("consultant.inbox.errors.channel") }) }),
  z.object({ intent: z.literal("decline"), requestId: id() }),
]);

/** Search parameters of the candidate list; anything malformed is simply ignored. */
export const CandidateListQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  skills: z.array(id()).max(10).catch([]),
  available: z.enum(AVAILABILITY_BUCKETS).optional().catch(undefined),
  municipality: z.string().regex(/^\d{3,4}$/).optional().catch(undefined),
  status: z.enum(CANDIDATE_STATUS_CHOICES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type CandidateListQuery = z.output<typeof CandidateListQuerySchema>;

export function parseCandidateListQuery(params: URLSearchParams): CandidateListQuery {
  return CandidateListQuerySchema.parse({
    q: params.get("q") || undefined,
    skills: params.getAll("skill"),
    available: params.get("available") || undefined,
    municipality: params.get("municipality") || undefined,
    status: params.get("status") || undefined,
    page: params.get("page") ?? 1,
  });
}

export const VACANCY_STATUS_CHOICES = ["OPEN", "PAUSED", "CLOSED", "DRAFT"] as const;
export const VacancySearchQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(VACANCY_STATUS_CHOICES).optional().catch(undefined),
  municipality: z.string().regex(/^\d{3,4}$/).optional().catch(undefined),
  skills: z.array(id()).max(10).catch([]),
  page: z.coerce.number().int().min(1).max(1000).catch(1),
});
export type VacancySearchQuery = z.output<typeof VacancySearchQuerySchema>;

export function parseVacancySearchQuery(params: URLSearchParams): VacancySearchQuery {
  return VacancySearchQuerySchema.parse({
    q: params.get("q") || undefined,
    status: params.get("status") || undefined,
    municipality: params.get("municipality") || undefined,
    skills: params.getAll("skill"),
    page: params.get("page") ?? 1,
  });
}
