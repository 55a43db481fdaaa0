// The matching model (DESIGN.md, "The matching model"): who is in reach, how a
// pair is scored, and the explanation every score carries. Pure functions: the
// web app, the API, the workers and the evaluation all call these.
import { distanceKm } from "~/modules/geo/distance";
import { findUpskillingPath } from "./upskilling";
import type {
  CandidateForMatching,
  Exclusion,
  MatchKind,
  OfferingForMatching,
  ScoredMatch,
  VacancyForMatching,
} from "./types";

/**
 * Score bands keep the promises of the model whatever the other factors say:
 * every full match outranks every upskilling match, and an upskilling match for a
 * vacancy that accepts upskilling sits closer to the full matches.
 */
export const SCORE_BANDS = {
  FULL: { base: 60, span: 40 },
  UPSKILLING_ACCEPTED: { base: 30, span: 29 },
  UPSKILLING: { base: 10, span: 19 },
} as const;

/** Weights inside a band: required-skill coverage weighs most, then nice-to-have, distance, availability. */
export const QUALITY_WEIGHTS = { required: 0.45, nice: 0.25, distance: 0.2, availability: 0.1 } as const;

/** Availability counts fully when the candidate is free this long before the start. */
const AVAILABILITY_HORIZON_DAYS = 28;
const DAY_MS = 86_400_000;

export type Evaluation = { match: ScoredMatch } | { excluded: Exclusion };

/** Hard requirements checked before any scoring (also what Meilisearch filters on). */
export function hardExclusion(vacancy: VacancyForMatching, candidate: CandidateForMatching, distance: number): Exclusion | null {
  if (!candidate.active) return "inactive";
  if (!candidate.hasMatchingConsent) return "no-consent";
  if (candidate.availableFrom.getTime() > vacancy.startDate.getTime()) return "not-available-by-start";
  if (distance > candidate.commuteRadiusKm) return "outside-radius";
  if (vacancy.requiresDrivingLicence && !candidate.hasDrivingLicence) return "driving-licence";
  return null;
}

export function evaluatePair(
  vacancy: VacancyForMatching,
  candidate: CandidateForMatching,
  offerings: OfferingForMatching[],
): Evaluation {
  const distance = distanceKm(vacancy.location, candidate.location);
  const excluded = hardExclusion(vacancy, candidate, distance);
  if (excluded) return { excluded };

  const has = new Set(candidate.skillIds);
  const requiredMet = vacancy.requiredSkillIds.filter((s) => has.has(s));
  const niceMet = vacancy.niceSkillIds.filter((s) => has.has(s));
  if (requiredMet.length === 0 && niceMet.length === 0) return { excluded: "no-shared-skill" };

  const missing = vacancy.requiredSkillIds.filter((s) => !has.has(s));
  const path = findUpskillingPath(missing, candidate, vacancy, offerings);
  if (path === null) return { excluded: "missing-skills-without-course" };
  const kind: MatchKind = missing.length === 0 ? "FULL" : "UPSKILLING";
  const via = new Map<string, string>();
  for (const step of path) for (const s of step.teaches) via.set(s, step.offering.id);

  const quality =
    QUALITY_WEIGHTS.required * ratio(requiredMet.length, vacancy.requiredSkillIds.length) +
    QUALITY_WEIGHTS.nice * ratio(niceMet.length, vacancy.niceSkillIds.length) +
    QUALITY_WEIGHTS.distance * (candidate.commuteRadiusKm > 0 ? 1 - distance / candidate.commuteRadiusKm : 1) +
    QUALITY_WEIGHTS.availability * availabilityFactor(candidate.availableFrom, vacancy.startDate);
  const band =
    kind === "FULL" ? SCORE_BANDS.FULL : vacancy.acceptsUpskilling ? SCORE_BANDS.UPSKILLING_ACCEPTED : SCORE_BANDS.UPSKILLING;
  const score = Math.round((band.base + band.span * clamp01(quality)) * 100) / 100;

  return {
    match: {
      vacancyId: vacancy.id,
      candidateId: candidate.id,
      kind,
      score,
      explanation: {
        required: vacancy.requiredSkillIds.map((skillId) => ({
          skillId,
          met: has.has(skillId),
          ...(via.has(skillId) ? { viaOfferingId: via.get(skillId) } : {}),
        })),
        niceToHave: vacancy.niceSkillIds.map((skillId) => ({ skillId, met: has.has(skillId) })),
        distanceKm: Math.round(distance * 10) / 10,
        radiusKm: candidate.commuteRadiusKm,
        availableFrom: isoDate(candidate.availableFrom),
        startDate: isoDate(vacancy.startDate),
        upskilling: path.map(({ offering, teaches }) => ({
          offeringId: offering.id,
          courseId: offering.courseId,
          skillIds: teaches,
          startDate: isoDate(offering.startDate),
          endDate: isoDate(offering.endDate),
          online: offering.online,
        })),
      },
    },
  };
}

/** Ranks matches best first; ties broken by id so every run orders the same way. */
export function rankMatches(matches: ScoredMatch[], by: "candidate" | "vacancy" = "candidate"): ScoredMatch[] {
  const key = (m: ScoredMatch) => (by === "candidate" ? m.candidateId : m.vacancyId);
  return [...matches].sort((a, b) => b.score - a.score || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : part / whole;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function availabilityFactor(availableFrom: Date, startDate: Date): number {
  const leadDays = (startDate.getTime() - availableFrom.getTime()) / DAY_MS;
  return clamp01(leadDays / AVAILABILITY_HORIZON_DAYS);
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
