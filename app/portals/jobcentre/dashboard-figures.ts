// The rows of the jobcentre's home page figures. Apart from dashboard.server.ts
// because the page renders them in the browser too, where a *.server module is
// an empty stub.
import type { OutcomeKind, PipelineStatus } from "~/generated/prisma/enums";

export const PIPELINE_STATUSES = ["SUGGESTED", "SHORTLISTED", "CONTACTED", "INTERVIEW", "HIRED", "REJECTED"] as const satisfies readonly PipelineStatus[];
export const OUTCOME_KINDS = ["HIRED", "ENROLLED", "COURSE_COMPLETED"] as const satisfies readonly OutcomeKind[];
