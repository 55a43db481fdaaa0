// Upskilling paths: course offerings that teach a candidate's missing required
// skills, end before the vacancy starts, have seats left, and are online or
// within the candidate's own commuting radius. A path is one a person can
// follow (ADR 023): its courses never overlap in time, they start once the
// candidate is available, and there are few of them (PATH_LIMITS).
import { distanceKm, isWithinKm } from "~/lib/distance";
import type { CandidateForMatching, OfferingForMatching, VacancyForMatching } from "./types";

export interface UpskillingStep {
  offering: OfferingForMatching;
  teaches: string[];
}

/** How much upskilling one match may ask of a person. */
export const PATH_LIMITS = {
  /** Courses in one path. */
  maxCourses: 3,
  /** Weeks of courses in one path, added up. */
  maxWeeks: 26,
  /** Offerings per missing skill a path search looks at (earliest ending first): enough choice, bounded work. */
  optionsPerSkill: 6,
} as const;

export interface PathLimits {
  maxCourses: number;
  maxWeeks: number;
  optionsPerSkill: number;
}

/** Seats already promised to better-ranked candidates of the same vacancy, by offering. */
export type SeatsTaken = ReadonlyMap<string, number>;

const DAY_MS = 86_400_000;

/** Whole days an offering runs, first and last day included. */
export function courseDays(o: Pick<OfferingForMatching, "startDate" | "endDate">): number {
  return Math.round((o.endDate.getTime() - o.startDate.getTime()) / DAY_MS) + 1;
}

/** Two courses overlap when one starts on or before the day the other ends: a person attends one at a time. */
export function overlaps(a: Pick<OfferingForMatching, "startDate" | "endDate">, b: Pick<OfferingForMatching, "startDate" | "endDate">): boolean {
  return a.startDate.getTime() <= b.endDate.getTime() && b.startDate.getTime() <= a.endDate.getTime();
}

/** What an offering must be for anyone to use it for this vacancy: running, seats left, over before the first working day. */
function servesVacancy(offering: OfferingForMatching, vacancy: VacancyForMatching): boolean {
  if (offering.cancelled || offering.seatsLeft <= 0) return false;
  return offering.endDate.getTime() < vacancy.startDate.getTime();
}

/** …and what it must be for this candidate: not started before they can attend, and online or within their own radius. */
function servesCandidate(offering: OfferingForMatching, candidate: CandidateForMatching): boolean {
  if (offering.startDate.getTime() < candidate.availableFrom.getTime()) return false;
  if (offering.online) return true;
  if (!offering.location) return false;
  return isWithinKm(candidate.location, offering.location, candidate.commuteRadiusKm);
}

/** The offerings teaching one skill for one vacancy: online ones, and on-site ones nearest the workplace first. */
interface Teaching {
  online: OfferingForMatching[];
  onSite: { offering: OfferingForMatching; kmFromWorkplace: number }[];
}

/**
 * The offerings that can serve one vacancy, by the skills they teach. Built
 * once per vacancy, so that each of the hundreds of candidates retrieved for it
 * looks only at the few offerings teaching the skills they miss, and only at
 * those near enough: a candidate lives within their radius r of the workplace
 * and may travel r to a course, so a course farther than 2r from the workplace
 * can never serve them (triangle inequality on the sphere).
 */
export class OfferingCatalogue {
  private readonly bySkill = new Map<string, Teaching>();

  constructor(vacancy: VacancyForMatching, offerings: readonly OfferingForMatching[]) {
    for (const offering of offerings) {
      if (!servesVacancy(offering, vacancy)) continue;
      // An on-site offering without a place can serve nobody (servesCandidate).
      if (!offering.online && !offering.location) continue;
      const kmFromWorkplace = offering.location ? distanceKm(vacancy.location, offering.location) : 0;
      for (const skillId of offering.skillIds) {
        let teaching = this.bySkill.get(skillId);
        if (!teaching) this.bySkill.set(skillId, (teaching = { online: [], onSite: [] }));
        if (offering.online) teaching.online.push(offering);
        else teaching.onSite.push({ offering, kmFromWorkplace });
      }
    }
    for (const teaching of this.bySkill.values()) teaching.onSite.sort((a, b) => a.kmFromWorkplace - b.kmFromWorkplace);
  }

  /** Whether any offering could teach this skill for the vacancy (to someone, somewhere). */
  teaches(skillId: string): boolean {
    return this.bySkill.has(skillId);
  }

