// Vacancies index: retrieval for candidate → vacancies matching and for
// consultants' vacancy search. Every status is indexed; queries filter by it.
import type { Settings } from "meilisearch";
import type { VacancyStatus } from "~/generated/prisma/enums";
import { findVacancyDocumentRows, pageVacancyIds, type VacancyDocumentRow } from "~/modules/vacancies/search-documents.repository.server";
import type { DbReader, IndexDefinition } from "./definition";
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

/** The row a document is made from (app/modules/vacancies/search-documents.repository.server.ts). */
export type VacancyRow = VacancyDocumentRow;

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

export const vacanciesIndex: IndexDefinition<VacancyDocument> = {
  name: "vacancies",
  primaryKey: "id",
  settings: vacancySettings,
  async load(db: DbReader, ids) {
    return (await findVacancyDocumentRows(db, ids)).map(toDocument);
  },
  pageIds(db: DbReader, afterId, take) {
    return pageVacancyIds(db, afterId, take);
  },
};
