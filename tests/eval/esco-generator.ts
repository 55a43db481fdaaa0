// The generator of the ESCO-grounded relevance evaluation (esco-relevance.ts):
// pure, seeded, and reading only the taxonomy (occupations with their ESCO
// essential and optional skills and their 4-digit ISCO group). The same seed
// and the same taxonomy always give the same vacancies, candidates, courses,
// ids and relevance grades. The relevance rule is documented in esco-relevance.ts.
import { distanceKm } from "~/lib/distance";
import { Rng } from "../bench/rng";

/** One occupation as the taxonomy holds it; skill ids in the order of their stable key (not of their random database id). */
export interface TaxOccupation {
  id: string;
  escoUri: string;
  /** 4-digit ISCO-08 unit group, or null. */
  iscoCode: string | null;
  label: string;
  essential: string[];
  optional: string[];
}

export type Origin = "same" | "sibling" | "unrelated";
export type Relevance = 0 | 1 | 2;

export interface PoolCandidate {
  id: string;
  origin: Origin;
  occupation: { escoUri: string; label: string };
  skillIds: string[];
  /** How many of the vacancy's required skills the candidate holds (ground truth, exact ids). */
  requiredHeld: number;
  relevance: Relevance;
  latitude: number;
  longitude: number;
  commuteRadiusKm: number;
  availableInDays: number;
  hasDrivingLicence: boolean;
}

export interface PoolOffering {
  id: string;
  courseId: string;
  skillIds: string[];
  startsInDays: number;
  endsInDays: number;
  online: boolean;
  seats: number;
}

export interface PoolCourse {
  id: string;
  title: string;
  skillIds: string[];
  offerings: PoolOffering[];
}

export interface Place {
  town: string;
  postalCode: string;
  latitude: number;
  longitude: number;
}

export interface EscoPool {
  index: number;
  /** The vacancy's id; the pool's other rows carry ids derived from it. */
  vacancyId: string;
  occupation: TaxOccupation;
  place: Place;
  requiredSkillIds: string[];
  niceSkillIds: string[];
  acceptsUpskilling: boolean;
  startsInDays: number;
  candidates: PoolCandidate[];
  courses: PoolCourse[];
}

export interface EscoGeneratorConfig {
  seed: number;
  /** Vacancies: this many occupations from ISCO major groups 4–9 … */
  occupationsMajor4to9: number;
  /** … and this many from major groups 1–3. */
  occupationsMajor1to3: number;
  /** Candidates per pool, by origin (their sum is the pool size). */
  same: number;
  sibling: number;
  unrelated: number;
}

export const ESCO_EVAL_CONFIG: EscoGeneratorConfig = {
  seed: 20261208,
  occupationsMajor4to9: 26,
  occupationsMajor1to3: 4,
  same: 20,
  sibling: 60,
  unrelated: 220,
};

/** Approximate town centres; each vacancy sits in one of them. */
const TOWNS: Place[] = [
  { town: "Aarhus", postalCode: "8000", latitude: 56.1567, longitude: 10.2108 },
  { town: "Odense", postalCode: "5000", latitude: 55.3959, longitude: 10.3883 },
  { town: "Aalborg", postalCode: "9000", latitude: 57.048, longitude: 9.9187 },
  { town: "Esbjerg", postalCode: "6700", latitude: 55.4765, longitude: 8.4594 },
  { town: "Vejle", postalCode: "7100", latitude: 55.7093, longitude: 9.5357 },
  { town: "Herning", postalCode: "7400", latitude: 56.1393, longitude: 8.9738 },
  { town: "Randers", postalCode: "8900", latitude: 56.4607, longitude: 10.0364 },
  { town: "Kolding", postalCode: "6000", latitude: 55.4904, longitude: 9.4722 },
  { town: "Horsens", postalCode: "8700", latitude: 55.8607, longitude: 9.8503 },
  { town: "Viborg", postalCode: "8800", latitude: 56.4532, longitude: 9.402 },
  { town: "Næstved", postalCode: "4700", latitude: 55.2299, longitude: 11.7609 },
  { town: "Roskilde", postalCode: "4000", latitude: 55.6415, longitude: 12.0803 },
];

/** The vacancy starts this many days from today; every candidate is free well before, every course ends before. */
export const START_IN_DAYS = 70;
/** Vacancy occupations need this profile; sibling and unrelated occupations need MIN_SOURCE_ESSENTIAL essential skills. */
const MIN_ESSENTIAL = 6;
const MIN_OPTIONAL = 2;
const MIN_SOURCE_ESSENTIAL = 4;
const MIN_SIBLINGS = 2;
const MAX_SIBLING_OCCUPATIONS = 5;

