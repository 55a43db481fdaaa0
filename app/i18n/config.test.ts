import { describe, expect, it } from "vitest";
import { chooseLanguage, languageFromAcceptLanguage } from "./config";
import { da } from "./da";
import { en } from "./en";

describe("choosing the language", () => {
  it("prefers the cookie over the browser", () => {
    expect(chooseLanguage("en", "da-DK,da;q=0.9")).toBe("en");
  });

  it("ignores a cookie naming a language Jobbro does not speak", () => {
    expect(chooseLanguage("de", "en-GB,en;q=0.9")).toBe("en");
  });

  it("honours the q-values of Accept-Language", () => {
    expect(languageFromAcceptLanguage("de-DE, en-GB;q=0.8, da;q=0.9")).toBe("da");
    expect(languageFromAcceptLanguage("fr, en-US;q=0.5")).toBe("en");
    expect(languageFromAcceptLanguage("en;q=0, da;q=0.1")).toBe("da");
  });

  it("falls back to Danish", () => {
    expect(chooseLanguage(undefined, "fr-FR,de;q=0.8")).toBe("da");
    expect(chooseLanguage(undefined, null)).toBe("da");
    expect(chooseLanguage(undefined, "garbage;;;q=x")).toBe("da");
  });
});

describe("translations", () => {
  function leaves(value: unknown, prefix = ""): [string, string][] {
    if (typeof value === "string") return [[prefix, value]];
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
  }

  it("gives English every key Danish has, none of them empty", () => {
    const daKeys = leaves(da).map(([k]) => k);
    const enLeaves = leaves(en);
    expect(enLeaves.map(([k]) => k).sort()).toEqual(daKeys.sort());
    expect(enLeaves.filter(([, text]) => text.trim() === "")).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const enByKey = new Map(leaves(en));
    for (const [key, text] of leaves(da)) expect(placeholders(enByKey.get(key) ?? ""), key).toEqual(placeholders(text));
  });
});
