// Course and offering shapes for the API.
import { toIsoDate } from "~/lib/fields";
import type { CourseRow, OfferingRow } from "./repository.server";

export function toOfferingDto(row: OfferingRow) {
  return {
    id: row.id,
    courseId: row.courseId,
    startDate: toIsoDate(row.startDate),
    endDate: toIsoDate(row.endDate),
    online: row.online,
    postalCode: row.postalCode,
    city: row.city,
    seats: row.seats,
    cancelled: row.cancelledAt !== null,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toCourseDto(row: CourseRow) {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    amuCode: row.amuCode,
    durationDays: row.durationDays,
    skillIds: row.skills.map((s) => s.skillId),
    skills: row.skills.map((s) => ({ id: s.skillId, labelEn: s.skill.labelEn, labelDa: s.skill.labelDa })),
    offerings: row.offerings.map(toOfferingDto),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export type CourseDto = ReturnType<typeof toCourseDto>;
export type OfferingDto = ReturnType<typeof toOfferingDto>;
