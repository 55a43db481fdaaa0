// What the vacancy wizard needs besides the vacancy service: the skills an
// occupation proposes (ESCO essential → required, optional → nice-to-have) and
// the labels of chosen skills, all in the reader's language.
import type { Language } from "~/i18n/config";
import type { Db } from "~/lib/db.server";
import { getSearchClient } from "../../../search/client";
import { shownLabel } from "~/modules/taxonomy/label";
import { searchTaxonomy, taxonomyLabels, type TaxonomyOption } from "../../../search/queries/taxonomy";
import { findCompanyPostalCode, findOccupationWithSkills } from "./repository.server";

export interface OccupationProposal {
  occupation: TaxonomyOption;
  required: TaxonomyOption[];
  niceToHave: TaxonomyOption[];
}

export async function occupationProposal(db: Db, occupationId: string, language: Language): Promise<OccupationProposal | null> {
  const occupation = await findOccupationWithSkills(db, occupationId);
  if (!occupation) return null;
  const sorted = (relation: "ESSENTIAL" | "OPTIONAL") =>
    occupation.skills
      .filter((s) => s.relation === relation)
      .map((s) => ({ id: s.skill.id, ...shownLabel(s.skill, language) }))
      .sort((a, b) => a.label.localeCompare(b.label, language));
  return { occupation: { id: occupation.id, ...shownLabel(occupation, language) }, required: sorted("ESSENTIAL"), niceToHave: sorted("OPTIONAL") };
}

export function skillLabels(db: Db, ids: readonly string[], language: Language): Promise<TaxonomyOption[]> {
  return taxonomyLabels(db, "skills", ids, language);
}

export async function occupationLabel(db: Db, id: string | null | undefined, language: Language): Promise<TaxonomyOption | null> {
  if (!id) return null;
  return (await taxonomyLabels(db, "occupations", [id], language))[0] ?? null;
}

/** Where the company itself is: the place of work a new vacancy starts from. */
export function companyPostalCode(db: Db, organisationId: string): Promise<string | null> {
  return findCompanyPostalCode(db, organisationId);
}

/** The wizard's first step without JavaScript: the occupations that fit the typed words. */
export async function searchOccupations(db: Db, query: string, language: Language): Promise<TaxonomyOption[]> {
  return (await searchTaxonomy({ db, search: getSearchClient }, "occupations", query, language, 10)).options;
}

const HEALTH_TIMEOUT_MS = 800;

/** Whether Meilisearch answers (within a moment); pages built on stored data show a note when not. */
export async function searchAnswers(): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), HEALTH_TIMEOUT_MS);
  });
  const check = getSearchClient()
    .then((client) => client.isHealthy())
    .catch(() => false);
  try {
    return await Promise.race([check, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
