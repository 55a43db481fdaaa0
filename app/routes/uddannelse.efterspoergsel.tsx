// Demand for the institution's courses (open vacancies requiring what each course
// teaches, and upskilling matches running through its offerings), and the skills
// most in demand that no course teaches. Counts only: no people, no vacancies named.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { BarChart } from "~/components/institution/BarChart";
import { shownLabel } from "~/modules/taxonomy/label";
import { ConceptLabel } from "~/components/ConceptLabel";
import { courseDemand, untaughtSkillsInDemand } from "~/modules/demand/course-demand.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { formatNumber } from "~/lib/format";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institution.demand.title");

const UNTAUGHT_SKILLS_SHOWN = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const db = getDb();
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
    <>
      <h1>{t("institution.demand.title")}</h1>
      <p className="font-lead">{t("institution.demand.lead")}</p>

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
        {courses.length > 0 ? (
          <div className="table--responsive-scroll">
            <table className="table" data-testid="course-demand">
              <caption>{t("institution.demand.tableHeading")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("institution.demand.columns.course")}</th>
                  <th scope="col" className="align-text-right">{t("institution.demand.columns.openVacancies")}</th>
                  <th scope="col" className="align-text-right">{t("institution.demand.columns.upskillingVacancies")}</th>
                  <th scope="col" className="align-text-right">{t("institution.demand.columns.candidates")}</th>
                </tr>
              </thead>
              <tbody>
                {courses.map((course) => (
                  <tr key={course.courseId} data-course-id={course.courseId}>
                    <th scope="row">
                      <Link to={`/uddannelse/kurser/${course.courseId}`}>{course.title}</Link>
                    </th>
                    <td className="align-text-right">{number(course.openVacancies)}</td>
                    <td className="align-text-right">{number(course.gapVacancies)}</td>
                    <td className="align-text-right">{number(course.candidates)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
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
            <div className="table--responsive-scroll">
              <table className="table" data-testid="untaught-skills">
                <caption>{t("institution.demand.tableHeading")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("institution.demand.columns.skill")}</th>
                    <th scope="col" className="align-text-right">{t("institution.demand.columns.vacancies")}</th>
                  </tr>
                </thead>
                <tbody>
                  {untaught.map((skill) => (
                    <tr key={skill.skillId}>
                      <th scope="row">
                        <ConceptLabel label={skill.label} lang={skill.lang} />
                      </th>
                      <td className="align-text-right">{number(skill.vacancies)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
