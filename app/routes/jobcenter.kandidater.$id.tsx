import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { ConceptLabel } from "~/components/ConceptLabel";
import { shownLabel } from "~/modules/taxonomy/label";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { CandidateForm } from "~/components/jobcentre/CandidateForm";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import { listAuditEvents } from "~/modules/audit/read.server";
import { getCandidate, recordConsent, updateCandidate, withdrawConsent } from "~/modules/candidates/service.server";
import { formErrorsOf, resolveExperienceQueries, toUpdateInput } from "~/portals/jobcentre/candidate-form.server";
import { bestOccupation } from "../../search/queries/taxonomy-suggest.server";
import {
  CONSENT_CHANNEL_CHOICES,
  CONSENT_PURPOSE_CHOICES,
  CandidateFormSchema,
  ConsentFormSchema,
  CourseCompletedSchema,
  WithdrawConsentSchema,
} from "~/portals/jobcentre/schema";
import { skillOptions } from "~/modules/taxonomy/skill-options.server";
import { readCandidateMatches } from "~/modules/matching/read.server";
import { listReservations, recordOutcome } from "~/modules/outcomes/service.server";
import { danishToday } from "~/modules/outcomes/today";
import { notFound, or404, requireConsultant } from "~/portals/jobcentre/edge.server";
import { getDb } from "~/lib/db.server";
import { formatDate } from "~/lib/format";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

// The pseudonym, not the name: titles end up in browser history and tab lists.
export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.candidate.pseudonym} – Jobbro` }] : pageTitle(matches, "consultant.candidates.title");

export const headers = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, actor } = await requireConsultant(request);
  const id = params.id ?? "";
  const db = getDb();
  // The read is audited first, so the log below already shows this very view.
  const candidate = await or404(() => getCandidate(db, { ...actor, reason: "consultant profile view" }, id));
  const [matches, audit, reservations, companies] = await Promise.all([
    readCandidateMatches(db, { organisationId: actor.organisationId, kind: "JOBCENTRE", userId: user.id }, id),
    listAuditEvents(db, id, { limit: 50 }),
    listReservations(db, actor.organisationId, id),
    db.organisation.findMany({
      where: { kind: "COMPANY", OR: [{ servedById: actor.organisationId }, { id: { in: candidate.consents.flatMap((c) => (c.companyId ? [c.companyId] : [])) } }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
      take: 500,
    }),
  ]);
  return { candidate, matches: matches.matches, audit, reservations, companies, today: danishToday().toISOString().slice(0, 10) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const id = params.id ?? "";
  const db = getDb();
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  const reasoned = { ...actor, reason: "consultant profile edit" };

  if (intent === "candidate") {
    const submission = parseWithZod(formData, { schema: CandidateFormSchema });
    const options = async () => skillOptions(db, formData.getAll("skillIds").map(String), await getLanguage(request));
    if (submission.status !== "success") return data({ intent, result: submission.reply(), skillOptions: await options() }, { status: 400 });
    const resolved = await resolveExperienceQueries(submission.value, async (q) => bestOccupation(db, q, await getLanguage(request)));
    if (Object.keys(resolved.errors).length) {
      return data({ intent, result: submission.reply({ fieldErrors: resolved.errors }), skillOptions: await options() }, { status: 400 });
    }
    try {
      await or404(() => updateCandidate(db, reasoned, id, toUpdateInput(resolved.value)));
    } catch (error) {
      const fieldErrors = formErrorsOf(error);
      if (!fieldErrors) throw error;
      return data({ intent, result: submission.reply({ fieldErrors }), skillOptions: await options() }, { status: 400 });
    }
    return redirect(`/jobcenter/kandidater/${id}?saved=updated`);
  }

  if (intent === "recordConsent") {
    const submission = parseWithZod(formData, { schema: ConsentFormSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), skillOptions: [] }, { status: 400 });
    const { purpose, channel, givenAt, companyId } = submission.value;
    try {
      await or404(() =>
        recordConsent(db, reasoned, id, { purpose, channel, givenAt, companyId: purpose === "SHARE_WITH_COMPANY" ? companyId : undefined }),
      );
    } catch (error) {
      if (formErrorsOf(error)) return data({ intent, result: submission.reply({ fieldErrors: { companyId: ["consultant.consents.errors.company"] } }), skillOptions: [] }, { status: 400 });
      throw error;
    }
    return redirect(`/jobcenter/kandidater/${id}?saved=consent#consents`);
  }

  if (intent === "withdrawConsent") {
    const submission = parseWithZod(formData, { schema: WithdrawConsentSchema });
    if (submission.status !== "success") throw notFound();
    await or404(() => withdrawConsent(db, reasoned, id, submission.value.consentId));
    return redirect(`/jobcenter/kandidater/${id}?saved=withdrawn#consents`);
  }

  if (intent === "courseCompleted") {
    const submission = parseWithZod(formData, { schema: CourseCompletedSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), skillOptions: [] }, { status: 400 });
    try {
      await or404(() => recordOutcome(db, actor, { kind: "COURSE_COMPLETED", candidateId: id, offeringId: submission.value.offeringId, occurredOn: submission.value.occurredOn }));
    } catch (error) {
      const fields = formErrorsOf(error);
      if (fields) return data({ intent, result: submission.reply({ formErrors: ["consultant.outcomes.errors.unknownOffering"] }), skillOptions: [] }, { status: 400 });
      throw error;
    }
    return redirect(`/jobcenter/kandidater/${id}?saved=course#courses`);
  }

  return data({ intent: "unknown", result: null, skillOptions: [] }, { status: 400 });
}

