// Saves a course catalogue read from CSV (catalogue-import.ts): the lookups the
// validation needs, then every course and offering in ONE transaction through
// the course use cases, so each write carries its outbox row and a failure
// leaves nothing behind.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";
import {
  collectReferences,
  readCatalogue,
  skillLookup,
  validateCatalogue,
  type CatalogueLookups,
  type CatalogueRow,
  type FileError,
  type ImportCourse,
  type RowError,
} from "./catalogue-import";
import { findFirstLocatedPostalCode, findLocatedPostalCodes, findSkillsByToken, listFirstSkills, type SkillLabels } from "./catalogue.repository.server";
import { findCourseByTitle } from "./repository.server";
import { createCourseIn, createOfferingIn, updateCourseIn, type CourseActor } from "./service.server";

type Tx = Prisma.TransactionClient;

export type CatalogueImportResult =
  | { status: "saved"; rows: number; created: number; updated: number; offerings: number }
  | { status: "fileError"; fileError: FileError }
  | { status: "rowErrors"; errors: RowError[] };

/** Large catalogues take a while: one transaction for all of it, with room to finish. */
const IMPORT_TRANSACTION = { timeout: 120_000, maxWait: 10_000 } as const;

export async function loadCatalogueLookups(db: Db | Tx, rows: readonly CatalogueRow[]): Promise<CatalogueLookups> {
  const { skillTokens, postalCodes } = collectReferences(rows);
  const skills = skillTokens.length ? await findSkillsByToken(db, skillTokens) : [];
  // Matching measures distances from an offering's place: a code without a location cannot be used.
  const places = postalCodes.length ? await findLocatedPostalCodes(db, postalCodes) : [];
  return { skills: skillLookup(skills), postalCodes: new Set(places) };
}

export async function importCatalogue(db: Db, actor: CourseActor, text: string): Promise<CatalogueImportResult> {
  const read = readCatalogue(text);
  if (!read.ok) return { status: "fileError", fileError: read.fileError };
  const validated = validateCatalogue(read.rows, await loadCatalogueLookups(db, read.rows));
  if (!validated.ok) return { status: "rowErrors", errors: validated.errors };
  const counts = await db.$transaction((tx) => saveCourses(tx, actor, validated.courses), IMPORT_TRANSACTION);
  return { status: "saved", rows: validated.rows, ...counts };
}

async function saveCourses(tx: Tx, actor: CourseActor, courses: readonly ImportCourse[]) {
  let created = 0;
  let updated = 0;
  let offerings = 0;
  for (const course of courses) {
    const existing = await findCourseByTitle(tx, actor.organisationId, course.title);
    // A column left empty keeps what the existing course has.
    const input = {
      title: course.title,
      description: course.description ?? existing?.description ?? "",
      amuCode: course.amuCode ?? existing?.amuCode ?? null,
      durationDays: course.durationDays ?? existing?.durationDays ?? null,
      skillIds: course.skillIds,
    };
    const saved = existing ? await updateCourseIn(tx, actor, existing.id, input) : await createCourseIn(tx, actor, input);
    if (existing) updated++;
    else created++;
    for (const offering of course.offerings) {
      await createOfferingIn(tx, actor, saved.id, {
        startDate: new Date(`${offering.startDate}T00:00:00.000Z`),
        endDate: new Date(`${offering.endDate}T00:00:00.000Z`),
        online: offering.online,
        postalCode: offering.postalCode ?? undefined,
        seats: offering.seats,
      });
      offerings++;
    }
  }
  return { created, updated, offerings };
}

/** What a sample catalogue refers to: skills and a postal code that exist in this installation. */
export async function sampleCatalogueReferences(db: Db): Promise<{ skills: SkillLabels[]; postalCode: string | null }> {
  const [skills, postalCode] = await Promise.all([listFirstSkills(db, 3), findFirstLocatedPostalCode(db)]);
  return { skills, postalCode };
}
