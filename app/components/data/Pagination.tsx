// DKFDS pagination as links: every other search parameter is kept, so a filter,
// a sort order or another table's page survives turning the page. DKFDS shows
// the page numbers on wide screens and "Side 2 af 5" on narrow ones; previous
// and next stand outside both, so that phones can turn the page too.
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { pageHref, pageNumbers } from "./table-state";

export function Pagination({ page, pageCount, param = "page", label }: { page: number; pageCount: number; param?: string; label?: string }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={label ?? t("table.pagination.label")}>
      {page > 1 ? (
        <Link className="button button-arrow button-previous" to={pageHref(search, page - 1, param)} rel="prev">
          {t("table.pagination.previous")}
        </Link>
      ) : null}
      <span className="pagination-mobile">{t("table.pagination.page", { page, count: pageCount })}</span>
      <ul className="pagination__items">
        {pageNumbers(page, pageCount).map((n, index) =>
          n === "gap" ? (
            <li key={`gap-${index}`} className="pagination-item pagination-overflow" aria-hidden="true">
              <span>…</span>
            </li>
          ) : (
            <li key={n} className="pagination-item pagination-number">
              <Link
                to={pageHref(search, n, param)}
                className={n === page ? "button current-page" : "button button-secondary"}
                aria-current={n === page ? "page" : undefined}
                aria-label={t("table.pagination.pageNumber", { page: n })}
              >
                {n}
              </Link>
            </li>
          ),
        )}
      </ul>
      {page < pageCount ? (
        <Link className="button button-arrow button-next" to={pageHref(search, page + 1, param)} rel="next">
          {t("table.pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
