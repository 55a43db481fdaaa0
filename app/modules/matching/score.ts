// The matching model (DESIGN.md, "The matching model"; ADR 023): who is in
// reach, how a pair is decided and scored, and the explanation every score
// carries. Pure functions, run by the matching engine (search/matching-engine.server.ts)
// in the workers, the evaluation and the benchmark; the portals and the API only
// read the matches it stored.
import { distanceKm } from "~/lib/distance";
import { credit, evidenceFor, occupationFit, profileIndexFor, type HeldEvidence, type OccupationFit, type ProfileIndex } from "./evidence";
import { OfferingCatalogue, PATH_LIMITS, type SeatsTaken, type UpskillingStep } from "./upskilling";
import type {
  CandidateForMatching,
  Evidence,
  Exclusion,
  MatchKind,
  OfferingForMatching,
  ScoredMatch,
  SkillExplanation,
  TaxonomyKnowledge,
  VacancyForMatching,
} from "./types";

/**
 * Score bands keep the promises of the model whatever the other factors say:
 * every full match outranks every upskilling match, which outranks every near
 * miss; an upskilling match for a vacancy that accepts upskilling sits closer
 * to the full matches.
 */
export const SCORE_BANDS = {
  FULL: { base: 60, span: 40 },
  UPSKILLING_ACCEPTED: { base: 30, span: 29 },
  UPSKILLING: { base: 12, span: 17 },
  NEAR_MISS: { base: 1, span: 10 },
} as const;

/**
 * Weights inside a band (ADR 023): the skills the vacancy asks for weigh most,
 * then the fit to the vacancy's occupation (its ESCO profile and the years
 * worked in it), then distance, then how soon the candidate is ready.
 * Without an occupation the other three share its weight.
 */
export const QUALITY_WEIGHTS = { skills: 0.5, occupation: 0.3, distance: 0.12, readiness: 0.08 } as const;

/** A required skill always weighs this many times a nice-to-have one. */
export const REQUIRED_WEIGHT = 2;

/** What a missing required skill that a course in the path teaches is worth. */
export const COURSE_CREDIT = 0.5;

/** Near misses lack at most this share of the required skills (and at least one may always be missing). */
export const NEAR_MISS_SHARE = 0.2;

/** Readiness counts fully when the candidate is ready this long before the start. */
const READINESS_HORIZON_DAYS = 28;
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

/** How many required skills a near miss may lack: max(1, 20 %). */
export function nearMissAllowance(requiredCount: number): number {
  return Math.max(1, Math.floor(NEAR_MISS_SHARE * requiredCount));
}

/**
 * One vacancy, prepared for assessing many candidates: its offerings by skill
 * are indexed once, not once per candidate.
 */
export class VacancyContext {
  private catalogue: OfferingCatalogue | null = null;
  private profileIndex: ProfileIndex | null | undefined = undefined;

  constructor(
    readonly vacancy: VacancyForMatching,
    private readonly offeringList: readonly OfferingForMatching[],
    readonly knowledge: TaxonomyKnowledge | null = null,
  ) {}

  /** Built on first use: full matches never need it. */
  get offerings(): OfferingCatalogue {
    return (this.catalogue ??= new OfferingCatalogue(this.vacancy, this.offeringList));
  }

  /** The vacancy occupation's profile, indexed once for all its candidates (null without one). */
  get profile(): ProfileIndex | null {
    if (this.profileIndex === undefined) this.profileIndex = profileIndexFor(this.vacancy.occupationId, this.knowledge);
    return this.profileIndex;
  }
}

export function prepareVacancy(vacancy: VacancyForMatching, offerings: readonly OfferingForMatching[], knowledge: TaxonomyKnowledge | null = null): VacancyContext {
  return new VacancyContext(vacancy, offerings, knowledge);
}

/** A pair that is a match, decided and scored but not yet explained (see explainMatch). */
export interface Assessment {
  candidate: CandidateForMatching;
  kind: MatchKind;
  score: number;
  distance: number;
  /** Evidence per required and nice-to-have skill, in the vacancy's order. */
  required: readonly HeldEvidence[];
  nice: readonly HeldEvidence[];
  /** Required skills the candidate lacks (neither held nor related). */
  missing: readonly string[];
  /** The courses of an upskilling match, in the order taken; empty otherwise. */
  path: readonly UpskillingStep[];
  fit: OccupationFit | null;
  /** When the candidate can start the job (UTC midnight). */
  readyBy: Date;
}

