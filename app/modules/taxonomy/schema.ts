// Inputs of the taxonomy lookups in the integration API. Strict: an unknown
// query parameter is an error that names it, as in every other list.
import { z } from "zod";
import { noNul, NUL_MESSAGE } from "~/lib/fields";

export const LOOKUP_MAX_LIMIT = 20;

export const TaxonomyLookupQuerySchema = z.strictObject({
  q: z.string().trim().min(1, "Give the text to look up").max(100, "At most 100 characters").refine(noNul, NUL_MESSAGE),
  limit: z.coerce.number().int("Must be a whole number").min(1).max(LOOKUP_MAX_LIMIT).default(10),
});

/** An id of ours, or an ESCO concept URI (http://data.europa.eu/esco/…), as integrators hold them. */
export const conceptReference = () =>
  z
    .string()
    .trim()
    .min(1, "Required")
    .max(200, "Too long for an id or a URI")
    .refine((v) => /^[A-Za-z0-9_-]{1,64}$/.test(v) || isEscoUri(v), "Not an id or an ESCO concept URI");

export function isEscoUri(value: string): boolean {
  return /^https?:\/\/data\.europa\.eu\/esco\/(occupation|skill|isco)\/[A-Za-z0-9._~:/-]+$/.test(value);
}

/** The :id of /api/v1/skills/:id and /api/v1/occupations/:id. */
export const ConceptPathSchema = z.strictObject({ id: conceptReference() });

export type TaxonomyLookupQuery = z.output<typeof TaxonomyLookupQuerySchema>;
