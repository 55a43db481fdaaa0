// Seeded randomness. Each part of the demo gets its own Faker stream, so that
// e.g. changing the number of candidates does not reshuffle the vacancies.
import { foldDanish } from "~/lib/text-fold";
import { da, en, Faker } from "@faker-js/faker";

export const DEFAULT_SEED = 20261123;

export type Rng = Faker;

export function createRng(seed: number, stream: string): Rng {
  const faker = new Faker({ locale: [da, en] });
  let h = seed >>> 0;
  for (const ch of stream) h = (Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0) + 1;
  faker.seed(h);
  return faker;
}

/** cuid-shaped but reproducible, so reseeding gives identical rows including ids. */
export function seededId(rng: Rng): string {
  return `c${rng.string.alphanumeric({ length: 24, casing: "lower" })}`;
}

export function chance(rng: Rng, probability: number): boolean {
  return rng.number.float({ min: 0, max: 1 }) < probability;
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000);
}

export function slug(text: string): string {
  return foldDanish(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Danish mobile-style number, formatted the way Danes write it. */
export function danishPhone(rng: Rng): string {
  const digits = `${rng.helpers.arrayElement(["2", "3", "4", "5", "6", "7", "8", "9"])}${rng.string.numeric(7)}`;
  return `+45 ${digits.replace(/(\d{2})(?=\d)/g, "$1 ")}`;
}
