import { describe, expect, it } from "vitest";
import { danishLabelFor, withDanishSkillLabels } from "./danish-labels";
import { SKILL_LABELS_DA } from "./skill-labels-da";
import type { SkillInput } from "./types";

const skill = (labelEn: string, labelDa: string | null = null): SkillInput => ({
  key: `label:${labelEn}`,
  escoUri: null,
  labelEn,
  labelDa,
  altLabelsEn: [],
  altLabelsDa: [],
  skillType: null,
  description: null,
});

describe("Danish skill labels", () => {
  it("covers the most used skills with clean labels", () => {
    const entries = Object.entries(SKILL_LABELS_DA);
    expect(entries.length).toBeGreaterThanOrEqual(250);
    for (const [en, { da, alt }] of entries) {
      expect(en, en).toBe(en.trim());
      expect(da.trim(), en).toBe(da);
      expect(da.length, en).toBeGreaterThan(1);
      for (const a of alt ?? []) expect(a, en).not.toBe(da);
    }
  });

  it("adds a Danish label by English label, ignoring case and spacing, and never overrides one from the source", () => {
    expect(danishLabelFor("Customer  Service")?.da).toBe("kundeservice");
    const [mapped, fromSource, unknown] = withDanishSkillLabels([skill("customer service"), skill("customer service", "kundepleje"), skill("juggle")]);
    expect(mapped.labelDa).toBe("kundeservice");
    expect(fromSource.labelDa).toBe("kundepleje");
    expect(unknown.labelDa).toBeNull();
  });
});
