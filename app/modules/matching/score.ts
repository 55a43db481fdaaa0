// The matching model (DESIGN.md, "The matching model"): who is in reach, how a
// pair is scored, and the explanation every score carries. Pure functions: the
// web app, the API, the workers and the evaluation all call these.
import { distanceKm } from "~/modules/geo/distance";
import { OfferingCatalogue } from "./upskilling";
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

/**
 * One vacancy, prepared for assessing many candidates: its offerings by skill
 * are indexed once, not once per candidate.
 */
export class VacancyContext {
  private catalogue: OfferingCatalogue | null = null;

  constructor(
    readonly vacancy: VacancyForMatching,
    private readonly offeringList: readonly OfferingForMatching[],
  ) {}

  /** Built on first use: full matches never need it. */
  get offerings(): OfferingCatalogue {
    return (this.catalogue ??= new OfferingCatalogue(this.vacancy, this.offeringList));
  }
}

export function prepareVacancy(vacancy: VacancyForMatching, offerings: readonly OfferingForMatching[]): VacancyContext {
  return new VacancyContext(vacancy, offerings);
}

/** A pair that is a match, decided and scored but not yet explained (see explainMatch). */
export interface Assessment {
  candidate: CandidateForMatching;
  kind: MatchKind;
  score: number;
  distance: number;
  /** Required skills the candidate lacks, each taught by some offering they can use; explainMatch chooses the courses. */
  missing: readonly string[];
}

/**
 * Decides and scores one pair. Kept apart from the explanation, which costs
 * more to build than the decision: the engine explains only the matches it keeps.
 */
export function assessCandidate(ctx: VacancyContext, candidate: CandidateForMatching): Assessment | { excluded: Exclusion } {
  const { vacancy } = ctx;
  const distance = distanceKm(vacancy.location, candidate.location);
  const excluded = hardExclusion(vacancy, candidate, distance);
  if (excluded) return { excluded };

  // Skill lists are short (a handful to a dozen): includes() beats building sets.
  const held = candidate.skillIds;
  let requiredMet = 0;
  let missing: string[] | null = null;
  for (const s of vacancy.requiredSkillIds) {
    if (held.includes(s)) requiredMet++;
    else (missing ??= []).push(s);
  }
  let niceMet = 0;
  for (const s of vacancy.niceSkillIds) if (held.includes(s)) niceMet++;
  if (requiredMet === 0 && niceMet === 0) return { excluded: "no-shared-skill" };

  if (missing && !ctx.offerings.canLearn(missing, candidate)) return { excluded: "missing-skills-without-course" };
  const kind: MatchKind = missing ? "UPSKILLING" : "FULL";

  const quality =
    QUALITY_WEIGHTS.required * ratio(requiredMet, vacancy.requiredSkillIds.length) +
    QUALITY_WEIGHTS.nice * ratio(niceMet, vacancy.niceSkillIds.length) +
    QUALITY_WEIGHTS.distance * (candidate.commuteRadiusKm > 0 ? 1 - distance / candidate.commuteRadiusKm : 1) +
    QUALITY_WEIGHTS.availability * availabilityFactor(candidate.availableFrom, vacancy.startDate);
  const band =
    kind === "FULL" ? SCORE_BANDS.FULL : vacancy.acceptsUpskilling ? SCORE_BANDS.UPSKILLING_ACCEPTED : SCORE_BANDS.UPSKILLING;
  const score = Math.round((band.base + band.span * clamp01(quality)) * 100) / 100;
  return { candidate, kind, score, distance, missing: missing ?? [] };
}

/** The explanation every match carries: each skill met or missing (and the offering teaching it), distance, dates, courses. */
export function explainMatch(ctx: VacancyContext, assessment: Assessment): ScoredMatch {
  const { vacancy } = ctx;
  const { candidate, kind, score, distance, missing } = assessment;
  // Full matches skip the catalogue, which is built on first use.
  const path = missing.length > 0 ? ctx.offerings.pathFor(missing, candidate) : [];
  // assessCandidate checked canLearn, which holds exactly when a path exists (a
  // unit test checks both against the rule). Should that ever break, the whole
  // group fails and its job retries, rather than storing a match without its courses.
  if (path === null) throw new Error(`No upskilling path for an assessed match (vacancy ${vacancy.id}, candidate ${candidate.id})`);
  const has = new Set(candidate.skillIds);
  const via = new Map<string, string>();
  for (const step of path) for (const s of step.teaches) via.set(s, step.offering.id);
  return {
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
  };
}

/** Decides, scores and explains one pair: for a single pair; the engine uses prepareVacancy/assessCandidate for many. */
export function evaluatePair(
  vacancy: VacancyForMatching,
  candidate: CandidateForMatching,
  offerings: readonly OfferingForMatching[],
): Evaluation {
  const ctx = prepareVacancy(vacancy, offerings);
  const assessment = assessCandidate(ctx, candidate);
  return "excluded" in assessment ? assessment : { match: explainMatch(ctx, assessment) };
}

/** Orders assessments as rankMatches orders matches: best score first, ties by candidate id. */
export function compareAssessments(a: Assessment, b: Assessment): number {
  return byScoreThenKey(a.score, a.candidate.id, b.score, b.candidate.id);
}

function byScoreThenKey(scoreA: number, keyA: string, scoreB: number, keyB: string): number {
  return scoreB - scoreA || (keyA < keyB ? -1 : keyA > keyB ? 1 : 0);
}

/** Ranks matches best first; ties broken by id so every run orders the same way. */
export function rankMatches(matches: ScoredMatch[], by: "candidate" | "vacancy" = "candidate"): ScoredMatch[] {
  const key = (m: ScoredMatch) => (by === "candidate" ? m.candidateId : m.vacancyId);
  return [...matches].sort((a, b) => byScoreThenKey(a.score, key(a), b.score, key(b)));
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
