// Courses that teach the skills candidates most often lack for the vacancies
// near them, so that the demo has real upskilling matches, plus dated offerings.
import type { Prisma } from "~/generated/prisma/client";
import type { CandidatePlan } from "./candidates";
import type { OrganisationPlan } from "./organisations";
import { placesIn } from "./organisations";
import { addDays, capitalise, chance, createRng, seededId } from "./rng";
import type { SeedInput } from "./types";
import type { VacancyPlan } from "./vacancies";

export interface CoursePlan {
  courses: Prisma.CourseCreateManyInput[];
  skills: Prisma.CourseSkillCreateManyInput[];
  offerings: Prisma.CourseOfferingCreateManyInput[];
}

interface Gap {
  skillId: string;
  occupationId: string;
  jobcentreId: string;
  /** How many (candidate, vacancy) pairs in one jobcentre this skill alone stands between. */
  weight: number;
}

/** Ranks (skill, jobcentre) pairs by how often the skill is a missing required skill of a local vacancy. */
export function rankSkillGaps(vacancies: VacancyPlan, candidates: CandidatePlan): Gap[] {
  const required = new Map<string, number>(); // `${jobcentre}|${occupation}|${skill}` → vacancies requiring it
  for (const v of vacancies.summaries) {
    for (const s of v.required) {
      const key = `${v.jobcentreId}|${v.occupation.id}|${s}`;
      required.set(key, (required.get(key) ?? 0) + 1);
    }
  }
  const gaps = new Map<string, Gap>();
  for (const c of candidates.gaps) {
    for (const skillId of c.missing) {
      const weight = required.get(`${c.jobcentreId}|${c.occupationId}|${skillId}`) ?? 0;
      if (weight === 0) continue;
      const key = `${c.jobcentreId}|${skillId}`;
      const gap = gaps.get(key) ?? { skillId, occupationId: c.occupationId, jobcentreId: c.jobcentreId, weight: 0 };
      gap.weight += weight;
      gaps.set(key, gap);
    }
  }
  return [...gaps.values()].sort((a, b) => b.weight - a.weight || a.skillId.localeCompare(b.skillId) || a.jobcentreId.localeCompare(b.jobcentreId));
}

export function planCourses(
  input: SeedInput,
  seed: number,
  orgs: OrganisationPlan,
  vacancies: VacancyPlan,
  candidates: CandidatePlan,
  courseCount: number,
  offeringCount: number,
): CoursePlan {
  const rng = createRng(seed, "courses");
  const plan: CoursePlan = { courses: [], skills: [], offerings: [] };
  const ranked = rankSkillGaps(vacancies, candidates);
  const taught = new Set<string>();
  const titles = new Set<string>();
  const amuCodes = new Set<string>();
  const courseJobcentre: string[] = [];

  const bundles: { skills: string[]; jobcentreId: string }[] = [];
  for (const gap of ranked) {
    if (bundles.length >= courseCount) break;
    if (taught.has(`${gap.jobcentreId}|${gap.skillId}`)) continue;
    const extra = ranked
      .filter((g) => g !== gap && g.jobcentreId === gap.jobcentreId && g.occupationId === gap.occupationId && !taught.has(`${g.jobcentreId}|${g.skillId}`))
      .slice(0, rng.number.int({ min: 0, max: 2 }));
    const skills = [gap.skillId, ...extra.map((g) => g.skillId)].filter((s, i, all) => all.indexOf(s) === i);
    for (const s of skills) taught.add(`${gap.jobcentreId}|${s}`);
    bundles.push({ skills, jobcentreId: gap.jobcentreId });
  }
  // Too few gaps (a small taxonomy or population): teach essential skills of the demo occupations.
  while (bundles.length < courseCount) {
    const occupation = rng.helpers.arrayElement(input.occupations);
    bundles.push({
      skills: rng.helpers.arrayElements(occupation.essential, { min: 1, max: Math.min(3, occupation.essential.length) }),
      jobcentreId: rng.helpers.arrayElement(orgs.jobcentres).id,
    });
  }

  for (const bundle of bundles) {
    const municipality = orgs.jobcentres.find((j) => j.id === bundle.jobcentreId)!.municipalityCode;
    // Nordjylland serves Aalborg, Syddansk serves Odense; Aarhus is served by both.
    const institution =
      orgs.institutions.find((i) => i.places.some((p) => p.municipalityCode === municipality) && (municipality !== "0751" || chance(rng, 0.5))) ??
      orgs.institutions.find((i) => i.places.some((p) => p.municipalityCode === municipality)) ??
      orgs.institutions[0];
    const labels = bundle.skills.map((s) => input.skillLabels.get(s) ?? s);
    let title = capitalise(labels.join(", "));
    if (titles.has(`${institution.id}|${title}`)) title = `${title} (${titles.size + 1})`;
    titles.add(`${institution.id}|${title}`);
    let amuCode: string;
    do amuCode = String(rng.number.int({ min: 40000, max: 49999 }));
    while (amuCodes.has(amuCode));
    amuCodes.add(amuCode);
    const id = seededId(rng);
    const durationDays = rng.helpers.arrayElement([1, 2, 3, 5, 5, 10]);
    plan.courses.push({
      id,
      institutionId: institution.id,
      title,
      amuCode,
      durationDays,
      description: `Arbejdsmarkedsuddannelse (AMU ${amuCode}) på ${durationDays} dag${durationDays === 1 ? "" : "e"}. Du lærer: ${labels.join("; ")}.`,
    });
    for (const skillId of bundle.skills) plan.skills.push({ courseId: id, skillId });
    courseJobcentre.push(municipality);
  }

  for (let i = 0; i < offeringCount && plan.courses.length > 0; i++) {
    const courseIndex = i % plan.courses.length;
    const course = plan.courses[courseIndex];
    const institution = orgs.institutions.find((inst) => inst.id === course.institutionId)!;
    const online = chance(rng, 0.2);
    const localPlaces = placesIn(input, courseJobcentre[courseIndex]);
    const place = online ? null : rng.helpers.arrayElement(chance(rng, 0.8) ? localPlaces : institution.places);
    const startDate = addDays(input.today, rng.number.int({ min: 3, max: 90 }));
    plan.offerings.push({
      id: seededId(rng),
      courseId: course.id!,
      startDate,
      endDate: addDays(startDate, Math.max(0, (course.durationDays ?? 1) - 1)),
      online,
      postalCode: place?.postalCode ?? null,
      city: place?.city ?? null,
      latitude: place?.latitude ?? null,
      longitude: place?.longitude ?? null,
      seats: rng.number.int({ min: 8, max: 20 }),
    });
  }
  return plan;
}
