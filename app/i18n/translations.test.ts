import { describe, expect, it } from "vitest";
import { da } from "./da";
import { en } from "./en";
import { createI18n } from "./i18next";

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

describe("the i18next factory", () => {
  it("is ready at once, in the language asked for, without escaping", () => {
    expect(createI18n("en").t("layout.skipLink")).toBe(en.layout.skipLink);
    expect(createI18n("da").t("layout.skipLink")).toBe(da.layout.skipLink);
    expect(createI18n("da").t("operations.runs.progressText", { done: "<1>", total: "A & B" })).toBe("<1> af A & B");
  });
});
