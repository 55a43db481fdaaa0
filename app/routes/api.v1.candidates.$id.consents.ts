// GET  /api/v1/candidates/:id/consents   every consent, active and withdrawn
// POST /api/v1/candidates/:id/consents   record a consent (201; 200 with the existing one if already active)
import { apiAction, apiLoader, created, ok, param, parseBody } from "~/portals/api/respond.server";
import { ConsentCreateSchema } from "~/modules/candidates/schema";
import { listConsents, recordConsent } from "~/modules/candidates/service.server";

export const loader = apiLoader(["JOBCENTRE"], async (ctx) => ok(await listConsents(ctx.db, ctx.principal, param(ctx, "id"))));

export const action = apiAction(["JOBCENTRE"], {
  POST: async (ctx) => {
    const result = await recordConsent(ctx.db, ctx.principal, param(ctx, "id"), await parseBody(ctx.request, ConsentCreateSchema));
    return result.created ? created(result.consent) : ok(result.consent);
  },
});
