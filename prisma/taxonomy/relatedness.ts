// Which skills are evidence for which: the rows of SkillRelatedness (ADR 022).
// A row (skill, related, strength) means "holding `related` is evidence of
// `strength` (0–1) that the person can do `skill`"; it is directed, because a
// narrower skill says more about a broader one than the other way round.
//
// Pure: from the taxonomy that was read (skills, occupation–skill relations,
// ESCO's URI-keyed structure) to a list of pairs. Three kinds of evidence, each
// pruned so that no step looks at all pairs of the 13,500 skills:
//  - ESCO: parent/child and siblings in the skill hierarchy, and ESCO's
//    skill–skill relations, for skills that have a URI (walks the files' rows);
//  - label structure: same words, or one label's words inside the other's with
//    the same head word (looks only at labels that share the rarest word);
//  - co-occurrence: how often two skills are essential to the same
//    occupations (walks each skill's occupations' skill lists, ~2 million steps).
// The strongest evidence for a pair wins; each skill keeps its TOP_K best.
import type { RelationInput, SkillInput, SkillStructure } from "./types";

export type RelatednessSource = "hierarchy" | "esco-relation" | "label" | "co-occurrence";

export interface RelatednessInput {
  skillKey: string;
  relatedSkillKey: string;
  strength: number;
  source: RelatednessSource;
}

/**
 * At most this many related skills per skill. A vacancy's required skill needs
 * a few good stand-ins, not a long tail of weak ones; the matching looks the
 * list up for every required skill, so K also bounds its work (≤ 8 × 13,500 rows).
 */
export const TOP_K = 8;

/**
 * Weaker evidence is dropped. At 0.35 a related skill still counts for about a
 * third of the exact one; below that it would hardly move a score but would
 * crowd explanations ("har: … (beslægtet)") with links a consultant doubts.
 */
export const MIN_STRENGTH = 0.35;

/** Strength of each kind of evidence before scaling; why each value is where it is: ADR 022. */
export const STRENGTH = {
  /** The same content words in another order or number ("ensure food safety" / "ensure safety of food"): one concept, two labels. */
  sameLabel: 0.95,
  /**
   * One skill's ESCO alternative label is the other's label. ESCO files narrower
   * terms as alternative labels ("computer programming" lists "Visual Basic"),
   * so holding the skill named there shows the one whose list names it …
   */
  altLabelForOwner: 0.75,
  /** … and the other way round less. */
  ownerForAltLabel: 0.55,
  /** Names read "holding X, evidence for Y". ESCO hierarchy: holding the narrower skill shows the broader one … */
  narrowerForBroader: 0.8,
  /** … but the broader one shows only part of the narrower one. */
  broaderForNarrower: 0.6,
  /** Children of the same broader skill ("SQL" and "SPARQL" under "query languages"). */
  siblingUnderSkill: 0.5,
  /** Members of the same skill group: looser than a broader skill, so just above MIN_STRENGTH. */
  siblingInGroup: 0.4,
  /** ESCO skill–skill relation "B is essential for A": holding A shows B; holding B shows part of A. */
  skillForItsEssential: 0.7,
  essentialForSkill: 0.55,
  /** "B is optional for A" (mostly knowledge–knowledge; these pairs share occupations as often as essential ones). */
  skillForItsOptional: 0.6,
  optionalForSkill: 0.5,
  /**
   * Label containment, times the share of the longer label's words the shorter
   * one has (4 of 5 for "maintain personal hygiene standards [when cleaning]"):
   * the specific label shows the general one …
   */
  specificLabelForGeneral: 0.9,
  /** … and the general one shows the specific one less. */
  generalLabelForSpecific: 0.75,
  /**
   * Co-occurrence, times the smoothed cosine of the two skills' sets of
   * occupations: a proxy, so below direct evidence. The cosine rather than
   * P(A | B), because a skill essential to 150 occupations ("maintain work area
   * cleanliness") would otherwise be "related" to every niche skill whose few
   * occupations all need it, such as "acupuncture methods".
   */
  coOccurrence: 0.65,
} as const;

/**
 * Siblings count only in families of at most this many imported skills. Up to
 * about a dozen, ESCO's families are coherent ("query languages", "ETL tools");
 * the large ones are not ("think critically" has 21 children, the group
 * "software and applications development and analysis" 158).
 */
export const MAX_SIBLINGS = 12;

/**
 * Co-occurrence counts only when two skills are essential together to at least
 * this many occupations: two rare skills that share one occupation (4,300
 * skills are essential to exactly one) say nothing about each other.
 */
export const MIN_SHARED_OCCUPATIONS = 3;

/**
 * Added to each skill's number of occupations in the cosine, so that two skills
 * sharing all of their 3 occupations are not taken for certain (3/5 = 0.6,
 * while 20 of 20 gives 0.91).
 */
const CO_OCCURRENCE_SMOOTHING = 2;

