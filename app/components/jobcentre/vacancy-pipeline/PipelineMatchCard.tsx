// A match on a vacancy's pipeline: the candidate by pseudonym, a form to move
// the match to another status, the courses of its upskilling path with seats
// to reserve, and its history.
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/lib/use-language";
import type { VacancyPipeline } from "~/modules/pipeline/service.server";
import { PIPELINE_CHOICES } from "~/portals/jobcentre/schema";

type PipelineMatch = VacancyPipeline["matches"][number];

export function PipelineMatchCard({ match, busy, error }: { match: PipelineMatch; busy: boolean; error: string | null }) {
  const { t } = useTranslation();
  return (
    <li id={`match-${match.id}`} className="card card-body" data-match-id={match.id} data-candidate={match.candidate.pseudonym}>
      <h4 className="h5">
        <Link to={`/jobcenter/kandidater/${match.candidate.id}`}>{match.candidate.pseudonym}</Link>
      </h4>
      <p>
        <span className="tag">{t(`consultant.matchKind.${match.kind}`)}</span> {t("consultant.vacancy.score", { score: Math.round(match.score) })}
        {!match.current ? <span className="tag"> {t("consultant.vacancy.notCurrent")}</span> : null}
      </p>
      {error ? (
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{error}</p>
        </div>
      ) : null}
      <MoveMatchForm match={match} busy={busy} />
      <MatchCourses match={match} busy={busy} />
      <MatchHistory history={match.history} />
    </li>
  );
}

function MoveMatchForm({ match, busy }: { match: PipelineMatch; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <Form method="post" className="pipeline-move">
      <input type="hidden" name="intent" value="move" />
      <input type="hidden" name="matchId" value={match.id} />
      <div className="form-group">
        <label className="form-label" htmlFor={`status-${match.id}`}>
          {t("consultant.vacancy.moveTo")}
        </label>
        <select className="form-select" id={`status-${match.id}`} name="status" defaultValue={match.status}>
          {PIPELINE_CHOICES.map((s) => (
            <option key={s} value={s}>
              {t(`consultant.pipelineStatus.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="form-group">
        <label className="form-label" htmlFor={`note-${match.id}`}>
          {t("consultant.vacancy.note")}
        </label>
        <input className="form-input" id={`note-${match.id}`} name="note" maxLength={500} />
      </div>
      <button type="submit" className="button button-secondary" disabled={busy}>
        {t("consultant.vacancy.move")}
      </button>
    </Form>
  );
}

function MatchCourses({ match, busy }: { match: PipelineMatch; busy: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (match.offerings.length === 0) return null;
  return (
    <div>
      <h5 className="h6">{t("consultant.vacancy.courseHeading")}</h5>
      <ul className="nobullet-list">
        {match.offerings.map((o) => (
          <li key={o.id} data-offering-id={o.id}>
            {o.courseTitle} ({formatDate(o.startDate, language)} – {formatDate(o.endDate, language)}, {o.online ? t("consultant.vacancy.online") : o.city}) –{" "}
            {o.cancelled ? t("consultant.vacancy.cancelled") : t("consultant.vacancy.seatsLeft", { count: o.seatsLeft })}
            {o.reserved ? (
              <span className="badge badge-success"> {t("consultant.vacancy.reserved")}</span>
            ) : !o.cancelled && o.seatsLeft > 0 ? (
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="reserve" />
                <input type="hidden" name="matchId" value={match.id} />
                <input type="hidden" name="offeringId" value={o.id} />
                <button
                  type="submit"
                  className="button button-secondary button-small"
                  disabled={busy}
                  aria-label={t("consultant.vacancy.reserveLabel", { course: o.courseTitle, candidate: match.candidate.pseudonym })}
                >
                  {t("consultant.vacancy.reserve")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

function MatchHistory({ history }: { history: PipelineMatch["history"] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <details className="details">
      <summary className="details-summary">{t("consultant.vacancy.history")}</summary>
      <div className="details-text">
        {history.length === 0 ? (
          <p>{t("consultant.vacancy.historyEmpty")}</p>
        ) : (
          <ol data-testid="match-history">
            {history.map((h) => (
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
  );
}
