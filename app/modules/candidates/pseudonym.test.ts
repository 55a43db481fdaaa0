import { describe, expect, it } from "vitest";
import { generatePseudonym, PSEUDONYM_PATTERN } from "./pseudonym";

describe("generatePseudonym", () => {
  it("has the documented shape and avoids look-alike characters", () => {
    for (let i = 0; i < 200; i++) expect(generatePseudonym()).toMatch(PSEUDONYM_PATTERN);
  });

  it("is random: 500 draws give (almost surely) 500 different values", () => {
    expect(new Set(Array.from({ length: 500 }, () => generatePseudonym())).size).toBe(500);
  });

  it("uses the picker it is given, so tests can force a collision", () => {
    expect(generatePseudonym(() => 0)).toBe("Kandidat 2222-22");
  });
});
