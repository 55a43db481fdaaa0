// An educational institution's courses, scoped by the institution's id.
import type { Db } from "~/lib/db.server";

export interface InstitutionCourseRow {
  id: string;
  title: string;
  amuCode: string | null;
  upcomingOfferings: number;
  skills: number;
}

/** "Upcoming" = not cancelled and starting today or later. */
export async function listInstitutionCourses(db: Db, institutionId: string, today = new Date()): Promise<InstitutionCourseRow[]> {
  const startOfToday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const rows = await db.course.findMany({
    where: { institutionId },
    select: {
      id: true,
      title: true,
      amuCode: true,
      _count: { select: { skills: true, offerings: { where: { cancelledAt: null, startDate: { gte: startOfToday } } } } },
    },
    orderBy: { title: "asc" },
    take: 200,
  });
  return rows.map(({ _count, ...row }) => ({ ...row, upcomingOfferings: _count.offerings, skills: _count.skills }));
}

export interface InstitutionFigures {
  courses: number;
  upcomingOfferings: number;
  upcomingSeats: number;
}

export async function institutionFigures(db: Db, institutionId: string, today = new Date()): Promise<InstitutionFigures> {
  const startOfToday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate()));
  const upcoming = { course: { institutionId }, cancelledAt: null, startDate: { gte: startOfToday } };
  const [courses, offerings] = await Promise.all([
    db.course.count({ where: { institutionId } }),
    db.courseOffering.aggregate({ where: upcoming, _count: { _all: true }, _sum: { seats: true } }),
  ]);
  return { courses, upcomingOfferings: offerings._count._all, upcomingSeats: offerings._sum.seats ?? 0 };
}
