// The language a request is answered in: the cookie set by the language switch,
// then the browser's Accept-Language, then Danish.
import { createCookie } from "@remix-run/node";
import { chooseLanguage, type Language } from "~/i18n/config";
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

export async function getLanguage(request: Request): Promise<Language> {
  const fromCookie: unknown = await languageCookie().parse(request.headers.get("Cookie"));
  return chooseLanguage(fromCookie, request.headers.get("Accept-Language"));
}

export function serializeLanguageCookie(language: Language): Promise<string> {
  return languageCookie().serialize(language);
}
