// Texts for e-mails, rendered outside React (in the worker) in the recipient's
// language (User.locale), from the same translation files as the web pages.
import { createInstance, type TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/config";
import { da } from "~/i18n/da";
import { en } from "~/i18n/en";

const translators = new Map<Language, TFunction>();

export function languageOf(locale: string | null | undefined): Language {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

export function mailTranslator(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    const instance = createInstance();
    void instance.init({
      resources: { da: { translation: da }, en: { translation: en } },
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      // Plain-text mail needs no escaping; the HTML renderer escapes every value itself.
      interpolation: { escapeValue: false },
      initImmediate: false,
    });
    t = instance.t;
    translators.set(language, t);
  }
  return t;
}