const major = (o: TaxOccupation) => o.iscoCode?.[0] ?? "";

/** The relevance rule (see the top of esco-relevance.ts). */
export function relevanceOf(origin: Origin, requiredHeld: number, requiredCount: number): Relevance {
  const share = requiredCount === 0 ? 0 : requiredHeld / requiredCount;
  if (origin === "same") return share >= 0.8 ? 2 : 1;
  if (origin === "sibling") return share >= 0.6 ? 1 : 0;
  return 0;
}

export function generateEscoPools(occupations: readonly TaxOccupation[], config: EscoGeneratorConfig = ESCO_EVAL_CONFIG): EscoPool[] {
  const sorted = [...occupations].sort((a, b) => (a.escoUri < b.escoUri ? -1 : a.escoUri > b.escoUri ? 1 : 0));
  const byGroup = new Map<string, TaxOccupation[]>();
  for (const o of sorted) if (o.iscoCode) byGroup.set(o.iscoCode, [...(byGroup.get(o.iscoCode) ?? []), o]);
  const isSource = (o: TaxOccupation) => o.essential.length >= MIN_SOURCE_ESSENTIAL;
  const siblingsOf = (o: TaxOccupation) => (byGroup.get(o.iscoCode ?? "") ?? []).filter((s) => s !== o && isSource(s));
  const eligible = sorted.filter(
    (o) => o.iscoCode && o.essential.length >= MIN_ESSENTIAL && o.optional.length >= MIN_OPTIONAL && siblingsOf(o).length >= MIN_SIBLINGS,
  );

  const rng = new Rng(config.seed, "esco-occupations");
  const chosen: TaxOccupation[] = [];
  const usedGroups = new Set<string>();
  const take = (pool: TaxOccupation[], n: number) => {
    let taken = 0;
    // One vacancy per ISCO unit group, so that no pool's siblings are another pool's vacancy occupation.
    for (const o of rng.sample(pool, pool.length)) {
      if (taken >= n) break;
      if (usedGroups.has(o.iscoCode!)) continue;
      usedGroups.add(o.iscoCode!);
      chosen.push(o);
      taken++;
    }
  };
  take(eligible.filter((o) => "456789".includes(major(o))), config.occupationsMajor4to9);
  take(eligible.filter((o) => "123".includes(major(o))), config.occupationsMajor1to3);

  const sources = sorted.filter((o) => o.iscoCode && isSource(o));
  return chosen.map((occupation, index) => generatePool(index, occupation, siblingsOf(occupation), sources, config));
}

function generatePool(index: number, occupation: TaxOccupation, siblings: TaxOccupation[], sources: TaxOccupation[], config: EscoGeneratorConfig): EscoPool {
  const rng = new Rng(config.seed, `esco-pool-${occupation.escoUri}`);
  const tag = `esco${String(index).padStart(2, "0")}`;
  const place = rng.pick(TOWNS);
  const required = rng.sample(occupation.essential, Math.min(occupation.essential.length, rng.int(5, 8)));
  const nice = rng.sample(occupation.optional, 2);
  const acceptsUpskilling = rng.chance(0.5);
  const requiredSet = new Set(required);

  type Draft = Omit<PoolCandidate, "id">;
  const drafts: Draft[] = [];
  const add = (origin: Origin, from: TaxOccupation, skillIds: string[]) => {
    const requiredHeld = skillIds.filter((s) => requiredSet.has(s)).length;
    drafts.push({
      origin,
      occupation: { escoUri: from.escoUri, label: from.label },
      skillIds,
      requiredHeld,
      relevance: relevanceOf(origin, requiredHeld, required.length),
      ...inReach(rng, place),
      availableInDays: rng.int(-90, 5),
      hasDrivingLicence: rng.chance(0.6),
    });
  };

  // (a) The same occupation: half hold a plain random 60–100 % of its
  // essential skills; the other half the same share, but missing exactly 1–2
  // of the vacancy's required skills (the near misses a consultant would still call).
  for (let i = 0; i < config.same; i++) {
    const size = Math.max(1, Math.round(occupation.essential.length * (0.6 + 0.4 * rng.next())));
    let essential: string[];
    if (i % 2 === 0) {
      essential = rng.sample(occupation.essential, size);
    } else {
      const held = rng.sample(required, required.length - Math.min(required.length - 1, rng.int(1, 2)));
      const rest = occupation.essential.filter((s) => !requiredSet.has(s));
      essential = [...held, ...rng.sample(rest, Math.max(0, size - held.length))];
    }
    add("same", occupation, withOptional(rng, essential, occupation));
  }
  // (b) Sibling occupations (same ISCO unit group; ESCO's parent occupations
  // always sit in their children's unit group), each candidate holding a part
  // of their own occupation's profile.
  const siblingPick = rng.sample(siblings, MAX_SIBLING_OCCUPATIONS);
  for (let i = 0; i < config.sibling; i++) add("sibling", siblingPick[i % siblingPick.length], profileOf(rng, siblingPick[i % siblingPick.length]));
  // (c) Unrelated occupations: other ISCO major groups.
  const unrelated = sources.filter((o) => major(o) !== major(occupation));
  for (let i = 0; i < config.unrelated; i++) {
    const from = rng.pick(unrelated);
    add("unrelated", from, profileOf(rng, from));
  }

  // Ids are given in a shuffled order: the engine breaks score ties by id, which must not favour any origin.
  const candidates: PoolCandidate[] = rng.sample(drafts, drafts.length).map((d, i) => ({ id: `${tag}c${String(i).padStart(3, "0")}`, ...d }));
  const courses = generateCourses(rng, tag, required, candidates);
  return {
    index,
    vacancyId: `${tag}vacancy`,
    occupation,
    place,
    requiredSkillIds: required,
    niceSkillIds: nice,
    acceptsUpskilling,
    startsInDays: START_IN_DAYS,
    candidates,
    courses,
  };
}

