// An educational institution's courses, scoped by the institution's id.
import type { Db } from "~/utils/db.server";

export interface InstitutionCourseRow {
  id: string;
  title: string;
  amuCode: string | null;
  upcomingOfferings: number;
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
      _count: { select: { offerings: { where: { cancelledAt: null, startDate: { gte: startOfToday } } } } },
    },
    orderBy: { title: "asc" },
    take: 200,
  });
  return rows.map(({ _count, ...row }) => ({ ...row, upcomingOfferings: _count.offerings }));
}
