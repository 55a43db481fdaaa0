// Deterministic synthetic data of national shape for the matching benchmark.
//
// Realism where it drives the cost of matching:
// - Places are the real Danish postal codes (importGeography); municipalities
//   are weighted by approximate population, because Copenhagen has 400+ postal
//   codes and picking codes uniformly would put a third of Denmark there.
// - Skills come in families (45 skills per 5 related occupations) plus a pool of
//   transversal skills that cut across families, so a vacancy shares skills with
//   its own occupation's candidates, partly with neighbouring occupations', and
//   a little with everyone's.
// - Occupation popularity is Zipf-like: a few occupations are big (warehouse,
//   care), most are small.
// Names are placeholders ("Syntetisk Kandidat 42"): no real personal data.
import { addDays } from "../../prisma/seed/rng";
import { BASE_DATE, type BenchConfig } from "./config";
import { Rng, WeightedPicker } from "./rng";

export interface Place {
  postalCode: string;
  city: string;
  municipalityCode: string;
  latitude: number;
  longitude: number;
}

/** Approximate populations (thousands, 2024) of the larger and the smallest municipalities; the rest count as 40. */
const POPULATION_K: Record<string, number> = {
  "0101": 660, "0751": 370, "0851": 222, "0461": 208, "0630": 121, "0561": 115, "0147": 105, "0730": 99,
  "0791": 98, "0740": 100, "0621": 95, "0615": 98, "0657": 90, "0265": 91, "0370": 84, "0157": 75,
  "0330": 80, "0159": 70, "0316": 73, "0540": 74, "0860": 64, "0173": 57, "0217": 64, "0479": 59,
  "0376": 60, "0813": 59, "0661": 59, "0259": 62, "0510": 55, "0746": 64, "0219": 52, "0580": 58,
  "0760": 56, "0607": 52, "0825": 1.7, "0563": 3.4, "0741": 3.7, "0492": 6, "0400": 39,
};
const DEFAULT_POPULATION_K = 40;

export interface Taxonomy {
  skills: { id: string; key: string; label: string; family: number | null }[];
  /** Skill relatedness as the taxonomy import derives it (ADR 022): a few related skills per skill, inside its family. */
  related: { skillId: string; relatedSkillId: string; strength: number }[];
  occupations: { id: string; label: string; essential: string[]; optional: string[] }[];
  occupationPicker: WeightedPicker<Taxonomy["occupations"][number]>;
}

export function buildTaxonomy(config: BenchConfig): Taxonomy {
  const rng = new Rng(config.seed, "taxonomy");
  const transversalCount = Math.round(config.skills * 0.1);
  const families = Math.max(1, Math.floor(config.occupations / 5));
  const perFamily = Math.floor((config.skills - transversalCount) / families);
  const skills: Taxonomy["skills"] = [];
  for (let i = 0; i < config.skills; i++) {
    const family = i < transversalCount ? null : Math.min(families - 1, Math.floor((i - transversalCount) / perFamily));
    const n = String(i + 1).padStart(5, "0");
    skills.push({ id: `bsk_${n}`, key: `bench-skill-${n}`, label: `synthetic skill ${n}`, family });
  }
  const transversal = skills.filter((s) => s.family === null).map((s) => s.id);
  const byFamily = new Map<number, string[]>();
  for (const s of skills) if (s.family !== null) byFamily.set(s.family, [...(byFamily.get(s.family) ?? []), s.id]);

  const occupations: Taxonomy["occupations"] = [];
  for (let i = 0; i < config.occupations; i++) {
    const pool = byFamily.get(Math.min(families - 1, Math.floor(i / 5)))!;
    const familySkills = rng.sample(pool, 12);
    const cross = rng.sample(transversal, 4);
    occupations.push({
      id: `boc_${String(i + 1).padStart(4, "0")}`,
      label: `synthetic occupation ${i + 1}`,
      essential: [...familySkills.slice(0, 6), ...cross.slice(0, 2)],
      optional: [...familySkills.slice(6), ...cross.slice(2)],
    });
  }
  // Popularity rank is shuffled so that big occupations are spread over the families.
  const ranks = rng.sample(occupations.map((_, i) => i), occupations.length);
  const occupationPicker = new WeightedPicker(occupations, (_, i) => 1 / (ranks[i] + 1) ** 0.8);
  // A stream of its own, so that adding relatedness changed none of the other rows.
  const relatedRng = new Rng(config.seed, "relatedness");
  const related: Taxonomy["related"] = [];
  for (const s of skills) {
    if (s.family === null) continue;
    const others = byFamily.get(s.family)!.filter((id) => id !== s.id);
    for (const r of relatedRng.sample(others, relatedRng.int(2, 5))) {
      related.push({ skillId: s.id, relatedSkillId: r, strength: Math.round((0.35 + relatedRng.next() * 0.55) * 1000) / 1000 });
    }
  }
  return { skills, related, occupations, occupationPicker };
}