/**
 * Decides and scores one pair. `taken` holds the seats already promised to
 * better-ranked candidates of this vacancy (allocateSeats); a candidate whose
 * only courses are full is no longer an upskilling match.
 */
export function assessCandidate(ctx: VacancyContext, candidate: CandidateForMatching, taken?: SeatsTaken): Assessment | { excluded: Exclusion } {
  const { vacancy, knowledge } = ctx;
  const distance = distanceKm(vacancy.location, candidate.location);
  const excluded = hardExclusion(vacancy, candidate, distance);
  if (excluded) return { excluded };

  const held = new Set(candidate.skillIds);
  const required = vacancy.requiredSkillIds.map((s) => evidenceFor(s, held, knowledge));
  const nice = vacancy.niceSkillIds.map((s) => evidenceFor(s, held, knowledge));
  const missing = vacancy.requiredSkillIds.filter((_, i) => required[i].kind === "none");
  const requiredMet = required.length - missing.length;
  if (requiredMet === 0 && !nice.some((e) => e.kind !== "none")) return { excluded: "no-shared-skill" };

  let kind: MatchKind = "FULL";
  let path: UpskillingStep[] = [];
  if (missing.length > 0) {
    // Nobody is sent on courses for everything a job needs: they must bring something of it.
    const found = requiredMet > 0 || required.length === 1 ? ctx.offerings.pathFor(missing, candidate, taken) : null;
    if (found) {
      kind = "UPSKILLING";
      path = found;
    } else {
      const nearMiss = vacancy.showNearMisses !== false && requiredMet > 0 ? nearMissPath(ctx, candidate, missing, taken) : null;
      if (!nearMiss) return { excluded: "missing-skills-without-course" };
      kind = "NEAR_MISS";
      path = nearMiss;
    }
  }

  const readyBy = path.length > 0 ? laterOf(candidate.availableFrom, dayAfter(lastDay(path))) : candidate.availableFrom;
  const fit = occupationFit(ctx.profile, candidate, knowledge);
  const learnable = new Set(path.flatMap((step) => step.teaches));
  const skillShare = skillFit(vacancy, required, nice, learnable);
  const proximity = candidate.commuteRadiusKm > 0 ? 1 - distance / candidate.commuteRadiusKm : 1;
  const readiness = clamp01((vacancy.startDate.getTime() - readyBy.getTime()) / DAY_MS / READINESS_HORIZON_DAYS);
  const w = QUALITY_WEIGHTS;
  const quality = fit
    ? w.skills * skillShare + w.occupation * fit.value + w.distance * proximity + w.readiness * readiness
    : (w.skills * skillShare + w.distance * proximity + w.readiness * readiness) / (1 - w.occupation);
  const band =
    kind === "FULL"
      ? SCORE_BANDS.FULL
      : kind === "NEAR_MISS"
        ? SCORE_BANDS.NEAR_MISS
        : vacancy.acceptsUpskilling
          ? SCORE_BANDS.UPSKILLING_ACCEPTED
          : SCORE_BANDS.UPSKILLING;
  const score = Math.round((band.base + band.span * clamp01(quality)) * 100) / 100;
  return { candidate, kind, score, distance, required, nice, missing, path, fit, readyBy };
}

/**
 * For a candidate with no path to every missing skill: the path to those that
 * can be taught, when what is left (the gap no course closes in time) is within
 * the near-miss allowance; null when the gap is larger. The courses are shown,
 * so that a consultant sees what would close most of the gap.
 */
function nearMissPath(ctx: VacancyContext, candidate: CandidateForMatching, missing: readonly string[], taken: SeatsTaken | undefined): UpskillingStep[] | null {
  const allowance = nearMissAllowance(ctx.vacancy.requiredSkillIds.length);
  const teachable = missing.filter((s) => ctx.offerings.teaches(s));
  const partial = teachable.length > 0 ? (ctx.offerings.pathFor(teachable, candidate, taken) ?? []) : [];
  const covered = new Set(partial.flatMap((step) => step.teaches));
  const gap = missing.filter((s) => !covered.has(s));
  if (gap.length > allowance) return null;
  return partial;
}

