// Demand for the institution's courses (open vacancies requiring what each course
// teaches, and upskilling matches running through its offerings), and the skills
// most in demand that no course teaches. Counts only: no people, no vacancies named.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { ListPage } from "~/components/ListPage";
import { BarChart } from "~/components/institution/BarChart";
import { shownLabel } from "~/modules/taxonomy/label";
import { ConceptLabel } from "~/components/ConceptLabel";
import { courseDemand, untaughtSkillsInDemand } from "~/modules/demand/course-demand.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatNumber } from "~/lib/format";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institution.demand.title");

const UNTAUGHT_SKILLS_SHOWN = 10;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const db = context.db;
  const language = await getLanguage(request);
  const [courses, untaught] = await Promise.all([
    courseDemand(db, [user.organisation.id], { includeIdle: true }),
    untaughtSkillsInDemand(db, UNTAUGHT_SKILLS_SHOWN),
  ]);
  return {
    courses,
    // Most wanted first; equal counts in the reader's alphabetical order (the query sorts by the English label).
    untaught: untaught
      .map((s) => ({ skillId: s.skillId, ...shownLabel(s, language), vacancies: s.vacancies }))
      .sort((a, b) => b.vacancies - a.vacancies || a.label.localeCompare(b.label, language)),
  };
}

export default function DemandPage() {
  const { courses, untaught } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const number = (value: number) => formatNumber(value, language);
  const describe = (bar: { label: string; value: number }) => t("institution.demand.barLabel", { label: bar.label, value: number(bar.value) });
  const inDemand = courses.filter((c) => c.openVacancies > 0 || c.gapVacancies > 0);

  return (
    <ListPage title={t("institution.demand.title")} lead={t("institution.demand.lead")}>
      <section aria-labelledby="per-course">
        <h2 id="per-course">{t("institution.demand.perCourseHeading")}</h2>
        <p>{t("institution.demand.perCourseLead")}</p>
        {inDemand.length === 0 ? (
          <p>{t("institution.demand.empty")}</p>
        ) : (
          <BarChart
            label={t("institution.demand.chartLabel")}
            bars={inDemand.map((c) => ({ key: c.courseId, label: c.title, value: c.openVacancies }))}
            describe={describe}
          />
        )}
        <DataTable
          rows={courses}
          rowKey={(course) => course.courseId}
          rowProps={(course) => ({ "data-course-id": course.courseId })}
          caption={t("institution.demand.tableHeading")}
          testId="course-demand"
          empty={null}
          columns={[
            {
              header: t("institution.demand.columns.course"),
              rowHeader: true,
              sort: { key: "title", value: (course) => course.title },
              cell: (course) => <Link to={`/uddannelse/kurser/${course.courseId}`}>{course.title}</Link>,
            },
            { header: t("institution.demand.columns.openVacancies"), numeric: true, sort: { key: "open", value: (c) => c.openVacancies }, cell: (c) => number(c.openVacancies) },
            { header: t("institution.demand.columns.upskillingVacancies"), numeric: true, sort: { key: "upskilling", value: (c) => c.gapVacancies }, cell: (c) => number(c.gapVacancies) },
            { header: t("institution.demand.columns.candidates"), numeric: true, sort: { key: "candidates", value: (c) => c.candidates }, cell: (c) => number(c.candidates) },
          ]}
        />
      </section>

      <section aria-labelledby="untaught">
        <h2 id="untaught">{t("institution.demand.gapsHeading")}</h2>
        <p>{t("institution.demand.gapsLead")}</p>
        {untaught.length === 0 ? (
          <p>{t("institution.demand.gapsEmpty")}</p>
        ) : (
          <>
            <BarChart
              label={t("institution.demand.gapsChartLabel")}
              bars={untaught.map((s) => ({ key: s.skillId, label: s.label, lang: s.lang, value: s.vacancies }))}
              describe={describe}
            />
            <DataTable
              rows={untaught}
              rowKey={(skill) => skill.skillId}
              caption={t("institution.demand.tableHeading")}
              testId="untaught-skills"
              columns={[
                { header: t("institution.demand.columns.skill"), rowHeader: true, cell: (skill) => <ConceptLabel label={skill.label} lang={skill.lang} /> },
                { header: t("institution.demand.columns.vacancies"), numeric: true, cell: (skill) => number(skill.vacancies) },
              ]}
            />
          </>
        )}
      </section>
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
