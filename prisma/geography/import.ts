// Imports Danish municipalities and postal codes (with an approximate point per
// postal code) into PostgreSQL. Idempotent: rows are upserted by code in one
// transaction, so a failed run leaves the previous state untouched.
import type { PrismaClient } from "~/generated/prisma/client";
import { placePostalCodes, type CoordinateMethod } from "./coordinates";
import { loadDanishTowns, readGeographySources } from "./sources";

export interface GeographyImportResult {
  municipalities: number;
  postalCodes: number;
  withCoordinates: number;
}

export async function importGeography(
  db: PrismaClient,
  options: { dataDir: string; log?: (msg: string) => void },
): Promise<GeographyImportResult> {
  const log = options.log ?? (() => {});
  const sources = await readGeographySources(options.dataDir);
  const towns = loadDanishTowns();
  const municipalityNames = new Map(sources.municipalities.map((m) => [m.code, m.name]));
  const placed = placePostalCodes(sources.postalCodes, towns, municipalityNames);
  const nameByCode = new Map(sources.postalCodes.map((p) => [p.code, p.name]));

  const m = sources.municipalities;
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`
      INSERT INTO "Municipality" ("code", "name", "regionCode", "regionName")
      SELECT * FROM unnest(${m.map((r) => r.code)}::text[], ${m.map((r) => r.name)}::text[],
                           ${m.map((r) => r.regionCode)}::text[], ${m.map((r) => r.regionName)}::text[])
      ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name", "regionCode" = EXCLUDED."regionCode",
                                         "regionName" = EXCLUDED."regionName"`;
    await tx.$executeRaw`
      INSERT INTO "PostalCode" ("code", "name", "municipalityCode", "latitude", "longitude")
      SELECT * FROM unnest(${placed.map((p) => p.code)}::text[], ${placed.map((p) => nameByCode.get(p.code)!)}::text[],
                           ${placed.map((p) => p.municipalityCode)}::text[],
                           ${placed.map((p) => p.latitude)}::float8[], ${placed.map((p) => p.longitude)}::float8[])
      ON CONFLICT ("code") DO UPDATE SET "name" = EXCLUDED."name", "municipalityCode" = EXCLUDED."municipalityCode",
                                         "latitude" = EXCLUDED."latitude", "longitude" = EXCLUDED."longitude"`;
  });

  const byMethod = new Map<CoordinateMethod, number>();
  for (const p of placed) byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + 1);
  log(`municipalities: ${m.length}`);
  log(`postal codes: ${placed.length} (skipped ${sources.skippedLargeRecipients} large-volume recipient codes)`);
  log(
    `coordinates: ${byMethod.get("town") ?? 0} by town name, ` +
      `${byMethod.get("municipality-postal-mean") ?? 0} by mean of the municipality's matched postal codes, ` +
      `${byMethod.get("municipality-town-mean") ?? 0} by mean of the municipality's GeoNames towns, ` +
      `${byMethod.get("none") ?? 0} without`,
  );
  return {
    municipalities: m.length,
    postalCodes: placed.length,
    withCoordinates: placed.filter((p) => p.latitude !== null).length,
  };
}
