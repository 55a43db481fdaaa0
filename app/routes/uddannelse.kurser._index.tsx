// The institution's courses with their skills and upcoming offerings.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { useCourseColumns } from "~/components/institution/course-columns";
import { ListPage } from "~/components/ListPage";
import { listInstitutionCourses } from "~/portals/institution/dashboard.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institution.courses.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  return { courses: await listInstitutionCourses(context.db, user.organisation.id) };
}

export default function CoursesPage() {
  const { courses } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const courseColumns = useCourseColumns<(typeof courses)[number]>();
  return (
    <ListPage
      title={t("institution.courses.title")}
      lead={t("institution.courses.lead")}
      actions={
        <>
          <Link to="/uddannelse/kurser/ny" className="button button-primary">
            {t("institution.courses.create")}
          </Link>{" "}
          <Link to="/uddannelse/import" className="button button-secondary">
            {t("institution.home.import")}
          </Link>
        </>
      }
    >
      <DataTable
        rows={courses}
        rowKey={(course) => course.id}
        testId="courses"
        label={t("institution.courses.title")}
        empty={t("institution.courses.empty")}
        pageSize={50}
        columns={[
          ...courseColumns,
          { header: t("institution.courses.columns.skills"), numeric: true, sort: { key: "skills", value: (c) => c.skills }, cell: (c) => formatNumber(c.skills, language) },
          { header: t("institution.courses.columns.upcoming"), numeric: true, sort: { key: "upcoming", value: (c) => c.upcomingOfferings }, cell: (c) => formatNumber(c.upcomingOfferings, language) },
        ]}
      />
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
