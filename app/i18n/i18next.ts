// One i18next instance per server render (requests must not share a language)
// and one in the browser. Both languages are bundled: they are small, and this
// makes initialisation synchronous, so the first render is already translated.
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, type Language } from "./config";
import { da } from "./da";
import { en } from "./en";

export const resources = {
  da: { translation: da },
  en: { translation: en },
} as const;

export function createI18n(language: Language): i18n {
  const instance = createInstance();
  void instance.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: ["da", "en"],
    // React escapes text itself; escaping twice would show "&amp;" to people.
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  });
  return instance;
}