const SAVED_MESSAGES = {
  created: "consultant.candidates.created",
  updated: "consultant.candidateForm.saved",
  consent: "consultant.consents.recorded",
  withdrawn: "consultant.consents.withdrawn",
  course: "consultant.courses.recorded",
} as const;

export default function CandidateProfile() {
  const { candidate, matches, audit, reservations, companies, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const saved = params.get("saved") as keyof typeof SAVED_MESSAGES | null;
  const companyName = new Map(companies.map((c) => [c.id, c.name]));

  return (
    <>
      <p>
        <Link to="/jobcenter/kandidater" className="back-link">
          {t("consultant.profile.backToList")}
        </Link>
      </p>
      <h1>
        {candidate.firstName} {candidate.lastName}
      </h1>
      <p className="font-lead">
        {t("consultant.profile.pseudonym", { pseudonym: candidate.pseudonym })} · <span className="badge">{t(`consultant.candidateStatus.${candidate.status}`)}</span>
      </p>
      <p className="form-hint">{t("consultant.profile.auditNote")}</p>
      {saved && SAVED_MESSAGES[saved] ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t(SAVED_MESSAGES[saved])}</p>
        </div>
      ) : null}

      <section aria-labelledby="details-heading">
        <h2 id="details-heading">{t("consultant.profile.detailsHeading")}</h2>
        <dl className="summary-list" data-testid="candidate-details">
          <dt>{t("consultant.candidateForm.email")}</dt>
          <dd>{candidate.email ?? t("consultant.profile.none")}</dd>
          <dt>{t("consultant.candidateForm.phone")}</dt>
          <dd>{candidate.phone ?? t("consultant.profile.none")}</dd>
          <dt>{t("consultant.candidateForm.postalCode")}</dt>
          <dd>
            {candidate.postalCode} {candidate.city}
          </dd>
          <dt>{t("consultant.candidateForm.commuteRadiusKm")}</dt>
          <dd>{t("consultant.profile.km", { count: candidate.commuteRadiusKm })}</dd>
          <dt>{t("consultant.candidateForm.availableFrom")}</dt>
          <dd>{formatDate(candidate.availableFrom, language)}</dd>
          <dt>{t("consultant.candidateForm.hasDrivingLicence")}</dt>
          <dd>{candidate.hasDrivingLicence ? t("consultant.profile.yes") : t("consultant.profile.no")}</dd>
          <dt>{t("consultant.candidateForm.languages")}</dt>
          <dd>{candidate.languages.length ? candidate.languages.map((l) => t(`consultant.languages.${l}` as "consultant.languages.da", { defaultValue: l })).join(", ") : t("consultant.profile.none")}</dd>
          <dt>{t("consultant.candidateForm.skills")}</dt>
          <dd>
            {candidate.skills.length ? (
              <ul className="nobullet-list">
                {candidate.skills.map((s) => (
                  <li key={s.id}>
                    <ConceptLabel {...shownLabel(s, language)} />
                  </li>
                ))}
              </ul>
            ) : (
              t("consultant.profile.none")
            )}
          </dd>
        </dl>
      </section>

      <section aria-labelledby="matches-heading">
        <h2 id="matches-heading">{t("consultant.candidateMatches.heading")}</h2>
        {matches.length === 0 ? (
          <p>{t("consultant.candidateMatches.empty")}</p>
        ) : (
          <div className="table--responsive-scroll">
            <table className="table table--zebra" data-testid="candidate-matches">
              <thead>
                <tr>
                  <th scope="col">{t("consultant.candidateMatches.columns.vacancy")}</th>
                  <th scope="col">{t("consultant.candidateMatches.columns.company")}</th>
                  <th scope="col">{t("consultant.candidateMatches.columns.kind")}</th>
                  <th scope="col" className="text-align-right">
                    {t("consultant.candidateMatches.columns.score")}
                  </th>
                  <th scope="col">{t("consultant.candidateMatches.columns.status")}</th>
                  <th scope="col">{t("consultant.candidateMatches.columns.start")}</th>
                </tr>
              </thead>
              <tbody>
                {matches.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={`/jobcenter/stillinger/${m.vacancy.id}#match-${m.id}`}>{m.vacancy.title}</Link>
                    </th>
                    <td>{m.vacancy.company.name}</td>
                    <td>{t(`consultant.matchKind.${m.kind}`)}</td>
                    <td className="text-align-right">{Math.round(m.score)}</td>
                    <td>{t(`consultant.pipelineStatus.${m.pipelineStatus}`)}</td>
                    <td>{formatDate(m.vacancy.startDate, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="consents" id="consents-section">
        <h2 id="consents">{t("consultant.consents.heading")}</h2>
        <p>{t("consultant.consents.lead")}</p>
        {candidate.consents.length === 0 ? (
          <p>{t("consultant.consents.empty")}</p>
        ) : (
          <div className="table--responsive-scroll">
            <table className="table" data-testid="consents">
              <thead>
                <tr>
                  <th scope="col">{t("consultant.consents.columns.purpose")}</th>
                  <th scope="col">{t("consultant.consents.columns.company")}</th>
                  <th scope="col">{t("consultant.consents.columns.channel")}</th>
                  <th scope="col">{t("consultant.consents.columns.givenAt")}</th>
                  <th scope="col">{t("consultant.consents.columns.withdrawnAt")}</th>
                  <th scope="col">{t("consultant.consents.columns.action")}</th>
                </tr>
              </thead>
              <tbody>
                {candidate.consents.map((c) => (
                  <tr key={c.id} data-consent-id={c.id} data-active={c.active}>
                    <th scope="row">{t(`consultant.consentPurpose.${c.purpose}`)}</th>
                    <td>{c.companyId ? (companyName.get(c.companyId) ?? "–") : "–"}</td>
                    <td>{t(`consultant.consentChannel.${c.channel}`)}</td>
                    <td>{formatDate(c.givenAt, language)}</td>
                    <td>{c.withdrawnAt ? formatDate(c.withdrawnAt, language) : t("consultant.consents.active")}</td>
                    <td>
                      {c.active ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="withdrawConsent" />
                          <input type="hidden" name="consentId" value={c.id} />
                          <button
                            type="submit"
                            className="button button-secondary button-small"
                            aria-label={t("consultant.consents.withdrawLabel", { purpose: t(`consultant.consentPurpose.${c.purpose}`) })}
                          >
                            {t("consultant.consents.withdraw")}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <ConsentForm companies={companies} lastResult={actionData?.intent === "recordConsent" ? actionData.result : null} />
      </section>

      <section aria-labelledby="courses">
        <h2 id="courses">{t("consultant.courses.heading")}</h2>
        {actionData?.intent === "courseCompleted" && actionData.result ? (
          <div className="alert alert-error" role="alert">
            <p className="alert-text">{t("consultant.outcomes.errors.unknownOffering")}</p>
          </div>
        ) : null}
        {reservations.length === 0 ? (
          <p>{t("consultant.courses.empty")}</p>
        ) : (
          <ul className="nobullet-list" data-testid="reservations">
            {reservations.map((r) => (
              <li key={r.id} className="card card-body">
                <strong>{r.courseTitle}</strong> ({formatDate(r.startDate, language)} – {formatDate(r.endDate, language)})
                {r.completed ? (
                  <p>
                    <span className="badge badge-success">{t("consultant.courses.completed")}</span>
                  </p>
                ) : (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="intent" value="courseCompleted" />
                    <input type="hidden" name="offeringId" value={r.offeringId} />
                    <div className="form-group">
                      <label className="form-label" htmlFor={`completed-${r.id}`}>
                        {t("consultant.courses.completedOn")}
                      </label>
                      <input className="form-input input-width-s" type="date" id={`completed-${r.id}`} name="occurredOn" defaultValue={today} required />
                    </div>
                    <button type="submit" className="button button-secondary">
                      {t("consultant.courses.markCompleted")}
                    </button>
                  </Form>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading">{t("consultant.candidateForm.editHeading")}</h2>
        <CandidateForm
          mode="edit"
          lastResult={actionData?.intent === "candidate" ? actionData.result : null}
          skillOptions={actionData?.intent === "candidate" ? actionData.skillOptions : undefined}
          defaults={{
            firstName: candidate.firstName,
            lastName: candidate.lastName,
            email: candidate.email,
            phone: candidate.phone,
            postalCode: candidate.postalCode,
            commuteRadiusKm: candidate.commuteRadiusKm,
            availableFrom: candidate.availableFrom,
            hasDrivingLicence: candidate.hasDrivingLicence,
            languages: candidate.languages,
            desiredHoursPerWeek: candidate.desiredHoursPerWeek,
            status: candidate.status,
            skills: candidate.skills.map((s) => ({ id: s.id, ...shownLabel(s, language) })),
            experience: candidate.occupations.map((o) => ({ occupation: { id: o.occupationId, ...shownLabel(o, language) }, years: o.years })),
          }}
        />
      </section>

      <section aria-labelledby="audit-heading">
        <h2 id="audit-heading">{t("consultant.audit.heading")}</h2>
        <p>{t("consultant.audit.lead")}</p>
        {audit.length === 0 ? (
          <p>{t("consultant.audit.empty")}</p>
        ) : (
          <div className="table--responsive-scroll">
            <table className="table" data-testid="audit-log">
              <thead>
                <tr>
                  <th scope="col">{t("consultant.audit.columns.at")}</th>
                  <th scope="col">{t("consultant.audit.columns.who")}</th>
                  <th scope="col">{t("consultant.audit.columns.organisation")}</th>
                  <th scope="col">{t("consultant.audit.columns.what")}</th>
                  <th scope="col">{t("consultant.audit.columns.why")}</th>
                </tr>
              </thead>
              <tbody>
                {audit.map((e) => (
                  <tr key={e.id}>
                    <td>{new Intl.DateTimeFormat(language === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(new Date(e.at))}</td>
                    <td>{e.actor.name ?? (e.actor.userId ? t("consultant.audit.unknown") : t("consultant.audit.system"))}</td>
                    <td>{e.organisation.name ?? t("consultant.audit.unknown")}</td>
                    <td>
                      <code>
                        {e.action} {e.resource}
                      </code>
                    </td>
                    <td>{e.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}

function ConsentForm({ companies, lastResult }: { companies: { id: string; name: string }[]; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "consent",
    lastResult,
    constraint: getZodConstraint(ConsentFormSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConsentFormSchema }),
  });
  const labels = {
    purpose: t("consultant.consents.purpose"),
    channel: t("consultant.consents.channel"),
    givenAt: t("consultant.consents.givenAt"),
    companyId: t("consultant.consents.company"),
  };
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="card card-body">
      <h3>{t("consultant.consents.recordHeading")}</h3>
      <input type="hidden" name="intent" value="recordConsent" />
      <ErrorSummary form={form} fields={(Object.keys(labels) as (keyof typeof labels)[]).map((k) => ({ field: fields[k], label: labels[k] }))} />
      <SelectField
        field={fields.purpose}
        label={labels.purpose}
        placeholder=""
        options={CONSENT_PURPOSE_CHOICES.map((p) => ({ value: p, label: t(`consultant.consentPurpose.${p}`) }))}
      />
      <SelectField
        field={fields.companyId}
        label={labels.companyId}
        hint={t("consultant.consents.companyHint")}
        placeholder={t("consultant.consents.companyNone")}
        options={companies.map((c) => ({ value: c.id, label: c.name }))}
      />
      <SelectField
        field={fields.channel}
        label={labels.channel}
        placeholder=""
        options={CONSENT_CHANNEL_CHOICES.map((c) => ({ value: c, label: t(`consultant.consentChannel.${c}`) }))}
      />
      <TextField field={fields.givenAt} label={labels.givenAt} hint={t("consultant.consents.givenAtHint")} type="date" />
      <button type="submit" className="button button-primary">
        {t("consultant.consents.record")}
      </button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
