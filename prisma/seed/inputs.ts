// Loads what the demo is built from: taxonomy occupations with their skills and
// the postal codes with coordinates. Everything is sorted, so the generators
// see the same input for the same database content.
import type { PrismaClient } from "~/generated/prisma/client";
import { DEMO_OCCUPATION_TITLES_DA } from "./demo-occupations";
import type { Place, SeedInput, SeedOccupation } from "./types";

export class SeedPrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SeedPrerequisiteError";
  }
}

/** Major groups 4–9 (clerical, service, trades, operators, elementary): the jobs jobcentres mostly fill. */
const JOBCENTRE_ISCO_MAJOR = /^[4-9]/;

export async function assertPrerequisites(db: PrismaClient): Promise<void> {
  const [skills, occupations, relations, postalCodes] = await Promise.all([
    db.skill.count(),
    db.occupation.count(),
    db.occupationSkill.count(),
    db.postalCode.count({ where: { latitude: { not: null } } }),
  ]);
  const missing: string[] = [];
  if (skills === 0 || occupations === 0 || relations === 0) missing.push("the taxonomy (run `npm run taxonomy:import`)");
  if (postalCodes === 0) missing.push("the geography (run `npm run geography:import`)");
  if (missing.length > 0) {
    throw new SeedPrerequisiteError(`The demo seed needs ${missing.join(" and ")} first.`);
  }
}

async function loadOccupations(db: PrismaClient, ids: string[]) {
  const [rows, relations] = await Promise.all([
    db.occupation.findMany({
      where: { id: { in: ids } },
      select: { id: true, escoUri: true, labelEn: true, labelDa: true, iscoCode: true },
      orderBy: { escoUri: "asc" },
    }),
    db.occupationSkill.findMany({
      where: { occupationId: { in: ids } },
      select: { occupationId: true, skillId: true, relation: true, skill: { select: { labelEn: true, labelDa: true } } },
    }),
  ]);
  const skillLabels = new Map<string, string>();
  const bySkills = new Map<string, { essential: string[]; optional: string[] }>();
  for (const r of relations) {
    skillLabels.set(r.skillId, r.skill.labelDa ?? r.skill.labelEn);
    const entry = bySkills.get(r.occupationId) ?? { essential: [], optional: [] };
    (r.relation === "ESSENTIAL" ? entry.essential : entry.optional).push(r.skillId);
    bySkills.set(r.occupationId, entry);
  }
  const occupations: SeedOccupation[] = rows.flatMap((o) => {
    const s = bySkills.get(o.id);
    // A vacancy needs at least 3 required (essential) and 1 nice-to-have (optional) skill.
    if (!s || s.essential.length < 3 || s.optional.length < 1) return [];
    return [{ ...o, essential: s.essential.sort(), optional: s.optional.sort() }];
  });
  return { occupations, skillLabels };
}

export async function loadSeedInput(db: PrismaClient, today: Date): Promise<SeedInput> {
  const all = await db.occupation.findMany({ select: { id: true, labelEn: true, iscoCode: true }, orderBy: { escoUri: "asc" } });
  // Prefer the common jobs we have Danish titles for; a small or different taxonomy falls back to broader pools.
  const tiers = [
    all.filter((o) => o.labelEn in DEMO_OCCUPATION_TITLES_DA),
    all.filter((o) => o.iscoCode && JOBCENTRE_ISCO_MAJOR.test(o.iscoCode)),
    all,
  ];
  let pool: Awaited<ReturnType<typeof loadOccupations>> = { occupations: [], skillLabels: new Map() };
  for (const [i, tier] of tiers.entries()) {
    if (tier.length === 0) continue;
    pool = await loadOccupations(db, tier.map((o) => o.id));
    if (pool.occupations.length >= 10 || i === tiers.length - 1) break;
  }
  if (pool.occupations.length === 0) {
    throw new SeedPrerequisiteError(
      "No occupation has at least 3 essential and 1 optional skill; the taxonomy import looks incomplete (run `npm run taxonomy:import`).",
    );
  }
  const postalCodes = await db.postalCode.findMany({
    where: { latitude: { not: null }, longitude: { not: null }, municipalityCode: { not: null } },
    orderBy: { code: "asc" },
  });

  const placesByMunicipality = new Map<string, Place[]>();
  for (const p of postalCodes) {
    const place: Place = {
      postalCode: p.code,
      city: p.name,
      latitude: p.latitude!,
      longitude: p.longitude!,
      municipalityCode: p.municipalityCode!,
    };
    placesByMunicipality.set(place.municipalityCode, [...(placesByMunicipality.get(place.municipalityCode) ?? []), place]);
  }
  return { occupations: pool.occupations, skillLabels: pool.skillLabels, placesByMunicipality, today };
}
