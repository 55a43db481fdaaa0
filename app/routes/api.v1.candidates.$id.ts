// GET   /api/v1/candidates/:id   the full profile, personal data included (audited)
// PATCH /api/v1/candidates/:id   change fields or status (audited)
import { apiAction, apiLoader, ok, param, parseBody } from "~/portals/api/respond.server";
import { CandidateUpdateSchema } from "~/modules/candidates/schema";
import { getCandidate, updateCandidate } from "~/modules/candidates/service.server";

export const loader = apiLoader(["JOBCENTRE"], async (ctx) => ok(await getCandidate(ctx.db, ctx.principal, param(ctx, "id"))));

export const action = apiAction(["JOBCENTRE"], {
  PATCH: async (ctx) => ok(await updateCandidate(ctx.db, ctx.principal, param(ctx, "id"), await parseBody(ctx.request, CandidateUpdateSchema))),
});
