// Pseudonyms are what companies and the search index see instead of a name. They
// are random, so they say nothing about the person (no initials, no birth year,
// no sequence that leaks registration order). No 0/O or 1/I: read aloud over
// the phone they stay unambiguous. Same format as the demo seed.
import { randomInt } from "node:crypto";

export const PSEUDONYM_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
export const PSEUDONYM_PATTERN = /^Kandidat [2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{2}$/;

export function generatePseudonym(pick: (max: number) => number = randomInt): string {
  let chars = "";
  for (let i = 0; i < 6; i++) chars += PSEUDONYM_ALPHABET[pick(PSEUDONYM_ALPHABET.length)];
  return `Kandidat ${chars.slice(0, 4)}-${chars.slice(4)}`;
}
