// A vacancy's candidate suggestions as anonymous cards: pseudonym, score and
// why (each skill met or missing, distance, availability, the course for an
// upskilling match), read from the stored matches in PostgreSQL – so they still
// show, with the time they were computed, while Meilisearch is down. On each
// card the company asks the jobcentre for an introduction. Name and contact
// details appear only while the citizen's consent to share with this company
// stands, and each such reveal is audited (modules/introductions).
import { ConceptLabel } from "~/components/ConceptLabel";
import { shownLabel } from "~/modules/taxonomy/label";
import { getFormProps, getTextareaProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useErrorText } from "~/components/form";
import type { ContactRequestStatus } from "~/generated/prisma/enums";
import { NotFoundError } from "~/lib/errors";
import type { CandidateContact } from "~/modules/introductions/company-contact.server";
import { requestIntroduction } from "~/modules/introductions/request.server";
import { IntroductionRequestSchema } from "~/modules/introductions/schema";
import { searchAnswers } from "~/portals/company/vacancy-wizard.server";
import { isOwnVacancy, withIntroductions } from "~/portals/company/vacancy-matches.server";
import { readVacancyMatches } from "~/modules/matching/read.server";
import { requireRole } from "~/modules/auth/guards.server";
import { formatDate, formatNumber } from "~/lib/format";
import type { Language } from "~/i18n/config";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) => pageTitle(matches, "company.matches.title", { title: data?.vacancy.title ?? "" });

function notFound(): Response {
  return new Response("Not found", { status: 404 });
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const db = context.db;
  const actor = { organisationId: user.organisation.id, userId: user.id };
  const read = await readVacancyMatches(db, { ...actor, kind: "COMPANY" }, params.id ?? "").catch((error: unknown) => {
    throw error instanceof NotFoundError ? notFound() : error;
  });
  const [matches, searchAvailable] = await Promise.all([withIntroductions(db, actor, read.vacancy.id, read.matches), searchAnswers()]);
  return { vacancy: read.vacancy, computedAt: read.computedAt, searchAvailable, matches };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const db = context.db;
  const vacancyId = params.id ?? "";
  // Another company's vacancy answers 404, whatever the form says.
  if (!(await isOwnVacancy(db, user.organisation.id, vacancyId))) throw notFound();
  const formData = await readFormData(request);
  const matchId = String(formData.get("matchId") ?? "");
  const submission = parseWithZod(formData, { schema: IntroductionRequestSchema });
  if (submission.status !== "success") return data({ matchId, result: submission.reply(), created: null }, { status: 400 });
  try {
    const outcome = await requestIntroduction(db, { organisationId: user.organisation.id, userId: user.id }, vacancyId, submission.value);
    return { matchId, result: submission.reply({ resetForm: true }), created: outcome.created };
  } catch (error) {
    if (error instanceof NotFoundError) {
      return data({ matchId, result: submission.reply({ formErrors: ["company.matches.request.unavailable"] }), created: null }, { status: 400 });
    }
    throw error;
  }
}

type LoaderMatch = ReturnType<typeof useLoaderData<typeof loader>>["matches"][number];

function formatMoment(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(new Date(iso));
}

