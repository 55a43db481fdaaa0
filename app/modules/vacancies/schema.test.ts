import { describe, expect, it } from "vitest";
import { VacancyCreateSchema, VacancyUpdateSchema } from "./schema";

const valid = { title: "Lager", postalCode: "8000", startDate: "2028-02-29", requiredSkillIds: ["a", "a", "b"] };

describe("vacancy input schemas", () => {
  it("turns a calendar day into UTC midnight and drops repeated ids", () => {
    const parsed = VacancyCreateSchema.parse(valid);
    expect(parsed.startDate.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(parsed.requiredSkillIds).toEqual(["a", "b"]);
  });

  it("refuses impossible days, overlaps and empty updates", () => {
    expect(VacancyCreateSchema.safeParse({ ...valid, startDate: "2027-02-29" }).success).toBe(false);
    const overlap = VacancyCreateSchema.safeParse({ ...valid, niceToHaveSkillIds: ["b"] });
    expect(overlap.error?.issues[0].path).toEqual(["niceToHaveSkillIds", 0]);
    expect(VacancyUpdateSchema.safeParse({}).success).toBe(false);
    expect(VacancyUpdateSchema.safeParse({ status: "DRAFT" }).success).toBe(false);
    expect(VacancyUpdateSchema.safeParse({ status: "PAUSED" }).success).toBe(true);
  });
});
