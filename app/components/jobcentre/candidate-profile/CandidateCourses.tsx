// The candidate's reserved course seats; one not yet completed can be marked completed on a date.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/lib/use-language";
import type { CandidateProfile } from "~/portals/jobcentre/candidate-profile.server";

export function CandidateCourses({
  reservations,
  today,
  rejected,
}: {
  reservations: CandidateProfile["reservations"];
  /** The default completion date (yyyy-mm-dd). */
  today: string;
  /** The last "completed" submission named an offering the candidate holds no seat on. */
  rejected: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="courses">
      <h2 id="courses">{t("consultant.courses.heading")}</h2>
      {rejected ? (
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
  );
}
