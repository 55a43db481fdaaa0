// Which languages Jobbro speaks and how a request picks one. Pure: shared by the
// server (cookie and Accept-Language) and the browser (the <html lang> it got).
export const LANGUAGES = ["da", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = "da";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The best supported language in an Accept-Language header, honouring q-values
 * ("en-GB;q=0.8, da;q=0.9" → da), or null when none is supported.
 */
export function languageFromAcceptLanguage(header: string | null | undefined): Language | null {
  if (!header) return null;
  const ranked = header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split("-")[0], quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((entry) => entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  // Norwegian and Swedish readers understand Danish better than English.
  const aliases: Record<string, Language> = { nb: "da", no: "da", nn: "da" };
  for (const entry of ranked) {
    const language = isLanguage(entry.base) ? entry.base : aliases[entry.base ?? ""];
    if (language) return language;
  }
  return null;
}

/** Cookie choice first, then the browser's preference, then Danish. */
export function chooseLanguage(cookieValue: unknown, acceptLanguage: string | null | undefined): Language {
  if (isLanguage(cookieValue)) return cookieValue;
  return languageFromAcceptLanguage(acceptLanguage) ?? DEFAULT_LANGUAGE;
}
