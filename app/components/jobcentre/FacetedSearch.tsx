// The consultant's searchable lists (candidates, vacancies): a search box that
// keeps the chosen facets, and the page below it with the facets on the left and
// the count, the results and the (server-side) pages on the right. The results
// are one page of the search, in its order, so their table does not sort.
import { Form, Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { Pagination } from "~/components/data";

export function SearchBox({
  id,
  label,
  submitLabel,
  defaultValue,
  keep,
  className,
}: {
  id: string;
  label: string;
  submitLabel: string;
  defaultValue: string;
  /** The other search parameters, sent along so that a new text keeps the chosen facets. */
  keep: Record<string, string | readonly string[] | null | undefined>;
  className?: string;
}) {
  const hidden = Object.entries(keep).flatMap(([name, value]) => (typeof value === "string" ? [value] : (value ?? [])).map((v) => ({ name, value: v })));
  return (
    <Form method="get" role="search" className={className}>
      {hidden.map((entry) => (
        <input key={`${entry.name}=${entry.value}`} type="hidden" name={entry.name} value={entry.value} />
      ))}
      <div className="form-group">
        <label className="form-label" htmlFor={id}>
          {label}
        </label>
        <div className="search">
          <input className="form-input input-char-27" type="search" id={id} name="q" defaultValue={defaultValue} maxLength={100} />
          <button type="submit" className="button button-search">
            {submitLabel}
          </button>
        </div>
      </div>
    </Form>
  );
}

export function FacetedResults({
  id,
  filtersHeading,
  filters,
  clear,
  count,
  countTestId,
  page,
  pageCount,
  children,
}: {
  id: string;
  filtersHeading: string;
  filters: ReactNode;
  clear: { to: string; label: string };
  count: string;
  countTestId: string;
  page: number;
  pageCount: number;
  children: ReactNode;
}) {
  return (
    <div className="row">
      <aside className="col-12 col-lg-3" aria-labelledby={id}>
        <h2 className="h4" id={id}>
          {filtersHeading}
        </h2>
        {filters}
        <p>
          <Link to={clear.to}>{clear.label}</Link>
        </p>
      </aside>
      <div className="col-12 col-lg-9">
        <p role="status" data-testid={countTestId}>
          {count}
        </p>
        {children}
        <Pagination page={page} pageCount={pageCount} />
      </div>
    </div>
  );
}
