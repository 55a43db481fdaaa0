// The vacancies that fit the candidate, best first; each opens the vacancy's pipeline at this match.
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/lib/use-language";
import type { CandidateProfile } from "~/portals/jobcentre/candidate-profile.server";

export function CandidateMatches({ matches }: { matches: CandidateProfile["matches"] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
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
                <th scope="col" className="align-text-right">
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
                  <td className="align-text-right">{Math.round(m.score)}</td>
                  <td>{t(`consultant.pipelineStatus.${m.pipelineStatus}`)}</td>
                  <td>{formatDate(m.vacancy.startDate, language)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
