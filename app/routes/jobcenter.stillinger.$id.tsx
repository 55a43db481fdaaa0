import { parseWithZod } from "@conform-to/zod/v4";
import { ConceptLabels } from "~/components/ConceptLabel";
import { shownLabel } from "~/modules/taxonomy/label";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import type { ParseKeys } from "i18next";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { DomainError } from "~/lib/errors";
import { MoveMatchSchema, PIPELINE_CHOICES, ReserveSeatSchema } from "~/portals/jobcentre/schema";
import { reserveSeat } from "~/modules/outcomes/service.server";
import { moveMatch, readPipeline } from "~/modules/pipeline/service.server";
import { or404, requireConsultant } from "~/portals/jobcentre/edge.server";
import { getDb } from "~/lib/db.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction<typeof loader> = ({ matches, data }) =>
  data ? [{ title: `${data.vacancy.title} – Jobbro` }] : pageTitle(matches, "consultant.vacancies.title");

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { actor } = await requireConsultant(request);
  return or404(() => readPipeline(getDb(), actor.organisationId, params.id ?? ""));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor } = await requireConsultant(request);
  const vacancyId = params.id ?? "";
  const formData = await readFormData(request);
  const intent = String(formData.get("intent") ?? "");
  if (intent === "move") {
    const submission = parseWithZod(formData, { schema: MoveMatchSchema });
    if (submission.status !== "success") return data({ matchId: String(formData.get("matchId") ?? ""), error: "consultant.pipeline.errors.status" as string }, { status: 400 });
    const moved = await or404(() => moveMatch(getDb(), actor, submission.value.matchId, submission.value.status, submission.value.note));
    // The match must belong to this page's vacancy; another one is as unknown as any other id.
    if (moved.vacancyId !== vacancyId) throw new Response("Not Found", { status: 404 });
    const flag = moved.changed ? "moved" : "unchanged";
    return redirect(`/jobcenter/stillinger/${vacancyId}?${flag}=${submission.value.status}#match-${submission.value.matchId}`);
  }
  if (intent === "reserve") {
    const submission = parseWithZod(formData, { schema: ReserveSeatSchema });
    if (submission.status !== "success") return data({ matchId: String(formData.get("matchId") ?? ""), error: "consultant.reservation.errors.notOffered" as string }, { status: 400 });
    try {
      await or404(() => reserveSeat(getDb(), actor, submission.value.matchId, submission.value.offeringId));
    } catch (error) {
      if (error instanceof DomainError && error.status < 500) {
        const message = error.fields?.offeringId ?? error.message;
        return data({ matchId: submission.value.matchId, error: message }, { status: error.status });
      }
      throw error;
    }
    return redirect(`/jobcenter/stillinger/${vacancyId}?reserved=1#match-${submission.value.matchId}`);
  }
  return data({ matchId: "", error: "consultant.pipeline.errors.status" as string }, { status: 400 });
}

