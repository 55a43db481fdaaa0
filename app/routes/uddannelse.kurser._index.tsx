// The institution's courses with their skills and upcoming offerings.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { listInstitutionCourses } from "~/portals/institution/dashboard.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institution.courses.title");

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  return { courses: await listInstitutionCourses(getDb(), user.organisation.id) };
}

export default function CoursesPage() {
  const { courses } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h1>{t("institution.courses.title")}</h1>
      <p className="font-lead">{t("institution.courses.lead")}</p>
      <p>
        <Link to="/uddannelse/kurser/ny" className="button button-primary">
          {t("institution.courses.create")}
        </Link>{" "}
        <Link to="/uddannelse/import" className="button button-secondary">
          {t("institution.home.import")}
        </Link>
      </p>
      {courses.length === 0 ? (
        <p>{t("institution.courses.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table" data-testid="courses">
            <thead>
              <tr>
                <th scope="col">{t("institution.courses.columns.title")}</th>
                <th scope="col">{t("institution.courses.columns.amuCode")}</th>
                <th scope="col" className="align-text-right">{t("institution.courses.columns.skills")}</th>
                <th scope="col" className="align-text-right">{t("institution.courses.columns.upcoming")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <td>
                    <Link to={`/uddannelse/kurser/${course.id}`}>{course.title}</Link>
                  </td>
                  <td>{course.amuCode ?? t("institution.noAmuCode")}</td>
                  <td className="align-text-right">{formatNumber(course.skills, language)}</td>
                  <td className="align-text-right">{formatNumber(course.upcomingOfferings, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
