// Retrieval for the matching engine. Meilisearch narrows the field to those in
// reach; app/modules/matching scores them. Each candidate has their own
// commuting radius, which a single geo filter cannot express, so candidates are
// fetched per radius band in one multi-search: band (lo, hi] asks for candidates
// whose radius lies in that band within hi km of the workplace. The exact
// distance check against each candidate's own radius happens in TypeScript.
import type { MultiSearchQuery } from "meilisearch";
import type { CandidateForMatching, OfferingForMatching, VacancyForMatching } from "~/modules/matching/types";
import type { CandidateDocument } from "../indexes/candidates";
import type { OfferingDocument } from "../indexes/offerings";
import type { VacancyDocument } from "../indexes/vacancies";
import { toUnixSeconds } from "../indexes/fields";
import { and, geoRadius, inList } from "./filters";

/** Upper edges of the radius bands, km. The last band reaches across Denmark. */
export const RADIUS_BANDS_KM = [10, 20, 30, 40, 50, 75, 100, 500] as const;
/** Per query; the candidates index allows this many hits (pagination.maxTotalHits). */
export const MAX_HITS_PER_QUERY = 5000;

export const CANDIDATE_MATCH_FIELDS = [
  "id", "skillIds", "availableFrom", "commuteRadiusKm", "hasDrivingLicence", "status", "hasMatchingConsent", "_geo",
] as const satisfies readonly (keyof CandidateDocument)[];

export function candidateQueriesForVacancy(vacancy: VacancyForMatching, indexUid: string): MultiSearchQuery[] {
  const skills = [...vacancy.requiredSkillIds, ...vacancy.niceSkillIds];
  if (skills.length === 0) return [];
  const common = and(
    'status = "ACTIVE"',
    "hasMatchingConsent = true",
    `availableFrom <= ${toUnixSeconds(vacancy.startDate)}`,
    inList("skillIds", skills),
    vacancy.requiresDrivingLicence && "hasDrivingLicence = true",
  );
  let lower = 0;
  return RADIUS_BANDS_KM.map((upper) => {
    const band = and(
      `commuteRadiusKm > ${lower}`,
      `commuteRadiusKm <= ${upper}`,
      geoRadius(vacancy.location.latitude, vacancy.location.longitude, upper),
    );
    lower = upper;
    return {
      indexUid,
      q: "",
      filter: `${common} AND ${band}`,
      limit: MAX_HITS_PER_QUERY,
      attributesToRetrieve: [...CANDIDATE_MATCH_FIELDS],
    };
  });
}

export function offeringQueryForSkills(skillIds: readonly string[], endsBefore: Date, indexUid: string, startsFrom?: Date): MultiSearchQuery {
  return {
    indexUid,
    q: "",
    filter: and(
      inList("skillIds", skillIds),
      `endDate < ${toUnixSeconds(endsBefore)}`,
      startsFrom && `startDate >= ${toUnixSeconds(startsFrom)}`,
      "seatsLeft > 0",
      "cancelled = false",
    ),
    limit: 1000,
  };
}

export function vacancyQueryForCandidate(candidate: CandidateForMatching, indexUid: string): MultiSearchQuery | null {
  if (candidate.skillIds.length === 0) return null;
  return {
    indexUid,
    q: "",
    filter: and(
      'status = "OPEN"',
      `startDate >= ${toUnixSeconds(candidate.availableFrom)}`,
      geoRadius(candidate.location.latitude, candidate.location.longitude, candidate.commuteRadiusKm),
      `${inList("requiredSkillIds", candidate.skillIds)} OR ${inList("niceSkillIds", candidate.skillIds)}`,
      !candidate.hasDrivingLicence && "requiresDrivingLicence = false",
    ),
    limit: MAX_HITS_PER_QUERY,
  };
}

export function candidateFromDocument(doc: Pick<CandidateDocument, (typeof CANDIDATE_MATCH_FIELDS)[number]>): CandidateForMatching | null {
  if (!doc._geo) return null;
  return {
    id: doc.id,
    skillIds: doc.skillIds,
    availableFrom: new Date(doc.availableFrom * 1000),
    location: { latitude: doc._geo.lat, longitude: doc._geo.lng },
    commuteRadiusKm: doc.commuteRadiusKm,
    hasDrivingLicence: doc.hasDrivingLicence,
    active: doc.status === "ACTIVE",
    hasMatchingConsent: doc.hasMatchingConsent,
  };
}

export function offeringFromDocument(doc: OfferingDocument): OfferingForMatching {
  return {
    id: doc.id,
    courseId: doc.courseId,
    skillIds: doc.skillIds,
    startDate: new Date(doc.startDate * 1000),
    endDate: new Date(doc.endDate * 1000),
    online: doc.online,
    location: doc._geo ? { latitude: doc._geo.lat, longitude: doc._geo.lng } : null,
    seatsLeft: doc.seatsLeft,
    cancelled: doc.cancelled,
  };
}

export function vacancyFromDocument(doc: VacancyDocument): VacancyForMatching | null {
  if (!doc._geo) return null;
  return {
    id: doc.id,
    requiredSkillIds: doc.requiredSkillIds,
    niceSkillIds: doc.niceSkillIds,
    startDate: new Date(doc.startDate * 1000),
    location: { latitude: doc._geo.lat, longitude: doc._geo.lng },
    requiresDrivingLicence: doc.requiresDrivingLicence,
    acceptsUpskilling: doc.acceptsUpskilling,
  };
}
