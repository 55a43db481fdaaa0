// The institution's overview: key figures, shortcuts and the courses with the
// demand for each (the same figures as the demand page and the weekly e-mail).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { useCourseColumns } from "~/components/institution/course-columns";
import { institutionFigures, listInstitutionCourses } from "~/portals/institution/dashboard.server";
import { courseDemand } from "~/modules/demand/course-demand.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "institution.heading", { name: data?.organisationName ?? "" });

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const db = context.db;
  const [courses, figures, demand] = await Promise.all([
    listInstitutionCourses(db, user.organisation.id),
    institutionFigures(db, user.organisation.id),
    courseDemand(db, [user.organisation.id]),
  ]);
  const openVacancies = new Map(demand.map((d) => [d.courseId, d.openVacancies]));
  return {
    organisationName: user.organisation.name,
    figures: { ...figures, demandedCourses: demand.length },
    courses: courses.map((c) => ({ ...c, openVacancies: openVacancies.get(c.id) ?? 0 })),
  };
}

export default function InstitutionHome() {
  const { organisationName, figures, courses } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const number = (value: number) => formatNumber(value, language);
  const courseColumns = useCourseColumns<(typeof courses)[number]>();
  const tiles = [
    { key: "courses", label: t("institution.home.courses"), value: figures.courses },
    { key: "upcoming", label: t("institution.home.upcomingOfferings"), value: figures.upcomingOfferings },
    { key: "seats", label: t("institution.home.seats"), value: figures.upcomingSeats },
    { key: "demanded", label: t("institution.home.demandedCourses"), value: figures.demandedCourses },
  ];
  return (
    <>
      <h1>{t("institution.heading", { name: organisationName })}</h1>
      <p className="font-lead">{t("institution.home.lead")}</p>

      <h2>{t("institution.home.figures")}</h2>
      <dl className="key-figures" data-testid="institution-figures">
        {tiles.map((tile) => (
          <div key={tile.key} className="key-figure">
            <dt>{tile.label}</dt>
            <dd>{number(tile.value)}</dd>
          </div>
        ))}
      </dl>

      <nav aria-labelledby="institution-shortcuts">
        <h2 id="institution-shortcuts">{t("institution.home.shortcuts")}</h2>
        <ul>
          <li>
            <Link to="/uddannelse/kurser/ny">{t("institution.home.newCourse")}</Link>
          </li>
          <li>
            <Link to="/uddannelse/import">{t("institution.home.import")}</Link>
          </li>
          <li>
            <Link to="/uddannelse/efterspoergsel">{t("institution.home.demand")}</Link>
          </li>
        </ul>
      </nav>

      <h2>{t("institution.coursesHeading")}</h2>
      <DataTable
        rows={courses}
        rowKey={(course) => course.id}
        label={t("institution.coursesHeading")}
        empty={t("institution.empty")}
        pageSize={50}
        columns={[
          ...courseColumns,
          { header: t("institution.columns.upcomingOfferings"), numeric: true, sort: { key: "upcoming", value: (c) => c.upcomingOfferings }, cell: (c) => number(c.upcomingOfferings) },
          { header: t("institution.demand.columns.openVacancies"), numeric: true, sort: { key: "vacancies", value: (c) => c.openVacancies }, cell: (c) => number(c.openVacancies) },
        ]}
      />
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
