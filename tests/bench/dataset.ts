// Builds the benchmark's data set in the scratch database: synthetic taxonomy,
// organisations, candidates, vacancies and courses on the real postal codes.
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { Db } from "~/lib/db.server";
import type { BenchConfig } from "./config";
import { insertCandidates, insertCourses, insertOrganisations, insertTaxonomy, insertVacancies } from "./insert";
import { round } from "./measure";
import { buildCourses, buildOrganisations, buildTaxonomy, candidateBatches, placePicker, vacancyBatches, type Place } from "./synthetic";

export interface DatasetSummary {
  rows: Record<string, number>;
  municipalities: number;
  postalCodes: number;
  insertSeconds: number;
  rowsPerSecond: number;
}

/** Christiansø is in the municipality list but is no municipality (the state runs it): 98 remain. */
const CHRISTIANSOE = "0411";

export async function loadPlaces(db: Db): Promise<Place[]> {
  return db.$queryRaw<Place[]>`
    SELECT p.code AS "postalCode", p.name AS city, p."municipalityCode", p.latitude, p.longitude
    FROM "PostalCode" p JOIN "Municipality" m ON m.code = p."municipalityCode"
    WHERE p.latitude IS NOT NULL AND p.longitude IS NOT NULL
      AND p."municipalityCode" <> ${CHRISTIANSOE}
    ORDER BY p.code`;
}

export async function generateAndInsert(db: Db, databaseUrl: string, config: BenchConfig, log: (msg: string) => void): Promise<DatasetSummary> {
  const allPlaces = await loadPlaces(db);
  if (allPlaces.length === 0) throw new Error("No postal codes with coordinates: did importGeography run?");
  const places = placePicker(allPlaces);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    const tax = buildTaxonomy(config);
    await insertTaxonomy(client, tax);
    const orgs = buildOrganisations(config, places, allPlaces);
    await insertOrganisations(client, [...orgs.jobcentres, ...orgs.companies, ...orgs.institutions]);
    let done = 0;
    for (const batch of candidateBatches(config, tax, places, config.insertBatch)) {
      await insertCandidates(client, batch);
      done += batch.candidates.length;
      if (done % 50_000 === 0) log(`candidates inserted: ${done}`);
    }
    for (const batch of vacancyBatches(config, tax, orgs.companies, config.insertBatch)) await insertVacancies(client, batch);
    await insertCourses(client, buildCourses(config, tax, orgs.institutions, places));
    // Fresh tables have no statistics; the planner would guess badly for matching's queries.
    await client.query("ANALYZE");
  } finally {
    await client.end();
  }
  const insertSeconds = (performance.now() - started) / 1000;
  const counted = await db.$queryRaw<{ t: string; n: bigint }[]>`
    SELECT 'Skill' AS t, count(*) AS n FROM "Skill" UNION ALL SELECT 'Occupation', count(*) FROM "Occupation"
    UNION ALL SELECT 'Organisation', count(*) FROM "Organisation" UNION ALL SELECT 'Candidate', count(*) FROM "Candidate"
    UNION ALL SELECT 'Candidate (ACTIVE with MATCHING consent)', count(DISTINCT "candidateId") FROM "Consent"
    UNION ALL SELECT 'CandidateSkill', count(*) FROM "CandidateSkill" UNION ALL SELECT 'Vacancy (OPEN)', count(*) FROM "Vacancy"
    UNION ALL SELECT 'VacancySkill', count(*) FROM "VacancySkill" UNION ALL SELECT 'Course', count(*) FROM "Course"
    UNION ALL SELECT 'CourseSkill', count(*) FROM "CourseSkill" UNION ALL SELECT 'CourseOffering', count(*) FROM "CourseOffering"`;
  const rows = Object.fromEntries(counted.map((r) => [r.t, Number(r.n)]));
  const inserted = Object.entries(rows).filter(([k]) => !k.includes("consent")).reduce((a, [, v]) => a + v, 0);
  return {
    rows,
    municipalities: places.municipalities.length,
    postalCodes: allPlaces.length,
    insertSeconds: round(insertSeconds, 1),
    rowsPerSecond: Math.round(inserted / insertSeconds),
  };
}
