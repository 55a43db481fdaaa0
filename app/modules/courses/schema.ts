// Inputs of the course use cases (institutions). Strict objects.
import { z } from "zod";
import { idList, isoDate, optionalText, postalCode, requiredText } from "~/lib/fields";

export const CourseCreateSchema = z.strictObject({
  title: requiredText(200),
  description: optionalText(10_000).optional(),
  amuCode: z.string().regex(/^\d{4,6}$/, "Expected an AMU course number of 4–6 digits").nullable().optional(),
  durationDays: z.number().int().min(1).max(365).nullable().optional(),
  skillIds: idList().refine((ids) => ids.length > 0, "At least one skill the course teaches"),
});

export const OfferingCreateSchema = z
  .strictObject({
    startDate: isoDate(),
    endDate: isoDate(),
    online: z.boolean().optional(),
    postalCode: postalCode().optional(),
    seats: z.number().int("Whole seats").min(1, "At least 1 seat").max(10_000),
  })
  .superRefine((value, ctx) => {
    if (value.endDate < value.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "Must be on or after startDate" });
    if (!value.online && !value.postalCode) ctx.addIssue({ code: "custom", path: ["postalCode"], message: "Required unless the offering is online" });
  });

export type CourseCreateInput = z.output<typeof CourseCreateSchema>;
export type OfferingCreateInput = z.output<typeof OfferingCreateSchema>;
