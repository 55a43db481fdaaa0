// The only Prisma access for courses and offerings, scoped by institution.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

type Client = Db | Prisma.TransactionClient;
type Tx = Prisma.TransactionClient;

/** What every reader of an offering needs: when, where and for which course. */
export const offeringCoreSelect = {
  id: true,
  courseId: true,
  startDate: true,
  endDate: true,
  online: true,
  postalCode: true,
} satisfies Prisma.CourseOfferingSelect;

export const offeringSelect = {
  ...offeringCoreSelect,
  city: true,
  seats: true,
  cancelledAt: true,
  createdAt: true,
} satisfies Prisma.CourseOfferingSelect;

export const courseSelect = {
  id: true,
  title: true,
  description: true,
  amuCode: true,
  durationDays: true,
  createdAt: true,
  updatedAt: true,
  skills: { select: { skillId: true, skill: { select: { labelEn: true, labelDa: true } } }, orderBy: { skillId: "asc" } },
  offerings: { select: offeringSelect, orderBy: [{ startDate: "asc" }, { id: "asc" }] },
} satisfies Prisma.CourseSelect;

export type CourseRow = Prisma.CourseGetPayload<{ select: typeof courseSelect }>;
export type OfferingRow = Prisma.CourseOfferingGetPayload<{ select: typeof offeringSelect }>;

export async function findCourse(db: Client, institutionId: string, id: string): Promise<CourseRow | null> {
  return db.course.findFirst({ where: { id, institutionId }, select: courseSelect });
}

export async function courseExists(db: Client, institutionId: string, id: string): Promise<boolean> {
  return (await db.course.count({ where: { id, institutionId } })) === 1;
}

/** `exceptId`: the course being renamed may keep its own title. */
export async function courseTitleTaken(db: Client, institutionId: string, title: string, exceptId?: string): Promise<boolean> {
  return (await db.course.count({ where: { institutionId, title, ...(exceptId ? { id: { not: exceptId } } : {}) } })) > 0;
}

/** The course of that title, if the institution has one (titles are unique per institution). */
export async function findCourseByTitle(
  db: Client,
  institutionId: string,
  title: string,
): Promise<{ id: string; description: string; amuCode: string | null; durationDays: number | null } | null> {
  return db.course.findFirst({ where: { institutionId, title }, select: { id: true, description: true, amuCode: true, durationDays: true } });
}

export async function listCourses(db: Client, institutionId: string): Promise<CourseRow[]> {
  return db.course.findMany({ where: { institutionId }, select: courseSelect, orderBy: [{ title: "asc" }, { id: "asc" }], take: 500 });
}

export async function insertCourse(tx: Tx, data: Omit<Prisma.CourseUncheckedCreateInput, "skills">, skillIds: string[]): Promise<CourseRow> {
  return tx.course.create({ data: { ...data, skills: { create: skillIds.map((skillId) => ({ skillId })) } }, select: courseSelect });
}

/** Offerings of a course the caller has already checked belongs to its institution. */
export async function listOfferings(db: Client, courseId: string): Promise<OfferingRow[]> {
  return db.courseOffering.findMany({ where: { courseId }, select: offeringSelect, orderBy: [{ startDate: "asc" }, { id: "asc" }] });
}

export async function insertOffering(tx: Tx, data: Prisma.CourseOfferingUncheckedCreateInput): Promise<OfferingRow> {
  return tx.courseOffering.create({ data, select: offeringSelect });
}

/** A course the caller has already checked belongs to its institution. */
export async function replaceCourse(
  tx: Tx,
  id: string,
  data: Pick<Prisma.CourseUncheckedUpdateInput, "title" | "description" | "amuCode" | "durationDays">,
  skillIds: string[],
): Promise<CourseRow> {
  await tx.courseSkill.deleteMany({ where: { courseId: id } });
  return tx.course.update({ where: { id }, data: { ...data, skills: { create: skillIds.map((skillId) => ({ skillId })) } }, select: courseSelect });
}

/** An offering of a course the caller has already checked belongs to its institution. */
export async function findOffering(db: Client, courseId: string, id: string): Promise<OfferingRow | null> {
  return db.courseOffering.findFirst({ where: { id, courseId }, select: offeringSelect });
}

export async function markOfferingCancelled(tx: Tx, id: string, at: Date): Promise<OfferingRow> {
  return tx.courseOffering.update({ where: { id }, data: { cancelledAt: at }, select: offeringSelect });
}
