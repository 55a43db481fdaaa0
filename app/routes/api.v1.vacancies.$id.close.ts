// POST /api/v1/vacancies/:id/close   close the vacancy (final; repeating it is harmless)
import { apiAction, ok, param } from "~/portals/api/respond.server";
import { closeVacancy } from "~/modules/vacancies/service.server";

export const action = apiAction(["COMPANY"], {
  POST: async (ctx) => ok(await closeVacancy(ctx.db, ctx.principal, param(ctx, "id"))),
});
