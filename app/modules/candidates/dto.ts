// Candidate shapes for the jobcentre that holds them. Companies never get these:
// they see pseudonyms only (app/modules/matching/read.server.ts).
import { toIsoDate } from "~/lib/fields";
import type { Prisma } from "~/generated/prisma/client";
import type { CandidateRow, CandidateSummaryRow, ConsentRow, profileFieldsSelect } from "./repository.server";

export function toConsentDto(row: ConsentRow) {
  return {
    id: row.id,
    purpose: row.purpose,
    companyId: row.companyId,
    channel: row.channel,
    givenAt: row.givenAt.toISOString(),
    withdrawnAt: row.withdrawnAt?.toISOString() ?? null,
    active: row.withdrawnAt === null,
  };
}

/** The profile fields as the API and the citizen's own page show them (dates as ISO days). */
export function toProfileFields(row: Prisma.CandidateGetPayload<{ select: typeof profileFieldsSelect }>) {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    firstName: row.firstName,
    lastName: row.lastName,
    email: row.email,
    phone: row.phone,
    postalCode: row.postalCode,
    city: row.city,
    commuteRadiusKm: row.commuteRadiusKm,
    availableFrom: toIsoDate(row.availableFrom),
    status: row.status,
    hasDrivingLicence: row.hasDrivingLicence,
    languages: row.languages,
    desiredHoursPerWeek: row.desiredHoursPerWeek,
  };
}

export function toCandidateDto(row: CandidateRow) {
  return {
    ...toProfileFields(row),
    consultantId: row.consultantId,
    skillIds: row.skills.map((s) => s.skillId),
    skills: row.skills.map((s) => ({ id: s.skillId, labelEn: s.skill.labelEn, labelDa: s.skill.labelDa })),
    occupations: row.occupations.map((o) => ({ occupationId: o.occupationId, years: o.years, labelEn: o.occupation.labelEn, labelDa: o.occupation.labelDa })),
    consents: row.consents.map(toConsentDto),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function toCandidateSummaryDto(row: CandidateSummaryRow) {
  return {
    id: row.id,
    pseudonym: row.pseudonym,
    status: row.status,
    postalCode: row.postalCode,
    availableFrom: toIsoDate(row.availableFrom),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CandidateDto = ReturnType<typeof toCandidateDto>;
export type CandidateSummaryDto = ReturnType<typeof toCandidateSummaryDto>;
export type ConsentDto = ReturnType<typeof toConsentDto>;
