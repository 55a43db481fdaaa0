import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { Pagination } from "~/components/jobcentre/Pagination";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import type { OutcomeKind } from "~/generated/prisma/enums";
import { InvalidInputError } from "~/lib/errors";
import { OUTCOME_CHOICES, OutcomeFormSchema } from "~/portals/jobcentre/schema";
import { listOutcomes, OUTCOME_PAGE_SIZE, recordOutcome } from "~/modules/outcomes/service.server";
import { danishToday } from "~/modules/outcomes/today";
import { requireConsultant } from "~/portals/jobcentre/edge.server";
import { getDb } from "~/lib/db.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.outcomes.title");

const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(`${value}T00:00:00.000Z`) : undefined);

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const params = new URL(request.url).searchParams;
  const kindParam = params.get("kind");
  const kind = (OUTCOME_CHOICES as readonly string[]).includes(kindParam ?? "") ? (kindParam as OutcomeKind) : undefined;
  const page = Math.min(Math.max(Number.parseInt(params.get("page") ?? "1", 10) || 1, 1), 10_000);
  const filters = { kind, from: day(params.get("from")), to: day(params.get("to")) };
  const db = getDb();
  const [outcomes, vacancies] = await Promise.all([
    listOutcomes(db, actor.organisationId, filters, page),
    db.vacancy.findMany({
      where: { organisation: { servedById: actor.organisationId }, status: { in: ["OPEN", "PAUSED", "CLOSED"] } },
      orderBy: [{ title: "asc" }, { id: "asc" }],
      take: 300,
      select: { id: true, title: true, organisation: { select: { name: true } } },
    }),
  ]);
  return {
    filters: { kind: kind ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" },
    page,
    pageCount: Math.max(1, Math.ceil(outcomes.total / OUTCOME_PAGE_SIZE)),
    outcomes,
    vacancies: vacancies.map((v) => ({ id: v.id, label: `${v.title} (${v.organisation.name})` })),
    today: danishToday().toISOString().slice(0, 10),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const submission = parseWithZod(await readFormData(request), { schema: OutcomeFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = getDb();
  const { kind, candidateRef, occurredOn, vacancyId } = submission.value;
  // Consultants know candidates by pseudonym (or id); only the jobcentre's own are found.
  const candidate = await db.candidate.findFirst({
    where: { jobcentreId: actor.organisationId, OR: [{ pseudonym: { equals: candidateRef, mode: "insensitive" } }, { id: candidateRef }] },
    select: { id: true },
  });
  if (!candidate) return data({ result: submission.reply({ fieldErrors: { candidateRef: ["consultant.outcomes.errors.unknownCandidate"] } }) }, { status: 400 });
  try {
    await recordOutcome(db, actor, { kind, candidateId: candidate.id, occurredOn, vacancyId: vacancyId ?? null });
  } catch (error) {
    if (error instanceof InvalidInputError && error.fields) {
      return data({ result: submission.reply({ fieldErrors: Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, [v]])) }) }, { status: 400 });
    }
    throw error;
  }
  return redirect("/jobcenter/resultater?recorded=1");
}

export default function Outcomes() {
  const { filters, outcomes, page, pageCount, vacancies, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const [form, fields] = useForm({
    id: "outcome",
    lastResult: actionData?.result,
    constraint: getZodConstraint(OutcomeFormSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: OutcomeFormSchema }),
    defaultValue: { occurredOn: today },
  });
  const labels = {
    kind: t("consultant.outcomes.kind"),
    candidateRef: t("consultant.outcomes.candidateRef"),
    occurredOn: t("consultant.outcomes.occurredOn"),
    vacancyId: t("consultant.outcomes.vacancyId"),
  };
  return (
    <>
      <h1>{t("consultant.outcomes.title")}</h1>
      <p className="font-lead">{t("consultant.outcomes.lead")}</p>
      {params.get("recorded") ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t("consultant.outcomes.recorded")}</p>
        </div>
      ) : null}
      <Form method="get" className="card card-body" aria-labelledby="outcome-filters">
        <h2 className="h4" id="outcome-filters">
          {t("consultant.outcomes.filtersHeading")}
        </h2>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-kind">
            {t("consultant.outcomes.kind")}
          </label>
          <select className="form-select" id="filter-kind" name="kind" defaultValue={filters.kind}>
            <option value="">{t("consultant.outcomes.any")}</option>
            {OUTCOME_CHOICES.map((k) => (
              <option key={k} value={k}>
                {t(`consultant.outcomeKind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-from">
            {t("consultant.outcomes.from")}
          </label>
          <input className="form-input input-width-s" type="date" id="filter-from" name="from" defaultValue={filters.from} />
        </div>
        <div className="form-group">
          <label className="form-label" htmlFor="filter-to">
            {t("consultant.outcomes.to")}
          </label>
          <input className="form-input input-width-s" type="date" id="filter-to" name="to" defaultValue={filters.to} />
        </div>
        <button type="submit" className="button button-secondary">
          {t("consultant.outcomes.apply")}
        </button>
      </Form>

      <p role="status" data-testid="outcome-count">
        {t("consultant.outcomes.resultCount", { count: outcomes.total })}
      </p>
      {outcomes.rows.length === 0 ? (
        <p>{t("consultant.outcomes.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table table--zebra" data-testid="outcomes">
            <thead>
              <tr>
                <th scope="col">{t("consultant.outcomes.columns.date")}</th>
                <th scope="col">{t("consultant.outcomes.columns.kind")}</th>
                <th scope="col">{t("consultant.outcomes.columns.candidate")}</th>
                <th scope="col">{t("consultant.outcomes.columns.vacancy")}</th>
                <th scope="col">{t("consultant.outcomes.columns.course")}</th>
                <th scope="col">{t("consultant.outcomes.columns.recordedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.rows.map((o) => (
                <tr key={o.id} data-outcome-kind={o.kind}>
                  <td>{formatDate(o.occurredOn, language)}</td>
                  <td>{t(`consultant.outcomeKind.${o.kind}`)}</td>
                  <td>{o.candidate ? <Link to={`/jobcenter/kandidater/${o.candidate.id}`}>{o.candidate.pseudonym}</Link> : t("consultant.outcomes.erased")}</td>
                  <td>{o.vacancy ? `${o.vacancy.title} (${o.vacancy.company})` : "–"}</td>
                  <td>{o.course ? `${o.course.title}, ${formatDate(o.course.startDate, language)}` : "–"}</td>
                  <td>{o.recordedBy ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={page} pageCount={pageCount} />

      <h2>{t("consultant.outcomes.recordHeading")}</h2>
      <Form method="post" {...getFormProps(form)} noValidate className="card card-body">
        <ErrorSummary form={form} fields={(Object.keys(labels) as (keyof typeof labels)[]).map((k) => ({ field: fields[k], label: labels[k] }))} />
        <SelectField field={fields.kind} label={labels.kind} placeholder="" options={OUTCOME_CHOICES.map((k) => ({ value: k, label: t(`consultant.outcomeKind.${k}`) }))} />
        <TextField field={fields.candidateRef} label={labels.candidateRef} hint={t("consultant.outcomes.candidateRefHint")} autoComplete="off" />
        <TextField field={fields.occurredOn} label={labels.occurredOn} type="date" />
        <SelectField field={fields.vacancyId} label={labels.vacancyId} placeholder={t("consultant.outcomes.vacancyNone")} options={vacancies.map((v) => ({ value: v.id, label: v.label }))} />
        <button type="submit" className="button button-primary">
          {t("consultant.outcomes.record")}
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
