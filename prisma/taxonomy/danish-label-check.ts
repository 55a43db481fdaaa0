// Checks Jobbro's own Danish labels against the taxonomy they translate: every
// concept labelled, nothing left in English, no two concepts that a Dane could
// not tell apart, and the job titles people actually type. Used by
// `npm run taxonomy:check-da` and by a unit test over the whole data file.
import { englishKey, type DanishLabelFile, type OwnDanishLabels } from "./danish-labels";

export interface ConceptToCheck {
  labelEn: string;
  /** ISCO group code, occupations only. */
  iscoCode?: string | null;
}

export interface LabelCheckInput {
  skills: ConceptToCheck[];
  occupations: ConceptToCheck[];
}

export interface LabelCheckResult {
  problems: string[];
  counts: { skills: number; skillsLabelled: number; occupations: number; occupationsLabelled: number; skillAlternatives: number; occupationAlternatives: number };
}

/** Occupations in ISCO major groups 4–9 (clerical to elementary work) need this many Danish titles besides the preferred one. */
export const MIN_OCCUPATION_ALTERNATIVES = 3;
const GROUPS_NEEDING_ALTERNATIVES = /^[4-9]/;

/**
 * Titles and synonyms Danes type that must each be found on some concept
 * (the issue that asked for the translations names them; the demo data uses them).
 */
export const REQUIRED_OCCUPATION_TITLES = [
  "lagermedarbejder",
  "lagerarbejder",
  "pakkeriarbejder",
  "rengøringsassistent",
  "rengøringsmedarbejder",
  "SOSU-hjælper",
  "social- og sundhedshjælper",
  "truckfører",
  "chauffør",
  "tømrer",
  "VVS'er",
  "blikkenslager",
];
export const REQUIRED_SKILL_SYNONYMS = ["truckcertifikat", "kørekort kategori C", "hygiejnebevis"];

/**
 * Words that are English and not Danish. A Danish label containing one of them
 * was not translated. Words that are also Danish ("for", "to", "and", "data",
 * "service") are deliberately absent.
 */
const ENGLISH_ONLY = new Set(
  (
    "the of with using use apply ensure perform manage maintain provide develop operate prepare assist carry out " +
    "work working skills knowledge techniques technique equipment procedures systems management customer customers quality " +
    "safety health staff products install repair clean check create write read up their other from into when within " +
    "between about according related activities materials machine machines tools food water animals people " +
    "children patients vehicle vehicles building buildings processes principles methods practices requirements standards " +
    "legislation regulations policies plans planning training communication communicate evaluate " +
    "assess identify monitor inspect implement coordinate supervise advise conduct establish determine analyze " +
    "keep take follow adhere comply liaise promote respond record report measure calculate " +
    "select cut build load sell buy order teach learn speak understand written spoken interact"
  ).split(" "),
);

/** Loanwords and international terms that Danish job ads use as they are. */
const ACCEPTED_AS_IS = new Set(
  (
    "design marketing software hardware catering coaching controlling e-mail email online web team feedback deadline " +
    "compliance logistik it ikt sql java python php html css xml json javascript typescript linux unix windows " +
    "excel word powerpoint outlook autocad sap cad cam cnc gis gps erp crm lean six sigma scrum agile kanban " +
    "ballet jazz rock pop hip-hop blues soul funk reggae techno house tango salsa yoga pilates golf tennis squash " +
    "badminton hockey cricket rugby baseball basketball volleyball handball judo karate taekwondo boksning " +
    "latin græsk"
  ).split(" "),
);

function words(label: string): string[] {
  return label.toLowerCase().split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
}

