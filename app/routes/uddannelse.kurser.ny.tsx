// Create a course: the form's schema, then the course use case (which writes the
// outbox row in the same transaction), then on to the course to add offerings.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CourseForm } from "~/components/institution/CourseForm";
import { BackLink } from "~/components/layout/BackLink";
import { FormColumn } from "~/components/layout/FormColumn";
import { courseFormErrors, CourseFormSchema, toCourseInput } from "~/modules/courses/forms";
import { createCourse } from "~/modules/courses/service.server";
import { skillOptions } from "~/modules/taxonomy/skill-options.server";
import { requireRole } from "~/modules/auth/guards.server";
import { asConformErrors } from "~/lib/form-errors";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "institution.courses.newTitle");

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "INSTITUTION");
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const db = context.db;
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: CourseFormSchema });
  const chosen = async () => skillOptions(db, formData.getAll("skillIds").map(String), await getLanguage(request));
  if (submission.status !== "success") {
    return data({ result: submission.reply(), skills: await chosen() }, { status: 400 });
  }
  try {
    const course = await createCourse(db, { organisationId: user.organisation.id, userId: user.id }, toCourseInput(submission.value));
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
      <BackLink to="/uddannelse/kurser">{t("institution.courses.back")}</BackLink>
      <h1>{t("institution.courses.newTitle")}</h1>
      <FormColumn>
        <CourseForm lastResult={actionData?.result} skills={actionData?.skills ?? []} />
      </FormColumn>
    </>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
