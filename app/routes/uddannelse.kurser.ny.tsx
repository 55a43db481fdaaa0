// Create a course: the form's schema, then the course use case (which writes the
// outbox row in the same transaction), then on to the course to add offerings.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { CourseForm } from "~/components/institution/CourseForm";
import { courseFormErrors, CourseFormSchema, toCourseInput } from "~/modules/courses/forms";
import { createCourse } from "~/modules/courses/service.server";
import { skillOptions } from "~/modules/taxonomy/skill-options.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { asConformErrors } from "~/lib/form-errors";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institution.courses.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "INSTITUTION");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: CourseFormSchema });
  const chosen = async () => skillOptions(getDb(), formData.getAll("skillIds").map(String), await getLanguage(request));
  if (submission.status !== "success") {
    return data({ result: submission.reply(), skills: await chosen() }, { status: 400 });
  }
  try {
    const course = await createCourse(getDb(), { organisationId: user.organisation.id, userId: user.id }, toCourseInput(submission.value));
    return redirect(`/uddannelse/kurser/${course.id}?created=1`);
  } catch (error) {
    const fieldErrors = courseFormErrors(error);
    if (!fieldErrors) throw error;
    return data({ result: submission.reply({ fieldErrors: asConformErrors(fieldErrors) }), skills: await chosen() }, { status: 400 });
  }
}

export default function NewCoursePage() {
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/uddannelse/kurser" className="back-link">
          {t("institution.courses.back")}
        </Link>
      </p>
      <h1>{t("institution.courses.newTitle")}</h1>
      <div className="row">
        <div className="col-12 col-lg-8">
          <CourseForm lastResult={actionData?.result} skills={actionData?.skills ?? []} />
        </div>
      </div>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
