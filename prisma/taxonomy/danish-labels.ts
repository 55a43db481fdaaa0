// Danish labels for concepts that the source leaves without one. ESCO's
// official Danish files win wherever they are present (the official release
// read in Danish, or skills_da.csv / occupations_da.csv dropped beside the
// shared data); Jobbro's own translations (labels-da/, ADR 021) fill the rest.
// Both are keyed by the English preferred label, as the shared data keys skills.
import { readFileSync } from "node:fs";
import path from "node:path";
import { TaxonomySourceError } from "./errors";
import { normaliseLabel } from "./labels";
import type { OccupationInput, SkillInput, TaxonomyData } from "./types";

export const DANISH_LABELS_DIR = path.join(import.meta.dirname, "labels-da");
export const SKILL_LABELS_FILE = "skills.da.tsv";
export const OCCUPATION_LABELS_FILE = "occupations.da.tsv";

export interface DanishLabel {
  /** The English preferred label as written in the file (the key, before folding). */
  en: string;
  da: string;
  alt: string[];
  line: number;
}

export interface DanishLabelFile {
  file: string;
  version: string | null;
  /** By English label, case- and space-folded. */
  byEnglish: Map<string, DanishLabel>;
}

export interface OwnDanishLabels {
  skills: DanishLabelFile;
  occupations: DanishLabelFile;
}

export function englishKey(label: string): string {
  return normaliseLabel(label).toLowerCase();
}

/**
 * Parses one labels file: `english<TAB>danish<TAB>alt | alt`, `#` comments,
 * `# version: …` first. A malformed line or a key given twice is refused with
 * its line number, as every other taxonomy source is.
 */
export function parseDanishLabels(text: string, file: string): DanishLabelFile {
  const byEnglish = new Map<string, DanishLabel>();
  let version: string | null = null;
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim()) return;
    if (raw.startsWith("#")) {
      const v = /^#\s*version:\s*(\S+)/.exec(raw);
      if (v && version === null) version = v[1];
      return;
    }
    const [en, da, alt = "", ...rest] = raw.split("\t");
    if (rest.length > 0 || !en?.trim() || !da?.trim()) {
      throw new TaxonomySourceError(file, line, "expected 'english<TAB>danish<TAB>alternatives' with both labels filled in");
    }
    const key = englishKey(en);
    const previous = byEnglish.get(key);
    if (previous) throw new TaxonomySourceError(file, line, `"${en}" is listed twice (first on line ${previous.line})`);
    const label = normaliseLabel(da);
    const seen = new Set([label.toLowerCase()]);
    const alternatives: string[] = [];
    for (const part of alt.split("|")) {
      const a = normaliseLabel(part);
      if (!a || seen.has(a.toLowerCase())) continue;
      seen.add(a.toLowerCase());
      alternatives.push(a);
    }
    byEnglish.set(key, { en: normaliseLabel(en), da: label, alt: alternatives, line });
  });
  return { file, version, byEnglish };
}

let cached: OwnDanishLabels | null = null;

/** Jobbro's own Danish labels, read once per process from the repository. */
export function ownDanishLabels(dir = DANISH_LABELS_DIR): OwnDanishLabels {
  if (dir === DANISH_LABELS_DIR && cached) return cached;
  const read = (name: string) => parseDanishLabels(readFileSync(path.join(dir, name), "utf8"), `labels-da/${name}`);
  const labels = { skills: read(SKILL_LABELS_FILE), occupations: read(OCCUPATION_LABELS_FILE) };
  if (dir === DANISH_LABELS_DIR) cached = labels;
  return labels;
}

function fill<T extends SkillInput | OccupationInput>(concepts: T[], file: DanishLabelFile): T[] {
  return concepts.map((concept) => {
    if (concept.labelDa) return concept;
    const own = file.byEnglish.get(englishKey(concept.labelEn));
    return own ? { ...concept, labelDa: own.da, altLabelsDa: own.alt } : concept;
  });
}

/** Fills labelDa and altLabelsDa from our own translations where the source gave none. */
export function withOwnDanishLabels(data: TaxonomyData, own: OwnDanishLabels = ownDanishLabels()): TaxonomyData {
  return { ...data, skills: fill(data.skills, own.skills), occupations: fill(data.occupations, own.occupations) };
}
