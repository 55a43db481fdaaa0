// Town names are written differently by PostNord ("Aarhus C", "Viby J"), DAWA
// and GeoNames ("Århus", "Skaerbaek", "Copenhagen"). Matching works on a
// normalised key: lower case, Danish letters spelt out the way GeoNames'
// ASCII forms do, and district suffixes removed.
import { foldDanish } from "~/lib/text-fold";

/** GeoNames uses English exonyms for a few Danish towns. */
const EXONYMS: Record<string, string> = {
  copenhagen: "koebenhavn",
  elsinore: "helsingoer",
};

/**
 * Trailing words that name a district or a direction of a town in postal names
 * ("København NV", "Aalborg Øst", "Viby J", "Odense SØ", "Frederiksberg C").
 */
const DISTRICT_SUFFIXES = new Set([
  "c", "k", "v", "n", "s", "o", "oe", "m", "j", "f", "sj", "nv", "no", "noe", "sv", "so", "soe",
  "oest", "vest", "nord", "syd", "centrum", "fyn", "sjaelland", "l", "lolland", "mors", "als", "djurs",
]);

export function normaliseTownName(name: string): string {
  const key = foldDanish(name)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  return EXONYMS[key] ?? key;
}

/** The name itself, then the name with district suffixes removed one at a time ("koebenhavn nv" → "koebenhavn"). */
export function townNameKeys(name: string): string[] {
  const keys: string[] = [];
  let words = normaliseTownName(name).split(" ").filter(Boolean);
  while (words.length > 0) {
    const key = words.join(" ");
    keys.push(EXONYMS[key] ?? key);
    const last = words[words.length - 1];
    if (words.length === 1 || !DISTRICT_SUFFIXES.has(last)) break;
    words = words.slice(0, -1);
  }
  return [...new Set(keys)];
}
