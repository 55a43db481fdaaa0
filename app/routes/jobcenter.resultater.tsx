import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, Pagination } from "~/components/data";
import { FormGroup, SelectField, summaryFields, TextField, ValidatedForm } from "~/components/form";
import { ListPage } from "~/components/ListPage";
import type { OutcomeKind } from "~/generated/prisma/enums";
import { InvalidInputError } from "~/lib/errors";
import { OUTCOME_CHOICES, OutcomeFormSchema } from "~/portals/jobcentre/schema";
import { findCandidateId } from "~/modules/candidates/service.server";
import { listOutcomes, listOutcomeVacancies, OUTCOME_PAGE_SIZE, recordOutcome } from "~/modules/outcomes/service.server";
import { danishToday } from "~/modules/outcomes/today";
import { requireConsultant } from "~/portals/jobcentre/edge.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "consultant.outcomes.title");

const day = (value: string | null) => (value && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value)) ? new Date(`${value}T00:00:00.000Z`) : undefined);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const params = new URL(request.url).searchParams;
  const kindParam = params.get("kind");
  const kind = (OUTCOME_CHOICES as readonly string[]).includes(kindParam ?? "") ? (kindParam as OutcomeKind) : undefined;
  const page = Math.min(Math.max(Number.parseInt(params.get("page") ?? "1", 10) || 1, 1), 10_000);
  const filters = { kind, from: day(params.get("from")), to: day(params.get("to")) };
  const db = context.db;
  const [outcomes, vacancies] = await Promise.all([listOutcomes(db, actor.organisationId, filters, page), listOutcomeVacancies(db, actor.organisationId)]);
  return {
    filters: { kind: kind ?? "", from: params.get("from") ?? "", to: params.get("to") ?? "" },
    page,
    pageCount: Math.max(1, Math.ceil(outcomes.total / OUTCOME_PAGE_SIZE)),
    outcomes,
    vacancies,
    today: danishToday().toISOString().slice(0, 10),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const submission = parseWithZod(await readFormData(request), { schema: OutcomeFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const db = context.db;
  const { kind, candidateRef, occurredOn, vacancyId } = submission.value;
  // Consultants know candidates by pseudonym (or id); only the jobcentre's own are found.
  const candidateId = await findCandidateId(db, actor, candidateRef);
  if (!candidateId) return data({ result: submission.reply({ fieldErrors: { candidateRef: ["consultant.outcomes.errors.unknownCandidate"] } }) }, { status: 400 });
  try {
    await recordOutcome(db, actor, { kind, candidateId, occurredOn, vacancyId: vacancyId ?? null });
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
    <ListPage title={t("consultant.outcomes.title")} lead={t("consultant.outcomes.lead")} notice={params.get("recorded") ? t("consultant.outcomes.recorded") : null}>
      <Form method="get" className="card card-body" aria-labelledby="outcome-filters">
        <h2 className="h4" id="outcome-filters">
          {t("consultant.outcomes.filtersHeading")}
        </h2>
        <FormGroup inputId="filter-kind" label={t("consultant.outcomes.kind")}>
          <select className="form-select" id="filter-kind" name="kind" defaultValue={filters.kind}>
            <option value="">{t("consultant.outcomes.any")}</option>
            {OUTCOME_CHOICES.map((k) => (
              <option key={k} value={k}>
                {t(`consultant.outcomeKind.${k}`)}
              </option>
            ))}
          </select>
        </FormGroup>
        {(["from", "to"] as const).map((name) => (
          <FormGroup key={name} inputId={`filter-${name}`} label={t(`consultant.outcomes.${name}`)}>
            <input className="form-input input-width-s" type="date" id={`filter-${name}`} name={name} defaultValue={filters[name]} />
          </FormGroup>
        ))}
        <button type="submit" className="button button-secondary">
          {t("consultant.outcomes.apply")}
        </button>
      </Form>

      <p role="status" data-testid="outcome-count">
        {t("consultant.outcomes.resultCount", { count: outcomes.total })}
      </p>
      {/* One page of the filtered outcomes, newest first as the server pages them: the table does not sort. */}
      <DataTable
        rows={outcomes.rows}
        rowKey={(o) => o.id}
        rowProps={(o) => ({ "data-outcome-kind": o.kind })}
        label={t("consultant.outcomes.title")}
        variant="zebra"
        testId="outcomes"
        empty={t("consultant.outcomes.empty")}
        columns={[
          { header: t("consultant.outcomes.columns.date"), cell: (o) => formatDate(o.occurredOn, language) },
          { header: t("consultant.outcomes.columns.kind"), cell: (o) => t(`consultant.outcomeKind.${o.kind}`) },
          {
            header: t("consultant.outcomes.columns.candidate"),
            cell: (o) => (o.candidate ? <Link to={`/jobcenter/kandidater/${o.candidate.id}`}>{o.candidate.pseudonym}</Link> : t("consultant.outcomes.erased")),
          },
          { header: t("consultant.outcomes.columns.vacancy"), cell: (o) => (o.vacancy ? `${o.vacancy.title} (${o.vacancy.company})` : "–") },
          { header: t("consultant.outcomes.columns.course"), cell: (o) => (o.course ? `${o.course.title}, ${formatDate(o.course.startDate, language)}` : "–") },
          { header: t("consultant.outcomes.columns.recordedBy"), cell: (o) => o.recordedBy ?? "–" },
        ]}
      />
      <Pagination page={page} pageCount={pageCount} />

      <h2>{t("consultant.outcomes.recordHeading")}</h2>
      <ValidatedForm form={form} summary={summaryFields(fields, labels)} className="card card-body">
        <SelectField field={fields.kind} label={labels.kind} placeholder="" options={OUTCOME_CHOICES.map((k) => ({ value: k, label: t(`consultant.outcomeKind.${k}`) }))} />
        <TextField field={fields.candidateRef} label={labels.candidateRef} hint={t("consultant.outcomes.candidateRefHint")} autoComplete="off" />
        <TextField field={fields.occurredOn} label={labels.occurredOn} type="date" />
        <SelectField field={fields.vacancyId} label={labels.vacancyId} placeholder={t("consultant.outcomes.vacancyNone")} options={vacancies.map((v) => ({ value: v.id, label: v.label }))} />
        <button type="submit" className="button button-primary">
          {t("consultant.outcomes.record")}
        </button>
      </ValidatedForm>
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
