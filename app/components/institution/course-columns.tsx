// The columns every list of an institution's courses starts with: the course,
// linked to its page, and its AMU number.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Column } from "~/components/data";

interface CourseRow {
  id: string;
  title: string;
  amuCode: string | null;
}

export function useCourseColumns<Row extends CourseRow>(): Column<Row>[] {
  const { t } = useTranslation();
  return [
    { header: t("institution.columns.title"), sort: { key: "title", value: (c) => c.title }, cell: (c) => <Link to={`/uddannelse/kurser/${c.id}`}>{c.title}</Link> },
    { header: t("institution.columns.amuCode"), sort: { key: "amu", value: (c) => c.amuCode }, cell: (c) => c.amuCode ?? t("institution.noAmuCode") },
  ];
}
