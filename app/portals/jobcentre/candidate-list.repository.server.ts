// The queries behind the consultant's candidate list (candidate-list.server.ts).
// Every candidate count and page goes through a CandidateListFilter, which holds
// the jobcentre's own id: no facet can count another jobcentre's candidates.
import type { Prisma } from "~/generated/prisma/client";
import type { CandidateStatus } from "~/generated/prisma/enums";
import type { Db } from "~/lib/db.server";

type Where = Prisma.CandidateWhereInput;
type FacetName = "skills" | "available" | "municipality" | "status";

export interface CandidateListCriteria {
  q?: string;
  skills: string[];
  /** Available on or before this day. */
  availableBy?: Date;
  municipality?: string;
  status?: CandidateStatus;
}

/** One condition per filter, so each facet can be counted without its own filter. */
export type CandidateListFilter = Readonly<Record<FacetName | "base" | "q", Where>>;

async function postalCodesOf(db: Db, municipalityCode: string): Promise<string[]> {
  return (await db.postalCode.findMany({ where: { municipalityCode }, select: { code: true } })).map((p) => p.code);
}

export async function candidateListFilter(db: Db, jobcentreId: string, criteria: CandidateListCriteria): Promise<CandidateListFilter> {
  const words = (criteria.q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
  return {
    base: { jobcentreId },
    q: words.length
      ? {
          AND: words.map((w) => ({
            OR: [
              { pseudonym: { contains: w, mode: "insensitive" as const } },
              { firstName: { contains: w, mode: "insensitive" as const } },
              { lastName: { contains: w, mode: "insensitive" as const } },
              { email: { contains: w, mode: "insensitive" as const } },
            ],
          })),
        }
      : {},
    skills: criteria.skills.length ? { AND: criteria.skills.map((skillId) => ({ skills: { some: { skillId } } })) } : {},
    available: criteria.availableBy ? { availableFrom: { lte: criteria.availableBy } } : {},
    municipality: criteria.municipality ? { postalCode: { in: await postalCodesOf(db, criteria.municipality) } } : {},
    status: criteria.status ? { status: criteria.status } : {},
  };
}

const whereWithout = (c: CandidateListFilter, skip?: FacetName): Where => ({
  AND: (Object.keys(c) as (keyof CandidateListFilter)[]).filter((k) => k !== skip).map((k) => c[k]),
});

export async function countListedCandidates(db: Db, filter: CandidateListFilter): Promise<number> {
  return db.candidate.count({ where: whereWithout(filter) });
}

/** A page of the list, most recently active first. Names are selected: the caller audits the read. */
export async function findListedCandidates(db: Db, filter: CandidateListFilter, page: { skip: number; take: number }) {
  return db.candidate.findMany({
    where: whereWithout(filter),
    orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
    skip: page.skip,
    take: page.take,
    select: {
      id: true,
      pseudonym: true,
      firstName: true,
      lastName: true,
      status: true,
      postalCode: true,
      city: true,
      availableFrom: true,
      hasDrivingLicence: true,
      _count: { select: { skills: true, matches: { where: { current: true } } } },
    },
  });
}

export async function countListedByStatus(db: Db, filter: CandidateListFilter) {
  return db.candidate.groupBy({ by: ["status"], where: whereWithout(filter, "status"), _count: { _all: true } });
}

export async function countListedByPostalCode(db: Db, filter: CandidateListFilter) {
  return db.candidate.groupBy({ by: ["postalCode"], where: whereWithout(filter, "municipality"), _count: { _all: true } });
}

/** The 15 skills most listed candidates hold. */
export async function countTopListedSkills(db: Db, filter: CandidateListFilter) {
  return db.candidateSkill.groupBy({ by: ["skillId"], where: { candidate: whereWithout(filter) }, _count: { skillId: true }, orderBy: { _count: { skillId: "desc" } }, take: 15 });
}

/** Listed candidates, whatever availability was asked for, who are available by `day`. */
export async function countListedAvailableBy(db: Db, filter: CandidateListFilter, day: Date): Promise<number> {
  return db.candidate.count({ where: { AND: [whereWithout(filter, "available"), { availableFrom: { lte: day } }] } });
}

export async function findMunicipalitiesOfPostalCodes(db: Db, postalCodes: string[]) {
  return db.postalCode.findMany({
    where: { code: { in: postalCodes } },
    select: { code: true, municipality: { select: { code: true, name: true } } },
  });
}

export async function findMunicipalityName(db: Db, code: string): Promise<string | null> {
  return (await db.municipality.findUnique({ where: { code }, select: { name: true } }))?.name ?? null;
}

export async function findSkillLabels(db: Db, skillIds: string[]) {
  return db.skill.findMany({ where: { id: { in: skillIds } }, select: { id: true, labelDa: true, labelEn: true } });
}
