// The queries behind reading stored matches (read.server.ts). Each read is
// scoped by the reader's organisation before any match is returned.
//
// Privacy: the candidate side of a match is ALWAYS pseudonymous here. The
// candidate selects below never name firstName/lastName/email/phone or the
// consultant, so no caller can leak them by accident.
import type { Prisma } from "~/generated/prisma/client";
import type { Db } from "~/lib/db.server";

/** Only the best this-many are returned; the matcher stores at most 100 per vacancy anyway. */
const MAX_MATCHES = 200;

/** The fields of a stored match both readers return; each adds its own side of the pair. */
const matchFields = {
  id: true,
  kind: true,
  score: true,
  status: true,
  isNew: true,
  explanation: true,
} as const;

/** Current matches, best first, in a stable order. */
const currentMatches = { current: true } as const;
const rankOrder = [{ score: "desc" as const }, { id: "asc" as const }];

/** The vacancy when `scope` (the owning company or the serving jobcentre) allows it. */
export async function findVacancyInScope(db: Db, vacancyId: string, scope: Prisma.VacancyWhereInput) {
  return db.vacancy.findFirst({ where: { id: vacancyId, ...scope }, select: { id: true, title: true, status: true } });
}

export async function findCurrentMatchesOfVacancy(db: Db, vacancyId: string) {
  return db.match.findMany({
    where: { vacancyId, ...currentMatches },
    orderBy: rankOrder,
    take: MAX_MATCHES,
    select: {
      ...matchFields,
      // Pseudonym only: see the note at the top of this file.
      candidate: { select: { id: true, pseudonym: true, jobcentreId: true } },
    },
  });
}

export async function findJobcentreCandidatePseudonym(db: Db, jobcentreId: string, candidateId: string) {
  return db.candidate.findFirst({ where: { id: candidateId, jobcentreId }, select: { id: true, pseudonym: true } });
}

export async function findCurrentMatchesOfCandidate(db: Db, candidateId: string) {
  return db.match.findMany({
    where: { candidateId, ...currentMatches },
    orderBy: rankOrder,
    take: MAX_MATCHES,
    select: {
      ...matchFields,
      vacancy: {
        select: {
          id: true,
          title: true,
          status: true,
          postalCode: true,
          city: true,
          startDate: true,
          organisation: { select: { id: true, name: true } },
        },
      },
    },
  });
}

/** When matches for this scope were last (re)computed: any stored row, current or retired, counts. */
export async function lastMatchUpdateAt(db: Db, scope: { vacancyId: string } | { candidateId: string }): Promise<Date | null> {
  const agg = await db.match.aggregate({ where: scope, _max: { updatedAt: true } });
  return agg._max.updatedAt;
}

export async function findSkillLabels(db: Db, skillIds: string[]) {
  return db.skill.findMany({ where: { id: { in: skillIds } }, select: { id: true, labelEn: true, labelDa: true } });
}

export async function findOfferingPlaces(db: Db, offeringIds: string[]) {
  return db.courseOffering.findMany({
    where: { id: { in: offeringIds } },
    select: { id: true, postalCode: true, city: true, cancelledAt: true, course: { select: { title: true } } },
  });
}
