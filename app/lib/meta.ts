// Page titles in the reader's language. meta() cannot use hooks, so it takes the
// language from the root loader's data.
import type { ParseKeys, TOptions } from "i18next";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "~/i18n/config";
import { createI18n } from "~/i18n/i18next";

const translators = new Map<Language, ReturnType<typeof createI18n>>();

export function translator(language: Language) {
  let instance = translators.get(language);
  if (!instance) {
    instance = createI18n(language);
    translators.set(language, instance);
  }
  return instance.t;
}

interface MatchLike {
  id: string;
  data?: unknown;
}

export function languageFromMatches(matches: readonly MatchLike[]): Language {
  const root = matches.find((m) => m.id === "root")?.data as { lang?: unknown } | undefined;
  return isLanguage(root?.lang) ? root.lang : DEFAULT_LANGUAGE;
}

/** [{ title: "<page> – Jobbro" }] for a route's meta export. */
export function pageTitle(matches: readonly MatchLike[], key: ParseKeys, options?: TOptions) {
  const t = translator(languageFromMatches(matches));
  const page = String(t(key, options as TOptions));
  const solution = t("layout.solutionName");
  return [{ title: page === solution ? solution : `${page} – ${solution}` }];
}
