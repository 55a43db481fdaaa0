import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider } from "react-i18next";
import { DEFAULT_LANGUAGE, isLanguage } from "~/i18n/config";
import { createI18n } from "~/i18n/i18next";

// The server rendered <html lang> in the request's language; speak the same.
const documentLanguage = document.documentElement.lang;
const i18n = createI18n(isLanguage(documentLanguage) ? documentLanguage : DEFAULT_LANGUAGE);

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <RemixBrowser />
      </I18nextProvider>
    </StrictMode>,
  );
});
