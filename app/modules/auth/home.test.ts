import { describe, expect, it } from "vitest";
import { homePathFor, safeRedirectPath } from "./home";

describe("role homes", () => {
  it("sends each kind of organisation to its own area", () => {
    expect([homePathFor("COMPANY"), homePathFor("JOBCENTRE"), homePathFor("INSTITUTION"), homePathFor("OPERATOR")]).toEqual([
      "/virksomhed",
      "/jobcenter",
      "/uddannelse",
      "/drift",
    ]);
  });
});

describe("safeRedirectPath", () => {
  it("accepts paths on this site", () => {
    expect(safeRedirectPath("/virksomhed?tab=2")).toBe("/virksomhed?tab=2");
  });

  it.each(["//evil.example", "/\\evil.example", "https://evil.example/", "virksomhed", "", null, 42])("refuses %s", (value) => {
    expect(safeRedirectPath(value)).toBeNull();
  });
});
