// The forms of a candidate's profile page (jobcenter.kandidater.$id.tsx), one
// handler per intent. A handler answers with a redirect to the section it
// changed, or with the failed submission and the intent it came from, so the
// page shows the errors next to that form only.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { Db } from "~/lib/db.server";
import { getLanguage } from "~/lib/language.server";
import { recordConsent, updateCandidate, withdrawConsent } from "~/modules/candidates/service.server";
import { recordOutcome } from "~/modules/outcomes/service.server";
import { skillOptions, type SkillOption } from "~/modules/taxonomy/skill-options.server";
import { formErrorsOf, resolveExperienceQueries, toUpdateInput } from "./candidate-form.server";
import { notFound, or404 } from "./edge.server";
import { CandidateFormSchema, ConsentFormSchema, CourseCompletedSchema, WithdrawConsentSchema } from "./schema";

export interface CandidateActionArgs {
  db: Db;
  request: Request;
  formData: FormData;
  candidateId: string;
  actor: { organisationId: string; userId: string | null };
}

function rejected(intent: string, result: SubmissionResult<string[]> | null, options: SkillOption[] = []) {
  return data({ intent, result, skillOptions: options }, { status: 400 });
}

type CandidateActionResult = Response | ReturnType<typeof rejected>;
type CandidateAction = (args: CandidateActionArgs) => Promise<CandidateActionResult>;

/** Why the citizen's audit log says the consultant changed their data. */
const EDIT_REASON = "consultant profile edit";

const updateDetails: CandidateAction = async ({ db, request, formData, candidateId, actor }) => {
  const submission = parseWithZod(formData, { schema: CandidateFormSchema });
  // The skills picked are shown again with their labels when the form comes back.
  const options = async () => skillOptions(db, formData.getAll("skillIds").map(String), await getLanguage(request));
  if (submission.status !== "success") return rejected("candidate", submission.reply(), await options());
  const resolved = await resolveExperienceQueries(db, submission.value, await getLanguage(request));
  if (Object.keys(resolved.errors).length) return rejected("candidate", submission.reply({ fieldErrors: resolved.errors }), await options());
  try {
    await or404(() => updateCandidate(db, { ...actor, reason: EDIT_REASON }, candidateId, toUpdateInput(resolved.value)));
  } catch (error) {
    const fieldErrors = formErrorsOf(error);
    if (!fieldErrors) throw error;
    return rejected("candidate", submission.reply({ fieldErrors }), await options());
  }
  return redirect(`/jobcenter/kandidater/${candidateId}?saved=updated`);
};

const recordConsentFromForm: CandidateAction = async ({ db, formData, candidateId, actor }) => {
  const submission = parseWithZod(formData, { schema: ConsentFormSchema });
  if (submission.status !== "success") return rejected("recordConsent", submission.reply());
  const { purpose, channel, givenAt, companyId } = submission.value;
  try {
    await or404(() =>
      recordConsent(db, { ...actor, reason: EDIT_REASON }, candidateId, { purpose, channel, givenAt, companyId: purpose === "SHARE_WITH_COMPANY" ? companyId : undefined }),
    );
  } catch (error) {
    if (formErrorsOf(error)) return rejected("recordConsent", submission.reply({ fieldErrors: { companyId: ["consultant.consents.errors.company"] } }));
    throw error;
  }
  return redirect(`/jobcenter/kandidater/${candidateId}?saved=consent#consents`);
};

const withdrawConsentFromForm: CandidateAction = async ({ db, formData, candidateId, actor }) => {
  const submission = parseWithZod(formData, { schema: WithdrawConsentSchema });
  // Only a tampered form names no consent: answered like an unknown one.
  if (submission.status !== "success") throw notFound();
  await or404(() => withdrawConsent(db, { ...actor, reason: EDIT_REASON }, candidateId, submission.value.consentId));
  return redirect(`/jobcenter/kandidater/${candidateId}?saved=withdrawn#consents`);
};

const markCourseCompleted: CandidateAction = async ({ db, formData, candidateId, actor }) => {
  const submission = parseWithZod(formData, { schema: CourseCompletedSchema });
  if (submission.status !== "success") return rejected("courseCompleted", submission.reply());
  try {
    await or404(() => recordOutcome(db, actor, { kind: "COURSE_COMPLETED", candidateId, offeringId: submission.value.offeringId, occurredOn: submission.value.occurredOn }));
  } catch (error) {
    if (formErrorsOf(error)) return rejected("courseCompleted", submission.reply({ formErrors: ["consultant.outcomes.errors.unknownOffering"] }));
    throw error;
  }
  return redirect(`/jobcenter/kandidater/${candidateId}?saved=course#courses`);
};

/** The form's hidden "intent" field → what it does. */
const CANDIDATE_ACTIONS = new Map<string, CandidateAction>([
  ["candidate", updateDetails],
  ["recordConsent", recordConsentFromForm],
  ["withdrawConsent", withdrawConsentFromForm],
  ["courseCompleted", markCourseCompleted],
]);

export async function handleCandidateAction(args: CandidateActionArgs): Promise<CandidateActionResult> {
  const action = CANDIDATE_ACTIONS.get(String(args.formData.get("intent") ?? ""));
  return action ? action(args) : rejected("unknown", null);
}
