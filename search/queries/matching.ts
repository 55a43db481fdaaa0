// Retrieval for the matching engine. Meilisearch narrows the field to those in
// reach; app/modules/matching scores them. Each candidate has their own
// commuting radius, so "in reach" is asked of the candidate, not the workplace:
// candidate documents list the grid cells their commuting circle touches, and a
// vacancy asks for its own cell (search/geo/reach-cells.ts) – one query per
// vacancy with plain facet filters. The cells are a superset of each circle;
// the exact distance check against each candidate's own radius happens in
// TypeScript (app/modules/matching/score.ts).
import type { MultiSearchQuery } from "meilisearch";
import type { CandidateForMatching, OfferingForMatching, VacancyForMatching } from "~/modules/matching/types";
import { pointCells } from "../geo/reach-cells";
import type { CandidateDocument } from "../indexes/candidates";
import type { OfferingDocument } from "../indexes/offerings";
import type { VacancyDocument } from "../indexes/vacancies";
import { toUnixSeconds } from "../indexes/fields";
import { and, geoRadius, inList } from "./filters";

/** Per query; the candidates index allows this many hits (pagination.maxTotalHits). */
export const MAX_HITS_PER_QUERY = 10000;

export const CANDIDATE_MATCH_FIELDS = [
  "id", "skillIds", "availableFrom", "commuteRadiusKm", "hasDrivingLicence", "status", "hasMatchingConsent", "_geo",
] as const satisfies readonly (keyof CandidateDocument)[];

/** The candidate queries for one vacancy (one, or none when it has no skills). */
export function candidateQueriesForVacancy(vacancy: VacancyForMatching, indexUid: string): MultiSearchQuery[] {
  const skills = [...vacancy.requiredSkillIds, ...vacancy.niceSkillIds];
  if (skills.length === 0) return [];
  const filter = and(
    'status = "ACTIVE"',
    "hasMatchingConsent = true",
    `availableFrom <= ${toUnixSeconds(vacancy.startDate)}`,
    inList("reachCells", pointCells(vacancy.location)),
    inList("skillIds", skills),
    vacancy.requiresDrivingLicence && "hasDrivingLicence = true",
  );
  return [{ indexUid, q: "", filter, limit: MAX_HITS_PER_QUERY, attributesToRetrieve: [...CANDIDATE_MATCH_FIELDS] }];
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
