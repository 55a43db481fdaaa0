// One course of the institution: edit its details and skills, list its dated
// offerings, add one, cancel one. Another institution's course answers 404.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { CheckboxField, ErrorSummary, TextField } from "~/components/form";
import { CourseForm } from "~/components/institution/CourseForm";
import { NotFoundError } from "~/lib/errors";
import { courseFormErrors, CourseFormSchema, OfferingFormSchema, toCourseInput, toOfferingInput } from "~/modules/courses/forms";
import { cancelOffering, createOffering, getCourse, updateCourse, type CourseActor } from "~/modules/courses/service.server";
import { shownLabel } from "~/modules/taxonomy/label";
import { skillOptions } from "~/modules/taxonomy/skill-options.server";
import { requireRole } from "~/modules/auth/guards.server";
import { getDb } from "~/lib/db.server";
import { asConformErrors } from "~/lib/form-errors";
import { formatDate, formatNumber } from "~/lib/format";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.course.title} – Jobbro` }] : pageTitle(matches, "institution.courses.title");

async function loadCourse(actor: CourseActor, id: string) {
  try {
    return await getCourse(getDb(), actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const course = await loadCourse({ organisationId: user.organisation.id }, params.id ?? "");
  const language = await getLanguage(request);
  return {
    course: {
      id: course.id,
      title: course.title,
      description: course.description,
      amuCode: course.amuCode,
      durationDays: course.durationDays,
      offerings: course.offerings,
    },
    skills: course.skills.map((s) => ({ id: s.id, ...shownLabel(s, language) })),
  };
}

type Intent = "update" | "addOffering" | "cancelOffering";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const actor = { organisationId: user.organisation.id, userId: user.id };
  const courseId = params.id ?? "";
  const formData = await readFormData(request);
  const intent = String(formData.get("intent")) as Intent;
  const db = getDb();
  const here = `/uddannelse/kurser/${courseId}`;

  try {
    if (intent === "update") {
      const submission = parseWithZod(formData, { schema: CourseFormSchema });
      const chosen = async () => skillOptions(db, formData.getAll("skillIds").map(String), await getLanguage(request));
      if (submission.status !== "success") return data({ intent, result: submission.reply(), skills: await chosen() }, { status: 400 });
      try {
        await updateCourse(db, actor, courseId, toCourseInput(submission.value));
      } catch (error) {
        const fields = courseFormErrors(error);
        if (!fields) throw error;
        return data({ intent, result: submission.reply({ fieldErrors: asConformErrors(fields) }), skills: await chosen() }, { status: 400 });
      }
      return redirect(`${here}?saved=course`);
    }
    if (intent === "addOffering") {
      const submission = parseWithZod(formData, { schema: OfferingFormSchema });
      if (submission.status !== "success") return data({ intent, result: submission.reply(), skills: null }, { status: 400 });
      try {
        await createOffering(db, actor, courseId, toOfferingInput(submission.value));
      } catch (error) {
        const fields = courseFormErrors(error);
        if (!fields) throw error;
        return data({ intent, result: submission.reply({ fieldErrors: asConformErrors(fields) }), skills: null }, { status: 400 });
      }
      return redirect(`${here}?saved=offering#offerings`);
    }
    if (intent === "cancelOffering") {
      await cancelOffering(db, actor, courseId, String(formData.get("offeringId") ?? ""));
      return redirect(`${here}?saved=cancelled#offerings`);
    }
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
  throw new Response("Unknown intent", { status: 400 });
}

const SAVED_MESSAGES = {
  course: "institution.courses.saved",
  offering: "institution.offerings.addedMessage",
  cancelled: "institution.offerings.cancelledMessage",
} as const;