  /**
   * The path a candidate would follow to learn every missing skill, or null
   * when none can be followed: the fewest courses (at most PATH_LIMITS.maxCourses),
   * then the earliest last day, such that no two courses overlap in time, all
   * have a seat left after `taken`, and together they last at most
   * PATH_LIMITS.maxWeeks. Missing skills are few (a handful) and each looks at
   * its earliest-ending usable offerings only, so the exhaustive search below
   * stays small; ties go to the lower offering ids, so every run agrees.
   */
  pathFor(missingSkillIds: readonly string[], candidate: CandidateForMatching, taken: SeatsTaken = NO_SEATS_TAKEN, limits: PathLimits = PATH_LIMITS): UpskillingStep[] | null {
    if (missingSkillIds.length === 0) return [];
    const options = new Map<string, OfferingForMatching[]>();
    for (const skillId of missingSkillIds) {
      const usable: OfferingForMatching[] = [];
      this.visitUsable(skillId, candidate, (offering) => {
        if (offering.seatsLeft - (taken.get(offering.id) ?? 0) > 0) usable.push(offering);
        return false;
      });
      if (usable.length === 0) return null;
      usable.sort(byEndThenId);
      options.set(skillId, usable.slice(0, limits.optionsPerSkill));
    }
    // Skills with the fewest options first: the search branches least.
    const order = [...missingSkillIds].sort((a, b) => options.get(a)!.length - options.get(b)!.length);
    let best: OfferingForMatching[] | null = null;
    const chosen: OfferingForMatching[] = [];
    const maxDays = limits.maxWeeks * 7;
    const search = (days: number) => {
      const next = order.find((s) => !chosen.some((o) => o.skillIds.includes(s)));
      if (next === undefined) {
        if (!best || isBetterPath(chosen, best)) best = [...chosen];
        return;
      }
      if (chosen.length >= limits.maxCourses) return;
      // A path as long as the best one found cannot become better by growing.
      if (best && chosen.length + 1 > best.length) return;
      for (const offering of options.get(next)!) {
        if (chosen.some((o) => o.id === offering.id || overlaps(o, offering))) continue;
        const length = courseDays(offering);
        if (days + length > maxDays) continue;
        chosen.push(offering);
        search(days + length);
        chosen.pop();
      }
    };
    search(0);
    if (!best) return null;
    const uncovered = new Set(missingSkillIds);
    return (best as OfferingForMatching[])
      .sort(byStartThenId)
      .map((offering) => {
        const teaches = offering.skillIds.filter((s) => uncovered.has(s));
        for (const s of teaches) uncovered.delete(s);
        return { offering, teaches };
      })
      .filter((step) => step.teaches.length > 0);
  }

  /**
   * Walks the offerings teaching `skillId` that this candidate can use (online
   * ones, then on-site ones nearest the workplace first, stopping beyond twice
   * the radius), calling `visit` on each until it returns true. Returns whether
   * some visit returned true.
   */
  private visitUsable(skillId: string, candidate: CandidateForMatching, visit: (offering: OfferingForMatching) => boolean): boolean {
    const teaching = this.bySkill.get(skillId);
    if (!teaching) return false;
    for (const offering of teaching.online) if (servesCandidate(offering, candidate) && visit(offering)) return true;
    // Tiny slack for rounding: the exact check is servesCandidate's.
    const farthest = 2 * candidate.commuteRadiusKm + 1e-6;
    for (const { offering, kmFromWorkplace } of teaching.onSite) {
      if (kmFromWorkplace > farthest) break;
      if (servesCandidate(offering, candidate) && visit(offering)) return true;
    }
    return false;
  }
}

const NO_SEATS_TAKEN: SeatsTaken = new Map();

function byEndThenId(a: OfferingForMatching, b: OfferingForMatching): number {
  return a.endDate.getTime() - b.endDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byStartThenId(a: OfferingForMatching, b: OfferingForMatching): number {
  return a.startDate.getTime() - b.startDate.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Fewer courses first, then the earlier last day, then the lower ids (deterministic). */
function isBetterPath(path: readonly OfferingForMatching[], best: readonly OfferingForMatching[]): boolean {
  if (path.length !== best.length) return path.length < best.length;
  const end = Math.max(...path.map((o) => o.endDate.getTime()));
  const bestEnd = Math.max(...best.map((o) => o.endDate.getTime()));
  if (end !== bestEnd) return end < bestEnd;
  const ids = path.map((o) => o.id).sort().join(" ");
  const bestIds = best.map((o) => o.id).sort().join(" ");
  return ids < bestIds;
}