export default function VacancyMatches() {
  const { vacancy, computedAt, searchAvailable, matches } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  const [searchParams] = useSearchParams();
  const notice = searchParams.has("oprettet") ? t("company.wizard.created") : searchParams.has("gemt") ? t("company.edit.saved") : null;

  return (
    <>
      <p>
        <Link to="/virksomhed" className="back-link">
          {t("company.matches.backToOverview")}
        </Link>
      </p>
      <h1>{t("company.matches.title", { title: vacancy.title })}</h1>
      {notice ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{notice}</p>
        </div>
      ) : null}
      <p className="font-lead">{t("company.matches.lead")}</p>
      <p>
        <span className="badge badge-info">{t(`vacancyStatus.${vacancy.status}`)}</span>{" "}
        {vacancy.status !== "CLOSED" ? <Link to={`/virksomhed/stillinger/${vacancy.id}/rediger`}>{t("company.matches.editLink")}</Link> : null}
      </p>
      {!searchAvailable ? (
        <div className="alert alert-warning" role="status">
          <p className="alert-text">{t("company.matches.searchDown")}</p>
        </div>
      ) : null}
      <p>{computedAt ? t("company.matches.computedAt", { at: formatMoment(computedAt, language) }) : t("company.matches.notComputed")}</p>
      <h2>{t("company.matches.count", { count: matches.length })}</h2>
      {matches.length === 0 ? (
        computedAt ? <p>{t("company.matches.empty")}</p> : null
      ) : (
        <ul className="match-cards nobullet-list">
          {matches.map((match) => (
            <li key={match.id}>
              <MatchCard match={match} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function SkillLine({ skill }: { skill: LoaderMatch["explanation"]["requiredSkills"][number] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li>
      <span aria-hidden="true">{skill.met ? "✓ " : "✗ "}</span>
      <strong>{skill.met ? t("company.matches.met") : t("company.matches.missing")}:</strong>{" "}
      <ConceptLabel {...shownLabel({ labelEn: skill.labelEn ?? skill.skillId, labelDa: skill.labelDa }, language)} />
      {!skill.met && skill.viaOfferingId ? ` (${t("company.matches.viaCourse")})` : null}
      {skill.evidence === "related" && skill.viaSkill ? (
        <>
          {" ("}
          {t("company.matches.relatedHas")}{" "}
          <ConceptLabel {...shownLabel({ labelEn: skill.viaSkill.labelEn ?? skill.viaSkill.skillId, labelDa: skill.viaSkill.labelDa }, language)} />)
        </>
      ) : null}
    </li>
  );
}

function MatchCard({ match }: { match: LoaderMatch }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const titleId = `match-${match.id}-title`;
  const { explanation } = match;
  const metRequired = explanation.requiredSkills.filter((s) => s.met).length;
  return (
    <article className="card match-card" aria-labelledby={titleId} id={`match-${match.id}`}>
      <div className="card-content">
        <h3 className="header-title" id={titleId}>
          {match.contact ? match.contact.name : match.candidate.pseudonym}
          {match.isNew ? (
            <>
              {" "}
              <span className="badge badge-info">{t("company.matches.newBadge")}</span>
            </>
          ) : null}
        </h3>
        {match.contact ? <p className="form-hint">{match.candidate.pseudonym}</p> : null}
        <p>
          <strong>
            {t("company.matches.score")}: {formatNumber(Math.round(match.score), language)}
          </strong>{" "}
          – {t(`company.matches.kind.${match.kind}`)}
        </p>
        <p>{t("company.matches.skillsSummary", { met: metRequired, total: explanation.requiredSkills.length })}</p>
        {explanation.requiredSkills.length > 0 ? (
          <>
            <h4>{t("company.matches.required")}</h4>
            <ul className="match-skills nobullet-list">
              {explanation.requiredSkills.map((skill) => (
                <SkillLine key={skill.skillId} skill={skill} />
              ))}
            </ul>
          </>
        ) : null}
        {explanation.niceToHaveSkills.length > 0 ? (
          <>
            <h4>{t("company.matches.niceToHave")}</h4>
            <ul className="match-skills nobullet-list">
              {explanation.niceToHaveSkills.map((skill) => (
                <SkillLine key={skill.skillId} skill={skill} />
              ))}
            </ul>
          </>
        ) : null}
        <p>
          {explanation.distanceKm === null
            ? t("company.matches.distanceUnknown")
            : t("company.matches.distance", { km: formatNumber(explanation.distanceKm, language) })}
          <br />
          {explanation.availability.availableFrom
            ? t("company.matches.availableFrom", { date: formatDate(explanation.availability.availableFrom, language) })
            : null}
          {explanation.availability.availableByStart === false ? (
            <>
              <br />
              {t("company.matches.notAvailableByStart")}
            </>
          ) : null}
          {explanation.jobReadyBy && match.upskilling.length > 0 ? (
            <>
              <br />
              <strong>{t("company.matches.jobReadyBy", { date: formatDate(explanation.jobReadyBy, language) })}</strong>
            </>
          ) : null}
          {explanation.occupationFit ? (
            <>
              <br />
              {t("company.matches.occupationFit", { percent: formatNumber(Math.round(explanation.occupationFit.profile * 100), language) })}
              {explanation.occupationFit.years > 0 || explanation.occupationFit.sameOccupation
                ? ` · ${t(explanation.occupationFit.sameOccupation ? "company.matches.occupationYears" : "company.matches.siblingYears", { count: explanation.occupationFit.years })}`
                : null}
            </>
          ) : null}
        </p>
        {match.upskilling.map((course) => (
          <p key={course.offeringId}>
            <strong>{t("company.matches.course", { title: course.courseTitle ?? "" })}</strong>
            <br />
            {t("company.matches.courseDates", { start: formatDate(course.startDate, language), end: formatDate(course.endDate, language) })}
            {" – "}
            {course.online ? t("company.matches.online") : course.place ? `${course.place.postalCode} ${course.place.city ?? ""}`.trim() : null}
            {course.cancelled ? ` (${t("company.matches.cancelled")})` : null}
            {course.seatsLeft !== null && !course.cancelled ? ` – ${t("company.matches.seatsLeft", { count: course.seatsLeft })}` : null}
          </p>
        ))}
        {match.contact ? <ContactDetails contact={match.contact} /> : null}
        <IntroductionRequest matchId={match.id} status={match.requestStatus} />
      </div>
    </article>
  );
}

function ContactDetails({ contact }: { contact: CandidateContact }) {
  const { t } = useTranslation();
  return (
    <div className="alert alert-info">
      <div className="alert-body">
        <p className="alert-heading">{t("company.matches.contact.heading")}</p>
        <p className="alert-text">{t("company.matches.contact.shared")}</p>
        <dl className="alert-text">
          <dt>{t("company.matches.contact.name")}</dt>
          <dd>{contact.name}</dd>
          {contact.email ? (
            <>
              <dt>{t("company.matches.contact.email")}</dt>
              <dd>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </dd>
            </>
          ) : null}
          {contact.phone ? (
            <>
              <dt>{t("company.matches.contact.phone")}</dt>
              <dd>
                <a href={`tel:${contact.phone.replace(/\s+/g, "")}`}>{contact.phone}</a>
              </dd>
            </>
          ) : null}
        </dl>
      </div>
    </div>
  );
}

function IntroductionRequest({ matchId, status }: { matchId: string; status: ContactRequestStatus | null }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigation = useNavigation();
  const actionData = useActionData<typeof action>();
  const mine = actionData?.matchId === matchId ? actionData : null;
  const [form, fields] = useForm({
    id: `request-${matchId}`,
    lastResult: mine?.result,
    constraint: getZodConstraint(IntroductionRequestSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: IntroductionRequestSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("matchId") === matchId;

  if (status) {
    return (
      <div role="status">
        {mine?.created === true ? <p className="alert-text">{t("company.matches.request.sent")}</p> : null}
        {mine?.created === false ? <p className="alert-text">{t("company.matches.request.already")}</p> : null}
        <p>
          <span className="badge badge-success">{t("company.matches.request.status", { status: t(`company.requestStatus.${status}`) })}</span>
        </p>
      </div>
    );
  }
  const messageError = errorText(fields.message.errors);
  const formError = errorText(form.errors);
  return (
    <details className="details" open={Boolean(messageError || formError)}>
      <summary className="details-summary">{t("company.matches.request.button")}</summary>
      <div className="details-text">
        <Form method="post" {...getFormProps(form)} noValidate>
          <input type="hidden" name="matchId" value={matchId} />
          {formError ? (
            <p className="form-error-message" role="alert">
              {formError}
            </p>
          ) : null}
          <div className={`form-group${messageError ? " form-error" : ""}`}>
            <label className="form-label" htmlFor={fields.message.id}>
              {t("company.matches.request.message")}
            </label>
            <span className="form-hint" id={`${fields.message.id}-hint`}>
              {t("company.matches.request.messageHint")}
            </span>
            {messageError ? (
              <span className="form-error-message" id={fields.message.errorId}>
                {messageError}
              </span>
            ) : null}
            <textarea
              className="form-input"
              rows={4}
              {...getTextareaProps(fields.message, { ariaDescribedBy: `${fields.message.id}-hint${messageError ? ` ${fields.message.errorId}` : ""}` })}
            />
          </div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("forms.working") : t("company.matches.request.submit")}
          </button>
        </Form>
      </div>
    </details>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
