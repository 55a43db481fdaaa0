// The citizen pages' forms: one schema each, used by the server and the
// browser. Messages are translation keys.
import type { ParseKeys } from "i18next";
import { z } from "zod";

const message = (key: ParseKeys) => key;
const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const LinkRequestSchema = z.object({
  email: z
    .string({ error: message("citizen.request.errors.emailRequired") })
    .trim()
    .max(254, { error: message("citizen.request.errors.emailInvalid") })
    .pipe(z.email({ error: message("citizen.request.errors.emailInvalid") })),
});

/** Every action on /borger/:token, told apart by the submit button's intent. */
export const CitizenActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("withdraw"), consentId: id }),
  z.object({ intent: z.literal("approve"), requestId: id }),
  z.object({ intent: z.literal("decline"), requestId: id }),
  z.object({
    intent: z.literal("erase"),
    confirm: z.literal("on", { error: message("citizen.page.errors.confirmRequired") }),
  }),
]);

export type CitizenAction = z.infer<typeof CitizenActionSchema>;

/** Only the erasure confirmation is a form with a field of its own. */
export const ErasureConfirmSchema = z.object({
  intent: z.literal("erase"),
  confirm: z.literal("on", { error: message("citizen.page.errors.confirmRequired") }),
});
