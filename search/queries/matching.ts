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
import { and, geoRadius, inList, quote } from "./filters";

/** Per query; the candidates index allows this many hits (pagination.maxTotalHits). */
export const MAX_HITS_PER_QUERY = 10000;

/**
 * What matching reads of a candidate. Status and consent are not among them:
 * every matching query filters on both (baseCandidateFilter), so every hit is
 * active and consenting.
 */
export const CANDIDATE_MATCH_FIELDS = [
  "id", "skillIds", "availableFrom", "commuteRadiusKm", "hasDrivingLicence", "_geo",
] as const satisfies readonly (keyof CandidateDocument)[];

/** Both rounds ask the same of a vacancy; the reach list is long, so it is built once. */
const baseFilters = new WeakMap<VacancyForMatching, string>();

/** Who may be matched with this vacancy at all, skills aside: active, consenting, free by the start, in reach, licence if needed. */
function baseCandidateFilter(vacancy: VacancyForMatching): string {
  let filter = baseFilters.get(vacancy);
  if (filter === undefined) baseFilters.set(vacancy, (filter = buildBaseCandidateFilter(vacancy)));
  return filter;
}

function buildBaseCandidateFilter(vacancy: VacancyForMatching): string {
  return and(
    'status = "ACTIVE"',
    "hasMatchingConsent = true",
    `availableFrom <= ${toUnixSeconds(vacancy.startDate)}`,
    inList("reachCells", pointCells(vacancy.location)),
    vacancy.requiresDrivingLicence && "hasDrivingLicence = true",
  );
}

function holdsAll(skillIds: readonly string[]): string {
  return skillIds.map((s) => `skillIds = ${quote(s)}`).join(" AND ");
}

function candidateQuery(indexUid: string, filter: string): MultiSearchQuery {
  return { indexUid, q: "", filter, limit: MAX_HITS_PER_QUERY, attributesToRetrieve: [...CANDIDATE_MATCH_FIELDS] };
}

/**
 * Matching retrieves in two rounds, because a vacancy keeps only its best
 * matches and every full match outranks every match with upskilling
 * (SCORE_BANDS in app/modules/matching/score.ts):
 *
 * 1. `holdersQuery`: those who hold every required skill (when nothing is
 *    required: who share a nice-to-have one). In reach, they are full matches.
 * 2. `learnersQuery`, only when round 1 found fewer full matches than a vacancy
 *    keeps: those who share a skill but miss a required one. They must still
 *    hold every required skill that no offering teaches in time, since nobody
 *    could learn that before the start.
 *
 * Together they return everyone the single "shares a skill" query would have
 * who can be a match at all; see docs/decisions/018-two-round-retrieval.md.
 */
export function holdersQuery(vacancy: VacancyForMatching, indexUid: string): MultiSearchQuery | null {
  if (vacancy.requiredSkillIds.length > 0) return candidateQuery(indexUid, and(baseCandidateFilter(vacancy), holdsAll(vacancy.requiredSkillIds)));
  if (vacancy.niceSkillIds.length > 0) return candidateQuery(indexUid, and(baseCandidateFilter(vacancy), inList("skillIds", vacancy.niceSkillIds)));
  return null;
}

/** Round 2 (see holdersQuery); null when no required skill can be taught, so nobody who misses one can match. */
export function learnersQuery(vacancy: VacancyForMatching, canBeTaught: (skillId: string) => boolean, indexUid: string): MultiSearchQuery | null {
  const required = vacancy.requiredSkillIds;
  if (!required.some(canBeTaught)) return null;
  const mustHold = required.filter((s) => !canBeTaught(s));
  return candidateQuery(
    indexUid,
    and(
      baseCandidateFilter(vacancy),
      inList("skillIds", [...required, ...vacancy.niceSkillIds]),
      mustHold.length > 0 && holdsAll(mustHold),
      `NOT (${holdsAll(required)})`,
    ),
  );
}

/** What matching reads of an offering (upskilling.ts): no titles, places or institutions. */
export const OFFERING_MATCH_FIELDS = [
  "id", "courseId", "skillIds", "startDate", "endDate", "online", "_geo", "seatsLeft", "cancelled",
] as const satisfies readonly (keyof OfferingDocument)[];

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
    limit: MAX_HITS_PER_QUERY,
    attributesToRetrieve: [...OFFERING_MATCH_FIELDS],
  };
}

/**
 * One offering query for a group of vacancies: every offering teaching a
 * required skill of any of them and over before the last one starts. Each
 * vacancy then keeps those that serve it (OfferingCatalogue). Vacancies of one
 * occupation share most required skills, which is why the nightly run groups
 * them by occupation (runs.server.ts). Null when none has a required skill.
 */
export function offeringQueryForVacancies(vacancies: readonly VacancyForMatching[], indexUid: string): MultiSearchQuery | null {
  const skills = [...new Set(vacancies.flatMap((v) => v.requiredSkillIds))];
  if (skills.length === 0) return null;
  const latestStart = new Date(Math.max(...vacancies.map((v) => v.startDate.getTime())));
  return offeringQueryForSkills(skills, latestStart, indexUid);
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
    // Guaranteed by the query's filter (baseCandidateFilter).
    active: true,
    hasMatchingConsent: true,
  };
}

export function offeringFromDocument(doc: Pick<OfferingDocument, (typeof OFFERING_MATCH_FIELDS)[number]>): OfferingForMatching {
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
