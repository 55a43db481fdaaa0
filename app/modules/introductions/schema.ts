// What the introduction pages need in the browser as well as on the server: the
// company's request form's one schema and the consultant inbox's tabs. Not in a
// *.server module, which the browser bundle replaces by an empty stub.
import { NUL_MESSAGE, entityId, noNul } from "~/lib/fields";
import { z } from "zod";
import type { ContactRequestStatus } from "~/generated/prisma/enums";

export const MAX_MESSAGE_LENGTH = 2000;

export const IntroductionRequestSchema = z.object({
  matchId: entityId(),
  message: z.string().trim().max(MAX_MESSAGE_LENGTH, { error: "company.matches.request.messageTooLong" }).refine(noNul, { error: NUL_MESSAGE }).default(""),
});

export type IntroductionRequestInput = z.output<typeof IntroductionRequestSchema>;

/** The consultant inbox's tabs, in order. */
export const INBOX_STATUSES = ["OPEN", "PROPOSED", "ACCEPTED", "DECLINED", "CLOSED"] as const satisfies readonly ContactRequestStatus[];
