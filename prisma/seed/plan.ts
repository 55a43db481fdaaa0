// The whole demo as plain rows, computed from the seed input alone: same input
// and seed, same rows (ids included). No database access here.
import { planCandidates, type CandidatePlan } from "./candidates";
import { planCourses, type CoursePlan } from "./courses";
import { planOrganisations, type OrganisationPlan } from "./organisations";
import { DEFAULT_SEED } from "./rng";
import type { SeedInput, SeedOptions } from "./types";
import { planVacancies, type VacancyPlan } from "./vacancies";

export const FULL_DEMO_SIZE = { companies: 30, vacancies: 200, candidates: 2000, courses: 40, offerings: 150 };

export interface DemoPlan {
  organisations: OrganisationPlan;
  vacancies: VacancyPlan;
  candidates: CandidatePlan;
  courses: CoursePlan;
}

export function demoSize(scale = 1) {
  if (!(scale > 0)) throw new Error(`scale must be a positive number, got ${scale}`);
  const at = (n: number, min: number) => Math.max(min, Math.round(n * scale));
  return {
    companies: at(FULL_DEMO_SIZE.companies, 3),
    vacancies: at(FULL_DEMO_SIZE.vacancies, 6),
    candidates: at(FULL_DEMO_SIZE.candidates, 30),
    courses: at(FULL_DEMO_SIZE.courses, 4),
    offerings: at(FULL_DEMO_SIZE.offerings, 8),
  };
}

export function planDemo(input: SeedInput, options: SeedOptions = {}): DemoPlan {
  const seed = options.seed ?? DEFAULT_SEED;
  const size = demoSize(options.scale);
  const organisations = planOrganisations(input, seed, size.companies);
  const vacancies = planVacancies(input, seed, organisations.companies, size.vacancies);
  const candidates = planCandidates(input, seed, organisations, vacancies, size.candidates);
  const courses = planCourses(input, seed, organisations, vacancies, candidates, size.courses, size.offerings);
  return { organisations, vacancies, candidates, courses };
}
