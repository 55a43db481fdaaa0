// ESCO has no Danish labels in the shared data, so the most used skills get
// hand-written ones (skill-labels-da.ts). A Danish label that the source
// itself provides (official release downloaded in Danish) always wins.
import { normaliseLabel } from "./labels";
import { SKILL_LABELS_DA, type DanishSkillLabel } from "./skill-labels-da";
import type { SkillInput } from "./types";

const byFoldedLabel = new Map<string, DanishSkillLabel>(
  Object.entries(SKILL_LABELS_DA).map(([en, da]) => [normaliseLabel(en).toLowerCase(), da]),
);

export function danishLabelFor(labelEn: string): DanishSkillLabel | undefined {
  return byFoldedLabel.get(normaliseLabel(labelEn).toLowerCase());
}

export function withDanishSkillLabels(skills: SkillInput[]): SkillInput[] {
  return skills.map((skill) => {
    if (skill.labelDa) return skill;
    const da = danishLabelFor(skill.labelEn);
    return da ? { ...skill, labelDa: da.da, altLabelsDa: da.alt ?? [] } : skill;
  });
}
