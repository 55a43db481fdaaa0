// Course offerings index: retrieval for upskilling paths (offerings that teach
// the missing skills, near the candidate, ending before the vacancy starts).
// Cancelled and past offerings stay indexed with their flags and dates; queries
// filter them out, and institutions can still find their own history.
import type { Settings } from "meilisearch";
import { findOfferingDocumentRows, pageOfferingIds, type OfferingDocumentRow } from "~/modules/courses/search-documents.repository.server";
import type { DbReader, IndexDefinition } from "./definition";
import { TEXT_TYPO_TOLERANCE, toGeo, toUnixSeconds, type GeoPoint } from "./fields";
import { DANISH_STOP_WORDS } from "./stop-words";

export interface OfferingDocument {
  id: string;
  courseId: string;
  institutionId: string;
  courseTitle: string;
  skillIds: string[];
  /** Unix seconds. */
  startDate: number;
  /** Unix seconds. */
  endDate: number;
  online: boolean;
  seatsLeft: number;
  /** Only for offerings on site with a known location. */
  _geo?: GeoPoint;
  postalCode: string | null;
  cancelled: boolean;
}

/** The row a document is made from (app/modules/courses/search-documents.repository.server.ts). */
export type OfferingRow = OfferingDocumentRow;

export const offeringSettings = {
  searchableAttributes: ["courseTitle"],
  filterableAttributes: [
    "courseId",
    "institutionId",
    "skillIds",
    "startDate",
    "endDate",
    "online",
    "seatsLeft",
    "_geo",
    "postalCode",
    "cancelled",
  ],
  sortableAttributes: ["startDate", "endDate", "_geo"],
  stopWords: [...DANISH_STOP_WORDS],
  synonyms: {},
  typoTolerance: { ...TEXT_TYPO_TOLERANCE, disableOnAttributes: [] },
  // Matching asks for every offering teaching the required skills of a group of vacancies at once (search/queries/matching.ts).
  pagination: { maxTotalHits: 10000 },
} satisfies Settings;

export function toDocument(row: OfferingRow): OfferingDocument {
  const geo = row.online ? undefined : toGeo(row.latitude, row.longitude);
  return {
    id: row.id,
    courseId: row.courseId,
    institutionId: row.course.institutionId,
    courseTitle: row.course.title,
    skillIds: row.course.skills.map((s) => s.skillId),
    startDate: toUnixSeconds(row.startDate),
    endDate: toUnixSeconds(row.endDate),
    online: row.online,
    seatsLeft: Math.max(0, row.seats - row._count.reservations),
    ...(geo ? { _geo: geo } : {}),
    postalCode: row.postalCode,
    cancelled: row.cancelledAt !== null,
  };
}

export const offeringsIndex: IndexDefinition<OfferingDocument> = {
  name: "offerings",
  primaryKey: "id",
  settings: offeringSettings,
  async load(db: DbReader, ids) {
    return (await findOfferingDocumentRows(db, ids)).map(toDocument);
  },
  pageIds(db: DbReader, afterId, take) {
    return pageOfferingIds(db, afterId, take);
  },
};
