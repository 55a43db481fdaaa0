// GET  /api/v1/vacancies        the company's own vacancies (?status=OPEN|PAUSED|CLOSED|DRAFT)
// POST /api/v1/vacancies        post a new vacancy
import { apiAction, apiLoader, created, ok, parseBody, parseInput } from "~/portals/api/respond.server";
import { VacancyCreateSchema, VacancyListQuerySchema } from "~/modules/vacancies/schema";
import { createVacancy, listVacancies } from "~/modules/vacancies/service.server";

export const loader = apiLoader(["COMPANY"], async ({ request, principal, db }) => {
  const query = parseInput(VacancyListQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await listVacancies(db, principal, query));
});

export const action = apiAction(["COMPANY"], {
  POST: async ({ request, principal, db }) => created(await createVacancy(db, principal, await parseBody(request, VacancyCreateSchema))),
});
