// The pickers' suggestions (/soeg/kompetencer, /soeg/stillingsbetegnelser): the
// query string read once here, so both endpoints accept the same parameters.
import { isLanguage, type Language } from "~/i18n/config";
import type { Db } from "~/lib/db.server";
import { getSearchClient } from "../client";
import { searchTaxonomy, type TaxonomyKind, type TaxonomyOption } from "./taxonomy";

export async function suggest(db: Db, kind: TaxonomyKind, params: URLSearchParams, readerLanguage: Language): Promise<TaxonomyOption[]> {
  const lang = params.get("lang");
  const limit = Number(params.get("limit") ?? "10");
  const { options } = await searchTaxonomy(
    { db, search: getSearchClient },
    kind,
    params.get("q") ?? "",
    isLanguage(lang) ? lang : readerLanguage,
    Number.isFinite(limit) ? limit : 10,
  );
  return options;
}

/** The best suggestion for what someone typed without JavaScript, as the occupation picker would offer it first. */
export async function bestOccupation(db: Db, query: string, language: Language): Promise<TaxonomyOption | null> {
  const { options } = await searchTaxonomy({ db, search: getSearchClient }, "occupations", query, language, 1);
  return options[0] ?? null;
}
