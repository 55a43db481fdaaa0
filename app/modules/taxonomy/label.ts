// The one rule for showing a skill's or an occupation's name: the label in the
// page's language, and where a concept has none in Danish, the English label
// marked as English (lang="en", WCAG 2.1 SC 3.1.2) so that screen readers say it
// right and nobody mistakes it for a translation. Safe to import in the browser.
import type { Language } from "~/i18n/config";

export interface BilingualLabel {
  labelEn: string;
  labelDa: string | null;
}

/** A label ready to show; `lang` is set only when it is not in the page's language. */
export interface ShownLabel {
  label: string;
  lang?: "en";
}

export function shownLabel(row: BilingualLabel, language: Language | string): ShownLabel {
  if (language !== "da") return { label: row.labelEn };
  return row.labelDa ? { label: row.labelDa } : { label: row.labelEn, lang: "en" };
}

/** Just the text, where no markup can carry the language (e-mail subjects, CSV cells, sorting). */
export function labelText(row: BilingualLabel, language: Language | string): string {
  return shownLabel(row, language).label;
}
