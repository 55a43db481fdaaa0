// GET /api/v1/occupations?q=lagermedarbejder&limit=10   occupations by Danish or English title, ranked as the autocomplete ranks
import { apiLoader, ok, parseInput } from "~/portals/api/respond.server";
import { lookupOccupations } from "../../search/queries/taxonomy-lookup.server";
import { TaxonomyLookupQuerySchema } from "~/modules/taxonomy/schema";

export const loader = apiLoader(["COMPANY", "JOBCENTRE", "INSTITUTION"], async ({ request, db }) => {
  const query = parseInput(TaxonomyLookupQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return ok(await lookupOccupations({ db }, query));
});
