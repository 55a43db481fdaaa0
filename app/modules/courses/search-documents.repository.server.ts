// What the offerings index (search/indexes/offerings.ts) reads of course
// offerings: every offering, cancelled and past ones too (queries filter them
// out), with its course's title and skills and the seats still free. Not
// scoped by institution: matching looks across all of them.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import { afterIdWhere } from "~/lib/keyset";
import { offeringCoreSelect } from "./repository.server";

type Reader = Db | Prisma.TransactionClient;

export const offeringDocumentSelect = {
  ...offeringCoreSelect,
  latitude: true,
  longitude: true,
  seats: true,
  cancelledAt: true,
  course: {
    select: {
      institutionId: true,
      title: true,
      skills: { select: { skillId: true }, orderBy: { skillId: "asc" } },
    },
  },
  _count: { select: { reservations: { where: { status: "RESERVED" } } } },
} satisfies Prisma.CourseOfferingSelect;

export type OfferingDocumentRow = Prisma.CourseOfferingGetPayload<{ select: typeof offeringDocumentSelect }>;

/** Rows of those of `ids` that exist. */
export async function findOfferingDocumentRows(db: Reader, ids: readonly string[]): Promise<OfferingDocumentRow[]> {
  return db.courseOffering.findMany({ where: { id: { in: [...ids] } }, select: offeringDocumentSelect });
}

/** Every offering's id after `afterId`, ascending. */
export async function pageOfferingIds(db: Reader, afterId: string | null, take: number): Promise<string[]> {
  const rows = await db.courseOffering.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
  return rows.map((r) => r.id);
}

/** The offerings of these courses: a course's title and skills are part of each of its offerings' documents. */
export async function offeringIdsOfCourses(db: Reader, courseIds: readonly string[]): Promise<string[]> {
  const rows = await db.courseOffering.findMany({ where: { courseId: { in: [...courseIds] } }, select: { id: true } });
  return rows.map((r) => r.id);
}
