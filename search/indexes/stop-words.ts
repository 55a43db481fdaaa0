// Common Danish function words (based on the Snowball Danish list), ignored by
// Meilisearch in documents and queries. The last word of a query is still used
// as a prefix (verified: "de" finds "designer"), so autocomplete is unharmed.
// Deliberately left out: words that carry meaning in English labels or in
// skills ("man", "under", "over", "selv", "alle", "han", "hun").
export const DANISH_STOP_WORDS: readonly string[] = [
  "ad", "af", "at", "blev", "blive", "bliver", "da", "de", "dem", "den", "denne", "deres", "der", "det",
  "dette", "dig", "din", "disse", "dog", "du", "efter", "eller", "en", "end", "er", "et", "fra", "for",
  "havde", "have", "hendes", "hos", "hvad", "hvis", "hvor", "i", "ikke", "ind", "jer", "jeg", "jo",
  "kunne", "med", "meget", "men", "mig", "min", "mine", "mit", "mod", "ned", "noget", "nogle", "nu",
  "når", "og", "også", "om", "op", "os", "på", "sig", "sin", "sine", "sit", "skal", "skulle", "som",
  "sådan", "thi", "til", "ud", "var", "vi", "vil", "ville", "vor", "være", "været",
];