/** When two kinds of evidence give the same strength, the more direct one names the source. */
const SOURCE_RANK: Record<RelatednessSource, number> = { hierarchy: 0, "esco-relation": 1, label: 2, "co-occurrence": 3 };

export interface RelatednessData {
  skills: Pick<SkillInput, "key" | "escoUri" | "labelEn" | "altLabelsEn">[];
  relations: RelationInput[];
  skillStructure: SkillStructure;
}

export function computeRelatedness(data: RelatednessData): RelatednessInput[] {
  const evidence = new Evidence(data.skills.length);
  addEscoEvidence(evidence, data.skills, data.skillStructure);
  addLabelEvidence(evidence, data.skills);
  addCoOccurrenceEvidence(evidence, data.skills, data.relations);
  return evidence.best(data.skills.map((s) => s.key));
}

interface Found {
  strength: number;
  source: RelatednessSource;
}

/** The strongest evidence per (skill, related) pair, skills by index. */
class Evidence {
  private readonly bySkill: (Map<number, Found> | undefined)[];

  constructor(skillCount: number) {
    this.bySkill = new Array(skillCount);
  }

  add(skill: number, related: number, rawStrength: number, source: RelatednessSource): void {
    // Rounded so that a re-import writes the same float and changes nothing.
    const strength = Math.round(Math.min(1, rawStrength) * 1000) / 1000;
    if (skill === related || strength < MIN_STRENGTH) return;
    const found = (this.bySkill[skill] ??= new Map<number, Found>());
    const previous = found.get(related);
    if (!previous || strength > previous.strength || (strength === previous.strength && SOURCE_RANK[source] < SOURCE_RANK[previous.source])) {
      found.set(related, { strength, source });
    }
  }

  /** Each skill's TOP_K, strongest first; ties by source, then key, so the result does not depend on input order. */
  best(keys: string[]): RelatednessInput[] {
    const out: RelatednessInput[] = [];
    this.bySkill.forEach((found, skill) => {
      if (!found) return;
      const ranked = [...found].sort(
        ([a, x], [b, y]) => y.strength - x.strength || SOURCE_RANK[x.source] - SOURCE_RANK[y.source] || compare(keys[a], keys[b]),
      );
      for (const [related, { strength, source }] of ranked.slice(0, TOP_K)) {
        out.push({ skillKey: keys[skill], relatedSkillKey: keys[related], strength, source });
      }
    });
    return out;
  }
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------
// ESCO hierarchy and skill–skill relations (skills with a URI only)

function addEscoEvidence(evidence: Evidence, skills: RelatednessData["skills"], structure: SkillStructure): void {
  const byUri = new Map<string, number>();
  skills.forEach((s, i) => {
    if (s.escoUri) byUri.set(s.escoUri, i);
  });

  // Imported children of each broader concept, whether or not the concept itself is imported.
  const children = new Map<string, { isGroup: boolean; members: Set<number> }>();
  for (const { uri, broaderUri, broaderIsGroup } of structure.broader) {
    const child = byUri.get(uri);
    if (child === undefined) continue;
    const parent = byUri.get(broaderUri);
    if (parent !== undefined) {
      evidence.add(parent, child, STRENGTH.narrowerForBroader, "hierarchy");
      evidence.add(child, parent, STRENGTH.broaderForNarrower, "hierarchy");
    }
    const family = children.get(broaderUri) ?? { isGroup: broaderIsGroup, members: new Set<number>() };
    family.members.add(child);
    children.set(broaderUri, family);
  }
  for (const { isGroup, members } of children.values()) {
    if (members.size > MAX_SIBLINGS) continue;
    const strength = isGroup ? STRENGTH.siblingInGroup : STRENGTH.siblingUnderSkill;
    for (const a of members) for (const b of members) evidence.add(a, b, strength, "hierarchy");
  }

  for (const { uri, relatedUri, relation } of structure.related) {
    const skill = byUri.get(uri);
    const needed = byUri.get(relatedUri);
    if (skill === undefined || needed === undefined) continue;
    const essential = relation === "ESSENTIAL";
    evidence.add(needed, skill, essential ? STRENGTH.skillForItsEssential : STRENGTH.skillForItsOptional, "esco-relation");
    evidence.add(skill, needed, essential ? STRENGTH.essentialForSkill : STRENGTH.optionalForSkill, "esco-relation");
  }
}

// ---------------------------------------------------------------------------
// Label structure

/** Words that carry no meaning of their own in a skill label. */
const STOPWORDS = new Set(
  "a an the and or of in on for to with without when while at by from into onto as its their his her other out up e g etc related".split(" "),
);

/**
 * Words too general to carry a containment: "use tools" is not the general
 * form of "use tools for woodworking", nor "manage staff" of "manage staff
 * rota", in any useful sense. The shorter label needs two other words.
 * Singular, as labelWords gives them.
 */
const GENERIC_WORDS = new Set(
  "use apply manage perform carry work ensure provide handle make follow keep do take have deal type principle method technique".split(" "),
);

interface LabelWords {
  /** Content words in label order, without repeats. */
  words: string[];
  set: Set<string>;
}

/** Lowercased content words, possessive and plural "s" dropped: "maintain personal hygiene standards" → maintain, personal, hygiene, standard. */
export function labelWords(label: string): string[] {
  const words = label
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOPWORDS.has(w))
    .map(singular);
  return [...new Set(words)];
}