/**
 * The share of what the vacancy asks for that the candidate brings: each
 * required skill weighs REQUIRED_WEIGHT times a nice-to-have one, held skills
 * count fully, related ones in part, ones a course in the path teaches at
 * COURSE_CREDIT.
 */
function skillFit(vacancy: VacancyForMatching, required: readonly HeldEvidence[], nice: readonly HeldEvidence[], learnable: ReadonlySet<string>): number {
  const whole = REQUIRED_WEIGHT * required.length + nice.length;
  if (whole === 0) return 1;
  let part = 0;
  required.forEach((e, i) => {
    part += REQUIRED_WEIGHT * (e.kind === "none" && learnable.has(vacancy.requiredSkillIds[i]) ? COURSE_CREDIT : credit(e));
  });
  for (const e of nice) part += credit(e);
  return part / whole;
}

/**
 * Gives the seats of scarce courses to the best-ranked candidates of one
 * vacancy: walking the matches best first, each upskilling match takes a seat
 * on each of its courses; one whose courses are already taken is assessed again
 * with the seats that are left (another path, a near miss, or no match). Returns
 * the matches that remain, ranked.
 */
export function allocateSeats(ctx: VacancyContext, ranked: readonly Assessment[]): Assessment[] {
  const taken = new Map<string, number>();
  const out: Assessment[] = [];
  for (const a of ranked) {
    let current: Assessment | null = a;
    if (a.path.some((step) => step.offering.seatsLeft - (taken.get(step.offering.id) ?? 0) <= 0)) {
      const again = assessCandidate(ctx, a.candidate, taken);
      current = "excluded" in again ? null : again;
    }
    if (!current) continue;
    for (const step of current.path) taken.set(step.offering.id, (taken.get(step.offering.id) ?? 0) + 1);
    out.push(current);
  }
  return out.sort(compareAssessments);
}

/** The explanation every match carries: each skill and how it is met, distance, dates, courses with seats, occupation fit. */
export function explainMatch(ctx: VacancyContext, assessment: Assessment): ScoredMatch {
  const { vacancy } = ctx;
  const { candidate, kind, score, distance, required, nice, path, fit, readyBy } = assessment;
  const via = new Map<string, string>();
  for (const step of path) for (const s of step.teaches) via.set(s, step.offering.id);
  return {
    vacancyId: vacancy.id,
    candidateId: candidate.id,
    kind,
    score,
    explanation: {
      required: vacancy.requiredSkillIds.map((skillId, i) => explainSkill(skillId, required[i], via.get(skillId))),
      niceToHave: vacancy.niceSkillIds.map((skillId, i) => explainSkill(skillId, nice[i], undefined)),
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
        seatsLeft: offering.seatsLeft,
      })),
      jobReadyBy: isoDate(readyBy),
      occupationFit: fit ? { profile: Math.round(fit.profile * 100) / 100, years: fit.years, sameOccupation: fit.sameOccupation } : null,
    },
  };
}

function explainSkill(skillId: string, e: HeldEvidence, viaOfferingId: string | undefined): SkillExplanation {
  const evidence: Evidence = e.kind === "exact" ? "exact" : e.kind === "related" ? "related" : viaOfferingId ? "course" : "missing";
  return {
    skillId,
    met: e.kind !== "none",
    evidence,
    ...(e.kind === "related" ? { viaSkillId: e.viaSkillId } : {}),
    ...(viaOfferingId ? { viaOfferingId } : {}),
  };
}

/** Decides, scores and explains one pair: for a single pair; the engine uses prepareVacancy/assessCandidate for many. */
export function evaluatePair(
  vacancy: VacancyForMatching,
  candidate: CandidateForMatching,
  offerings: readonly OfferingForMatching[],
  knowledge: TaxonomyKnowledge | null = null,
): Evaluation {
  const ctx = prepareVacancy(vacancy, offerings, knowledge);
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

export { PATH_LIMITS };

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

function lastDay(path: readonly UpskillingStep[]): Date {
  return new Date(Math.max(...path.map((s) => s.offering.endDate.getTime())));
}

function dayAfter(d: Date): Date {
  return new Date(d.getTime() + DAY_MS);
}

function laterOf(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}
