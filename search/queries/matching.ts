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
  "id", "skillIds", "availableFrom", "commuteRadiusKm", "hasDrivingLicence", "_geo", "experience",
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

/**
 * For each skill, the skills that count as holding it: itself and its
 * strongest related skills (app/modules/matching/evidence.ts). Matching passes
 * this in; without it only the skill itself counts.
 */
export type SkillEvidence = (skillId: string) => readonly string[];

const onlyItself: SkillEvidence = (s) => [s];

/** Holds a skill: has it or one of the skills that count for it. */
function holds(skillId: string, evidence: SkillEvidence): string {
  const ids = evidence(skillId);
  return ids.length === 1 ? `skillIds = ${quote(ids[0])}` : inList("skillIds", ids);
}

function holdsAll(skillIds: readonly string[], evidence: SkillEvidence = onlyItself): string {
  return skillIds.map((s) => holds(s, evidence)).join(" AND ");
}

/**
 * Holds all of `skillIds` except at most `allowance` of them, as a filter; null
 * when that would take too many alternatives to write down (then the caller
 * leaves the condition out and the model decides).
 */
function holdsAllBut(skillIds: readonly string[], allowance: number, evidence: SkillEvidence): string | null {
  if (skillIds.length <= allowance) return null;
  if (allowance === 0) return holdsAll(skillIds, evidence);
  const alternatives = combinations(skillIds.length, skillIds.length - allowance);
  if (alternatives.length > MAX_FILTER_ALTERNATIVES) return null;
  return alternatives.map((keep) => `(${holdsAll(keep.map((i) => skillIds[i]), evidence)})`).join(" OR ");
}

/** More alternatives than this make a filter Meilisearch evaluates slowly: the model checks the rule instead. */
const MAX_FILTER_ALTERNATIVES = 12;

/** Index combinations of size k out of n (few: n is a vacancy's handful of required skills). */
function combinations(n: number, k: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, chosen: number[]) => {
    if (chosen.length === k) {
      out.push([...chosen]);
      return;
    }
    for (let i = from; i < n && out.length <= MAX_FILTER_ALTERNATIVES; i++) walk(i + 1, [...chosen, i]);
  };
  walk(0, []);
  return out;
}

function candidateQuery(indexUid: string, filter: string): MultiSearchQuery {
  return { indexUid, q: "", filter, limit: MAX_HITS_PER_QUERY, attributesToRetrieve: [...CANDIDATE_MATCH_FIELDS] };
}

/**
 * Matching retrieves in two rounds, because a vacancy keeps only its best
 * matches and every full match outranks every other kind (SCORE_BANDS in
 * app/modules/matching/score.ts):
 *
 * 1. `holdersQuery`: those who hold every required skill, or a closely related
 *    one (when nothing is required: who share a nice-to-have one). In reach,
 *    they are full matches.
 * 2. `learnersQuery`, only when round 1 found fewer full matches than a vacancy
 *    keeps: those who share a skill but miss a required one. They must still
 *    hold every required skill that no offering teaches in time, except the few
 *    a near miss may lack (nearMissAllowance), since nobody could learn those
 *    before the start.
 *
 * Together they return everyone who can be a match at all; see
 * docs/decisions/018-two-round-retrieval.md and 023-matching-model-v2.md.
 */
export function holdersQuery(vacancy: VacancyForMatching, indexUid: string, evidence: SkillEvidence = onlyItself): MultiSearchQuery | null {
  if (vacancy.requiredSkillIds.length > 0) return candidateQuery(indexUid, and(baseCandidateFilter(vacancy), holdsAll(vacancy.requiredSkillIds, evidence)));
  if (vacancy.niceSkillIds.length > 0) {
    return candidateQuery(indexUid, and(baseCandidateFilter(vacancy), inList("skillIds", [...new Set(vacancy.niceSkillIds.flatMap(evidence))])));
  }
  return null;
}

/**
 * Round 2 (see holdersQuery); null when nobody who misses a required skill can
 * match: none can be taught and near misses are not shown (or none may be missed).
 */
export function learnersQuery(
  vacancy: VacancyForMatching,
  canBeTaught: (skillId: string) => boolean,
  indexUid: string,
  options: { evidence?: SkillEvidence; nearMissAllowance?: number } = {},
): MultiSearchQuery | null {
  const evidence = options.evidence ?? onlyItself;
  const allowance = vacancy.showNearMisses === false ? 0 : (options.nearMissAllowance ?? 0);
  const required = vacancy.requiredSkillIds;
  if (required.length === 0) return null;
  if (!required.some(canBeTaught) && allowance === 0) return null;
  const mustHold = required.filter((s) => !canBeTaught(s));
  return candidateQuery(
    indexUid,
    and(
      baseCandidateFilter(vacancy),
      inList("skillIds", [...new Set([...required, ...vacancy.niceSkillIds].flatMap(evidence))]),
      mustHold.length > 0 && holdsAllBut(mustHold, allowance, evidence),
      `NOT (${holdsAll(required, evidence)})`,
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

/** Vacancies in the candidate's reach that ask for a skill they hold or are related evidence for (`evidencedSkillIds`). */
export function vacancyQueryForCandidate(candidate: CandidateForMatching, indexUid: string, evidencedSkillIds: readonly string[] = []): MultiSearchQuery | null {
  if (candidate.skillIds.length === 0) return null;
  const skills = [...new Set([...candidate.skillIds, ...evidencedSkillIds])];
  return {
    indexUid,
    q: "",
    filter: and(
      'status = "OPEN"',
      `startDate >= ${toUnixSeconds(candidate.availableFrom)}`,
      geoRadius(candidate.location.latitude, candidate.location.longitude, candidate.commuteRadiusKm),
      `${inList("requiredSkillIds", skills)} OR ${inList("niceSkillIds", skills)}`,
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
    // Documents written before experience was indexed have none.
    experience: doc.experience ?? [],
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
    occupationId: doc.occupationId,
    // Documents written before the field existed count as the default.
    showNearMisses: doc.showNearMisses !== false,
  };
}
