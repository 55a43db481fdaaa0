// One course of the institution: edit its details and skills, list its dated
// offerings, add one, cancel one. Another institution's course answers 404.
import { useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, timeOf } from "~/components/data";
import { CheckboxField, NumberField, PostalCodeField, summaryFields, TextField, ValidatedForm } from "~/components/form";
import { BackLink } from "~/components/layout/BackLink";
import { FormColumn } from "~/components/layout/FormColumn";
import { SuccessNotice } from "~/components/notices";
import { CourseForm } from "~/components/institution/CourseForm";
import { NotFoundError } from "~/lib/errors";
import { courseFormErrors, CourseFormSchema, OfferingFormSchema, toCourseInput, toOfferingInput } from "~/modules/courses/forms";
import { cancelOffering, createOffering, getCourse, updateCourse, type CourseActor } from "~/modules/courses/service.server";
import type { Db } from "~/lib/db.server";
import { shownLabel } from "~/modules/taxonomy/label";
import { skillOptions } from "~/modules/taxonomy/skill-options.server";
import { requireRole } from "~/modules/auth/guards.server";
import { asConformErrors } from "~/lib/form-errors";
import { formatDate, formatNumber } from "~/lib/format";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.course.title} – Jobbro` }] : pageTitle(matches, "institution.courses.title");

async function loadCourse(db: Db, actor: CourseActor, id: string) {
  try {
    return await getCourse(db, actor, id);
  } catch (error) {
    if (error instanceof NotFoundError) throw new Response("Not found", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const course = await loadCourse(context.db, { organisationId: user.organisation.id }, params.id ?? "");
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

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "INSTITUTION");
  const actor = { organisationId: user.organisation.id, userId: user.id };
  const courseId = params.id ?? "";
  const formData = await readFormData(request);
  const intent = String(formData.get("intent")) as Intent;
  const db = context.db;
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
      <BackLink to="/uddannelse/kurser">{t("institution.courses.back")}</BackLink>
      <h1>{course.title}</h1>
      <SuccessNotice>{message}</SuccessNotice>

      <h2>{t("institution.courses.editHeading")}</h2>
      <FormColumn>
        <CourseForm
          intent="update"
          lastResult={actionData?.intent === "update" ? actionData.result : null}
          defaults={course}
          skills={actionData?.intent === "update" && actionData.skills ? actionData.skills : skills}
        />
      </FormColumn>

      <h2 id="offerings">{t("institution.offerings.heading")}</h2>
      <OfferingsTable offerings={course.offerings} />
      <h3>{t("institution.offerings.addHeading")}</h3>
      <FormColumn>
        <OfferingForm lastResult={actionData?.intent === "addOffering" ? actionData.result : null} />
      </FormColumn>
    </>
  );
}

type Offering = ReturnType<typeof useLoaderData<typeof loader>>["course"]["offerings"][number];

function OfferingsTable({ offerings }: { offerings: Offering[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dates = (offering: Offering) =>
    t("institution.offerings.dates", { start: formatDate(offering.startDate, language), end: formatDate(offering.endDate, language) });
  const place = (offering: Offering) => (offering.postalCode ? `${offering.postalCode} ${offering.city ?? ""}`.trim() : null);
  return (
    <DataTable
      rows={offerings}
      rowKey={(offering) => offering.id}
      rowProps={(offering) => ({ "data-offering-id": offering.id })}
      label={t("institution.offerings.heading")}
      testId="offerings"
      empty={t("institution.offerings.empty")}
      columns={[
        { header: t("institution.offerings.columns.dates"), sort: { key: "start", value: (o) => timeOf(o.startDate) }, cell: dates },
        {
          header: t("institution.offerings.columns.place"),
          cell: (o) => (o.online ? (place(o) ? t("institution.offerings.onlineAnd", { place: place(o) }) : t("institution.offerings.online")) : place(o)),
        },
        { header: t("institution.offerings.columns.seats"), numeric: true, sort: { key: "seats", value: (o) => o.seats }, cell: (o) => formatNumber(o.seats, language) },
        {
          header: t("institution.offerings.columns.status"),
          cell: (o) => (o.cancelled ? <span className="badge badge-small badge-error">{t("institution.offerings.cancelled")}</span> : t("institution.offerings.active")),
        },
        {
          header: t("institution.offerings.columns.actions"),
          cell: (o) =>
            o.cancelled ? null : (
              <Form method="post">
                <input type="hidden" name="intent" value="cancelOffering" />
                <input type="hidden" name="offeringId" value={o.id} />
                <button type="submit" className="button button-secondary button-small" aria-label={t("institution.offerings.cancelLabel", { dates: dates(o) })}>
                  {t("institution.offerings.cancel")}
                </button>
              </Form>
            ),
        },
      ]}
    />
  );
}

function OfferingForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null }) {
  const { t } = useTranslation();
  // What the error summary names; the online checkbox cannot be wrong.
  const labels = {
    startDate: t("institution.offerings.fields.startDate"),
    endDate: t("institution.offerings.fields.endDate"),
    postalCode: t("institution.offerings.fields.postalCode"),
    seats: t("institution.offerings.fields.seats"),
  };
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
  return (
    <ValidatedForm form={form} summary={summaryFields(fields, labels)} intent="addOffering">
      <TextField field={fields.startDate} label={labels.startDate} type="date" />
      <TextField field={fields.endDate} label={labels.endDate} type="date" />
      <CheckboxField field={fields.online} label={t("institution.offerings.fields.online")} />
      <PostalCodeField field={fields.postalCode} label={labels.postalCode} hint={t("institution.offerings.fields.postalCodeHint")} />
      <NumberField field={fields.seats} label={labels.seats} />
      <button type="submit" className="button button-primary" disabled={submitting}>
        {submitting ? t("forms.working") : t("institution.offerings.add")}
      </button>
    </ValidatedForm>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
