// Skills as picker options (id + label in the reader's language), e.g. to show
// back what the user chose after a failed submit. Taxonomy data: not tenant-scoped.
import type { Db } from "~/utils/db.server";

export interface SkillOption {
  id: string;
  label: string;
}

export function skillLabel(skill: { labelEn: string; labelDa: string | null }, language: string): string {
  return language === "da" ? (skill.labelDa ?? skill.labelEn) : skill.labelEn;
}

export async function skillOptions(db: Db, ids: readonly string[], language: string): Promise<SkillOption[]> {
  const wanted = [...new Set(ids)].slice(0, 100);
  if (wanted.length === 0) return [];
  const rows = await db.skill.findMany({ where: { id: { in: wanted } }, select: { id: true, labelEn: true, labelDa: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ id, label: skillLabel(row, language) }] : [];
  });
}
