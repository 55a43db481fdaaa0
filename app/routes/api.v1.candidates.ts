// GET  /api/v1/candidates   the jobcentre's candidates, pseudonymous summaries only
// POST /api/v1/candidates   register a candidate (a pseudonym is generated)
import { apiAction, apiLoader, created, ok, parseBody } from "~/portals/api/respond.server";
import { CandidateCreateSchema } from "~/modules/candidates/schema";
import { createCandidate, listCandidates } from "~/modules/candidates/service.server";

export const loader = apiLoader(["JOBCENTRE"], async ({ principal, db }) => ok(await listCandidates(db, principal)));

export const action = apiAction(["JOBCENTRE"], {
  POST: async ({ request, principal, db }) => created(await createCandidate(db, principal, await parseBody(request, CandidateCreateSchema))),
});
