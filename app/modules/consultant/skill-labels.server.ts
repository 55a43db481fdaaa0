// Labels for skill ids a form sent back, so that the skill picker can show the
// chosen skills again after a failed submit.
import type { Language } from "~/i18n/config";
import type { Db } from "~/utils/db.server";

export async function skillOptions(db: Db, ids: readonly string[], language: Language) {
  const unique = [...new Set(ids)].slice(0, 100);
  if (unique.length === 0) return [];
  const rows = await db.skill.findMany({ where: { id: { in: unique } }, select: { id: true, labelDa: true, labelEn: true } });
  return rows.map((s) => ({ id: s.id, label: (language === "da" ? s.labelDa : null) ?? s.labelEn }));
}
