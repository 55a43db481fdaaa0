// A facet as a list of links with counts: works without JavaScript, one Tab
// stop per value, and the chosen value says so to screen readers.
import { Link, useLocation } from "@remix-run/react";
import { shownLabel, type BilingualLabel } from "~/modules/taxonomy/label";
import { useLanguage } from "~/lib/use-language";

export interface FacetValue {
  value: string;
  label: string;
  /** "en" when the label is an untranslated concept's English fallback. */
  lang?: "en";
  count: number;
}

/** The current search with `name` set to `value` (single) or toggled (multi), back on page 1. */
export function facetHref(search: string, name: string, value: string, multi: boolean): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  if (multi) {
    const values = params.getAll(name);
    params.delete(name);
    const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
    for (const v of next) params.append(name, v);
  } else if (params.get(name) === value) {
    params.delete(name);
  } else {
    params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}

export function FacetList({ heading, name, values, multi = false }: { heading: string; name: string; values: FacetValue[]; multi?: boolean }) {
  const { search } = useLocation();
  const chosen = new URLSearchParams(search).getAll(name);
  if (values.length === 0) return null;
  return (
    <div className="facet" data-facet={name}>
      <h3 className="h5">{heading}</h3>
      <ul className="nobullet-list">
        {values.map((v) => {
          const selected = chosen.includes(v.value);
          return (
            <li key={v.value}>
              <Link to={facetHref(search, name, v.value, multi)} aria-current={selected ? "true" : undefined} className={selected ? "facet-selected" : undefined}>
                {selected ? <strong lang={v.lang}>✓ {v.label}</strong> : <span lang={v.lang}>{v.label}</span>} <span className="badge badge-small">{v.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The skills facet: several may be chosen, each label in the reader's language where the taxonomy has it. */
export function SkillFacet({ heading, values }: { heading: string; values: (BilingualLabel & { value: string; count: number })[] }) {
  const language = useLanguage();
  return <FacetList heading={heading} name="skill" multi values={values.map((f) => ({ value: f.value, count: f.count, ...shownLabel(f, language) }))} />;
}
