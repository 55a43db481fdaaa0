// The forms of a vacancy's pipeline page (jobcenter.stillinger.$id.tsx), one
// handler per intent. A handler answers with a redirect to the match it
// changed, or with an error (a translation key or message) for that match's card.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { Db } from "~/lib/db.server";
import { DomainError } from "~/lib/errors";
import { reserveSeat } from "~/modules/outcomes/service.server";
import { moveMatch } from "~/modules/pipeline/service.server";
import { or404 } from "./edge.server";
import { MoveMatchSchema, ReserveSeatSchema } from "./schema";

export interface PipelineActionArgs {
  db: Db;
  formData: FormData;
  vacancyId: string;
  actor: { organisationId: string; userId: string | null };
}

function failed(matchId: string, error: string, status = 400) {
  return data({ matchId, error }, { status });
}

type PipelineActionResult = Response | ReturnType<typeof failed>;
type PipelineAction = (args: PipelineActionArgs) => Promise<PipelineActionResult>;

const move: PipelineAction = async ({ db, formData, vacancyId, actor }) => {
  const submission = parseWithZod(formData, { schema: MoveMatchSchema });
  if (submission.status !== "success") return failed(String(formData.get("matchId") ?? ""), "consultant.pipeline.errors.status");
  const moved = await or404(() => moveMatch(db, actor, submission.value.matchId, submission.value.status, submission.value.note));
  // The match must belong to this page's vacancy; another one is as unknown as any other id.
  if (moved.vacancyId !== vacancyId) throw new Response("Not Found", { status: 404 });
  const flag = moved.changed ? "moved" : "unchanged";
  return redirect(`/jobcenter/stillinger/${vacancyId}?${flag}=${submission.value.status}#match-${submission.value.matchId}`);
};

const reserve: PipelineAction = async ({ db, formData, vacancyId, actor }) => {
  const submission = parseWithZod(formData, { schema: ReserveSeatSchema });
  if (submission.status !== "success") return failed(String(formData.get("matchId") ?? ""), "consultant.reservation.errors.notOffered");
  try {
    await or404(() => reserveSeat(db, actor, submission.value.matchId, submission.value.offeringId));
  } catch (error) {
    if (error instanceof DomainError && error.status < 500) return failed(submission.value.matchId, error.fields?.offeringId ?? error.message, error.status);
    throw error;
  }
  return redirect(`/jobcenter/stillinger/${vacancyId}?reserved=1#match-${submission.value.matchId}`);
};

/** The form's hidden "intent" field → what it does. */
const PIPELINE_ACTIONS = new Map<string, PipelineAction>([
  ["move", move],
  ["reserve", reserve],
]);

export async function handlePipelineAction(args: PipelineActionArgs): Promise<PipelineActionResult> {
  const action = PIPELINE_ACTIONS.get(String(args.formData.get("intent") ?? ""));
  return action ? action(args) : failed("", "consultant.pipeline.errors.status");
}
