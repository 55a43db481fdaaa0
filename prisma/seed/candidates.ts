// ACTIVE candidates with MATCHING consent, each built around an occupation that
// the vacancies of their own jobcentre ask for, holding most of its essential
// skills: sometimes 1–2 are missing, which is where upskilling comes in.
import type { Prisma } from "~/generated/prisma/client";
import type { OrganisationPlan } from "./organisations";
import { placesIn } from "./organisations";
import { addDays, chance, createRng, danishPhone, seededId, slug, type Rng } from "./rng";
import type { SeedInput } from "./types";
import type { VacancyPlan } from "./vacancies";

export interface CandidatePlan {
  candidates: Prisma.CandidateCreateManyInput[];
  skills: Prisma.CandidateSkillCreateManyInput[];
  consents: Prisma.ConsentCreateManyInput[];
  /** Essential skills each candidate lacks for their occupation (for choosing what courses teach). */
  gaps: { candidateId: string; occupationId: string; jobcentreId: string; missing: string[] }[];
}

// No 0/O or 1/I, so a pseudonym read aloud over the phone is unambiguous.
const PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

function pseudonym(rng: Rng, used: Set<string>): string {
  for (;;) {
    const chars = rng.string.fromCharacters(PSEUDONYM_ALPHABET, 6);
    const value = `Kandidat ${chars.slice(0, 4)}-${chars.slice(4)}`;
    if (!used.has(value)) {
      used.add(value);
      return value;
    }
  }
}

export function planCandidates(input: SeedInput, seed: number, orgs: OrganisationPlan, vacancies: VacancyPlan, count: number): CandidatePlan {
  const rng = createRng(seed, "candidates");
  const plan: CandidatePlan = { candidates: [], skills: [], consents: [], gaps: [] };
  const pseudonyms = new Set<string>();
  for (let i = 0; i < count; i++) {
    const jobcentre = orgs.jobcentres[i % orgs.jobcentres.length];
    const local = vacancies.summaries.filter((v) => v.jobcentreId === jobcentre.id);
    // Mostly the jobs wanted locally, so that the demo has matches; some from anywhere in the pool.
    const occupation = local.length > 0 && chance(rng, 0.85) ? rng.helpers.arrayElement(local).occupation : rng.helpers.arrayElement(input.occupations);
    const missingCount = rng.helpers.weightedArrayElement([{ value: 0, weight: 5 }, { value: 1, weight: 3 }, { value: 2, weight: 2 }]);
    const missing = rng.helpers.arrayElements(occupation.essential, Math.min(missingCount, occupation.essential.length - 1));
    const held = occupation.essential.filter((s) => !missing.includes(s));
    const optional = occupation.optional.filter(() => chance(rng, 0.3));
    const place = rng.helpers.arrayElement(placesIn(input, jobcentre.municipalityCode));
    const sex = rng.helpers.arrayElement(["female", "male"] as const);
    const firstName = rng.person.firstName(sex);
    const lastName = rng.person.lastName();
    const id = seededId(rng);
    const consultantId = rng.helpers.arrayElement(jobcentre.consultantIds);
    const registeredDaysAgo = rng.number.int({ min: 3, max: 180 });
    plan.candidates.push({
      id,
      jobcentreId: jobcentre.id,
      consultantId,
      pseudonym: pseudonym(rng, pseudonyms),
      firstName,
      lastName,
      email: `${slug(firstName)}.${slug(lastName)}.${i + 1}@borger.jobbro.demo`,
      phone: danishPhone(rng),
      postalCode: place.postalCode,
      city: place.city,
      latitude: place.latitude,
      longitude: place.longitude,
      commuteRadiusKm: rng.helpers.arrayElement([10, 15, 20, 25, 30, 40, 50, 60]),
      availableFrom: addDays(input.today, rng.number.int({ min: 0, max: 70 })),
      status: "ACTIVE",
      hasDrivingLicence: chance(rng, 0.65),
      languages: chance(rng, 0.85) ? (chance(rng, 0.4) ? ["da", "en"] : ["da"]) : rng.helpers.arrayElement([["en"], ["ar", "en"], ["uk"], ["pl", "en"]]),
      desiredHoursPerWeek: rng.helpers.weightedArrayElement([{ value: 37, weight: 7 }, { value: 30, weight: 2 }, { value: 25, weight: 1 }]),
      lastActivityAt: addDays(input.today, -rng.number.int({ min: 0, max: Math.min(60, registeredDaysAgo) })),
      createdAt: addDays(input.today, -registeredDaysAgo),
    });
    for (const skillId of [...held, ...optional]) plan.skills.push({ candidateId: id, skillId });
    const channel = rng.helpers.arrayElement(["IN_PERSON", "DIGITAL", "PHONE"] as const);
    const givenAt = addDays(input.today, -registeredDaysAgo);
    plan.consents.push({ id: seededId(rng), candidateId: id, purpose: "MATCHING", channel, givenAt, recordedById: consultantId });
    if (chance(rng, 0.4)) {
      plan.consents.push({ id: seededId(rng), candidateId: id, purpose: "EMAIL_NOTIFICATIONS", channel, givenAt, recordedById: consultantId });
    }
    plan.gaps.push({ candidateId: id, occupationId: occupation.id, jobcentreId: jobcentre.id, missing });
  }
  return plan;
}
