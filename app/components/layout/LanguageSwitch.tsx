// Dansk/English switch. A plain form post with a full page load: the server sets
// the language cookie and renders the next page in the new language.
import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, type Language } from "~/i18n/config";

export function LanguageSwitch({ current }: { current: Language }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <form method="post" action="/language" className="language-form" aria-label={t("layout.languageSwitch")}>
      <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
      <ul className="inline-list">
        {LANGUAGES.map((language) => (
          <li key={language}>
            <button
              type="submit"
              name="lang"
              value={language}
              lang={language}
              className="function-link"
              aria-current={language === current ? "true" : undefined}
            >
              {t(`language.${language}`)}
            </button>
          </li>
        ))}
      </ul>
    </form>
  );
}