function singular(word: string): string {
  if (word.length <= 3 || /(ss|us|is)$/.test(word)) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  return word.endsWith("s") ? word.slice(0, -1) : word;
}

function addLabelEvidence(evidence: Evidence, skills: RelatednessData["skills"]): void {
  const labels: LabelWords[] = skills.map((s) => {
    const words = labelWords(s.labelEn);
    return { words, set: new Set(words) };
  });

  // Same words: one concept under two labels.
  const bySameWords = new Map<string, number[]>();
  labels.forEach(({ words }, i) => {
    if (words.length === 0) return;
    pushTo(bySameWords, [...words].sort().join(" "), i);
  });
  for (const group of bySameWords.values()) {
    for (const a of group) for (const b of group) evidence.add(a, b, STRENGTH.sameLabel, "label");
  }
  skills.forEach((s, i) => {
    for (const alt of s.altLabelsEn) {
      for (const named of bySameWords.get(labelWords(alt).sort().join(" ")) ?? []) {
        evidence.add(i, named, STRENGTH.altLabelForOwner, "label");
        evidence.add(named, i, STRENGTH.ownerForAltLabel, "label");
      }
    }
  });

  // Containment: every word of the shorter label in the longer one, and the
  // same head: the first word (the verb of "operate forklift" / "operate
  // forklift truck") or the last (the noun of "data mining" / "perform data
  // mining"). Candidates are the labels holding the shorter label's rarest word.
  const byWord = new Map<string, number[]>();
  labels.forEach(({ words }, i) => {
    for (const w of words) pushTo(byWord, w, i);
  });
  labels.forEach((short, s) => {
    if (short.words.filter((w) => !GENERIC_WORDS.has(w)).length < 2) return;
    const rarest = short.words.reduce((a, b) => (byWord.get(b)!.length < byWord.get(a)!.length ? b : a));
    for (const l of byWord.get(rarest)!) {
      const long = labels[l];
      if (long.words.length <= short.words.length) continue;
      if (long.words[0] !== short.words[0] && long.words.at(-1) !== short.words.at(-1)) continue;
      if (!short.words.every((w) => long.set.has(w))) continue;
      // "operate forklift" has 2 of the 3 words of "operate forklift truck"; "design buildings" only 2 of 4 of "design a domotic system in buildings".
      const coverage = short.words.length / long.words.length;
      evidence.add(s, l, STRENGTH.specificLabelForGeneral * coverage, "label");
      evidence.add(l, s, STRENGTH.generalLabelForSpecific * coverage, "label");
    }
  });
}

// ---------------------------------------------------------------------------
// Co-occurrence as essential skills of the same occupations

function addCoOccurrenceEvidence(evidence: Evidence, skills: RelatednessData["skills"], relations: RelationInput[]): void {
  const index = new Map(skills.map((s, i) => [s.key, i]));
  const skillsOf = new Map<string, number[]>(); // occupation → its essential skills
  const occupationsOf: string[][] = skills.map(() => []);
  for (const r of relations) {
    const skill = index.get(r.skillKey);
    if (r.relation !== "ESSENTIAL" || skill === undefined) continue;
    pushTo(skillsOf, r.occupationUri, skill);
    occupationsOf[skill].push(r.occupationUri);
  }

  // For each skill B, count the occupations it shares with every skill A that
  // appears beside it. The cosine shared / √(|A| |B|) is symmetric; A ← B is
  // added here and B ← A when the loop reaches A.
  const shared = new Int32Array(skills.length);
  const touched: number[] = [];
  occupationsOf.forEach((occupations, holder) => {
    if (occupations.length < MIN_SHARED_OCCUPATIONS) return;
    for (const occupation of occupations) {
      for (const skill of skillsOf.get(occupation)!) if (shared[skill]++ === 0) touched.push(skill);
    }
    for (const skill of touched) {
      if (shared[skill] >= MIN_SHARED_OCCUPATIONS) {
        const cosine = shared[skill] / Math.sqrt((occupations.length + CO_OCCURRENCE_SMOOTHING) * (occupationsOf[skill].length + CO_OCCURRENCE_SMOOTHING));
        evidence.add(skill, holder, STRENGTH.coOccurrence * cosine, "co-occurrence");
      }
      shared[skill] = 0;
    }
    touched.length = 0;
  });
}
