// OPEN vacancies built from real taxonomy occupations: 3–6 required skills from
// the occupation's essential ones, 1–4 nice-to-have from its optional ones.
import type { Prisma } from "~/generated/prisma/client";
import { DEMO_OCCUPATION_TITLES_DA } from "./demo-occupations";
import type { CompanyPlan } from "./organisations";
import { addDays, capitalise, chance, createRng, seededId } from "./rng";
import type { SeedInput, SeedOccupation } from "./types";

export interface VacancyPlan {
  vacancies: Prisma.VacancyCreateManyInput[];
  skills: Prisma.VacancySkillCreateManyInput[];
  /** For candidates and courses: who is wanted where. */
  summaries: { id: string; occupation: SeedOccupation; jobcentreId: string; required: string[]; startDate: Date }[];
}

export function occupationTitle(occupation: SeedOccupation): string {
  return DEMO_OCCUPATION_TITLES_DA[occupation.labelEn] ?? occupation.labelDa ?? capitalise(occupation.labelEn);
}

function description(title: string, companyName: string, city: string, upskilling: boolean): string {
  return [
    `${companyName} søger ${title.toLowerCase()} til fast stilling i ${city}.`,
    "Du bliver en del af et uformelt arbejdsfællesskab med gode kolleger og ordnede forhold.",
    upskilling ? "Mangler du en enkelt kompetence, kan et kort AMU-kursus før start klæde dig på." : "",
  ]
    .filter(Boolean)
    .join(" ");
}

export function planVacancies(input: SeedInput, seed: number, companies: CompanyPlan[], count: number): VacancyPlan {
  const rng = createRng(seed, "vacancies");
  const plan: VacancyPlan = { vacancies: [], skills: [], summaries: [] };
  for (let i = 0; i < count; i++) {
    const company = companies[i % companies.length];
    const occupation = rng.helpers.arrayElement(company.occupations);
    const required = rng.helpers.arrayElements(occupation.essential, { min: Math.min(3, occupation.essential.length), max: Math.min(6, occupation.essential.length) });
    const niceToHave = rng.helpers.arrayElements(occupation.optional, { min: 1, max: Math.min(4, occupation.optional.length) });
    const id = seededId(rng);
    const title = occupationTitle(occupation);
    const startDate = addDays(input.today, rng.number.int({ min: 14, max: 84 }));
    const acceptsUpskilling = chance(rng, 0.6);
    plan.vacancies.push({
      id,
      organisationId: company.id,
      occupationId: occupation.id,
      title,
      description: description(title, company.name, company.place.city, acceptsUpskilling),
      status: "OPEN",
      postalCode: company.place.postalCode,
      city: company.place.city,
      latitude: company.place.latitude,
      longitude: company.place.longitude,
      startDate,
      hoursPerWeek: rng.helpers.weightedArrayElement([{ value: 37, weight: 7 }, { value: 30, weight: 2 }, { value: 25, weight: 1 }]),
      positions: rng.helpers.weightedArrayElement([{ value: 1, weight: 6 }, { value: 2, weight: 3 }, { value: 3, weight: 1 }]),
      requiresDrivingLicence: chance(rng, 0.25),
      languages: chance(rng, 0.2) ? ["da", "en"] : ["da"],
      acceptsUpskilling,
      createdById: company.contactUserId,
    });
    for (const skillId of required) plan.skills.push({ vacancyId: id, skillId, requirement: "REQUIRED" });
    for (const skillId of niceToHave) plan.skills.push({ vacancyId: id, skillId, requirement: "NICE_TO_HAVE" });
    plan.summaries.push({ id, occupation, jobcentreId: company.jobcentreId, required, startDate });
  }
  return plan;
}
