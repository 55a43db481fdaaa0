// The Prisma access of the institution portal's overview pages. Every query is
// scoped by the institution's id.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;

export interface CourseWithCounts {
  id: string;
  title: string;
  amuCode: string | null;
  /** Offerings not cancelled and starting at `from` or later. */
  upcomingOfferings: number;
  skills: number;
}

export async function listCoursesWithCounts(db: Client, institutionId: string, from: Date): Promise<CourseWithCounts[]> {
  const rows = await db.course.findMany({
    where: { institutionId },
    select: {
      id: true,
      title: true,
      amuCode: true,
      _count: { select: { skills: true, offerings: { where: { cancelledAt: null, startDate: { gte: from } } } } },
    },
    orderBy: { title: "asc" },
    take: 200,
  });
  return rows.map(({ _count, ...row }) => ({ ...row, upcomingOfferings: _count.offerings, skills: _count.skills }));
}

export function countCourses(db: Client, institutionId: string): Promise<number> {
  return db.course.count({ where: { institutionId } });
}

/** Offerings not cancelled and starting at `from` or later, and their seats. */
export async function countUpcomingOfferings(db: Client, institutionId: string, from: Date): Promise<{ offerings: number; seats: number }> {
  const result = await db.courseOffering.aggregate({
    where: { course: { institutionId }, cancelledAt: null, startDate: { gte: from } },
    _count: { _all: true },
    _sum: { seats: true },
  });
  return { offerings: result._count._all, seats: result._sum.seats ?? 0 };
}
