// GET /api/v1/candidates/:id/matches   ranked, explained vacancy matches of one of the jobcentre's candidates
import { apiLoader, ok, param } from "~/portals/api/respond.server";
import { readCandidateMatches } from "~/modules/matching/read.server";

export const loader = apiLoader(["JOBCENTRE"], async (ctx) => ok(await readCandidateMatches(ctx.db, ctx.principal, param(ctx, "id"))));
