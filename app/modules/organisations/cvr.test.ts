import { describe, expect, it } from "vitest";
import { completeCvr, isValidCvr } from "./cvr";

describe("isValidCvr", () => {
  it("accepts real CVR numbers", () => {
    // Novo Nordisk A/S and Danske Bank A/S, both public.
    expect(isValidCvr("24256790")).toBe(true);
    expect(isValidCvr("61126228")).toBe(true);
    expect(isValidCvr("24 25 67 90")).toBe(true);
  });

  it("rejects a wrong check digit, wrong length, letters and a leading zero", () => {
    expect(isValidCvr("24256791")).toBe(false);
    expect(isValidCvr("2425679")).toBe(false);
    expect(isValidCvr("242567900")).toBe(false);
    expect(isValidCvr("2425679a")).toBe(false);
    expect(isValidCvr("01234567")).toBe(false);
    expect(isValidCvr("")).toBe(false);
  });
});

describe("completeCvr", () => {
  it("adds the check digit that makes the number valid, or null when none exists", () => {
    expect(completeCvr("2425679")).toBe("24256790");
    let nulls = 0;
    for (let p = 1000000; p < 1000200; p++) {
      const cvr = completeCvr(String(p));
      if (cvr === null) nulls++;
      else expect(isValidCvr(cvr)).toBe(true);
    }
    expect(nulls).toBeGreaterThan(0);
  });
});
