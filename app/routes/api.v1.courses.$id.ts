// GET /api/v1/courses/:id   one of the institution's courses
import { apiLoader, ok, param } from "~/portals/api/respond.server";
import { getCourse } from "~/modules/courses/service.server";

export const loader = apiLoader(["INSTITUTION"], async (ctx) => ok(await getCourse(ctx.db, ctx.principal, param(ctx, "id"))));
