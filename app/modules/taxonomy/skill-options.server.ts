// Skills as picker options (id + label in the reader's language), e.g. to show
// back what the user chose after a failed submit. Taxonomy data: not tenant-scoped.
import type { Db } from "~/lib/db.server";
import { shownLabel, type ShownLabel } from "./label";
import { findLabelsByIds } from "./labels.repository.server";

export interface SkillOption extends ShownLabel {
  id: string;
}

export async function skillOptions(db: Db, ids: readonly string[], language: string): Promise<SkillOption[]> {
  // Only id-shaped values: the ids come straight from a form, and a NUL would fail in PostgreSQL as a 500.
  const wanted = [...new Set(ids)].filter((id) => /^[A-Za-z0-9_:.-]{1,64}$/.test(id)).slice(0, 100);
  if (wanted.length === 0) return [];
  const rows = await findLabelsByIds(db, "skills", wanted);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return wanted.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ id, ...shownLabel(row, language) }] : [];
  });
}
