// The company's request for an introduction: the form's one schema, used by the
// server and by the match page in the browser (so not in a *.server module,
// which the browser bundle replaces by an empty stub).
import { z } from "zod";

export const MAX_MESSAGE_LENGTH = 2000;

export const IntroductionRequestSchema = z.object({
  matchId: z.string().min(1).max(64),
  message: z.string().trim().max(MAX_MESSAGE_LENGTH, { error: "company.matches.request.messageTooLong" }).default(""),
});

export type IntroductionRequestInput = z.output<typeof IntroductionRequestSchema>;