export default function CoursePage() {
  const { course, skills } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation();
  const saved = searchParams.get("saved") as keyof typeof SAVED_MESSAGES | null;
  const created = searchParams.get("created") === "1";
  const message = created ? t("institution.courses.created") : saved && saved in SAVED_MESSAGES ? t(SAVED_MESSAGES[saved]) : null;

  return (
    <>
      <p>
        <Link to="/uddannelse/kurser" className="back-link">
          {t("institution.courses.back")}
        </Link>
      </p>
      <h1>{course.title}</h1>
      {message ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{message}</p>
        </div>
      ) : null}

      <h2>{t("institution.courses.editHeading")}</h2>
      <div className="row">
        <div className="col-12 col-lg-8">
          <CourseForm
            intent="update"
            lastResult={actionData?.intent === "update" ? actionData.result : null}
            defaults={course}
            skills={actionData?.intent === "update" && actionData.skills ? actionData.skills : skills}
          />
        </div>
      </div>

      <h2 id="offerings">{t("institution.offerings.heading")}</h2>
      <OfferingsTable offerings={course.offerings} />
      <h3>{t("institution.offerings.addHeading")}</h3>
      <div className="row">
        <div className="col-12 col-lg-8">
          <OfferingForm lastResult={actionData?.intent === "addOffering" ? actionData.result : null} />
        </div>
      </div>
    </>
  );
}

type Offering = ReturnType<typeof useLoaderData<typeof loader>>["course"]["offerings"][number];

function OfferingsTable({ offerings }: { offerings: Offering[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (offerings.length === 0) return <p>{t("institution.offerings.empty")}</p>;
  return (
    <div className="table--responsive-scroll">
      <table className="table" data-testid="offerings">
        <thead>
          <tr>
            <th scope="col">{t("institution.offerings.columns.dates")}</th>
            <th scope="col">{t("institution.offerings.columns.place")}</th>
            <th scope="col" className="align-text-right">{t("institution.offerings.columns.seats")}</th>
            <th scope="col">{t("institution.offerings.columns.status")}</th>
            <th scope="col">{t("institution.offerings.columns.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {offerings.map((offering) => {
            const dates = t("institution.offerings.dates", { start: formatDate(offering.startDate, language), end: formatDate(offering.endDate, language) });
            const place = offering.postalCode ? `${offering.postalCode} ${offering.city ?? ""}`.trim() : null;
            return (
              <tr key={offering.id} data-offering-id={offering.id}>
                <td>{dates}</td>
                <td>{offering.online ? (place ? t("institution.offerings.onlineAnd", { place }) : t("institution.offerings.online")) : place}</td>
                <td className="align-text-right">{formatNumber(offering.seats, language)}</td>
                <td>
                  {offering.cancelled ? (
                    <span className="badge badge-small badge-error">{t("institution.offerings.cancelled")}</span>
                  ) : (
                    t("institution.offerings.active")
                  )}
                </td>
                <td>
                  {offering.cancelled ? null : (
                    <Form method="post">
                      <input type="hidden" name="intent" value="cancelOffering" />
                      <input type="hidden" name="offeringId" value={offering.id} />
                      <button type="submit" className="button button-secondary button-small" aria-label={t("institution.offerings.cancelLabel", { dates })}>
                        {t("institution.offerings.cancel")}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function OfferingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const submitting = navigation.state === "submitting" && navigation.formData?.get("intent") === "addOffering";
  const [form, fields] = useForm({
    id: "offering-form",
    lastResult,
    constraint: getZodConstraint(OfferingFormSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OfferingFormSchema }),
  });
  const labels = {
    startDate: t("institution.offerings.fields.startDate"),
    endDate: t("institution.offerings.fields.endDate"),
    online: t("institution.offerings.fields.online"),
    postalCode: t("institution.offerings.fields.postalCode"),
    seats: t("institution.offerings.fields.seats"),
  };
  return (
    <Form method="post" {...getFormProps(form)} noValidate>
      <input type="hidden" name="intent" value="addOffering" />
      <ErrorSummary
        form={form}
        fields={[
          { field: fields.startDate, label: labels.startDate },
          { field: fields.endDate, label: labels.endDate },
          { field: fields.postalCode, label: labels.postalCode },
          { field: fields.seats, label: labels.seats },
        ]}
      />
      <TextField field={fields.startDate} label={labels.startDate} type="date" />
      <TextField field={fields.endDate} label={labels.endDate} type="date" />
      <CheckboxField field={fields.online} label={labels.online} />
      <TextField field={fields.postalCode} label={labels.postalCode} hint={t("institution.offerings.fields.postalCodeHint")} inputMode="numeric" className="input-width-xs" />
      <TextField field={fields.seats} label={labels.seats} type="number" className="input-width-xs" />
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? t("forms.working") : t("institution.offerings.add")}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
