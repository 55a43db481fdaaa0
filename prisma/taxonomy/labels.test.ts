import { describe, expect, it } from "vitest";
import { normaliseLabel, skillKeyForLabel, splitAltLabels, textOrNull } from "./labels";

describe("labels", () => {
  it("normalises whitespace and derives a stable lowercase key", () => {
    expect(normaliseLabel("  measure   temperature ")).toBe("measure temperature");
    expect(skillKeyForLabel("Python (computer programming) ")).toBe("label:python (computer programming)");
  });

  it("splits alternative labels on line breaks and on ' | ', without blanks, duplicates or the preferred label", () => {
    expect(splitAltLabels("chef\nline cook\r\n\nChef", "cook")).toEqual(["chef", "line cook"]);
    expect(splitAltLabels("take the initiative | show initiative | be a  driving force", "show initiative")).toEqual([
      "take the initiative",
      "be a driving force",
    ]);
    expect(splitAltLabels("", "x")).toEqual([]);
  });

  it("stores empty text as null", () => {
    expect(textOrNull("  ")).toBeNull();
    expect(textOrNull(" text\n")).toBe("text");
  });
});