/** Proper names ("John the Ripper", "SAS Data Management") may hold English words; they are names, not text to translate. */
const PROPER_NAME = /\b[A-Z][\p{L}\d.+#-]*(?:\s+(?:the|of|and|for|[A-Z][\p{L}\d.+#-]*))*\s+[A-Z][\p{L}\d.+#-]*/gu;

/** Why a Danish label reads as untranslated English, or null when it does not. */
export function englishLeftIn(labelEn: string, labelDa: string): string | null {
  const english = words(labelDa.replace(PROPER_NAME, " ")).filter((w) => ENGLISH_ONLY.has(w));
  if (english.length > 0) return `English word${english.length > 1 ? "s" : ""} ${english.map((w) => `"${w}"`).join(", ")}`;
  // Danish shares many single words with English ("journalist", "bartender",
  // "golf"); an identical phrase of several words is untranslated unless every
  // word is a name, a number or an accepted loanword.
  if (englishKey(labelEn) === englishKey(labelDa) && labelDa.trim().includes(" ")) {
    const original = labelDa.split(/[\s/(),]+/).filter(Boolean);
    const allKept = original.every((w) => /[A-Z0-9]/.test(w) || ACCEPTED_AS_IS.has(w.toLowerCase()));
    if (!allKept) return "same as the English label";
  }
  return null;
}

function checkFile(
  kind: "skill" | "occupation",
  concepts: ConceptToCheck[],
  file: DanishLabelFile,
  problems: string[],
): { labelled: number; alternatives: number } {
  const known = new Set(concepts.map((c) => englishKey(c.labelEn)));
  let labelled = 0;
  let alternatives = 0;
  for (const concept of concepts) {
    const entry = file.byEnglish.get(englishKey(concept.labelEn));
    if (!entry) {
      problems.push(`${file.file}: no Danish label for ${kind} "${concept.labelEn}"`);
      continue;
    }
    labelled += 1;
    alternatives += entry.alt.length;
    const where = `${file.file}, line ${entry.line}`;
    // Only the preferred label is shown to people; alternatives are search
    // synonyms and may be the English loan terms Danish job ads use ("data science").
    const english = englishLeftIn(concept.labelEn, entry.da);
    if (english) problems.push(`${where}: "${entry.da}" (${kind} "${concept.labelEn}"): ${english}`);
    if (kind === "occupation" && GROUPS_NEEDING_ALTERNATIVES.test(concept.iscoCode ?? "") && entry.alt.length < MIN_OCCUPATION_ALTERNATIVES) {
      problems.push(`${where}: occupation "${concept.labelEn}" (ISCO ${concept.iscoCode}) has ${entry.alt.length} Danish alternative titles, needs ${MIN_OCCUPATION_ALTERNATIVES}`);
    }
  }
  for (const entry of file.byEnglish.values()) {
    if (!known.has(englishKey(entry.en))) problems.push(`${file.file}, line ${entry.line}: "${entry.en}" is no ${kind} in the taxonomy (spelled differently?)`);
  }
  // Two concepts with the same preferred Danish label cannot be told apart in a picker.
  const byDanish = new Map<string, string[]>();
  for (const entry of file.byEnglish.values()) {
    const key = entry.da.toLowerCase();
    byDanish.set(key, [...(byDanish.get(key) ?? []), entry.en]);
  }
  for (const [da, ens] of byDanish) {
    if (ens.length > 1) problems.push(`${file.file}: "${da}" is the Danish label of ${ens.length} ${kind}s: ${ens.map((e) => `"${e}"`).join(", ")}`);
  }
  return { labelled, alternatives };
}

function requireTerms(kind: string, terms: string[], file: DanishLabelFile, problems: string[]): void {
  const present = new Set([...file.byEnglish.values()].flatMap((e) => [e.da, ...e.alt].map((l) => l.toLowerCase())));
  for (const term of terms) {
    if (!present.has(term.toLowerCase())) problems.push(`${file.file}: no ${kind} is labelled "${term}"`);
  }
}

export function checkDanishLabels(taxonomy: LabelCheckInput, own: OwnDanishLabels): LabelCheckResult {
  const problems: string[] = [];
  const skills = checkFile("skill", taxonomy.skills, own.skills, problems);
  const occupations = checkFile("occupation", taxonomy.occupations, own.occupations, problems);
  requireTerms("occupation", REQUIRED_OCCUPATION_TITLES, own.occupations, problems);
  requireTerms("skill", REQUIRED_SKILL_SYNONYMS, own.skills, problems);
  for (const f of [own.skills, own.occupations]) if (!f.version) problems.push(`${f.file}: first comment line must be "# version: YYYY-MM-DD"`);
  return {
    problems,
    counts: {
      skills: taxonomy.skills.length,
      skillsLabelled: skills.labelled,
      occupations: taxonomy.occupations.length,
      occupationsLabelled: occupations.labelled,
      skillAlternatives: skills.alternatives,
      occupationAlternatives: occupations.alternatives,
    },
  };
}
