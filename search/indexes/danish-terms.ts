// Extra search terms for Danish labels, so that the taxonomy is found the way
// Danes type it (ADR 021):
//  - compound parts: Danish writes compounds as one word ("gaffeltruckcertifikat"),
//    and Meilisearch matches a query word only at the start of a document word,
//    so "truck" would never find "gaffeltruck". Each long word is split into the
//    words of the taxonomy's own Danish vocabulary that it is built from
//    ("gaffeltruck", "truck", "certifikat"), with the linking -s- and -e- of
//    Danish compounds ("rengøring-s-assistent");
//  - ASCII spellings: "rengoeringsassistent", "toemrer", "faerdighed", as people
//    write without Danish letters (æ → ae, ø → oe, å → aa).
// The terms go into a searchable attribute ranked after the labels, so an exact
// label always wins over a part.
import type { DbReader } from "./definition";
import { foldDanish } from "~/lib/text-fold";
import { danishLabelWords } from "~/modules/taxonomy/search-documents.repository.server";

/** Words shorter than this are never split: "bager", "maler" are words, not compounds. */
const MIN_COMPOUND_LENGTH = 8;
/** The shortest word that counts as a part; shorter ones ("el", "is") would match nearly anything. */
const MIN_PART_LENGTH = 4;
/** A head may have a prefix that is not in the vocabulary ("gaffel" of "gaffeltruck"), but not a shorter one. */
const MIN_UNKNOWN_PREFIX = 3;

export function words(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** The vocabulary words a compound is built from (not the word itself); empty for simple words. */
export function compoundParts(word: string, vocabulary: ReadonlySet<string>, memo = new Map<string, string[]>()): string[] {
  const w = word.toLowerCase();
  if (w.length < MIN_COMPOUND_LENGTH) return [];
  const cached = memo.get(w);
  if (cached) return cached;
  memo.set(w, []); // guards against cycles while this word is being split
  const parts = new Set<string>();
  const addPart = (part: string) => {
    if (part.length < MIN_PART_LENGTH || part === w) return;
    parts.add(part);
    for (const sub of compoundParts(part, vocabulary, memo)) parts.add(sub);
  };
  for (let cut = MIN_UNKNOWN_PREFIX; cut <= w.length - MIN_PART_LENGTH; cut++) {
    const head = w.slice(cut);
    if (!vocabulary.has(head)) continue;
    const modifier = w.slice(0, cut);
    // The modifier, with or without the linking -s-/-e- ("rengørings" → "rengøring").
    const unlinked = /[se]$/.test(modifier) && vocabulary.has(modifier.slice(0, -1)) ? modifier.slice(0, -1) : modifier;
    if (vocabulary.has(unlinked)) {
      addPart(head);
      addPart(unlinked);
    } else if (head.length > MIN_PART_LENGTH) {
      // An unknown modifier is trusted only before a head of five letters or
      // more: "gaffel|truck" yes, "rengø|ring" no.
      addPart(head);
      addPart(unlinked);
    }
  }
  const result = [...parts];
  memo.set(w, result);
  return result;
}

/**
 * A word cut into two known words, preferring the longest head and dropping a
 * linking -s-/-e- ("gaffeltruckcertifikat" → ["gaffeltruck", "certifikat"]);
 * null when no cut gives two vocabulary words.
 */
export function longestSplit(word: string, vocabulary: ReadonlySet<string>): [string, string] | null {
  const w = word.toLowerCase();
  for (let cut = MIN_PART_LENGTH; cut <= w.length - MIN_PART_LENGTH; cut++) {
    const head = w.slice(cut);
    if (!vocabulary.has(head)) continue;
    const modifier = w.slice(0, cut);
    if (vocabulary.has(modifier)) return [modifier, head];
    if (/[se]$/.test(modifier) && vocabulary.has(modifier.slice(0, -1))) return [modifier.slice(0, -1), head];
  }
  return null;
}

/** Search terms beyond the labels' own words: compound parts and ASCII spellings of both. */
export function danishSearchTerms(labels: readonly (string | null)[], vocabulary: ReadonlySet<string>): string[] {
  const own = new Set(labels.flatMap((l) => (l ? words(l) : [])));
  const terms = new Set<string>();
  const memo = new Map<string, string[]>();
  for (const word of own) {
    for (const part of compoundParts(word, vocabulary, memo)) terms.add(part);
  }
  for (const term of [...own, ...terms]) {
    const ascii = foldDanish(term);
    if (ascii !== term) terms.add(ascii);
  }
  for (const word of own) terms.delete(word);
  return [...terms].sort();
}

const VOCABULARY_TTL_MS = 10 * 60_000;
let vocabulary: { words: Promise<Set<string>>; at: number } | null = null;

/**
 * Every word of four letters or more in the taxonomy's Danish labels: the
 * dictionary compounds are split against. Read once and kept for ten minutes
 * (a taxonomy import changes it rarely, and a stale entry only costs a part).
 */
export function danishVocabulary(db: DbReader): Promise<Set<string>> {
  if (vocabulary && Date.now() - vocabulary.at < VOCABULARY_TTL_MS) return vocabulary.words;
  const words = danishLabelWords(db, MIN_PART_LENGTH).then((list) => new Set(list));
  vocabulary = { words, at: Date.now() };
  // A failed read is not kept: the next load asks again.
  words.catch(() => {
    vocabulary = null;
  });
  return words;
}
