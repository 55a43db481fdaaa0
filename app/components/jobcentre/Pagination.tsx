// DKFDS pagination for GET lists: links keep every other search parameter.
import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export function pageHref(search: string, page: number): string {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete("page");
  else params.set("page", String(page));
  const query = params.toString();
  return query ? `?${query}` : "?";
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t("consultant.pagination.label")}>
      <ul className="pagination__items">
        {page > 1 ? (
          <li className="pagination-item">
            <Link className="button button-arrow button-previous" to={pageHref(search, page - 1)} rel="prev">
              {t("consultant.pagination.previous")}
            </Link>
          </li>
        ) : null}
        <li className="pagination-item pagination-mobile" aria-current="page">
          {t("consultant.pagination.page", { page, count: pageCount })}
        </li>
        {page < pageCount ? (
          <li className="pagination-item">
            <Link className="button button-arrow button-next" to={pageHref(search, page + 1)} rel="next">
              {t("consultant.pagination.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
