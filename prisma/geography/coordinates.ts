// Gives each postal code a point: the GeoNames town of the same name in one of
// its municipalities, else the mean of the matched postal codes of its
// municipality, else the mean of the GeoNames towns of that municipality.
// Pure: the gazetteer and postal codes come in as data.
import { townNameKeys, normaliseTownName } from "./names";

export interface GazetteerTown {
  name: string;
  latitude: number;
  longitude: number;
  /** 4-digit kommunekode (GeoNames admin2 for Denmark). */
  municipalityCode: string;
}

export interface PostalCodeInput {
  code: string;
  /** Every name the sources give this code (DAWA navn, PostNord BYNAVN). */
  names: string[];
  /** Municipalities the code lies in, in source order (PostNord lists some codes under several). */
  municipalityCodes: string[];
}

export type CoordinateMethod = "town" | "municipality-postal-mean" | "municipality-town-mean" | "none";

export interface PlacedPostalCode {
  code: string;
  municipalityCode: string | null;
  latitude: number | null;
  longitude: number | null;
  method: CoordinateMethod;
}

interface Point {
  latitude: number;
  longitude: number;
}

function mean(points: Point[]): Point {
  const sum = points.reduce((s, p) => ({ latitude: s.latitude + p.latitude, longitude: s.longitude + p.longitude }), {
    latitude: 0,
    longitude: 0,
  });
  return { latitude: sum.latitude / points.length, longitude: sum.longitude / points.length };
}

function indexTowns(towns: GazetteerTown[]): Map<string, GazetteerTown[]> {
  const index = new Map<string, GazetteerTown[]>();
  for (const town of towns) {
    const key = normaliseTownName(town.name);
    index.set(key, [...(index.get(key) ?? []), town]);
  }
  return index;
}

/**
 * A name match counts only inside one of the postal code's own municipalities:
 * "Viby J" (Aarhus) must not land on "Viby" (Roskilde). A code without a known
 * municipality accepts a name that only one town carries.
 */
function findTown(input: PostalCodeInput, index: Map<string, GazetteerTown[]>): GazetteerTown | undefined {
  for (const name of input.names) {
    for (const key of townNameKeys(name)) {
      const towns = index.get(key) ?? [];
      if (input.municipalityCodes.length === 0) {
        if (towns.length === 1) return towns[0];
        continue;
      }
      for (const code of input.municipalityCodes) {
        const town = towns.find((t) => t.municipalityCode === code);
        if (town) return town;
      }
    }
  }
  return undefined;
}

/** Which of several municipalities a postal code is filed under: the one its town lies in, else the one named like the town, else the first listed. */
function primaryMunicipality(
  input: PostalCodeInput,
  town: GazetteerTown | undefined,
  municipalityNames: Map<string, string>,
): string | null {
  if (input.municipalityCodes.length === 0) return null;
  if (town && input.municipalityCodes.includes(town.municipalityCode)) return town.municipalityCode;
  const nameKeys = new Set(input.names.flatMap(townNameKeys));
  const named = input.municipalityCodes.find((c) => nameKeys.has(normaliseTownName(municipalityNames.get(c) ?? "")));
  return named ?? input.municipalityCodes[0];
}

export function placePostalCodes(
  inputs: PostalCodeInput[],
  towns: GazetteerTown[],
  municipalityNames: Map<string, string>,
): PlacedPostalCode[] {
  const index = indexTowns(towns);
  const placed: PlacedPostalCode[] = inputs.map((input) => {
    const town = findTown(input, index);
    return {
      code: input.code,
      municipalityCode: primaryMunicipality(input, town, municipalityNames),
      latitude: town?.latitude ?? null,
      longitude: town?.longitude ?? null,
      method: town ? "town" : "none",
    };
  });

  const matchedByMunicipality = new Map<string, Point[]>();
  for (const p of placed) {
    if (p.method !== "town" || !p.municipalityCode) continue;
    const list = matchedByMunicipality.get(p.municipalityCode) ?? [];
    list.push({ latitude: p.latitude!, longitude: p.longitude! });
    matchedByMunicipality.set(p.municipalityCode, list);
  }
  const townsByMunicipality = new Map<string, Point[]>();
  for (const t of towns) {
    townsByMunicipality.set(t.municipalityCode, [...(townsByMunicipality.get(t.municipalityCode) ?? []), t]);
  }

  for (const p of placed) {
    if (p.method !== "none" || !p.municipalityCode) continue;
    const postalPoints = matchedByMunicipality.get(p.municipalityCode);
    const townPoints = townsByMunicipality.get(p.municipalityCode);
    const [points, method]: [Point[] | undefined, CoordinateMethod] = postalPoints?.length
      ? [postalPoints, "municipality-postal-mean"]
      : [townPoints, "municipality-town-mean"];
    if (!points?.length) continue;
    const centre = mean(points);
    Object.assign(p, { ...centre, method });
  }
  return placed;
}
