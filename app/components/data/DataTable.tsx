// A DKFDS table over the rows a loader returned: column definitions instead of
// hand-written <table> markup, number columns right-aligned, an empty state, and
// optionally sorting and paging. Both are links that change the URL
// (table-state.ts), so they work without JavaScript; the rows are sorted and cut
// here, the loader stays as it is.
import { Link, useLocation } from "@remix-run/react";
import type { ReactNode, TdHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/lib/use-language";
import { Pagination } from "./Pagination";
import { pageRows, readTableState, sortHref, sortRows, tableParamNames, type SortValue, type TableParamNames, type TableState } from "./table-state";

type DataAttributes = { [name: `data-${string}`]: string | number | boolean | undefined };

export interface Column<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Right-aligned, header included (DKFDS `align-text-right`). */
  numeric?: boolean;
  /** The cell names its row: a <th scope="row">. */
  rowHeader?: boolean;
  /** Makes the column sortable: `key` is the value of ?sort=, `value` what rows are compared by (dates as timestamps). */
  sort?: { key: string; value: (row: Row) => SortValue };
  /** Extra attributes for every cell of the column, e.g. data-* hooks for tests. */
  cellProps?: DataAttributes;
}

export interface DataTableProps<Row> {
  rows: readonly Row[];
  columns: readonly Column<Row>[];
  rowKey: (row: Row) => string;
  /** A visible caption; give `label` instead where a heading already names the table. */
  caption?: ReactNode;
  captionHidden?: boolean;
  /** The table's accessible name when it has no caption. */
  label?: string;
  variant?: "compact" | "zebra" | "borderless";
  testId?: string;
  rowProps?: (row: Row) => DataAttributes;
  /** Shown instead of the table when there are no rows; null shows nothing. */
  empty?: ReactNode;
  /** Rows per page; without it every row is shown. */
  pageSize?: number;
  /** Tells the URL parameters of two sortable or paged tables on one page apart. */
  paramPrefix?: string;
  /** Leave out the header row (a two-column list of labels and values). */
  showHeader?: boolean;
}

export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  caption,
  captionHidden = false,
  label,
  variant,
  testId,
  rowProps,
  empty,
  pageSize,
  paramPrefix,
  showHeader = true,
}: DataTableProps<Row>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { search } = useLocation();
  const names = tableParamNames(paramPrefix);
  const state = readTableState(new URLSearchParams(search), names);

  if (rows.length === 0) return empty === null ? null : <p>{empty ?? t("table.empty")}</p>;

  const sortBy = columns.find((column) => column.sort && column.sort.key === state.sort)?.sort;
  const sorted = sortBy ? sortRows(rows, sortBy.value, state.dir, language) : rows;
  const page = pageSize ? pageRows(sorted, state.page, pageSize) : { rows: sorted, page: 1, pageCount: 1 };

  return (
    <>
      <div className="table--responsive-scroll">
        <table className={variant ? `table table--${variant}` : "table"} data-testid={testId} aria-label={caption ? undefined : label}>
          {caption ? <caption className={captionHidden ? "sr-only" : undefined}>{caption}</caption> : null}
          {showHeader ? (
            <thead>
              <tr>
                {columns.map((column, index) => (
                  <HeaderCell key={column.sort?.key ?? index} column={column} search={search} names={names} state={state} />
                ))}
              </tr>
            </thead>
          ) : null}
          <tbody>
            {page.rows.map((row) => (
              <tr key={rowKey(row)} {...rowProps?.(row)}>
                {columns.map((column, index) => {
                  const props: TdHTMLAttributes<HTMLTableCellElement> & DataAttributes = {
                    ...column.cellProps,
                    className: column.numeric ? "align-text-right" : undefined,
                  };
                  return column.rowHeader ? (
                    <th key={column.sort?.key ?? index} scope="row" {...props}>
                      {column.cell(row)}
                    </th>
                  ) : (
                    <td key={column.sort?.key ?? index} {...props}>
                      {column.cell(row)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageSize ? <Pagination page={page.page} pageCount={page.pageCount} param={names.page} /> : null}
    </>
  );
}

function HeaderCell<Row>({ column, search, names, state }: { column: Column<Row>; search: string; names: TableParamNames; state: TableState }) {
  const { t } = useTranslation();
  const className = column.numeric ? "align-text-right" : undefined;
  if (!column.sort) {
    return (
      <th scope="col" className={className}>
        {column.header}
      </th>
    );
  }
  const sorted = state.sort === column.sort.key ? state.dir : null;
  // The link says what it does next: ascending first, descending once sorted ascending.
  const next = sorted === "asc" ? t("table.sortDescending") : t("table.sortAscending");
  return (
    <th scope="col" className={className} aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}>
      <Link to={sortHref(search, names, state, column.sort.key)} className="table-sort" preventScrollReset>
        {column.header}
        <span className="sr-only">, {next}</span>
        <span className={`icon table-sort-icon icon-sort-table-${sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none"}`} aria-hidden="true" />
      </Link>
    </th>
  );
}
