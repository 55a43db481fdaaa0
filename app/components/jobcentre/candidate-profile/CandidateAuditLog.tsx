// Who read or changed the candidate's data, when and why: the same log the citizen sees.
import { useTranslation } from "react-i18next";
import { useLanguage } from "~/lib/use-language";
import type { CandidateProfile } from "~/portals/jobcentre/candidate-profile.server";

export function CandidateAuditLog({ audit }: { audit: CandidateProfile["audit"] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
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
  );
}
