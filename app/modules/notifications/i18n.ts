// Texts for e-mails, rendered outside React (in the worker) in the recipient's
// language (User.locale), from the same translation files as the web pages.
import type { TFunction } from "i18next";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/config";
import { createI18n } from "~/i18n/i18next";

const translators = new Map<Language, TFunction>();

export function languageOf(locale: string | null | undefined): Language {
  const base = locale?.toLowerCase().split(/[-_]/)[0];
  return isLanguage(base) ? base : DEFAULT_LANGUAGE;
}

export function mailTranslator(language: Language): TFunction {
  let t = translators.get(language);
  if (!t) {
    // Plain-text mail needs no escaping; the HTML renderer escapes every value itself.
    t = createI18n(language).t;
    translators.set(language, t);
  }
  return t;
}
