// Candidates index: PSEUDONYMOUS profiles only. Names, e-mail, phone and free
// text never leave PostgreSQL: the rows are read without them
// (app/modules/candidates/matchable.repository.server.ts), and the document
// type has no field to put them in.
//
// Only candidates who may be matched are indexed (ACTIVE with a MATCHING consent
// that is not withdrawn: app/modules/candidates/matchable.ts); sync deletes
// everyone else from the index. The status and consent fields stay in the
// document so that queries can filter on them as a second line of defence
// (docs/decisions/005-search-and-outbox.md).
import type { Settings } from "meilisearch";
import type { CandidateStatus } from "~/generated/prisma/enums";
import { isMatchable } from "~/modules/candidates/matchable";
import { findCandidateDocumentRows, pageCandidateIds, type CandidateDocumentRow } from "~/modules/candidates/matchable.repository.server";
import type { DbReader, IndexDefinition } from "./definition";
import { reachCells } from "../geo/reach-cells";
import { toGeo, toUnixSeconds, type GeoPoint } from "./fields";

export interface CandidateDocument {
  id: string;
  jobcentreId: string;
  pseudonym: string;
  status: CandidateStatus;
  skillIds: string[];
  /** Unix seconds. */
  availableFrom: number;
  commuteRadiusKm: number;
  hasDrivingLicence: boolean;
  languages: string[];
  hasMatchingConsent: boolean;
  _geo?: GeoPoint;
  /** Grid cells the commuting circle touches (search/geo/reach-cells.ts): how matching finds who can reach a workplace. */
  reachCells: string[];
  postalCode: string;
  /** Occupations worked in, with whole years: matching weighs experience (app/modules/matching/score.ts). */
  experience: { occupationId: string; years: number }[];
}

/** The fields a candidate document may have; tests check documents against it. */
export const CANDIDATE_DOCUMENT_FIELDS = [
  "id", "jobcentreId", "pseudonym", "status", "skillIds", "availableFrom", "commuteRadiusKm",
  "hasDrivingLicence", "languages", "hasMatchingConsent", "_geo", "reachCells", "postalCode", "experience",
] as const satisfies readonly (keyof CandidateDocument)[];

/** The row a document is made from (app/modules/candidates/matchable.repository.server.ts). */
export type CandidateRow = CandidateDocumentRow;

export const candidateSettings = {
  searchableAttributes: ["pseudonym"],
  // Only what queries use: equality for ids and flags, ranges for dates and
  // radii, no facet search. Less for Meilisearch to build on every write.
  filterableAttributes: [
    {
      attributePatterns: ["jobcentreId", "status", "skillIds", "hasDrivingLicence", "languages", "hasMatchingConsent", "reachCells", "postalCode"],
      features: { facetSearch: false, filter: { equality: true, comparison: false } },
    },
    {
      attributePatterns: ["availableFrom", "commuteRadiusKm"],
      features: { facetSearch: false, filter: { equality: true, comparison: true } },
    },
    "_geo",
  ],
  facetSearch: false,
  sortableAttributes: ["availableFrom", "_geo"],
  stopWords: [],
  synonyms: {},
  // Pseudonyms are looked up exactly; a typo must not show someone else.
  typoTolerance: { enabled: false },
  // Matching retrieves everyone in reach of a workplace in one query (search/queries/matching.ts).
  pagination: { maxTotalHits: 10000 },
} satisfies Settings;

export function toDocument(row: CandidateRow): CandidateDocument {
  const geo = toGeo(row.latitude, row.longitude);
  return {
    id: row.id,
    jobcentreId: row.jobcentreId,
    pseudonym: row.pseudonym,
    status: row.status,
    skillIds: row.skills.map((s) => s.skillId),
    availableFrom: toUnixSeconds(row.availableFrom),
    commuteRadiusKm: row.commuteRadiusKm,
    hasDrivingLicence: row.hasDrivingLicence,
    languages: row.languages,
    hasMatchingConsent: row.consents.length > 0,
    ...(geo ? { _geo: geo } : {}),
    reachCells: geo ? reachCells({ latitude: geo.lat, longitude: geo.lng }, row.commuteRadiusKm) : [],
    postalCode: row.postalCode,
    experience: row.occupations.map((o) => ({ occupationId: o.occupationId, years: o.years })),
  };
}

export const candidatesIndex: IndexDefinition<CandidateDocument> = {
  name: "candidates",
  primaryKey: "id",
  settings: candidateSettings,
  async load(db: DbReader, ids) {
    // Only the matchable are indexed: sync deletes the documents of the others.
    return (await findCandidateDocumentRows(db, ids)).filter(isMatchable).map(toDocument);
  },
  pageIds(db: DbReader, afterId, take) {
    // All ids, not only matchable ones: load() applies the one rule of who is indexed.
    return pageCandidateIds(db, afterId, take);
  },
};
