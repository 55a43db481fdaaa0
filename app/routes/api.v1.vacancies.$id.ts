// GET   /api/v1/vacancies/:id   one of the company's vacancies
// PATCH /api/v1/vacancies/:id   change fields or status (status CLOSED closes it)
import { apiAction, apiLoader, ok, param, parseBody } from "~/portals/api/respond.server";
import { VacancyUpdateSchema } from "~/modules/vacancies/schema";
import { getVacancy, updateVacancy } from "~/modules/vacancies/service.server";

export const loader = apiLoader(["COMPANY"], async (ctx) => ok(await getVacancy(ctx.db, ctx.principal, param(ctx, "id"))));

export const action = apiAction(["COMPANY"], {
  PATCH: async (ctx) => ok(await updateVacancy(ctx.db, ctx.principal, param(ctx, "id"), await parseBody(ctx.request, VacancyUpdateSchema))),
});