/** What someone with this occupation holds: 60–100 % of its essential skills and up to 3 of its optional ones. */
function profileOf(rng: Rng, occupation: TaxOccupation): string[] {
  const size = Math.max(1, Math.round(occupation.essential.length * (0.6 + 0.4 * rng.next())));
  return withOptional(rng, rng.sample(occupation.essential, size), occupation);
}

function withOptional(rng: Rng, essential: string[], occupation: TaxOccupation): string[] {
  return [...new Set([...essential, ...rng.sample(occupation.optional, rng.int(0, 3))])];
}

/** A home within 0–25 km of the workplace and a commuting radius that covers it with 3–25 km to spare. */
function inReach(rng: Rng, place: Place): { latitude: number; longitude: number; commuteRadiusKm: number } {
  const km = 25 * rng.next();
  const bearing = 2 * Math.PI * rng.next();
  const latitude = round6(place.latitude + (km * Math.cos(bearing)) / 111.2);
  const longitude = round6(place.longitude + (km * Math.sin(bearing)) / (111.2 * Math.cos((place.latitude * Math.PI) / 180)));
  const distance = distanceKm(place, { latitude, longitude });
  return { latitude, longitude, commuteRadiusKm: Math.ceil(distance) + rng.int(3, 25) };
}

/**
 * Courses for some of the required skills that same-occupation candidates
 * miss: 60 % of those skills (at least one) get a one-skill course with an
 * early and, mostly, a later offering (so that a model can build a path whose
 * courses follow each other); sometimes one course teaches two of them. All at
 * the workplace or online, over before the start, 1–12 seats. Candidates who
 * miss two or more taught skills need a multi-course path.
 */
function generateCourses(rng: Rng, tag: string, required: string[], candidates: PoolCandidate[]): PoolCourse[] {
  const missed = required.filter((s) => candidates.some((c) => c.origin === "same" && !c.skillIds.includes(s)));
  if (missed.length === 0) return [];
  const taught = rng.sample(missed, Math.max(1, Math.round(missed.length * 0.6)));
  const courses: PoolCourse[] = [];
  const offering = (courseId: string, skillIds: string[], n: number, from: number, to: number): PoolOffering => {
    const startsInDays = rng.int(from, to);
    return {
      id: `${courseId}o${n}`,
      courseId,
      skillIds,
      startsInDays,
      endsInDays: startsInDays + rng.int(4, 14),
      online: rng.chance(0.25),
      seats: rng.int(1, 12),
    };
  };
  taught.forEach((skillId, i) => {
    const id = `${tag}k${i}`;
    const offerings = [offering(id, [skillId], 0, 7, 25)];
    if (rng.chance(0.7)) offerings.push(offering(id, [skillId], 1, 35, 50));
    courses.push({ id, title: `ESCO eval course ${tag}-${i}`, skillIds: [skillId], offerings });
  });
  if (taught.length >= 2 && rng.chance(0.35)) {
    const id = `${tag}kx`;
    const skillIds = rng.sample(taught, 2);
    courses.push({ id, title: `ESCO eval course ${tag}-combined`, skillIds, offerings: [offering(id, skillIds, 0, 7, 50)] });
  }
  return courses;
}

function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
