// Formatting in the reader's language. Calendar dates (@db.Date) arrive as UTC
// midnight, so they are formatted in UTC to never slip a day.
import type { Language } from "~/i18n/config";

const LOCALES: Record<Language, string> = { da: "da-DK", en: "en-GB" };

export function formatDate(value: Date | string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: "medium", timeZone: "UTC" }).format(new Date(value));
}

export function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language]).format(value);
}

/** A moment in Danish time: a fixed zone, so the server's rendering and the browser's hydration agree. */
export function formatDateTime(
  value: Date | string,
  language: Language,
  style: { dateStyle?: "short" | "medium"; timeStyle?: "short" | "medium" } = {},
): string {
  const { dateStyle = "short", timeStyle = "medium" } = style;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle, timeStyle, timeZone: "Europe/Copenhagen" }).format(new Date(value));
}
