import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsFromZod } from "./validation";

describe("fieldErrorsFromZod", () => {
  const schema = z.strictObject({ title: z.string().max(3), items: z.array(z.strictObject({ n: z.number() })) });

  it("names nested paths and each unknown field, and keeps the first message per field", () => {
    const result = schema.safeParse({ title: "toolong", items: [{ n: 1 }, { n: "x", extra: 1 }], salary: 5 });
    expect(result.success).toBe(false);
    const fields = fieldErrorsFromZod(result.error!);
    expect(Object.keys(fields).sort()).toEqual(["items.1.extra", "items.1.n", "salary", "title"]);
    expect(fields.salary).toBe("Unknown field");
  });

  it("reports a wrong top-level type against the body", () => {
    const result = schema.safeParse([1]);
    expect(fieldErrorsFromZod(result.error!)).toHaveProperty("body");
  });
});
