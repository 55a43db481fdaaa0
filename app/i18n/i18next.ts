// The one i18next factory: a server render (one instance per request, so
// requests never share a language), the browser, page titles (app/lib/meta.ts)
// and e-mails (app/modules/notifications/i18n.ts) all get their instance here.
// Both languages are bundled: they are small, and this makes initialisation
// synchronous, so the first render is already translated.
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from "./config";
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
    supportedLngs: [...LANGUAGES],
    // React escapes text itself, and e-mails escape every value they put into
    // HTML; escaping here as well would show "&amp;" to people.
    interpolation: { escapeValue: false },
    initImmediate: false,
    returnNull: false,
  });
  return instance;
}
