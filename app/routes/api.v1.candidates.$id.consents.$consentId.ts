// DELETE /api/v1/candidates/:id/consents/:consentId   withdraw a consent (the record stays, with withdrawnAt)
import { apiAction, ok, param } from "~/portals/api/respond.server";
import { withdrawConsent } from "~/modules/candidates/service.server";

export const action = apiAction(["JOBCENTRE"], {
  DELETE: async (ctx) => ok(await withdrawConsent(ctx.db, ctx.principal, param(ctx, "id"), param(ctx, "consentId"))),
});
