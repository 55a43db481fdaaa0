// The state of a DataTable lives in the URL (?sort=&dir=&page=), so sorting and
// paging work as plain links without JavaScript and a sorted page can be shared.
// Two tables on one page keep apart by a prefix ("runs" → ?runs-sort=…).

export type SortDirection = "asc" | "desc";
export type SortValue = string | number | null | undefined;

export interface TableParamNames {
  sort: string;
  dir: string;
  page: string;
}

export interface TableState {
  sort: string | null;
  dir: SortDirection;
  page: number;
}

export function tableParamNames(prefix?: string): TableParamNames {
  return prefix ? { sort: `${prefix}-sort`, dir: `${prefix}-dir`, page: `${prefix}-page` } : { sort: "sort", dir: "dir", page: "page" };
}

export function readTableState(params: URLSearchParams, names: TableParamNames): TableState {
  const page = Number.parseInt(params.get(names.page) ?? "", 10);
  return {
    sort: params.get(names.sort),
    dir: params.get(names.dir) === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page > 1 ? page : 1,
  };
}

/** The current query string with some parameters set (a string) or removed (null); "?" when none is left. */
export function hrefWith(search: string, changes: Record<string, string | null>): string {
  const params = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "?";
}

/** Where the first page is page 1 without a parameter, so the plain URL stays the canonical one. */
export function pageHref(search: string, page: number, param = "page"): string {
  return hrefWith(search, { [param]: page <= 1 ? null : String(page) });
}

/**
 * Where a click on a column header leads: the column ascending, or descending
 * when it is already sorted ascending. A new order starts again at page 1.
 */
export function sortHref(search: string, names: TableParamNames, state: TableState, key: string): string {
  const dir: SortDirection = state.sort === key && state.dir === "asc" ? "desc" : "asc";
  return hrefWith(search, { [names.sort]: key, [names.dir]: dir, [names.page]: null });
}

/**
 * A stable sort: equal values keep the loader's order. Empty values go last in
 * both directions (a missing date is not "the earliest"); text compares in the
 * reader's language, with numbers inside text in numeric order.
 */
export function sortRows<Row>(rows: readonly Row[], value: (row: Row) => SortValue, dir: SortDirection, language: string): Row[] {
  const collator = new Intl.Collator(language, { numeric: true, sensitivity: "base" });
  const sign = dir === "asc" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, value: value(row) }))
    .sort((a, b) => {
      const aEmpty = a.value === null || a.value === undefined || a.value === "";
      const bEmpty = b.value === null || b.value === undefined || b.value === "";
      if (aEmpty || bEmpty) return aEmpty === bEmpty ? a.index - b.index : aEmpty ? 1 : -1;
      const order =
        typeof a.value === "number" && typeof b.value === "number" ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return order * sign || a.index - b.index;
    })
    .map((entry) => entry.row);
}

/** One page of rows; a page past the end shows the last one. */
export function pageRows<Row>(rows: readonly Row[], page: number, pageSize: number): { rows: Row[]; page: number; pageCount: number } {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const shown = Math.min(Math.max(page, 1), pageCount);
  return { rows: rows.slice((shown - 1) * pageSize, shown * pageSize), page: shown, pageCount };
}

/** A date's sort value: dates reach the page as ISO strings (or Date objects). */
export function timeOf(value: string | Date | null | undefined): number | null {
  return value ? new Date(value).getTime() : null;
}

/**
 * The page numbers a pager shows: all of up to seven pages; otherwise the first,
 * the last and the neighbourhood of the current one, with gaps between.
 */
export function pageNumbers(page: number, pageCount: number): (number | "gap")[] {
  const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (pageCount <= 7) return range(1, pageCount);
  if (page <= 4) return [...range(1, 5), "gap", pageCount];
  if (page >= pageCount - 3) return [1, "gap", ...range(pageCount - 4, pageCount)];
  return [1, "gap", ...range(page - 1, page + 1), "gap", pageCount];
}
