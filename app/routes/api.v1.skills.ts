// GET /api/v1/skills?q=gaffeltruck&limit=10   skills by Danish or English label, ranked as the autocomplete ranks
import { apiLoader, ok, parseInput } from "~/portals/api/respond.server";
import { lookupSkills } from "../../search/queries/taxonomy-lookup.server";
import { TaxonomyLookupQuerySchema } from "~/modules/taxonomy/schema";

export const loader = apiLoader(["COMPANY", "JOBCENTRE", "INSTITUTION"], async ({ request, db }) => {
  const query = parseInput(TaxonomyLookupQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await lookupSkills({ db }, query));
});
