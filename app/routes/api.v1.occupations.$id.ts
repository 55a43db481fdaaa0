// GET /api/v1/occupations/:id   one occupation with its ESCO skills, by our id or by its ESCO concept URI (URL-encoded)
import { apiLoader, ok, param, parseInput } from "~/portals/api/respond.server";
import { getOccupation } from "../../search/queries/taxonomy-lookup.server";
import { ConceptPathSchema } from "~/modules/taxonomy/schema";

export const loader = apiLoader(["COMPANY", "JOBCENTRE", "INSTITUTION"], async (ctx) =>
  ok(await getOccupation(ctx.db, parseInput(ConceptPathSchema, { id: param(ctx, "id") }).id)),
);
