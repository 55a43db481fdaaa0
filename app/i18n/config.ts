// Which languages Jobbro speaks. Pure: shared by the server (app/lib/language.server.ts
// picks a request's language) and the browser (the <html lang> it got).
export const LANGUAGES = ["da", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "da";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
