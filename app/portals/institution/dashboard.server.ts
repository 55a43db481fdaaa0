// An educational institution's courses, scoped by the institution's id.
import type { Db } from "~/lib/db.server";
import { countCourses, countUpcomingOfferings, listCoursesWithCounts, type CourseWithCounts } from "./repository.server";

export type InstitutionCourseRow = CourseWithCounts;

const startOfDay = (today: Date) => new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));

/** "Upcoming" = not cancelled and starting today or later. */
export function listInstitutionCourses(db: Db, institutionId: string, today = new Date()): Promise<InstitutionCourseRow[]> {
  return listCoursesWithCounts(db, institutionId, startOfDay(today));
}

export interface InstitutionFigures {
  courses: number;
  upcomingOfferings: number;
  upcomingSeats: number;
}

export async function institutionFigures(db: Db, institutionId: string, today = new Date()): Promise<InstitutionFigures> {
  const [courses, upcoming] = await Promise.all([countCourses(db, institutionId), countUpcomingOfferings(db, institutionId, startOfDay(today))]);
  return { courses, upcomingOfferings: upcoming.offerings, upcomingSeats: upcoming.seats };
}
