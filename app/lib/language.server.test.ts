import { describe, expect, it } from "vitest";
import { getLanguage, preferredLanguage, serializeLanguageCookie } from "./language.server";

async function request(headers: { cookie?: string; acceptLanguage?: string }) {
  const init: Record<string, string> = {};
  if (headers.cookie) init.Cookie = headers.cookie;
  if (headers.acceptLanguage !== undefined) init["Accept-Language"] = headers.acceptLanguage;
  return getLanguage(new Request("http://jobbro.test/", { headers: init }));
}

const cookieFor = async (value: string) => (await serializeLanguageCookie(value as "da")).split(";")[0];

describe("choosing the language", () => {
  it("prefers the cookie over the browser", async () => {
    expect(await request({ cookie: await cookieFor("en"), acceptLanguage: "da-DK,da;q=0.9" })).toBe("en");
  });

  it("ignores a cookie naming a language Jobbro does not speak", async () => {
    expect(await request({ cookie: await cookieFor("de"), acceptLanguage: "en-GB,en;q=0.9" })).toBe("en");
  });

  it("honours the q-values of Accept-Language", () => {
    expect(preferredLanguage("de-DE, en-GB;q=0.8, da;q=0.9")).toBe("da");
    expect(preferredLanguage("fr, en-US;q=0.5")).toBe("en");
    expect(preferredLanguage("en;q=0, da;q=0.1")).toBe("da");
    expect(preferredLanguage("en;q=0")).toBeNull();
  });

  it("reads Norwegian as Danish, and takes the browser's order on equal q-values", () => {
    expect(preferredLanguage("nb-NO,nb;q=0.9,en;q=0.5")).toBe("da");
    expect(preferredLanguage("en, da")).toBe("en");
    expect(preferredLanguage("sv-SE,sv;q=0.9,en;q=0.8")).toBe("en");
  });

  it("falls back to Danish", async () => {
    expect(await request({ acceptLanguage: "fr-FR,de;q=0.8" })).toBe("da");
    expect(await request({})).toBe("da");
    expect(await request({ acceptLanguage: "garbage;;;q=x" })).toBe("da");
    expect(await request({ acceptLanguage: "*" })).toBe("da");
  });
});
