// Vacancies index: retrieval for candidate → vacancies matching and for
// consultants' vacancy search. Every status is indexed; queries filter by it.
import type { Settings } from "meilisearch";
import type { Prisma, VacancyStatus } from "~/generated/prisma/client";
import { afterIdWhere, type DbReader, type IndexDefinition } from "./definition";
import { TEXT_TYPO_TOLERANCE, toGeo, toUnixSeconds, type GeoPoint } from "./fields";
import { DANISH_STOP_WORDS } from "./stop-words";

export interface VacancyDocument {
  id: string;
  organisationId: string;
  status: VacancyStatus;
  title: string;
  occupationId: string | null;
  requiredSkillIds: string[];
  niceSkillIds: string[];
  /** Unix seconds. */
  startDate: number;
  requiresDrivingLicence: boolean;
  acceptsUpskilling: boolean;
  showNearMisses: boolean;
  languages: string[];
  _geo?: GeoPoint;
  postalCode: string;
  municipalityCode: string | null;
}

export const vacancySelect = {
  id: true,
  organisationId: true,
  status: true,
  title: true,
  occupationId: true,
  startDate: true,
  requiresDrivingLicence: true,
  acceptsUpskilling: true,
  showNearMisses: true,
  languages: true,
  latitude: true,
  longitude: true,
  postalCode: true,
  skills: { select: { skillId: true, requirement: true }, orderBy: { skillId: "asc" } },
} satisfies Prisma.VacancySelect;

export type VacancyRow = Prisma.VacancyGetPayload<{ select: typeof vacancySelect }> & {
  /** Looked up from the postal code table when it knows the code. */
  municipalityCode: string | null;
};

export const vacancySettings = {
  searchableAttributes: ["title"],
  filterableAttributes: [
    "organisationId",
    "status",
    "occupationId",
    "requiredSkillIds",
    "niceSkillIds",
    "startDate",
    "requiresDrivingLicence",
    "acceptsUpskilling",
    "languages",
    "_geo",
    "postalCode",
    "municipalityCode",
  ],
  sortableAttributes: ["startDate", "_geo"],
  stopWords: [...DANISH_STOP_WORDS],
  synonyms: {},
  typoTolerance: { ...TEXT_TYPO_TOLERANCE, disableOnAttributes: [] },
  // Matching retrieves everyone in reach in one query per radius band (search/queries/matching.ts).
  pagination: { maxTotalHits: 5000 },
} satisfies Settings;

export function toDocument(row: VacancyRow): VacancyDocument {
  const geo = toGeo(row.latitude, row.longitude);
  return {
    id: row.id,
    organisationId: row.organisationId,
    status: row.status,
    title: row.title,
    occupationId: row.occupationId,
    requiredSkillIds: row.skills.filter((s) => s.requirement === "REQUIRED").map((s) => s.skillId),
    niceSkillIds: row.skills.filter((s) => s.requirement === "NICE_TO_HAVE").map((s) => s.skillId),
    startDate: toUnixSeconds(row.startDate),
    requiresDrivingLicence: row.requiresDrivingLicence,
    acceptsUpskilling: row.acceptsUpskilling,
    showNearMisses: row.showNearMisses,
    languages: row.languages,
    ...(geo ? { _geo: geo } : {}),
    postalCode: row.postalCode,
    municipalityCode: row.municipalityCode,
  };
}

/** postal code → municipality code, for the codes the table knows. */
export async function municipalityCodes(db: DbReader, postalCodes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(postalCodes)];
  if (unique.length === 0) return new Map();
  const rows = await db.postalCode.findMany({ where: { code: { in: unique } }, select: { code: true, municipalityCode: true } });
  return new Map(rows.flatMap((r) => (r.municipalityCode ? [[r.code, r.municipalityCode] as const] : [])));
}

export const vacanciesIndex: IndexDefinition<VacancyDocument> = {
  name: "vacancies",
  primaryKey: "id",
  settings: vacancySettings,
  async load(db: DbReader, ids) {
    const rows = await db.vacancy.findMany({ where: { id: { in: [...ids] } }, select: vacancySelect });
    const municipalities = await municipalityCodes(db, rows.map((r) => r.postalCode));
    return rows.map((row) => toDocument({ ...row, municipalityCode: municipalities.get(row.postalCode) ?? null }));
  },
  async pageIds(db: DbReader, afterId, take) {
    const rows = await db.vacancy.findMany({ where: afterIdWhere(afterId), select: { id: true }, orderBy: { id: "asc" }, take });
    return rows.map((r) => r.id);
  },
};