export default function VacancyPipeline() {
  const { vacancy, matches } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  const navigation = useNavigation();
  const [params] = useSearchParams();
  const moved = params.get("moved") ?? params.get("unchanged");
  const required = vacancy.skills.filter((s) => s.requirement === "REQUIRED").map((s) => shownLabel(s.skill, language));
  const nice = vacancy.skills.filter((s) => s.requirement === "NICE_TO_HAVE").map((s) => shownLabel(s.skill, language));
  const errorText = (key: string) => (i18n.exists(key) ? t(key as ParseKeys) : key);

  return (
    <>
      <p>
        <Link to="/jobcenter/stillinger" className="back-link">
          {t("consultant.vacancies.title")}
        </Link>
      </p>
      <h1>{vacancy.title}</h1>
      {moved && (PIPELINE_CHOICES as readonly string[]).includes(moved) ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">
            {t(params.get("moved") ? "consultant.vacancy.moved" : "consultant.vacancy.unchanged", {
              status: t(`consultant.pipelineStatus.${moved as (typeof PIPELINE_CHOICES)[number]}`),
            })}
          </p>
        </div>
      ) : null}
      {params.get("reserved") ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{t("consultant.vacancy.reservedMessage")}</p>
        </div>
      ) : null}
      <dl className="summary-list">
        <dt>{t("consultant.vacancy.company")}</dt>
        <dd>{vacancy.organisation.name}</dd>
        <dt>{t("consultant.vacancy.place")}</dt>
        <dd>
          {vacancy.postalCode} {vacancy.city}
        </dd>
        <dt>{t("consultant.vacancy.start")}</dt>
        <dd>{formatDate(vacancy.startDate, language)}</dd>
        <dt>{t("consultant.vacancy.hours")}</dt>
        <dd>{vacancy.hoursPerWeek}</dd>
        <dt>{t("consultant.vacancy.positions")}</dt>
        <dd>{vacancy.positions}</dd>
        <dt>{t("consultant.vacancy.requiredSkills")}</dt>
        <dd>
          <ConceptLabels labels={required} />
        </dd>
        <dt>{t("consultant.vacancy.niceSkills")}</dt>
        <dd>
          <ConceptLabels labels={nice} />
        </dd>
      </dl>

      <h2>{t("consultant.vacancy.pipelineHeading")}</h2>
      <p>{t("consultant.vacancy.pipelineLead")}</p>
      {matches.length === 0 ? <p>{t("consultant.vacancy.empty")}</p> : null}
      {PIPELINE_CHOICES.map((status) => {
        const inStatus = matches.filter((m) => m.status === status);
        if (inStatus.length === 0) return null;
        return (
          <section key={status} aria-labelledby={`stage-${status}`} data-stage={status} className="pipeline-stage">
            <h3 id={`stage-${status}`}>
              {t(`consultant.pipelineStatus.${status}`)} <span className="badge">{inStatus.length}</span>
            </h3>
            <ul className="nobullet-list">
              {inStatus.map((m) => {
                const busy = navigation.state !== "idle" && navigation.formData?.get("matchId") === m.id;
                const error = actionData && actionData.matchId === m.id ? errorText(actionData.error) : null;
                return (
                  <li key={m.id} id={`match-${m.id}`} className="card card-body" data-match-id={m.id} data-candidate={m.candidate.pseudonym}>
                    <h4 className="h5">
                      <Link to={`/jobcenter/kandidater/${m.candidate.id}`}>{m.candidate.pseudonym}</Link>
                    </h4>
                    <p>
                      <span className="tag">{t(`consultant.matchKind.${m.kind}`)}</span> {t("consultant.vacancy.score", { score: Math.round(m.score) })}
                      {!m.current ? <span className="tag"> {t("consultant.vacancy.notCurrent")}</span> : null}
                    </p>
                    {error ? (
                      <div className="alert alert-error" role="alert">
                        <p className="alert-text">{error}</p>
                      </div>
                    ) : null}
                    <Form method="post" className="pipeline-move">
                      <input type="hidden" name="intent" value="move" />
                      <input type="hidden" name="matchId" value={m.id} />
                      <div className="form-group">
                        <label className="form-label" htmlFor={`status-${m.id}`}>
                          {t("consultant.vacancy.moveTo")}
                        </label>
                        <select className="form-select" id={`status-${m.id}`} name="status" defaultValue={m.status}>
                          {PIPELINE_CHOICES.map((s) => (
                            <option key={s} value={s}>
                              {t(`consultant.pipelineStatus.${s}`)}
                            </option>
                          ))}
                        </select>
                      </div>
                      <div className="form-group">
                        <label className="form-label" htmlFor={`note-${m.id}`}>
                          {t("consultant.vacancy.note")}
                        </label>
                        <input className="form-input" id={`note-${m.id}`} name="note" maxLength={500} />
                      </div>
                      <button type="submit" className="button button-secondary" disabled={busy}>
                        {t("consultant.vacancy.move")}
                      </button>
                    </Form>
                    {m.offerings.length > 0 ? (
                      <div>
                        <h5 className="h6">{t("consultant.vacancy.courseHeading")}</h5>
                        <ul className="nobullet-list">
                          {m.offerings.map((o) => (
                            <li key={o.id} data-offering-id={o.id}>
                              {o.courseTitle} ({formatDate(o.startDate, language)} – {formatDate(o.endDate, language)}, {o.online ? t("consultant.vacancy.online") : o.city}) –{" "}
                              {o.cancelled ? t("consultant.vacancy.cancelled") : t("consultant.vacancy.seatsLeft", { count: o.seatsLeft })}
                              {o.reserved ? (
                                <span className="badge badge-success"> {t("consultant.vacancy.reserved")}</span>
                              ) : !o.cancelled && o.seatsLeft > 0 ? (
                                <Form method="post" className="inline-form">
                                  <input type="hidden" name="intent" value="reserve" />
                                  <input type="hidden" name="matchId" value={m.id} />
                                  <input type="hidden" name="offeringId" value={o.id} />
                                  <button
                                    type="submit"
                                    className="button button-secondary button-small"
                                    disabled={busy}
                                    aria-label={t("consultant.vacancy.reserveLabel", { course: o.courseTitle, candidate: m.candidate.pseudonym })}
                                  >
                                    {t("consultant.vacancy.reserve")}
                                  </button>
                                </Form>
                              ) : null}
                            </li>
                          ))}
                        </ul>
                      </div>
                    ) : null}
                    <details className="details">
                      <summary className="details-summary">{t("consultant.vacancy.history")}</summary>
                      <div className="details-text">
                        {m.history.length === 0 ? (
                          <p>{t("consultant.vacancy.historyEmpty")}</p>
                        ) : (
                          <ol data-testid="match-history">
                            {m.history.map((h) => (
                              <li key={h.id}>
                                {new Intl.DateTimeFormat(language === "da" ? "da-DK" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/Copenhagen" }).format(new Date(h.at))}:{" "}
                                {t("consultant.vacancy.historyEntry", { from: t(`consultant.pipelineStatus.${h.from}`), to: t(`consultant.pipelineStatus.${h.to}`) })}
                                {h.by ? ` ${t("consultant.vacancy.by", { name: h.by })}` : null}
                                {h.note ? <q> {h.note}</q> : null}
                              </li>
                            ))}
                          </ol>
                        )}
                      </div>
                    </details>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
