// The consultant's candidate list: search and facets over the jobcentre's own
// candidates, in PostgreSQL (docs/decisions/011-consultant-portal.md explains
// why not the Meilisearch index). Names are shown, so every page of the list
// is recorded in the audit log: one READ event per candidate shown.
import type { Prisma } from "~/generated/prisma/client";
import type { CandidateStatus } from "~/generated/prisma/enums";
import { danishToday } from "~/modules/outcomes/today";
import type { Db } from "~/lib/db.server";
import type { AvailabilityBucket, CandidateListQuery } from "./schema";

export const CANDIDATE_PAGE_SIZE = 25;
export const LIST_AUDIT = { resource: "candidate-list", reason: "consultant list" } as const;

const DAY_MS = 86_400_000;
export const AVAILABILITY_DAYS: Record<AvailabilityBucket, number> = { now: 0, "30": 30, "90": 90 };

type Where = Prisma.CandidateWhereInput;
type FacetName = "skills" | "available" | "municipality" | "status";

async function postalCodesOf(db: Db, municipalityCode: string): Promise<string[]> {
  return (await db.postalCode.findMany({ where: { municipalityCode }, select: { code: true } })).map((p) => p.code);
}

/** One condition per filter, so each facet can be counted without its own filter. */
async function conditions(db: Db, jobcentreId: string, query: CandidateListQuery, today: Date): Promise<Record<FacetName | "base" | "q", Where>> {
  const words = (query.q ?? "").split(/\s+/).filter(Boolean).slice(0, 5);
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
    skills: query.skills.length ? { AND: query.skills.map((skillId) => ({ skills: { some: { skillId } } })) } : {},
    available: query.available ? { availableFrom: { lte: new Date(today.getTime() + AVAILABILITY_DAYS[query.available] * DAY_MS) } } : {},
    municipality: query.municipality ? { postalCode: { in: await postalCodesOf(db, query.municipality) } } : {},
    status: query.status ? { status: query.status } : {},
  };
}

const whereWithout = (c: Awaited<ReturnType<typeof conditions>>, skip?: FacetName): Where => ({
  AND: (Object.keys(c) as (keyof typeof c)[]).filter((k) => k !== skip).map((k) => c[k]),
});

export interface CandidateListActor {
  organisationId: string;
  userId: string | null;
}

export async function searchCandidates(db: Db, actor: CandidateListActor, query: CandidateListQuery, today = danishToday()) {
  const jobcentreId = actor.organisationId;
  const c = await conditions(db, jobcentreId, query, today);
  const where = whereWithout(c);
  const page = Math.max(1, query.page);

  const [total, rows, statusRows, placeRows, skillRows, availability] = await Promise.all([
    db.candidate.count({ where }),
    db.candidate.findMany({
      where,
      orderBy: [{ lastActivityAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * CANDIDATE_PAGE_SIZE,
      take: CANDIDATE_PAGE_SIZE,
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
    }),
    db.candidate.groupBy({ by: ["status"], where: whereWithout(c, "status"), _count: { _all: true } }),
    db.candidate.groupBy({ by: ["postalCode"], where: whereWithout(c, "municipality"), _count: { _all: true } }),
    db.candidateSkill.groupBy({ by: ["skillId"], where: { candidate: where }, _count: { skillId: true }, orderBy: { _count: { skillId: "desc" } }, take: 15 }),
    Promise.all(
      (Object.keys(AVAILABILITY_DAYS) as AvailabilityBucket[]).map(async (bucket) => ({
        value: bucket,
        count: await db.candidate.count({
          where: { AND: [whereWithout(c, "available"), { availableFrom: { lte: new Date(today.getTime() + AVAILABILITY_DAYS[bucket] * DAY_MS) } }] },
        }),
      })),
    ),
  ]);

  // Names are on the page: the audit log says who saw them, when and why, before they leave the server.
  if (rows.length) {
    await db.auditEvent.createMany({
      data: rows.map((r) => ({ actorOrgId: jobcentreId, actorUserId: actor.userId, candidateId: r.id, action: "READ", ...LIST_AUDIT })),
    });
  }

  const [municipalities, skills] = await Promise.all([municipalityFacet(db, placeRows, query.municipality), skillFacet(db, skillRows, query.skills)]);
  return {
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / CANDIDATE_PAGE_SIZE)),
    rows: rows.map((r) => ({
      id: r.id,
      pseudonym: r.pseudonym,
      name: `${r.firstName} ${r.lastName}`,
      status: r.status,
      postalCode: r.postalCode,
      city: r.city,
      availableFrom: r.availableFrom.toISOString(),
      hasDrivingLicence: r.hasDrivingLicence,
      skillCount: r._count.skills,
      matchCount: r._count.matches,
    })),
    facets: {
      status: (["ACTIVE", "INACTIVE", "EMPLOYED"] as CandidateStatus[]).map((value) => ({
        value,
        count: statusRows.find((s) => s.status === value)?._count._all ?? 0,
      })),
      availability,
      municipalities,
      skills,
    },
  };
}

async function municipalityFacet(db: Db, rows: { postalCode: string; _count: { _all: number } }[], selected?: string) {
  const places = await db.postalCode.findMany({
    where: { code: { in: rows.map((r) => r.postalCode) } },
    select: { code: true, municipality: { select: { code: true, name: true } } },
  });
  const byPostal = new Map(places.flatMap((p) => (p.municipality ? [[p.code, p.municipality] as const] : [])));
  const counts = new Map<string, { value: string; label: string; count: number }>();
  for (const r of rows) {
    const m = byPostal.get(r.postalCode);
    if (!m) continue;
    const entry = counts.get(m.code) ?? { value: m.code, label: m.name, count: 0 };
    entry.count += r._count._all;
    counts.set(m.code, entry);
  }
  if (selected && !counts.has(selected)) {
    const m = await db.municipality.findUnique({ where: { code: selected }, select: { name: true } });
    if (m) counts.set(selected, { value: selected, label: m.name, count: 0 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "da"));
}

async function skillFacet(db: Db, rows: { skillId: string; _count: { skillId: number } }[], selected: string[]) {
  const ids = [...new Set([...selected, ...rows.map((r) => r.skillId)])];
  const labels = ids.length ? await db.skill.findMany({ where: { id: { in: ids } }, select: { id: true, labelDa: true, labelEn: true } }) : [];
  const byId = new Map(labels.map((s) => [s.id, s]));
  return ids.flatMap((id) => {
    const skill = byId.get(id);
    if (!skill) return [];
    return [{ value: id, labelDa: skill.labelDa, labelEn: skill.labelEn, count: rows.find((r) => r.skillId === id)?._count.skillId ?? 0, selected: selected.includes(id) }];
  });
}
