// Course use cases for institutions. A course write announces "course.changed",
// an offering write "offering.changed", in the same transaction: offerings are
// what upskilling paths are built from.
import type { Prisma } from "~/generated/prisma/client";
import { ConflictError, NotFoundError } from "~/lib/errors";
import { assertSkillsExist, resolvePostalCode, type Place } from "~/modules/references/references.server";
import { writeOutbox } from "~/lib/outbox/outbox.server";
import type { Db } from "~/lib/db.server";
import { toCourseDto, toOfferingDto, type CourseDto, type OfferingDto } from "./dto";
import {
  courseExists,
  courseTitleTaken,
  findCourse,
  findOffering,
  insertCourse,
  insertOffering,
  listCourses as listCourseRows,
  listOfferings as listOfferingRows,
  markOfferingCancelled,
  replaceCourse,
} from "./repository.server";
import type { CourseCreateInput, OfferingCreateInput } from "./schema";

type Tx = Prisma.TransactionClient;

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
    return await db.$transaction((tx) => createCourseIn(tx, actor, input));
  } catch (error) {
    // A concurrent create with the same title passes the check; the unique index catches it.
    if (isUniqueViolation(error)) throw titleClash();
    throw error;
  }
}

/** createCourse inside the caller's transaction (e.g. a catalogue import saving many courses at once). */
export async function createCourseIn(tx: Tx, actor: CourseActor, input: CourseCreateInput): Promise<CourseDto> {
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
}

/** Replaces a course's fields and the skills it teaches. */
export async function updateCourse(db: Db, actor: CourseActor, id: string, input: CourseCreateInput): Promise<CourseDto> {
  try {
    return await db.$transaction((tx) => updateCourseIn(tx, actor, id, input));
  } catch (error) {
    if (isUniqueViolation(error)) throw titleClash();
    throw error;
  }
}

export async function updateCourseIn(tx: Tx, actor: CourseActor, id: string, input: CourseCreateInput): Promise<CourseDto> {
  if (!(await courseExists(tx, actor.organisationId, id))) throw new NotFoundError("Course");
  await assertSkillsExist(tx, { skillIds: input.skillIds });
  if (await courseTitleTaken(tx, actor.organisationId, input.title, id)) throw titleClash();
  const row = await replaceCourse(
    tx,
    id,
    { title: input.title, description: input.description ?? "", amuCode: input.amuCode ?? null, durationDays: input.durationDays ?? null },
    input.skillIds,
  );
  await writeOutbox(tx, "course.changed", row.id);
  return toCourseDto(row);
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === "P2002";

export async function listOfferings(db: Db, actor: CourseActor, courseId: string): Promise<OfferingDto[]> {
  if (!(await courseExists(db, actor.organisationId, courseId))) throw new NotFoundError("Course");
  return (await listOfferingRows(db, courseId)).map(toOfferingDto);
}

export async function createOffering(db: Db, actor: CourseActor, courseId: string, input: OfferingCreateInput): Promise<OfferingDto> {
  return db.$transaction((tx) => createOfferingIn(tx, actor, courseId, input));
}

export async function createOfferingIn(tx: Tx, actor: CourseActor, courseId: string, input: OfferingCreateInput): Promise<OfferingDto> {
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
}

/**
 * Cancels an offering: it stays for its history (reservations, outcomes) but is
 * no longer offered, so matching drops it from upskilling paths. Idempotent.
 */
export async function cancelOffering(db: Db, actor: CourseActor, courseId: string, offeringId: string, now = new Date()): Promise<OfferingDto> {
  return db.$transaction(async (tx) => {
    if (!(await courseExists(tx, actor.organisationId, courseId))) throw new NotFoundError("Course");
    const existing = await findOffering(tx, courseId, offeringId);
    if (!existing) throw new NotFoundError("Offering");
    if (existing.cancelledAt) return toOfferingDto(existing);
    const row = await markOfferingCancelled(tx, offeringId, now);
    await writeOutbox(tx, "offering.changed", row.id);
    return toOfferingDto(row);
  });
}
