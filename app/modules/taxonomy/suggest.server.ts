// The pickers' suggestions (/soeg/kompetencer, /soeg/stillingsbetegnelser): the
// query string read once here, so both endpoints accept the same parameters.
import { isLanguage, type Language } from "~/i18n/config";
import { getDb } from "~/utils/db.server";
import { getSearchClient } from "../../../search/client";
import { searchTaxonomy, type TaxonomyKind, type TaxonomyOption } from "../../../search/queries/taxonomy";

export async function suggest(kind: TaxonomyKind, params: URLSearchParams, readerLanguage: Language): Promise<TaxonomyOption[]> {
  const lang = params.get("lang");
  const limit = Number(params.get("limit") ?? "10");
  const { options } = await searchTaxonomy(
    { db: getDb(), search: getSearchClient },
    kind,
    params.get("q") ?? "",
    isLanguage(lang) ? lang : readerLanguage,
    Number.isFinite(limit) ? limit : 10,
  );
  return options;
}
