// The language a request is answered in: the cookie set by the language switch,
// then the browser's Accept-Language, then Danish. Why not remix-i18next's
// detector: docs/decisions/026-kept-libraries.md.
import { createCookie } from "@remix-run/node";
import Negotiator from "negotiator";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/config";
import { getEnv } from "./env.server";

function languageCookie() {
  return createCookie("jobbro_lang", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NODE_ENV === "production",
    maxAge: 365 * 24 * 60 * 60,
  });
}

// Norwegian readers understand Danish better than English.
const READ_AS_DANISH = new Set(["nb", "no", "nn"]);

/**
 * The first language in the browser's order of preference (q-values honoured,
 * q=0 meaning "not this one") that Jobbro speaks, or null when none is.
 */
export function preferredLanguage(acceptLanguage: string | null | undefined): Language | null {
  if (!acceptLanguage) return null;
  const ranked = new Negotiator({ headers: { "accept-language": acceptLanguage } }).languages();
  for (const tag of ranked) {
    const base = tag.toLowerCase().split("-")[0];
    if (isLanguage(base)) return base;
    if (READ_AS_DANISH.has(base)) return "da";
  }
  return null;
}

export async function getLanguage(request: Request): Promise<Language> {
  const fromCookie: unknown = await languageCookie().parse(request.headers.get("Cookie"));
  if (isLanguage(fromCookie)) return fromCookie;
  return preferredLanguage(request.headers.get("Accept-Language")) ?? DEFAULT_LANGUAGE;
}

export function serializeLanguageCookie(language: Language): Promise<string> {
  return languageCookie().serialize(language);
}
