// Label normalisation shared by every source format. Skill keys in the shared
// data are derived from labels, so this must stay stable across releases:
// changing it re-keys every label-keyed skill.

/** Trims and collapses runs of whitespace ("measure temperature " → "measure temperature"). */
export function normaliseLabel(label: string): string {
  return label.replace(/\s+/g, " ").trim();
}

/** The stable key of a skill known only by its English label. */
export function skillKeyForLabel(label: string): string {
  return `label:${normaliseLabel(label).toLowerCase()}`;
}

/**
 * ESCO separates alternative labels with line breaks in the release files and
 * with " | " in the skill collections; accept both, drop blanks, duplicates and
 * the preferred label itself.
 */
export function splitAltLabels(value: string | undefined, preferred?: string): string[] {
  if (!value) return [];
  const seen = new Set<string>();
  if (preferred) seen.add(normaliseLabel(preferred).toLowerCase());
  const out: string[] = [];
  for (const part of value.split(/\r?\n| \| /)) {
    const label = normaliseLabel(part);
    const folded = label.toLowerCase();
    if (!label || seen.has(folded)) continue;
    seen.add(folded);
    out.push(label);
  }
  return out;
}

/** Empty text becomes null so that "no description" is stored one way only. */
export function textOrNull(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
