// Type-safe translation keys: t("login.title") compiles, t("login.titel") does not.
// Not named i18next.d.ts: TypeScript leaves out a .d.ts that sits beside a .ts
// of the same name (it takes it for that file's output), so the keys went unchecked.
import "i18next";
import type { da } from "./da";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof da };
  }
}