/** Picks a place the way people are spread: municipality by population, then one of its postal codes. */
export function placePicker(places: Place[]): { pick(rng: Rng): Place; municipalities: string[] } {
  const byMunicipality = new Map<string, Place[]>();
  for (const p of places) byMunicipality.set(p.municipalityCode, [...(byMunicipality.get(p.municipalityCode) ?? []), p]);
  const municipalities = [...byMunicipality.keys()].sort();
  const picker = new WeightedPicker(municipalities, (m) => POPULATION_K[m] ?? DEFAULT_POPULATION_K);
  return { municipalities, pick: (rng) => rng.pick(byMunicipality.get(picker.pick(rng))!) };
}

/** A point up to `km` from the place, so that people of one postal code are not all at one spot. */
function jitter(rng: Rng, place: Place, km: number): { latitude: number; longitude: number } {
  const r = km * Math.sqrt(rng.next());
  const theta = rng.next() * 2 * Math.PI;
  const latitude = place.latitude + (r * Math.cos(theta)) / 111.32;
  const longitude = place.longitude + (r * Math.sin(theta)) / (111.32 * Math.cos((place.latitude * Math.PI) / 180));
  return { latitude: round6(latitude), longitude: round6(longitude) };
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const pad = (i: number, n = 7) => String(i).padStart(n, "0");

export interface OrgRow {
  id: string;
  kind: "COMPANY" | "JOBCENTRE" | "INSTITUTION";
  name: string;
  municipalityCode: string | null;
  place: Place;
}

export function buildOrganisations(config: BenchConfig, places: ReturnType<typeof placePicker>, allPlaces: Place[]) {
  const rng = new Rng(config.seed, "organisations");
  const firstPlace = new Map<string, Place>();
  for (const p of allPlaces) if (!firstPlace.has(p.municipalityCode)) firstPlace.set(p.municipalityCode, p);
  const jobcentres: OrgRow[] = places.municipalities.map((m) => ({
    id: `bjc_${m}`,
    kind: "JOBCENTRE",
    name: `Jobcenter ${firstPlace.get(m)!.city}`,
    municipalityCode: m,
    place: firstPlace.get(m)!,
  }));
  const companies: OrgRow[] = Array.from({ length: config.companies }, (_, i) => ({
    id: `bco_${pad(i + 1, 6)}`,
    kind: "COMPANY",
    name: `Syntetisk Virksomhed ${i + 1} ApS`,
    municipalityCode: null,
    place: places.pick(rng),
  }));
  const institutions: OrgRow[] = Array.from({ length: config.institutions }, (_, i) => ({
    id: `bin_${pad(i + 1, 4)}`,
    kind: "INSTITUTION",
    name: `Syntetisk Uddannelsescenter ${i + 1}`,
    municipalityCode: null,
    place: places.pick(rng),
  }));
  return { jobcentres, companies, institutions };
}

export interface CandidateBatch {
  candidates: {
    id: string; jobcentreId: string; pseudonym: string; firstName: string; lastName: string; postalCode: string; city: string;
    latitude: number; longitude: number; commuteRadiusKm: number; availableFrom: Date; status: "ACTIVE" | "INACTIVE" | "EMPLOYED";
    hasDrivingLicence: boolean; languages: string;
  }[];
  skills: { owner: string; skillId: string }[];
  /** Occupations worked in, with years (CandidateOccupation). */
  experience: { owner: string; occupationId: string; years: number }[];
  consents: { id: string; candidateId: string }[];
}

const RADII = new WeightedPicker(
  [
    { km: 10, w: 10 }, { km: 15, w: 10 }, { km: 20, w: 18 }, { km: 25, w: 18 }, { km: 30, w: 16 },
    { km: 40, w: 12 }, { km: 50, w: 10 }, { km: 60, w: 6 },
  ],
  (r) => r.w,
);

/** Candidates in batches, so 100,000 of them never sit in memory at once. One PRNG stream: batching does not change the rows. */
export function* candidateBatches(config: BenchConfig, tax: Taxonomy, places: ReturnType<typeof placePicker>, batchSize: number): Generator<CandidateBatch> {
  const rng = new Rng(config.seed, "candidates");
  const experienceRng = new Rng(config.seed, "experience");
  for (let start = 0; start < config.candidates; start += batchSize) {
    const batch: CandidateBatch = { candidates: [], skills: [], experience: [], consents: [] };
    for (let i = start; i < Math.min(config.candidates, start + batchSize); i++) {
      const id = `bca_${pad(i + 1)}`;
      const place = places.pick(rng);
      const occupation = tax.occupationPicker.pick(rng);
      const missing = rng.pick([0, 0, 0, 0, 0, 1, 1, 1, 2, 2]);
      const held = new Set(rng.sample(occupation.essential, occupation.essential.length - missing));
      for (const s of occupation.optional) if (rng.chance(0.3)) held.add(s);
      // Some have a second trade (earlier job, career change).
      if (rng.chance(0.3)) for (const s of rng.sample(tax.occupationPicker.pick(rng).essential, rng.int(2, 3))) held.add(s);
      const roll = rng.next();
      const status = roll < 0.9 ? "ACTIVE" : roll < 0.95 ? "INACTIVE" : "EMPLOYED";
      const point = jitter(rng, place, 3);
      batch.candidates.push({
        id,
        jobcentreId: `bjc_${place.municipalityCode}`,
        pseudonym: `Bench ${pad(i + 1)}`,
        firstName: "Syntetisk",
        lastName: `Kandidat ${i + 1}`,
        postalCode: place.postalCode,
        city: place.city,
        ...point,
        commuteRadiusKm: RADII.pick(rng).km,
        availableFrom: addDays(BASE_DATE, rng.int(0, 60)),
        status,
        hasDrivingLicence: rng.chance(0.65),
        languages: rng.chance(0.85) ? "da" : "en",
      });
      for (const skillId of held) batch.skills.push({ owner: id, skillId });
      // Most have their experience recorded (a stream of its own: the other rows stay as they were).
      if (experienceRng.chance(0.7)) batch.experience.push({ owner: id, occupationId: occupation.id, years: experienceRng.int(0, 15) });
      if (status === "ACTIVE" && rng.chance(0.95)) batch.consents.push({ id: `bcs_${pad(i + 1)}`, candidateId: id });
    }
    yield batch;
  }
}

export interface VacancyBatch {
  vacancies: {
    id: string; organisationId: string; occupationId: string; title: string; postalCode: string; city: string;
    latitude: number; longitude: number; startDate: Date; requiresDrivingLicence: boolean; acceptsUpskilling: boolean;
  }[];
  skills: { vacancyId: string; skillId: string; requirement: "REQUIRED" | "NICE_TO_HAVE" }[];
}

export function* vacancyBatches(config: BenchConfig, tax: Taxonomy, companies: OrgRow[], batchSize: number): Generator<VacancyBatch> {
  const rng = new Rng(config.seed, "vacancies");
  for (let start = 0; start < config.vacancies; start += batchSize) {
    const batch: VacancyBatch = { vacancies: [], skills: [] };
    for (let i = start; i < Math.min(config.vacancies, start + batchSize); i++) {
      const id = `bva_${pad(i + 1)}`;
      const company = rng.pick(companies);
      const occupation = tax.occupationPicker.pick(rng);
      const required = rng.sample(occupation.essential, rng.int(3, 6));
      const nice = rng.sample(occupation.optional, rng.int(1, 4));
      batch.vacancies.push({
        id,
        organisationId: company.id,
        occupationId: occupation.id,
        title: `${occupation.label} ${i + 1}`,
        postalCode: company.place.postalCode,
        city: company.place.city,
        latitude: company.place.latitude,
        longitude: company.place.longitude,
        startDate: addDays(BASE_DATE, rng.int(14, 120)),
        requiresDrivingLicence: rng.chance(0.25),
        acceptsUpskilling: rng.chance(0.7),
      });
      for (const skillId of required) batch.skills.push({ vacancyId: id, skillId, requirement: "REQUIRED" });
      for (const skillId of nice) batch.skills.push({ vacancyId: id, skillId, requirement: "NICE_TO_HAVE" });
    }
    yield batch;
  }
}

export interface CoursePlan {
  courses: { id: string; institutionId: string; title: string }[];
  skills: { owner: string; skillId: string }[];
  offerings: {
    id: string; courseId: string; startDate: Date; endDate: Date; online: boolean; postalCode: string | null; city: string | null;
    latitude: number | null; longitude: number | null; seats: number; cancelled: boolean;
  }[];
}

/** Courses teach 2–4 essential skills of one occupation (chosen by demand); offerings run across the country. */
export function buildCourses(config: BenchConfig, tax: Taxonomy, institutions: OrgRow[], places: ReturnType<typeof placePicker>): CoursePlan {
  const rng = new Rng(config.seed, "courses");
  const plan: CoursePlan = { courses: [], skills: [], offerings: [] };
  for (let i = 0; i < config.courses; i++) {
    const id = `bcu_${pad(i + 1, 5)}`;
    plan.courses.push({ id, institutionId: rng.pick(institutions).id, title: `Syntetisk kursus ${i + 1}` });
    for (const skillId of rng.sample(tax.occupationPicker.pick(rng).essential, rng.int(2, 4))) plan.skills.push({ owner: id, skillId });
  }
  const institutionPlace = new Map(institutions.map((o) => [o.id, o.place]));
  for (let i = 0; i < config.offerings; i++) {
    const course = rng.pick(plan.courses);
    const online = rng.chance(0.1);
    const place = rng.chance(0.7) ? institutionPlace.get(course.institutionId)! : places.pick(rng);
    const startDate = addDays(BASE_DATE, rng.int(0, 90));
    plan.offerings.push({
      id: `bof_${pad(i + 1, 6)}`,
      courseId: course.id,
      startDate,
      endDate: addDays(startDate, rng.int(3, 25)),
      online,
      postalCode: online ? null : place.postalCode,
      city: online ? null : place.city,
      latitude: online ? null : place.latitude,
      longitude: online ? null : place.longitude,
      seats: rng.int(8, 24),
      cancelled: rng.chance(0.03),
    });
  }
  return plan;
}
