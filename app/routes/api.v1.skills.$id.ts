// GET /api/v1/skills/:id   one skill, by our id or by its ESCO concept URI (URL-encoded)
import { apiLoader, ok, param, parseInput } from "~/portals/api/respond.server";
import { getSkill } from "../../search/queries/taxonomy-lookup.server";
import { ConceptPathSchema } from "~/modules/taxonomy/schema";

export const loader = apiLoader(["COMPANY", "JOBCENTRE", "INSTITUTION"], async (ctx) =>
  ok(await getSkill(ctx.db, parseInput(ConceptPathSchema, { id: param(ctx, "id") }).id)),
);
