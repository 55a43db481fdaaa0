import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listInstitutionCourses } from "~/modules/dashboard/institution.server";
import { requireRole } from "~/utils/auth.server";
import { getDb } from "~/utils/db.server";
import { formatNumber } from "~/utils/format";
import { pageTitle } from "~/utils/meta";
import { useLanguage } from "~/utils/use-language";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  pageTitle(matches, "institution.heading", { name: data?.organisationName ?? "" });

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const courses = await listInstitutionCourses(getDb(), user.organisation.id);
  return { organisationName: user.organisation.name, courses };
}

export default function InstitutionHome() {
  const { organisationName, courses } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <h1>{t("institution.heading", { name: organisationName })}</h1>
      <h2>{t("institution.coursesHeading")}</h2>
      {courses.length === 0 ? (
        <p>{t("institution.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("institution.columns.title")}</th>
                <th scope="col">{t("institution.columns.amuCode")}</th>
                <th scope="col" className="align-text-right">{t("institution.columns.upcomingOfferings")}</th>
              </tr>
            </thead>
            <tbody>
              {courses.map((course) => (
                <tr key={course.id}>
                  <td>{course.title}</td>
                  <td>{course.amuCode ?? t("institution.noAmuCode")}</td>
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
