// Course use cases for institutions. A course write announces "course.changed",
// an offering write "offering.changed", in the same transaction: offerings are
// what upskilling paths are built from.
import type { Prisma } from "~/generated/prisma/client";
import { ConflictError, NotFoundError } from "~/modules/api/errors";
import { assertSkillsExist, resolvePostalCode, type Place } from "~/modules/api/references.server";
import { writeOutbox } from "~/modules/outbox/outbox.server";
import type { Db } from "~/utils/db.server";
import { toCourseDto, toOfferingDto, type CourseDto, type OfferingDto } from "./dto";
import { courseExists, courseTitleTaken, findCourse, insertCourse, insertOffering, listCourses as listCourseRows, listOfferings as listOfferingRows } from "./repository.server";
import type { CourseCreateInput, OfferingCreateInput } from "./schema";

export interface CourseActor {
  organisationId: string;
  userId?: string | null;
}

export async function listCourses(db: Db, actor: CourseActor): Promise<CourseDto[]> {
  return (await listCourseRows(db, actor.organisationId)).map(toCourseDto);
}

export async function getCourse(db: Db, actor: CourseActor, id: string): Promise<CourseDto> {
  const row = await findCourse(db, actor.organisationId, id);
  if (!row) throw new NotFoundError("Course");
  return toCourseDto(row);
}

const titleClash = () => new ConflictError("This institution already has a course with that title", { title: "Already in use" });

export async function createCourse(db: Db, actor: CourseActor, input: CourseCreateInput): Promise<CourseDto> {
  try {
    return await db.$transaction(async (tx) => {
      await assertSkillsExist(tx, { skillIds: input.skillIds });
      if (await courseTitleTaken(tx, actor.organisationId, input.title)) throw titleClash();
      const row = await insertCourse(
        tx,
        {
          institutionId: actor.organisationId,
          title: input.title,
          description: input.description ?? "",
          amuCode: input.amuCode ?? null,
          durationDays: input.durationDays ?? null,
        },
        input.skillIds,
      );
      await writeOutbox(tx, "course.changed", row.id);
      return toCourseDto(row);
    });
  } catch (error) {
    // A concurrent create with the same title passes the check; the unique index catches it.
    if ((error as { code?: string }).code === "P2002") throw titleClash();
    throw error;
  }
}

export async function listOfferings(db: Db, actor: CourseActor, courseId: string): Promise<OfferingDto[]> {
  if (!(await courseExists(db, actor.organisationId, courseId))) throw new NotFoundError("Course");
  return (await listOfferingRows(db, courseId)).map(toOfferingDto);
}

export async function createOffering(db: Db, actor: CourseActor, courseId: string, input: OfferingCreateInput): Promise<OfferingDto> {
  return db.$transaction(async (tx: Prisma.TransactionClient) => {
    if (!(await courseExists(tx, actor.organisationId, courseId))) throw new NotFoundError("Course");
    const place: Place | null = input.postalCode ? await resolvePostalCode(tx, input.postalCode) : null;
    const row = await insertOffering(tx, {
      courseId,
      startDate: input.startDate,
      endDate: input.endDate,
      online: input.online ?? false,
      seats: input.seats,
      postalCode: place?.postalCode ?? null,
      city: place?.city ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
    });
    await writeOutbox(tx, "offering.changed", row.id);
    return toOfferingDto(row);
  });
}
