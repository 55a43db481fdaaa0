// Plain data the demo generators work on. Loaded from PostgreSQL by inputs.ts,
// so the generators themselves stay pure and testable without a database.

export interface SeedOccupation {
  id: string;
  escoUri: string;
  labelEn: string;
  labelDa: string | null;
  iscoCode: string | null;
  /** Skill ids, sorted, so that generation never depends on query order. */
  essential: string[];
  optional: string[];
}

export interface Place {
  postalCode: string;
  city: string;
  latitude: number;
  longitude: number;
  municipalityCode: string;
}

export interface SeedInput {
  occupations: SeedOccupation[];
  /** Display label per skill id (Danish where the taxonomy has one). */
  skillLabels: Map<string, string>;
  /** Postal codes with coordinates, by 4-digit municipality code. */
  placesByMunicipality: Map<string, Place[]>;
  /** Midnight UTC of the day the demo is seeded: every date is relative to it. */
  today: Date;
}

export interface SeedOptions {
  /** Fixed by default: same input, same rows. */
  seed?: number;
  /** Multiplies the population (companies, vacancies, candidates, courses); 1 = the full demo. */
  scale?: number;
}
