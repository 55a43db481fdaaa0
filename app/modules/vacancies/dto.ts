// The vacancy as the API shows it: shaped on purpose, dates as calendar days.
import { toIsoDate } from "~/lib/fields";
import type { VacancyRow } from "./repository.server";

export function toVacancyDto(row: VacancyRow) {
  const skills = row.skills.map((s) => ({ id: s.skillId, requirement: s.requirement, labelEn: s.skill.labelEn, labelDa: s.skill.labelDa }));
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    description: row.description,
    occupationId: row.occupationId,
    postalCode: row.postalCode,
    city: row.city,
    latitude: row.latitude,
    longitude: row.longitude,
    startDate: toIsoDate(row.startDate),
    hoursPerWeek: row.hoursPerWeek,
    positions: row.positions,
    requiresDrivingLicence: row.requiresDrivingLicence,
    languages: row.languages,
    acceptsUpskilling: row.acceptsUpskilling,
    showNearMisses: row.showNearMisses,
    requiredSkillIds: skills.filter((s) => s.requirement === "REQUIRED").map((s) => s.id),
    niceToHaveSkillIds: skills.filter((s) => s.requirement === "NICE_TO_HAVE").map((s) => s.id),
    skills,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

export type VacancyDto = ReturnType<typeof toVacancyDto>;
