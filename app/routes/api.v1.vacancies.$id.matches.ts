// GET /api/v1/vacancies/:id/matches   ranked, explained, pseudonymous candidate matches
// (the company that owns the vacancy, or the jobcentre that serves the company)
import { apiLoader, ok, param } from "~/portals/api/respond.server";
import { readVacancyMatches } from "~/modules/matching/read.server";

export const loader = apiLoader(["COMPANY", "JOBCENTRE"], async (ctx) => ok(await readVacancyMatches(ctx.db, ctx.principal, param(ctx, "id"))));
