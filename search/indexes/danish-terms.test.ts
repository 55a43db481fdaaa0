import { describe, expect, it } from "vitest";
import { compoundParts, danishSearchTerms, longestSplit } from "./danish-terms";

const vocabulary = new Set(["truck", "gaffeltruck", "certifikat", "truckcertifikat", "rengøring", "assistent", "hjælper", "sundhed", "ring", "lager", "medarbejder"]);

describe("compoundParts", () => {
  it("splits Danish compounds into the vocabulary's words, with the linking -s-", () => {
    expect(compoundParts("gaffeltruckcertifikat", vocabulary).sort()).toEqual(["certifikat", "gaffel", "gaffeltruck", "truck", "truckcertifikat"]);
    expect(compoundParts("rengøringsassistent", vocabulary).sort()).toEqual(["assistent", "rengøring"]);
    expect(compoundParts("sundhedshjælper", vocabulary).sort()).toEqual(["hjælper", "sundhed"]);
    expect(compoundParts("lagermedarbejder", vocabulary).sort()).toEqual(["lager", "medarbejder"]);
  });

  it("leaves short words and words without a known head alone, and trusts no unknown modifier before a short head", () => {
    expect(compoundParts("truck", vocabulary)).toEqual([]);
    expect(compoundParts("bogholder", vocabulary)).toEqual([]);
    expect(compoundParts("rengøring", vocabulary)).toEqual([]);
  });
});

describe("danishSearchTerms", () => {
  it("adds parts and ASCII spellings, never the labels' own words", () => {
    const terms = danishSearchTerms(["betjene gaffeltruck", "truckcertifikat", null], vocabulary);
    expect(terms).toEqual(expect.arrayContaining(["truck", "certifikat", "gaffel"]));
    expect(terms).not.toContain("gaffeltruck");
    expect(danishSearchTerms(["rengøringsassistent"], vocabulary)).toEqual(
      expect.arrayContaining(["rengoeringsassistent", "rengoering", "rengøring", "assistent"]),
    );
  });
});

describe("longestSplit", () => {
  it("cuts a query compound into two known words, dropping a linking -s-", () => {
    expect(longestSplit("gaffeltruckcertifikat", vocabulary)).toEqual(["gaffeltruck", "certifikat"]);
    expect(longestSplit("rengøringsassistent", vocabulary)).toEqual(["rengøring", "assistent"]);
    expect(longestSplit("bogholder", vocabulary)).toBeNull();
  });
});
