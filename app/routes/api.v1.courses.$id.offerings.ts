// GET  /api/v1/courses/:id/offerings   dated offerings of the course
// POST /api/v1/courses/:id/offerings   add an offering (online, or at a postal code)
import { apiAction, apiLoader, created, ok, param, parseBody } from "~/portals/api/respond.server";
import { OfferingCreateSchema } from "~/modules/courses/schema";
import { createOffering, listOfferings } from "~/modules/courses/service.server";

export const loader = apiLoader(["INSTITUTION"], async (ctx) => ok(await listOfferings(ctx.db, ctx.principal, param(ctx, "id"))));

export const action = apiAction(["INSTITUTION"], {
  POST: async (ctx) => created(await createOffering(ctx.db, ctx.principal, param(ctx, "id"), await parseBody(ctx.request, OfferingCreateSchema))),
});
