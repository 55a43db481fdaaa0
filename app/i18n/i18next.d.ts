// Type-safe translation keys: t("login.title") compiles, t("login.titel") does not.
import "i18next";
import type { da } from "./da";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof da };
  }
}
