// The consultant's candidate list: search and facets over the jobcentre's own
// candidates, in PostgreSQL (docs/decisions/011-consultant-portal.md explains
// why not the Meilisearch index). Names are shown, so every page of the list
// is recorded in the audit log: one READ event per candidate shown.
import type { CandidateStatus } from "~/generated/prisma/enums";
import { recordAudits } from "~/modules/candidates/repository.server";
import { danishToday } from "~/modules/outcomes/today";
import type { Db } from "~/lib/db.server";
import {
  candidateListFilter,
  countListedAvailableBy,
  countListedByPostalCode,
  countListedByStatus,
  countListedCandidates,
  countTopListedSkills,
  findListedCandidates,
  findMunicipalitiesOfPostalCodes,
  findMunicipalityName,
  findSkillLabels,
} from "./candidate-list.repository.server";
import type { AvailabilityBucket, CandidateListQuery } from "./schema";

export const CANDIDATE_PAGE_SIZE = 25;
export const LIST_AUDIT = { resource: "candidate-list", reason: "consultant list" } as const;

const DAY_MS = 86_400_000;
export const AVAILABILITY_DAYS: Record<AvailabilityBucket, number> = { now: 0, "30": 30, "90": 90 };

const availableBy = (today: Date, bucket: AvailabilityBucket) => new Date(today.getTime() + AVAILABILITY_DAYS[bucket] * DAY_MS);

export interface CandidateListActor {
  organisationId: string;
  userId: string | null;
}

export async function searchCandidates(db: Db, actor: CandidateListActor, query: CandidateListQuery, today = danishToday()) {
  const jobcentreId = actor.organisationId;
  const filter = await candidateListFilter(db, jobcentreId, {
    q: query.q,
    skills: query.skills,
    availableBy: query.available ? availableBy(today, query.available) : undefined,
    municipality: query.municipality,
    status: query.status,
  });
  const page = Math.max(1, query.page);

  const [total, rows, statusRows, placeRows, skillRows, availability] = await Promise.all([
    countListedCandidates(db, filter),
    findListedCandidates(db, filter, { skip: (page - 1) * CANDIDATE_PAGE_SIZE, take: CANDIDATE_PAGE_SIZE }),
    countListedByStatus(db, filter),
    countListedByPostalCode(db, filter),
    countTopListedSkills(db, filter),
    Promise.all(
      (Object.keys(AVAILABILITY_DAYS) as AvailabilityBucket[]).map(async (bucket) => ({
        value: bucket,
        count: await countListedAvailableBy(db, filter, availableBy(today, bucket)),
      })),
    ),
  ]);

  // Names are on the page: the audit log says who saw them, when and why, before they leave the server.
  if (rows.length) {
    await recordAudits(
      db,
      rows.map((r) => ({ actorOrgId: jobcentreId, actorUserId: actor.userId, candidateId: r.id, action: "READ" as const, ...LIST_AUDIT })),
    );
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
  const places = await findMunicipalitiesOfPostalCodes(db, rows.map((r) => r.postalCode));
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
    const name = await findMunicipalityName(db, selected);
    if (name !== null) counts.set(selected, { value: selected, label: name, count: 0 });
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "da"));
}

async function skillFacet(db: Db, rows: { skillId: string; _count: { skillId: number } }[], selected: string[]) {
  const ids = [...new Set([...selected, ...rows.map((r) => r.skillId)])];
  const labels = ids.length ? await findSkillLabels(db, ids) : [];
  const byId = new Map(labels.map((s) => [s.id, s]));
  return ids.flatMap((id) => {
    const skill = byId.get(id);
    if (!skill) return [];
    return [{ value: id, labelDa: skill.labelDa, labelEn: skill.labelEn, count: rows.find((r) => r.skillId === id)?._count.skillId ?? 0, selected: selected.includes(id) }];
  });
}
